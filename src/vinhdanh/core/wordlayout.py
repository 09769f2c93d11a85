"""Word documents laid out as Decree 30/2020/NĐ-CP asks of administrative texts.

The pieces a tờ trình, a report or a decision is made of:

    doc = new_document()                      # A4, ND 30 margins, Times New Roman 14, vi-VN
    national_heading(doc, "UBND TỈNH …", "Hội Nông dân tỉnh", "Số: 15/TTr-HND",
                     vietnamese_date(day, "Hòa Sơn"))
    document_title(doc, "TỜ TRÌNH", "Về việc đề nghị khen thưởng …")
    paragraph(doc, "Căn cứ …")
    grid(doc, ["STT", "Họ và tên"], rows, widths_mm=[12, 60])
    signatures(doc, Recipients(["Như trên", "Lưu: VT"]), Signer("CHỦ TỊCH", "Nguyễn Văn A"))
    data = to_bytes(doc)

The documents are drafts to edit in Word, so they use plain paragraphs and tables (no text
boxes, drawings or content controls; the only field is the page number) and mark every line
to fill in with dots. python-docx is imported inside the functions: most requests never
build a document.
"""

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field

from vinhdanh.core.text import nfc

FONT = "Times New Roman"  # LibreOffice renders it with the metric-compatible Liberation Serif
BODY_PT = 14
SMALL_PT = 13  # the heading's upper lines and the data tables
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
HEADING_COLUMNS_MM = (68, TEXT_WIDTH_MM - 68)
# Width of "Độc lập - Tự do - Hạnh phúc" in bold 13 pt Times (measured on a rendered PDF):
# ND 30 wants the line under the motto exactly as long.
MOTTO_WIDTH_MM = 56
ISSUER_RULE_MM = 25  # ND 30: one third to one half of the issuer's name
DOTS = "…" * 20  # a line to fill in by hand or in Word
NAME_DOTS = "…" * 12  # room for a signer's title or name
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# The paragraph properties that follow w:pBdr in the schema (ECMA-376 CT_PPrBase).
AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
              "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def vietnamese_date(day: dt.date, place: str) -> str:
    """ "Hòa Sơn, ngày 05 tháng 02 năm 2026": ND 30 puts a 0 before days under 10 and
    before months 1 and 2 only (so "ngày 15 tháng 3 năm 2026")."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return nfc(f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}")


def blank_date(year: int, place: str) -> str:
    """The date line of a letter not signed yet: the signer's office writes the day in."""
    return nfc(f"{place}, ngày      tháng      năm {year}")


def new_document():
    """An empty A4 portrait document with ND 30 margins, font and language."""
    from docx import Document
    from docx.shared import Mm

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    for side, mm in MARGINS_MM.items():
        setattr(section, f"{side}_margin", Mm(mm))
    section.header_distance = section.footer_distance = Mm(10)
    _set_defaults(doc)
    _page_numbers(section)
    doc.core_properties.language = "vi-VN"
    return doc


def _set_defaults(doc) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(BODY_PT)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)  # ND 30: at least 6 pt between paragraphs
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    # The template's defaults name theme fonts, which win over a plain name in Word.
    for rpr in (style.element.get_or_add_rPr(), _default_rpr(doc)):
        fonts = rpr.get_or_add_rFonts()
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attr}"), None)
        for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(qn(f"w:{attr}"), FONT)
        _set_language(rpr)


def _default_rpr(doc):
    from docx.oxml.ns import qn

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    return defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))


def _set_language(rpr) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in ("val", "eastAsia", "bidi"):
        lang.set(qn(f"w:{attr}"), "vi-VN")


