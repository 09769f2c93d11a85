"""Helpers for the document tests: poppler wrappers (text, boxes, raster) and a PGM reader."""

import re
import shutil
import subprocess
import unicodedata

import pytest

needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdftoppm")),
    reason="poppler-utils are needed to read PDFs back")
VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)'
                   r"</word>")


def _run(tool: str, *arguments: str, data: bytes | None = None) -> bytes:
    return subprocess.run(  # noqa: S603 - fixed tools, our own temporary files
        [shutil.which(tool), *arguments], input=data, check=True, capture_output=True,
        timeout=60).stdout


def pdf_text(pdf: bytes) -> str:
    """The text a reader would copy out of ``pdf``, every run of blanks made one space."""
    return " ".join(_run("pdftotext", "-", "-", data=pdf).decode("utf-8").split())


def pdf_info(pdf: bytes) -> dict[str, str]:
    """``pdfinfo``'s fields (Pages, Page size, Title, …)."""
    lines = _run("pdfinfo", "-", data=pdf).decode("utf-8").splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def word_boxes(pdf: bytes) -> list[tuple[str, float, float]]:
    """Every word with the top-left corner of its box, in points from the page's top-left."""
    html = _run("pdftotext", "-bbox", "-", "-", data=pdf).decode("utf-8")
    return [(word, float(x), float(y)) for x, y, word in _WORD.findall(html)]


def render_png(pdf: bytes, tmp_path) -> bytes:
    """The first page as a PNG (low resolution: a smoke test that poppler can draw it)."""
    (tmp_path / "page.pdf").write_bytes(pdf)
    _run("pdftoppm", "-r", "30", "-png", "-singlefile", str(tmp_path / "page.pdf"),
         str(tmp_path / "page"))
    return (tmp_path / "page.png").read_bytes()


def render_gray(pdf: bytes, tmp_path, dpi: int = 200) -> tuple[int, int, bytes]:
    """The first page in grey at ``dpi``: width, height and one byte per pixel."""
    (tmp_path / "page.pdf").write_bytes(pdf)
    _run("pdftoppm", "-r", str(dpi), "-gray", "-singlefile", str(tmp_path / "page.pdf"),
         str(tmp_path / "page"))
    return read_pgm((tmp_path / "page.pgm").read_bytes())


def read_pgm(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary PGM (P5, 8 bits) file."""
    fields, position = [], 0
    while len(fields) < 4:  # magic, width, height, maximum value; "#" starts a comment
        match = re.compile(rb"\s*(#[^\n]*\n\s*)*(\S+)").match(data, position)
        fields.append(match.group(2))
        position = match.end()
    if fields[0] != b"P5" or fields[3] != b"255":
        raise ValueError("Not an 8-bit binary PGM")
    width, height = int(fields[1]), int(fields[2])
    start = position + 1  # one blank after the maximum value
    return width, height, data[start:start + width * height]


def every_vietnamese_letter() -> str:
    """Every vowel with every tone, upper and lower case, and đ Đ: NFC."""
    letters = [unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in TONES]
    return "".join(letters) + "".join(letters).upper() + "đĐ"
