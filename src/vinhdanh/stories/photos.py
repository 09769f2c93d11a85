"""A story's photo from an upload: judged by its content, turned upright, made smaller and
stripped of its metadata.

Phones write the place a photo was taken, the device and the time into its EXIF data; the
public must not get them, so only the pixels (and the colour profile) are kept. The large
image is at most 1600 px on its long side, the thumbnail 480 px, both JPEG. This module
knows bytes only; ``services.photos`` stores the result.
"""

import io
import warnings
from dataclasses import dataclass

from vinhdanh.core.uploads import MB

MAX_BYTES = 20 * MB
MAX_PIXELS = 40_000_000
LARGE_SIDE = 1600
THUMB_SIDE = 480
QUALITY = 85
# What browsers show and Pillow reads without plugins (MPO: the JPEG of some cameras).
FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "GIF"})


class PhotoRefused(Exception):
    """The upload is not a photo we keep; ``reason`` is "size", "pixels" or "format"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Rendition:
    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class ProcessedPhoto:
    image: Rendition
    thumbnail: Rendition


def _open(upload):
    from PIL import Image

    upload.seek(0)
    # Our own pixel limit below is stricter than Pillow's bomb warning.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        opened = Image.open(upload)
    if opened.format not in FORMATS:
        raise PhotoRefused("format")
    if opened.width * opened.height > MAX_PIXELS:
        raise PhotoRefused("pixels")
    return opened


def _rgb(image):
    """Opaque RGB: transparent parts of a PNG or GIF become white, not black."""
    from PIL import Image

    if image.mode in ("RGBA", "LA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def _render(image, side: int, icc_profile) -> Rendition:
    from PIL import Image

    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    # No exif= argument: the saved JPEG carries no EXIF block at all.
    copy.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True,
              icc_profile=icc_profile)
    return Rendition(out.getvalue(), copy.width, copy.height)


def check(upload) -> None:
    """PhotoRefused unless ``upload`` is an image we keep; reads its header only."""
    from PIL import Image

    if upload.size > MAX_BYTES:
        raise PhotoRefused("size")
    try:
        _open(upload)  # not closed: closing would close the upload itself
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise PhotoRefused("format") from error
    finally:
        upload.seek(0)


def process(upload) -> ProcessedPhoto:
    """The large image and the thumbnail of ``upload``; PhotoRefused when it is too big or
    not an image."""
    from PIL import Image, ImageOps

    if upload.size > MAX_BYTES:
        raise PhotoRefused("size")
    try:
        opened = _open(upload)
        icc_profile = opened.info.get("icc_profile")
        upright = _rgb(ImageOps.exif_transpose(opened))
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise PhotoRefused("format") from error
    finally:
        upload.seek(0)
    return ProcessedPhoto(image=_render(upright, LARGE_SIDE, icc_profile),
                          thumbnail=_render(upright, THUMB_SIDE, icc_profile))
