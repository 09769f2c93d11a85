"""Certificates (Bằng khen, Giấy khen, titles, flags) as fixed-layout PDFs.

The layout follows the official Bằng khen sample: national emblem and heading at the top, the
issuer in red, "Tặng", the honour, the recipient and the achievement in the middle, the
decision and golden-book numbers bottom left, place, date and signer bottom right, and a QR
code that leads to the public verification page. ``preprinted=True`` prints only the variable
fields, for the paper forms (phôi) that already carry the border and heading.
"""

import dataclasses
import datetime as dt
import functools
import math

from vinhdanh.core.text import nfc
from vinhdanh.documents import pdf
from vinhdanh.documents.qr import qr_path

KINDS = ("bang_khen", "giay_khen", "title", "flag")
MM = 72 / 25.4
DESIGN_SIZE = (297 * MM, 210 * MM)  # the layout is drawn on A4 landscape and scaled to A3
PAGE_SIZES = {"A4": DESIGN_SIZE, "A3": (420 * MM, 297 * MM)}
RED = b"0.75 0.05 0.05"
GOLD = b"0.80 0.62 0.18"
BLACK = b"0 0 0"
FONT_NAMES = {"regular": b"F1", "bold": b"F2", "italic": b"F3"}
QR_SIZE_MM = 24
# Default positions in mm from the bottom-left corner of an A4 landscape page: the centre of
# the baseline for centred fields; the start of the baseline for left-aligned ones; the
# lower-left corner for the QR code. On A3 they scale with the page.
FIELD_POSITIONS: dict[str, tuple[float, float]] = {
    "issuer_line": (148.5, 145), "gives": (148.5, 136), "honour": (148.5, 121),
    "recipient": (148.5, 106), "recipient_detail": (148.5, 98.5), "achievement": (148.5, 90),
    "qr": (26, 37), "verify_url": (26, 33.5),
    "decision_line": (26, 26.5), "golden_book_line": (26, 20.5),
    "place_date": (220, 62), "signer_authority": (220, 55.5), "signer_title": (220, 49.5),
    "signer_name": (220, 19.5),
}
# Per field: font style, size in points, colour, widest extent in mm (shrunk to fit), aligned
# left (else centred).
STYLES = {
    "issuer_line": ("bold", 16, RED, 250, False), "gives": ("italic", 15, BLACK, 250, False),
    "honour": ("bold", 36, RED, 250, False), "recipient": ("bold", 20, BLACK, 250, False),
    "recipient_detail": ("regular", 14, BLACK, 240, False),
    "achievement": ("italic", 14, BLACK, 180, False),
    "verify_url": ("regular", 7, BLACK, 110, True),
    "decision_line": ("regular", 12, BLACK, 125, True),
    "golden_book_line": ("regular", 12, BLACK, 125, True),
    "place_date": ("italic", 13, BLACK, 95, False),
    "signer_authority": ("bold", 13, BLACK, 95, False),
    "signer_title": ("bold", 13, BLACK, 95, False), "signer_name": ("bold", 14, BLACK, 95, False),
}
PREPRINTED_FIELDS = ("recipient", "recipient_detail", "decision_line", "golden_book_line",
                     "place_date", "signer_authority", "signer_title", "signer_name",
                     "verify_url")
FULL_FIELDS = ("issuer_line", "gives", "honour", *PREPRINTED_FIELDS)
# Page contents are about 6.5 kB; deflating them at level 1 (to about 2 kB) costs some 35 µs a
# page, as much as a tenth of the whole page. Files stay small anyway: the fonts dominate.
CONTENT_COMPRESSION = None
ACHIEVEMENT_LINES = 4
ACHIEVEMENT_SMALLEST = 9.0


@dataclasses.dataclass(frozen=True)
class CertificateText:
    """What one certificate says; Vietnamese data as the caller wants it printed."""

    kind: str
    issuer_line: str
    honour: str
    recipient: str
    recipient_detail: str
    achievement: str
    decision_line: str
    golden_book_line: str
    place_date: str
    signer_authority: str
    signer_title: str
    signer_name: str
    verify_url: str
    national_name: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    gives: str = "Tặng"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Unknown certificate kind {self.kind!r}")


