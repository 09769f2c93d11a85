"""The filled forms as one Excel workbook, a sheet per form, laid out like the printed
forms: the heading block (form number, circular, due date, reporting and receiving units),
the title and year, the set's status, the table with merged header cells and numbered
columns, the notes, and the signatures; Times New Roman, A4 landscape, fitted to the width.
openpyxl is imported inside the functions: most requests never build a workbook."""

from io import BytesIO

from vinhdanh.nominations.documents.common import place_of
from vinhdanh.reports.statutory.counting import FilledForm

FONT = "Times New Roman"
BODY_PT, TITLE_PT = 12, 13
LABEL_WIDTH, CODE_WIDTH = 46, 7
HEADING_ROWS = 7  # the table starts on the row after these
LINE_PT = 16  # height of one line of 12 pt text
ONE_PAGE_LINES = 32


def _font(**kwargs):
    from openpyxl.styles import Font

    return Font(name=FONT, size=kwargs.pop("size", BODY_PT), **kwargs)


def _put(sheet, row: int, first: int, last: int, value, *, align="left", wrap=True, **font):
    """``value`` in the cell at ``row``/``first``, merged up to column ``last``."""
    from openpyxl.styles import Alignment

    cell = sheet.cell(row=row, column=first, value=value)
    cell.font = _font(**font)
    cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=wrap)
    if last > first:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    return cell


def _figure_width(filled: FilledForm) -> int:
    return 9 if len(filled.numbers) > 5 else 18


def _total_width(filled: FilledForm) -> int:
    return LABEL_WIDTH + CODE_WIDTH + _figure_width(filled) * (len(filled.numbers) - 2)


