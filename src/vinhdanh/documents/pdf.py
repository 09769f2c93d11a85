"""A minimal fixed-layout PDF writer: embedded TrueType subsets, streams, an xref table.

Everything that is the same in every file (font programs, widths, ToUnicode maps, shared
resources) is built once per process and kept as ready bytes with fixed object numbers; a
document then appends only its own few objects and the cross-reference table. That is what
makes a certificate cost about a millisecond instead of the tens a general toolkit needs.
"""

import datetime as dt
import functools
import hashlib
import io
import zlib
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}
# Font programs never change: pay for the better compression once.
FONT_COMPRESSION = 6
HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
PRODUCER = "Vinh Danh"
_VIETNAMESE_EXTRA = "ĂăĐđĨĩŨũƠơƯư" + "".join(map(chr, range(0x1EA0, 0x1EFA)))
_PUNCTUATION = "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00b7\u2116\u00a0"


def repertoire() -> str:
    """Every character a certificate may carry: ASCII, Latin-1, every Vietnamese letter
    with every tone (upper and lower case), typographic quotes and dashes."""
    latin = "".join(map(chr, [*range(0x20, 0x7F), *range(0xA0, 0x180)]))
    return "".join(sorted(set(latin + _VIETNAMESE_EXTRA + _PUNCTUATION)))


class PdfFont:
    """One embedded font: a subset over ``repertoire()`` with its widths and glyph codes.

    Built once per process (see ``font``); ``encode`` and ``width`` are dictionary look-ups
    only, so no per-glyph work touches fontTools after start-up."""

    def __init__(self, style: str):
        from fontTools.ttLib import TTFont

        self.style = style
        self.program = _subset(FONT_DIR / FONT_FILES[style])
        subset = TTFont(io.BytesIO(self.program))
        scale = 1000 / subset["head"].unitsPerEm
        order = subset.getGlyphOrder()
        gid = {name: index for index, name in enumerate(order)}
        cmap = subset.getBestCmap()
        self.codes = {chr(cp): f"{gid[name]:04X}" for cp, name in cmap.items()}
        metrics = subset["hmtx"].metrics
        self.advances = {chr(cp): metrics[name][0] * scale for cp, name in cmap.items()}
        self.glyph_widths = [round(metrics[name][0] * scale) for name in order]
        self.unicodes = {gid[name]: chr(cp) for cp, name in sorted(cmap.items(), reverse=True)}
        self.metrics = _descriptor_metrics(subset, scale)
        self.base_name = f"VDVDVD+{subset['name'].getDebugName(6) or style}"

    def encode(self, text: str) -> bytes:
        """The text as a hex string of glyph ids (``<0012002A…>``) for Identity-H."""
        try:
            return b"<" + "".join(map(self.codes.__getitem__, text)).encode("ascii") + b">"
        except KeyError:
            raise ValueError(_unsupported(text, self.codes)) from None

    def width(self, text: str, size: float) -> float:
        """Advance width of ``text`` at ``size`` points (no kerning), in points."""
        try:
            return sum(map(self.advances.__getitem__, text)) * size / 1000
        except KeyError:
            raise ValueError(_unsupported(text, self.codes)) from None

    def objects(self, first: int) -> list[bytes]:
        """Bodies of the five objects numbered ``first``…``first+4``: Type0 font, CID font,
        descriptor, font program, ToUnicode map."""
        name = self.base_name.encode("ascii")
        widths = b" ".join(b"%d" % w for w in self.glyph_widths)
        return [
            b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "
            b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (name, first + 1, first + 4),
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry "
            b"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R "
            b"/CIDToGIDMap /Identity /DW 1000 /W [0 [%s]] >>" % (name, first + 2, widths),
            b"<< /Type /FontDescriptor /FontName /%s %s /FontFile2 %d 0 R >>"
            % (name, self.metrics, first + 3),
            stream(self.program, level=FONT_COMPRESSION, extra=b"/Length1 %d" % len(self.program)),
            stream(_to_unicode(self.unicodes), level=FONT_COMPRESSION),
        ]


def _unsupported(text: str, codes: dict) -> str:
    char = next(ch for ch in text if ch not in codes)
    return f"Character {char!r} (U+{ord(char):04X}) cannot be printed on a certificate"


def _subset(path: Path) -> bytes:
    from fontTools import subset

    options = subset.Options()
    options.hinting = False  # screen hinting is useless in print and doubles the size
    options.layout_features = []  # NFC Vietnamese needs no shaping: one code point, one glyph
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "DSIG", "FFTM"]
    options.name_IDs = [1, 2, 4, 6]
    options.notdef_outline = True
    font = subset.load_font(io.BytesIO(path.read_bytes()), options)  # no file left open
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(ch) for ch in repertoire()])
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _descriptor_metrics(font, scale: float) -> bytes:
    head, hhea, os2 = font["head"], font["hhea"], font["OS/2"]
    box = [round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)]
    italic = font["post"].italicAngle
    flags = 2 | 4 | (64 if italic else 0)  # serif, symbolic (Identity-H), italic
    return (b"/Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /Ascent %d /Descent %d "
            b"/CapHeight %d /StemV 80" % (flags, *box, italic, round(hhea.ascent * scale),
                                          round(hhea.descent * scale),
                                          round(os2.sCapHeight * scale)))