@dataclasses.dataclass(frozen=True)
class Calibration:
    """Where the printer puts the variable fields on pre-printed forms (phôi in sẵn).

    Offsets and positions apply to ``preprinted=True`` only; the page size to both modes."""

    offset_x_mm: float = 0
    offset_y_mm: float = 0
    page: str = "A4"
    positions: dict | None = None  # {"recipient": (x_mm, y_mm), …} on the actual page

    def __post_init__(self):
        if self.page not in PAGE_SIZES:
            raise ValueError(f"Unknown page size {self.page!r}")
        unknown = set(self.positions or {}) - set(FIELD_POSITIONS)
        if unknown:  # a misspelt field would otherwise be ignored without a word
            raise ValueError(f"Unknown certificate fields {sorted(unknown)}")


def render(cert: CertificateText, *, preprinted: bool = False,
           calibration: Calibration = Calibration()) -> bytes:
    """One certificate as a one-page PDF."""
    return render_combined([cert], preprinted=preprinted, calibration=calibration)


def render_combined(certs, *, preprinted: bool = False,
                    calibration: Calibration = Calibration()) -> bytes:
    """Certificates as one PDF, one page each, for printing in one go; the fonts and the
    background are stored once."""
    certs = list(certs)
    if not certs:
        raise ValueError("No certificates to render")
    headings = tuple(dict.fromkeys(_heading(cert) for cert in certs))
    static, resources = _static_part(preprinted, headings if not preprinted else ())
    first = static.count + 1  # catalog, pages, info, then page and contents per certificate
    pages = [first + 3 + 2 * index for index in range(len(certs))]
    width, height = PAGE_SIZES[calibration.page]
    bodies = [b"<< /Type /Catalog /Pages %d 0 R >>" % (first + 1),
              b"<< /Type /Pages /Kids [%s] /Count %d >>"
              % (b" ".join(b"%d 0 R" % page for page in pages), len(pages)),
              pdf.info(_title(certs), dt.datetime.now(dt.UTC))]
    for cert, page in zip(certs, pages, strict=True):
        background = None if preprinted else headings.index(_heading(cert))
        bodies.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
                      b"/Resources %d 0 R /Contents %d 0 R >>"
                      % (first + 1, width, height, resources, page + 1))
        content = _page_content(cert, background, preprinted, calibration)
        bodies.append(pdf.stream(content, level=CONTENT_COMPRESSION))
    return pdf.document(static, bodies, root=first, info=first + 2)


def _heading(cert: CertificateText) -> tuple[str, str]:
    return nfc(cert.national_name), nfc(cert.motto)


def _title(certs: list[CertificateText]) -> str:
    if len(certs) == 1:
        return f"{nfc(certs[0].honour)} – {nfc(certs[0].recipient)}"
    return ", ".join(dict.fromkeys(nfc(cert.honour) for cert in certs))


@functools.lru_cache(maxsize=32)
def _static_part(preprinted: bool, headings: tuple) -> tuple[pdf.StaticPart, int]:
    """Fonts, backgrounds (one per distinct national heading) and the shared resource
    dictionary, serialised once; returns the part and the resource dictionary's number."""
    bodies, fonts = [], []
    for style, name in FONT_NAMES.items():
        fonts.append(b"/%s %d 0 R" % (name, len(bodies) + 1))
        bodies.extend(pdf.font(style).objects(len(bodies) + 1))
    resources = len(bodies) + len(headings) + 1
    forms = [b"/BG%d %d 0 R" % (index, len(bodies) + index + 1)
             for index in range(len(headings))]
    bodies.extend(_background(heading, resources) for heading in headings)
    bodies.append(b"<< /Font << %s >> /XObject << %s >> >>"
                  % (b" ".join(fonts), b" ".join(forms)))
    return pdf.StaticPart(bodies), resources