def _lines_needed(text: str, width: int, bold: bool = False) -> int:
    """Lines ``text`` wraps to in a column ``width`` characters wide; words do not break, so
    a fifth more (a third more in bold) than the characters alone would need."""
    slack = 13 if bold else 12
    return max(1, -(-len(text) * slack // (width * 10)))


def _heading(sheet, filled: FilledForm, report) -> None:
    last, form_set = len(filled.numbers), report.form_set
    left = (f"Biểu số: {filled.form.code}",
            f"Ban hành kèm theo {form_set.basis}",
            f"Ngày nhận báo cáo: {form_set.due}")
    right = (f"Đơn vị báo cáo: {report.unit.name}", f"Đơn vị nhận báo cáo: {form_set.receiver}",
             "")
    for row, (mine, theirs) in enumerate(zip(left, right, strict=True), start=1):
        _put(sheet, row, 1, 2, mine, bold=row == 1)
        _put(sheet, row, 3, last, theirs, align="right")
        sheet.row_dimensions[row].height = LINE_PT * _lines_needed(mine, LABEL_WIDTH + CODE_WIDTH)
    _put(sheet, 4, 1, last, filled.form.title, align="center", bold=True, size=TITLE_PT)
    _put(sheet, 5, 1, last, f"Năm {report.year}", align="center", bold=True)
    _put(sheet, 6, 1, last, form_set.status, align="center", italic=True)
    sheet.row_dimensions[4].height = sheet.row_dimensions[5].height = LINE_PT + 4
    sheet.row_dimensions[6].height = LINE_PT * _lines_needed(form_set.status,
                                                             _total_width(filled))


def _border():
    from openpyxl.styles import Border, Side

    thin = Side(style="thin")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def _table_head(sheet, filled: FilledForm, top: int) -> int:
    """Writes the header rows and the column numbers; returns the next free row."""
    from openpyxl.styles import Alignment

    taken = set()
    for offset, cells in enumerate(filled.header):
        column = 1
        for cell in cells:
            while (top + offset, column) in taken:
                column += 1
            _put(sheet, top + offset, column, column, cell.label, align="center", bold=True)
            sheet.merge_cells(start_row=top + offset, start_column=column,
                              end_row=top + offset + cell.rowspan - 1,
                              end_column=column + cell.colspan - 1)
            taken |= {(top + offset + r, column + c) for r in range(cell.rowspan)
                      for c in range(cell.colspan)}
            column += cell.colspan
    numbers = top + len(filled.header)
    for column, number in enumerate(filled.numbers, start=1):
        _put(sheet, numbers, column, column, number, align="center", italic=True)
    for row in range(top, numbers + 1):
        for column in range(1, len(filled.numbers) + 1):
            sheet.cell(row=row, column=column).border = _border()
            sheet.cell(row=row, column=column).alignment = Alignment(
                horizontal="center", vertical="center", wrap_text=True)
    return numbers + 1


def _head_heights(sheet, filled: FilledForm, top: int) -> None:
    """Each header row as high as its labels need; a label spanning all header rows shares
    its lines out among them."""
    width, depth = _figure_width(filled), len(filled.header)
    spanning = [_lines_needed(c.label, width, bold=True) for c in filled.header[0]
                if c.rowspan == depth and c.label not in (filled.form.label_header,)]
    shared = -(-max([1, *spanning]) // depth)
    for offset, cells in enumerate(filled.header):
        own = [_lines_needed(c.label, width * c.colspan, bold=True) for c in cells
               if c.rowspan < depth or depth == 1]
        sheet.row_dimensions[top + offset].height = LINE_PT * max([shared, *own]) + 4


def _body(sheet, filled: FilledForm, row: int) -> int:
    from openpyxl.styles import Alignment

    for line in filled.lines:
        label = sheet.cell(row=row, column=1, value=line.label)
        label.font = _font(bold=line.strong or line.is_section)
        label.alignment = Alignment(horizontal="left", indent=line.indent * 2,
                                    vertical="center", wrap_text=True)
        code = sheet.cell(row=row, column=2, value=line.code or None)
        code.font, code.alignment = _font(), Alignment(horizontal="center")
        for column, figure in enumerate(line.figures, start=3):
            cell = sheet.cell(row=row, column=column, value=figure)
            cell.font, cell.number_format = _font(bold=line.strong), "#,##0"
        for column in range(1, len(filled.numbers) + 1):
            sheet.cell(row=row, column=column).border = _border()
        row += 1
    return row


def _notes(sheet, filled: FilledForm, row: int) -> int:
    last, width = len(filled.numbers), _total_width(filled)
    for note in ("Ghi chú:", *filled.notes):
        _put(sheet, row, 1, last, note, italic=note != "Ghi chú:", bold=note == "Ghi chú:")
        sheet.row_dimensions[row].height = LINE_PT * _lines_needed(note, width)
        row += 1
    return row


def _signatures(sheet, filled: FilledForm, report, row: int) -> None:
    from vinhdanh.core.wordlayout import blank_date

    last = len(filled.numbers)
    middle = max(3, last // 2 + 1)
    _put(sheet, row, middle, last, blank_date(report.year, place_of(report.unit)),
         align="center", italic=True)
    _put(sheet, row + 1, 1, 2, "Người lập biểu", align="center", bold=True)
    _put(sheet, row + 1, middle, last, "Thủ trưởng đơn vị", align="center", bold=True)
    _put(sheet, row + 2, 1, 2, "(Ký, ghi rõ họ tên)", align="center", italic=True)
    _put(sheet, row + 2, middle, last, "(Ký, đóng dấu, ghi rõ họ tên)", align="center",
         italic=True)


def _page_setup(sheet, filled: FilledForm, head_top: int, head_bottom: int) -> None:
    from openpyxl.utils import get_column_letter

    sheet.column_dimensions["A"].width = LABEL_WIDTH
    sheet.column_dimensions["B"].width = CODE_WIDTH
    for column in range(3, len(filled.numbers) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = _figure_width(filled)
    setup = sheet.page_setup
    setup.orientation, setup.paperSize = "landscape", sheet.PAPERSIZE_A4
    # A short form fits on one page with its signatures; a long one runs on, its header
    # repeated on each page.
    setup.fitToWidth, setup.fitToHeight = 1, int(len(filled.lines) <= ONE_PAGE_LINES)
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.print_title_rows = f"{head_top}:{head_bottom}"
    sheet.freeze_panes = sheet.cell(row=head_bottom + 1, column=3)


def write_sheet(sheet, filled: FilledForm, report) -> None:
    _heading(sheet, filled, report)
    top = HEADING_ROWS + 1
    body = _table_head(sheet, filled, top)
    _head_heights(sheet, filled, top)
    after = _body(sheet, filled, body)
    after = _notes(sheet, filled, after + 1)
    _signatures(sheet, filled, report, after + 1)
    _page_setup(sheet, filled, top, body - 1)


def workbook(report) -> bytes:
    """The report's forms, a sheet each, as .xlsx bytes."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for filled in report.forms:
        write_sheet(book.create_sheet(filled.form.sheet), filled, report)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