def _page_numbers(section) -> None:
    """ND 30: page numbers centred in the top margin, from the second page on."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section.different_first_page_header_footer = True
    para = section.header.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number = OxmlElement("w:fldSimple")
    number.set(qn("w:instr"), "PAGE")
    para._p.append(number)


# -- paragraphs ---------------------------------------------------------------------------

def _format(para, *, align="justify", indent: bool = False, after: float | None = None,
            before: float | None = None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    para.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                      "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    fmt = para.paragraph_format
    fmt.first_line_indent = Cm(1.27) if indent else Cm(0)
    if after is not None:
        fmt.space_after = Pt(after)
    if before is not None:
        fmt.space_before = Pt(before)


def add_run(para, text: str, *, bold=False, italic=False, size: float | None = None,
            underline=False):
    from docx.shared import Pt

    run = para.add_run(unicodedata.normalize("NFC", text))  # keeps the spaces nfc() strips
    run.bold, run.italic, run.underline = bold, italic, underline
    if size is not None:
        run.font.size = Pt(size)
    return run


def paragraph(container, text: str = "", *, bold=False, italic=False, size=None,
              align="justify", indent=True, after=None, before=None):
    """A body paragraph (justified, first line indented 1.27 cm, as ND 30 shows)."""
    para = container.add_paragraph()
    _format(para, align=align, indent=indent, after=after, before=before)
    if text:
        add_run(para, text, bold=bold, italic=italic, size=size)
    return para


def labelled(container, label: str, value: str, *, indent=True):
    """ "- Họ và tên: Nguyễn Văn An": the label plain, the value (or dots) after it."""
    # Left-aligned: justifying a wrapped line of dots would stretch the label's words apart.
    para = paragraph(container, indent=indent, align="left")
    add_run(para, f"{label}: ")
    add_run(para, value or DOTS)
    return para


def heading(container, text: str, *, level: int = 1):
    """A section heading: "I. SƠ LƯỢC LÝ LỊCH" bold (level 1), "1. …" bold (level 2)."""
    return paragraph(container, text, bold=True, indent=True, before=6 if level == 1 else 0)


def document_title(doc, name: str, subject: str = "", *, subject_upper: bool = False):
    """The kind of text in capitals ("TỜ TRÌNH") and its subject below it, centred and bold,
    with a short rule under the subject (ND 30, Appendix I, items 5a and 5b)."""
    paragraph(doc, name.upper(), bold=True, align="center", indent=False, before=12, after=0)
    if subject:
        paragraph(doc, subject.upper() if subject_upper else subject, bold=True,
                  align="center", indent=False, after=0)
    rule(doc, 30, TEXT_WIDTH_MM)
    paragraph(doc, "", indent=False, after=0)


def rule(container, length_mm: float, width_mm: float):
    """A centred solid line ``length_mm`` long: the bottom border of an almost empty
    paragraph, narrowed by indents (Word and LibreOffice both draw it; no drawing objects)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    para = container.add_paragraph()
    _format(para, align="center", after=0, before=0)
    side = max(0.0, (width_mm - length_mm) / 2)
    para.paragraph_format.left_indent = para.paragraph_format.right_indent = Mm(side)
    para.paragraph_format.line_spacing = Pt(5)  # clears the descenders above
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{attr}"), value)
    borders.append(bottom)
    # Word refuses a file whose properties are out of the schema's order.
    para._p.get_or_add_pPr().insert_element_before(borders, *AFTER_PBDR)
    return para


# -- tables -------------------------------------------------------------------------------

def _no_cell_margins(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption",
                                           "w:tblDescription", "w:tblPrChange")


def _widths(table, widths_mm) -> None:
    from docx.shared import Mm

    table.autofit = False
    for column, mm in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(mm)
        for cell in column.cells:
            cell.width = Mm(mm)


def layout_table(doc, columns: int, widths_mm, *, rows: int = 1):
    """An invisible table that places blocks side by side (heading, signatures); its rows
    never break across pages. Cells start empty: fill each with cell_line()."""
    from docx.oxml import OxmlElement

    table = doc.add_table(rows=rows, cols=columns)
    _no_cell_margins(table)
    _widths(table, widths_mm)
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell in row.cells:
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return table


def cell_line(cell, text: str, *, bold=False, italic=False, size: float = BODY_PT,
              align="center", after: float = 0, before: float = 0):
    para = cell.add_paragraph()
    _format(para, align=align, after=after, before=before)
    if text:
        add_run(para, text, bold=bold, italic=italic, size=size)
    return para