def _page_content(cert, background, preprinted, calibration) -> bytes:
    scale = PAGE_SIZES[calibration.page][0] / DESIGN_SIZE[0]
    ops = []
    if background is not None:
        ops.append(b"q %.5f 0 0 %.5f 0 0 cm /BG%d Do Q" % (scale, scale, background))
    if not preprinted:  # our own border and heading: the layout's positions, as designed
        calibration = Calibration(page=calibration.page)
    dx, dy = calibration.offset_x_mm * MM, calibration.offset_y_mm * MM
    ops.append(b"q %.5f 0 0 %.5f %.2f %.2f cm" % (scale, scale, dx, dy))
    place = functools.partial(_position, overrides=calibration.positions or {}, scale=scale)
    for field in (PREPRINTED_FIELDS if preprinted else FULL_FIELDS):
        ops.append(_line(field, getattr(cert, field), place(_slot(cert, field))))
    ops.append(_achievement(nfc(cert.achievement), place("achievement")))
    qr_x, qr_y = place("qr")
    ops.append(qr_path(qr_x, qr_y, QR_SIZE_MM * MM, cert.verify_url))
    ops.append(b"Q")
    return b"\n".join(ops)


def _slot(cert: CertificateText, field: str) -> str:
    """Where a field goes: a signer without "KT." takes the authority's line himself."""
    if field == "signer_title" and not cert.signer_authority.strip():
        return "signer_authority"
    return field


def _position(field: str, *, overrides: dict, scale: float) -> tuple[float, float]:
    """A field's position in design points; overrides are mm on the actual page."""
    if field in overrides:
        x_mm, y_mm = overrides[field]
        return x_mm * MM / scale, y_mm * MM / scale
    x_mm, y_mm = FIELD_POSITIONS[field]
    return x_mm * MM, y_mm * MM


def _line(field: str, value: str, position: tuple[float, float]) -> bytes:
    """One line of text, shrunk to its field's widest extent."""
    style, size, colour, widest_mm, left = STYLES[field]
    value = nfc(value)
    if not value:
        return b""
    face = pdf.font(style)
    width = face.width(value, size)
    if width > widest_mm * MM:
        size, width = size * widest_mm * MM / width, widest_mm * MM
    x = position[0] if left else position[0] - width / 2
    return _show(face, style, size, colour, x, position[1], value)


def _show(face, style, size, colour, x, y, value) -> bytes:
    return b"BT %s rg /%s %.2f Tf %.2f %.2f Td %s Tj ET" % (
        colour, FONT_NAMES[style], size, x, y, face.encode(value))


def _achievement(value: str, position: tuple[float, float]) -> bytes:
    """The achievement, centred, wrapped to at most four lines, smaller type if needed."""
    style, size, colour, widest_mm, _ = STYLES["achievement"]
    face = pdf.font(style)
    lines = pdf.wrap(value, face, size, widest_mm * MM)
    while len(lines) > ACHIEVEMENT_LINES and size > ACHIEVEMENT_SMALLEST:
        size -= 0.5
        lines = pdf.wrap(value, face, size, widest_mm * MM)
    if len(lines) > ACHIEVEMENT_LINES:
        raise ValueError("The achievement does not fit in four lines on a certificate")
    x, y = position
    return b"\n".join(_show(face, style, size, colour, x - face.width(line, size) / 2,
                            y - index * size * 1.3, line) for index, line in enumerate(lines))