def _to_unicode(unicodes: dict[int, str]) -> bytes:
    """A ToUnicode CMap so text extraction (pdftotext, search, copy) gives back the text."""
    pairs = [f"<{gid:04X}> <{ord(ch):04X}>" for gid, ch in sorted(unicodes.items())]
    blocks = [pairs[i:i + 100] for i in range(0, len(pairs), 100)]  # at most 100 per block
    chunks = [f"{len(block)} beginbfchar\n" + "\n".join(block) + "\nendbfchar"
              for block in blocks]
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + "\n".join(chunks) + "\nendcmap CMapName currentdict /CMap defineresource pop "
            "end end\n").encode("ascii")


@functools.cache
def font(style: str) -> PdfFont:
    """The process-wide ``PdfFont`` of a style (``regular``, ``bold``, ``italic``,
    ``bolditalic``)."""
    return PdfFont(style)


def wrap(text: str, pdf_font: PdfFont, size: float, max_width: float) -> list[str]:
    """Lines of ``text`` no wider than ``max_width`` points, broken at spaces; a single word
    wider than the line stays on a line of its own."""
    words = text.split()
    widths = [pdf_font.width(word, size) for word in words]
    space = pdf_font.width(" ", size)
    lines: list[list[str]] = []
    used = max_width + 1  # no line yet: the first word opens one
    for word, width in zip(words, widths, strict=True):
        if used + space + width > max_width:
            lines.append([word])
            used = width
        else:
            lines[-1].append(word)
            used += space + width
    return [" ".join(line) for line in lines]


def stream(data: bytes, *, level: int | None = None, extra: bytes = b"") -> bytes:
    """A stream object's body, deflated at ``level`` (None: stored as is)."""
    if level is None:
        return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), extra, data)
    packed = zlib.compress(data, level)
    return (b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n%s\nendstream"
            % (len(packed), extra, packed))


def text_string(value: str) -> bytes:
    """A PDF text string (UTF-16BE with its byte-order mark), for /Info and the like."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def pdf_date(moment: dt.datetime) -> bytes:
    """A PDF date string in UTC (``D:20260205093000Z``)."""
    return moment.astimezone(dt.UTC).strftime("(D:%Y%m%d%H%M%SZ)").encode("ascii")


class StaticPart:
    """Objects 1…n shared by every document of one kind, serialised once.

    ``body`` follows the header directly, so the absolute offsets of its objects are known
    in advance and the xref lines for them are ready-made bytes too."""

    def __init__(self, bodies: list[bytes]):
        parts, lines, offset = [], [], len(HEADER)
        for number, body in enumerate(bodies, start=1):
            chunk = b"%d 0 obj\n%s\nendobj\n" % (number, body)
            lines.append(b"%010d 00000 n \n" % offset)
            parts.append(chunk)
            offset += len(chunk)
        self.body = HEADER + b"".join(parts)
        self.xref_lines = b"".join(lines)
        self.count = len(bodies)


def document(static: StaticPart, bodies: list[bytes], *, root: int, info: int) -> bytes:
    """A complete file: the static part, then ``bodies`` numbered from ``static.count + 1``,
    the xref table and the trailer (``root`` and ``info`` are object numbers)."""
    out = [static.body]
    offset = len(static.body)
    lines = [b"0000000000 65535 f \n", static.xref_lines]
    for number, body in enumerate(bodies, start=static.count + 1):
        chunk = b"%d 0 obj\n%s\nendobj\n" % (number, body)
        lines.append(b"%010d 00000 n \n" % offset)
        out.append(chunk)
        offset += len(chunk)
    size = static.count + len(bodies) + 1
    file_id = hashlib.md5(b"".join(out[1:]), usedforsecurity=False).hexdigest().encode()
    out.append(b"xref\n0 %d\n%s" % (size, b"".join(lines)))
    out.append(b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\n"
               b"startxref\n%d\n%%%%EOF\n" % (size, root, info, file_id, file_id, offset))
    return b"".join(out)


def info(title: str, moment: dt.datetime) -> bytes:
    """The /Info dictionary: title, producer and creation date."""
    date = pdf_date(moment)
    return b"<< /Title %s /Producer %s /Creator %s /CreationDate %s /ModDate %s >>" % (
        text_string(title), text_string(PRODUCER), text_string(PRODUCER), date, date)