def grid(doc, headers: list[str], rows: list[list[str]], *, widths_mm: list[float],
         size: float = SMALL_PT, centred: tuple[int, ...] = (0,)):
    """A bordered data table: bold header row repeated on each page, then ``rows``.
    A row given as a single string spans the whole width (a group heading, in bold)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    _widths(table, widths_mm)
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    header._tr.trPr[-1].set(qn("w:val"), "true")
    for cell, text in zip(header.cells, headers, strict=True):
        _fill(cell, text, bold=True, size=size, align="center")
    for row in rows:
        _grid_row(table, row, size=size, centred=centred, widths_mm=widths_mm)
    paragraph(doc, "", indent=False, after=0)
    return table


def _grid_row(table, row, *, size, centred, widths_mm) -> None:
    from docx.shared import Mm

    cells = table.add_row().cells
    if isinstance(row, str):
        merged = cells[0].merge(cells[-1])
        merged.width = Mm(sum(widths_mm))
        _fill(merged, row, bold=True, size=size, align="left")
        return
    for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
        _fill(cell, text, size=size, align="center" if index in centred else "left")


def _fill(cell, text: str, *, bold=False, size=SMALL_PT, align="left") -> None:
    para = cell.paragraphs[0]
    _format(para, align=align, after=0, before=0)
    add_run(para, text or "", bold=bold, size=size)


# -- the heading and the signature block ---------------------------------------------------

def national_heading(doc, issuer_upper: str, issuer: str, number_line: str, place_date: str):
    """The two-column heading of ND 30 (Appendix I, items 1–4).

    Row 1, left: the superior body (``issuer_upper``, may be empty) and the issuing body
    (bold), both in capitals, with a short rule; right: the national name and the motto with
    a line of the same length. Row 2, on one line: the number ("Số: 15/TTr-HND") and the
    italic place and date. Reports of a person have no issuer: pass empty strings.
    """
    table = layout_table(doc, 2, HEADING_COLUMNS_MM, rows=2)
    (left, right), (number, date) = table.rows[0].cells, table.rows[1].cells
    if issuer_upper:
        cell_line(left, issuer_upper.upper(), size=SMALL_PT)
    if issuer:
        cell_line(left, issuer.upper(), bold=True, size=SMALL_PT)
        rule(left, ISSUER_RULE_MM, HEADING_COLUMNS_MM[0])
    cell_line(right, NATION, bold=True, size=SMALL_PT)
    cell_line(right, MOTTO, bold=True, size=SMALL_PT)
    rule(right, MOTTO_WIDTH_MM, HEADING_COLUMNS_MM[1])
    if not left.paragraphs:
        cell_line(left, "")
    cell_line(number, number_line, size=SMALL_PT, before=6)
    cell_line(date, place_date, italic=True, size=BODY_PT, before=6)
    return table


@dataclass(frozen=True)
class Signer:
    """A signature: the title lines in capitals ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"), a note
    ("(Ký, đóng dấu)"), room to sign, and the name. Empty title or name → dotted lines."""

    title: str = ""
    name: str = ""
    note: str = ""


@dataclass(frozen=True)
class Recipients:
    """The "Nơi nhận:" list: each line starts with "- " and ends with ";" (the last ".")."""

    lines: list[str] = field(default_factory=list)


SIGN_SPACE_LINES = 4


def signatures(doc, left: Signer | Recipients | None, right: Signer | None):
    """The closing block: recipients or a second signature on the left, the signer on the
    right (ND 30, Appendix I, items 7–9). Titles are in the first row and names in the
    second, so two signers' names line up whatever the length of their titles."""
    if doc.paragraphs:  # the closing sentence stays on the signature's page
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    table = layout_table(doc, 2, (TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2), rows=2)
    for column, block in enumerate((left, right)):
        top, bottom = table.cell(0, column), table.cell(1, column)
        if isinstance(block, Recipients):
            bottom._tc.add_p()  # python-docx merges only cells that hold a paragraph
            _recipients(top.merge(bottom), block)
        elif isinstance(block, Signer):
            _signer(top, bottom, block)
        else:
            cell_line(top, "")
            cell_line(bottom, "")
    for cell in table.rows[0].cells:  # the names stay on the page of their titles
        for para in cell.paragraphs:
            para.paragraph_format.keep_with_next = True
    return table


def _signer(top, bottom, signer: Signer) -> None:
    for line in (signer.title or NAME_DOTS).upper().splitlines():
        cell_line(top, line, bold=True)
    if signer.note:
        cell_line(top, signer.note, italic=True)
    for _ in range(SIGN_SPACE_LINES):
        cell_line(top, "")
    cell_line(bottom, signer.name or NAME_DOTS, bold=True)


def _recipients(cell, recipients: Recipients) -> None:
    para = cell_line(cell, "", align="left")
    add_run(para, "Nơi nhận:", bold=True, italic=True, size=12)
    last = len(recipients.lines) - 1
    for index, line in enumerate(recipients.lines):
        end = "." if index == last else ";"
        cell_line(cell, f"- {line.rstrip(';.')}{end}", size=11, align="left")


def to_bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