def _background(heading: tuple[str, str], resources: int) -> bytes:
    """The decorative page as a Form XObject in design points: borders, corner ornaments,
    the emblem placeholder and the national heading."""
    name, motto = heading
    bold = pdf.font("bold")
    centre = DESIGN_SIZE[0] / 2
    motto_width = bold.width(motto, 14)
    ops = [_borders(*DESIGN_SIZE), _emblem(centre, 183 * MM, 9 * MM),
           _show(bold, "bold", 13, BLACK, centre - bold.width(name, 13) / 2, 165 * MM, name),
           _show(bold, "bold", 14, BLACK, centre - motto_width / 2, 158.5 * MM, motto),
           b"0 G 0.6 w %.2f %.2f m %.2f %.2f l S" % (centre - motto_width / 2, 156.3 * MM,
                                                    centre + motto_width / 2, 156.3 * MM)]
    return pdf.stream(b"\n".join(ops), level=pdf.FONT_COMPRESSION,
                      extra=b"/Type /XObject /Subtype /Form /BBox [0 0 %.2f %.2f] "
                            b"/Resources %d 0 R" % (*DESIGN_SIZE, resources))


def _borders(width: float, height: float) -> bytes:
    """A red frame, a gold one and a fine red one inside, with diamonds at the corners and
    the middle of each side and gold brackets in the inner corners."""
    ops = [b"%s RG 2.5 w %s S" % (RED, _frame(width, height, 8 * MM)),
           b"%s RG 1.2 w %s S" % (GOLD, _frame(width, height, 10.5 * MM)),
           b"%s RG 0.5 w %s S" % (RED, _frame(width, height, 12 * MM)),
           b"%s RG 0.8 w %s S" % (GOLD, _brackets(width, height, 15 * MM, 25 * MM))]
    inset = 10.5 * MM
    points = [(x, y) for x in (inset, width / 2, width - inset)
              for y in (inset, height / 2, height - inset) if (x, y) != (width / 2, height / 2)]
    ops.append(b"%s rg %s f" % (GOLD, b" ".join(_diamond(x, y, 4.5 * MM) for x, y in points)))
    ops.append(b"%s rg %s f" % (RED, b" ".join(_diamond(x, y, 2 * MM) for x, y in points)))
    return b"\n".join(ops)


def _frame(width: float, height: float, inset: float) -> bytes:
    return b"%.2f %.2f %.2f %.2f re" % (inset, inset, width - 2 * inset, height - 2 * inset)


def _brackets(width: float, height: float, inset: float, arm: float) -> bytes:
    """An L in each corner: from one arm's end to the corner to the other arm's end."""
    paths = []
    for x, dx in ((inset, arm), (width - inset, -arm)):
        for y, dy in ((inset, arm), (height - inset, -arm)):
            paths.append(b"%.2f %.2f m %.2f %.2f l %.2f %.2f l" % (x, y + dy, x, y, x + dx, y))
    return b" ".join(paths)


def _diamond(x: float, y: float, radius: float) -> bytes:
    return b"%.2f %.2f m %.2f %.2f l %.2f %.2f l %.2f %.2f l h" % (
        x, y + radius, x + radius, y, x, y - radius, x - radius, y)


def _emblem(x: float, y: float, radius: float) -> bytes:
    """A placeholder for the national emblem (printed on the real forms): a red disc in a
    gold ring with a gold five-pointed star."""
    star = []
    for point in range(10):
        reach = radius * (0.68 if point % 2 == 0 else 0.27)
        angle = math.pi / 2 + point * math.pi / 5
        star.append(b"%.2f %.2f %s" % (x + reach * math.cos(angle), y + reach * math.sin(angle),
                                       b"l" if point else b"m"))
    return b"%s rg %s RG 1.5 w %s B %s rg %s h f" % (
        RED, GOLD, _circle(x, y, radius), GOLD, b" ".join(star))


def _circle(x: float, y: float, radius: float) -> bytes:
    k = 0.5523 * radius  # Bézier control distance for a quarter circle
    return (b"%.2f %.2f m " % (x + radius, y) + b" ".join(
        b"%.2f %.2f %.2f %.2f %.2f %.2f c" % (x + a1, y + b1, x + a2, y + b2, x + a3, y + b3)
        for a1, b1, a2, b2, a3, b3 in (
            (radius, k, k, radius, 0, radius), (-k, radius, -radius, k, -radius, 0),
            (-radius, -k, -k, -radius, 0, -radius), (k, -radius, radius, -k, radius, 0)))
        + b" h")
