"""A table of figures: the one shape a report's chart, HTML table and Excel sheet are made
from, so the three never disagree.

``Table(key, title, columns, rows, notes=())``: ``columns`` are the header labels, each row
holds one value per column (text, int, float, ``Share``, date or ``None`` for "no figure"),
``totals`` an optional footer row of the same width. A ``Share`` is a proportion (0.456)
that pages show as "45,6 %" and Excel as a percentage cell.

openpyxl is imported inside the functions that write workbooks (it is slow to load).
"""

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel refuses these in a sheet's name and cuts names at 31 characters.
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31
NUMBER_FORMATS = {"share": "0.0%", "int": "#,##0", "float": "#,##0.0", "date": "DD/MM/YYYY"}


class Share(float):
    """A proportion between 0 and 1, shown as a percentage."""

    __slots__ = ()


def share(part: int | float, whole: int | float) -> Share | None:
    """``part`` of ``whole`` as a ``Share``; ``None`` when there is no whole."""
    return Share(part / whole) if whole else None


def kind_of(value) -> str:
    """How a cell is formatted: "share", "int", "float", "date", "text" or "empty"."""
    if value is None:
        return "empty"
    if isinstance(value, Share):
        return "share"
    if isinstance(value, bool) or not isinstance(value, int | float | dt.date):
        return "text"
    if isinstance(value, dt.date):
        return "date"
    return "int" if isinstance(value, int) else "float"


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence]
    notes: Sequence[str] = ()
    totals: Sequence = ()

    def __post_init__(self):
        widths = {len(row) for row in self.rows} | ({len(self.totals)} if self.totals else set())
        if widths - {len(self.columns)}:
            raise ValueError(f"table {self.key}: every row needs {len(self.columns)} cells")

    def column(self, index: int) -> list:
        return [row[index] for row in self.rows]

    @property
    def is_empty(self) -> bool:
        """No figure other than zero in the body."""
        return not any(kind_of(value) in ("int", "float", "share") and value
                       for row in self.rows for value in row)


# -- Excel --------------------------------------------------------------------------------------

def sheet_name(title: str, taken: set[str]) -> str:
    """A name Excel accepts for ``title``, not among ``taken`` (which it joins)."""
    base = SHEET_NAME_FORBIDDEN.sub("-", str(title)).strip()[:SHEET_NAME_LENGTH] or "Sheet"
    name, number = base, 2
    while name.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({number})"
        name, number = base[:SHEET_NAME_LENGTH - len(suffix)] + suffix, number + 1
    taken.add(name)
    return name


def _append(sheet, values: Sequence, *, bold: bool = False) -> None:
    from openpyxl.styles import Font

    # Labels may be lazy translations, which openpyxl does not know.
    sheet.append([str(value) if kind_of(value) == "text" else value for value in values])
    for cell, value in zip(sheet[sheet.max_row], values, strict=False):
        cell.number_format = NUMBER_FORMATS.get(kind_of(value), "General")
        if bold:
            cell.font = Font(bold=True)


def _align_figure_headers(sheet) -> None:
    """The headers of the figure columns stand right, over their numbers."""
    from openpyxl.styles import Alignment

    for cell in sheet[sheet.max_row][1:]:
        cell.alignment = Alignment(horizontal="right", wrap_text=True)


def _widths(sheet, table: Table) -> None:
    from openpyxl.utils import get_column_letter

    for index, header in enumerate(table.columns, start=1):
        longest = max([len(str(header)), *(len(str(v)) for v in table.column(index - 1))])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, longest + 2))


def _fit_to_page_width(sheet) -> None:
    """Printed landscape, every column on the page's width."""
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0


def write_sheet(book, table: Table, heading: Sequence[str] = (), *, taken=None):
    """Adds ``table`` to ``book`` as a sheet: its title, the ``heading`` lines (year, unit,
    date of export), the header row, the rows, the totals and the notes."""
    from openpyxl.styles import Font

    sheet = book.create_sheet(sheet_name(table.title, taken if taken is not None else set()))
    sheet.append([str(table.title)])
    sheet["A1"].font = Font(bold=True, size=13)
    for line in heading:
        sheet.append([str(line)])
    sheet.append([])
    _append(sheet, table.columns, bold=True)
    _align_figure_headers(sheet)
    sheet.freeze_panes = f"A{sheet.max_row + 1}"  # a string: a cell would add a row
    for row in table.rows:
        _append(sheet, row)
    if table.totals:
        _append(sheet, table.totals, bold=True)
    if table.notes:
        sheet.append([])
    for note in table.notes:
        sheet.append([str(note)])
    _widths(sheet, table)
    _fit_to_page_width(sheet)
    return sheet


def workbook(tables: Sequence[Table], heading: Sequence[str] = ()) -> bytes:
    """An .xlsx with one sheet per table, each opening with ``heading``."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for table in tables:
        write_sheet(book, table, heading, taken=taken)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
