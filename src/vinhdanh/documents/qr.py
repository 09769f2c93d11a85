"""QR codes as PDF vector paths: one filled path of rectangles, no image, no widget."""

import re

# A horizontal run of dark modules in one row of the module bitmap (0 = dark, 255 = light).
_DARK_RUN = re.compile(rb"\x00+")
# Rows are cut into pieces of this many modules whose rectangles are formatted once per
# process (a few thousand distinct pieces in all): a 33×33 code then costs about a hundred
# dictionary look-ups instead of 350 formattings.
_PIECE = 12
# Any of the eight masks is valid QR (the code's format information names it for the reader).
# Choosing one by the penalty rules costs zxing ten times the encoding itself (≈0.3 ms a code),
# so we fix the mask it picks itself for three in four of our verification links.
DATA_MASK = 2


def qr_modules(text: str) -> tuple[int, list[bytes]]:
    """The QR code (error correction M) of ``text`` as its side in modules and one bytes
    row per module row, without the quiet zone."""
    import zxingcpp

    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M",
                                     data_mask=DATA_MASK)
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    height, width = image.shape
    pixels = bytes(image)
    return width, [pixels[row * width:(row + 1) * width] for row in range(height)]


def qr_path(x: float, y: float, size_pt: float, text: str) -> bytes:
    """Content-stream operators drawing the QR code of ``text`` in black with its lower-left
    corner at (``x``, ``y``), ``size_pt`` points wide. Adjacent dark modules of a row become
    one rectangle, all filled at once; the caller leaves room for the quiet zone."""
    size, rows = qr_modules(text)
    module = size_pt / size
    # Module units, rows counted downwards from the top edge: the rectangles stay integers.
    ops = [f"q 0 g {module:.4f} 0 0 {-module:.4f} {x:.2f} {y + size_pt:.2f} cm"]
    pieces = range(0, size, _PIECE)
    for index, row in enumerate(rows):
        runs = "".join([_PIECE_RUNS[start, row[start:start + _PIECE]] for start in pieces])
        ops.append(runs.replace("R", str(index)))
    ops.append("f Q")
    return "\n".join(ops).encode("ascii")


class _PieceRuns(dict):
    """(start, piece of a row) → its rectangles, ``R`` standing for the row; a run that
    crosses into the next piece simply becomes two touching rectangles."""

    def __missing__(self, key: tuple[int, bytes]) -> str:
        start, piece = key
        runs = "".join(f"{start + run.start()} R {run.end() - run.start()} 1 re "
                       for run in _DARK_RUN.finditer(piece))
        self[key] = runs
        return runs


_PIECE_RUNS = _PieceRuns()
