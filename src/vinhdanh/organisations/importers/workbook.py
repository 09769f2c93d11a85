"""Opening a workbook (by its content, not its name) and finding each sheet's header row.

Calamine reads both .xlsx and the old .xls. Rows come as lists that start at the sheet's
first used column, so positions are kept relative and turned into letters only for reports.
"""

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

from vinhdanh.organisations.importers.cells import is_blank, key
from vinhdanh.organisations.importers.schema import Column

XLSX_MAGIC = b"PK\x03\x04"  # a ZIP archive (Office Open XML)
XLS_MAGIC = b"\xd0\xcf\x11\xe0"  # an OLE2 compound file (Excel 97-2003)
HEADER_SEARCH_ROWS = 12  # titles and a blank line or two often sit above the header


class WorkbookProblem(Exception):
    """The file as a whole cannot be read; the message is for the user."""


def too_large_message() -> str:
    return _("The file is larger than %(size)s.") % {
        "size": filesizeformat(settings.IMPORT_MAX_BYTES)}


def open_workbook(data: bytes) -> CalamineWorkbook:
    if len(data) > settings.IMPORT_MAX_BYTES:
        raise WorkbookProblem(too_large_message())
    if not data.startswith((XLSX_MAGIC, XLS_MAGIC)):
        raise WorkbookProblem(_("This is not an Excel workbook: upload an .xlsx or .xls file."))
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except CalamineError as error:
        raise WorkbookProblem(_("The workbook could not be read: %(detail)s")
                              % {"detail": error}) from None


def find_sheet_names(workbook, wanted: list[str]) -> dict[str, str]:
    """Maps each wanted sheet name to the workbook's spelling of it, when present."""
    present = {key(name): name for name in reversed(workbook.sheet_names)}
    return {name: present[key(name)] for name in wanted if key(name) in present}


def column_letter(index: int) -> str:
    """0 → "A", 26 → "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class SheetLayout:
    """Where a sheet's header is and which list position holds each known column."""

    name: str
    first_column: int  # absolute index of position 0 in each row list
    header_row: int | None = None  # Excel row number
    positions: dict[str, int] = field(default_factory=dict)  # field → position in row list
    headers: dict[str, str] = field(default_factory=dict)  # field → header as written
    missing: list[Column] = field(default_factory=list)
    total_rows: int = 0  # rows below the header, blank ones included

    def letter(self, field_name: str) -> str:
        return column_letter(self.first_column + self.positions[field_name])


def read_sheet(workbook, name: str, columns) -> tuple[SheetLayout, Iterator[tuple[int, list]]]:
    """The sheet's layout and its data rows as (Excel row number, cells) after the header."""
    try:
        sheet = workbook.get_sheet_by_name(name)
    except CalamineError as error:
        raise WorkbookProblem(_("The workbook could not be read: %(detail)s")
                              % {"detail": error}) from None
    layout = SheetLayout(name=name, first_column=sheet.start[1] if sheet.start else 0)
    rows = sheet.iter_rows()
    head = list(islice(rows, HEADER_SEARCH_ROWS))
    start = _find_header(layout, head, _merges(sheet), columns)
    layout.total_rows = max(_height(sheet) - start, 0)
    numbered = enumerate(chain(head[start:], rows), start=start + 1)
    return layout, numbered


def _height(sheet) -> int:
    """Rows down to the last used one (``sheet.end`` is 0-based; None for an empty sheet)."""
    return sheet.end[0] + 1 if sheet.end else 0


def _merges(sheet) -> list[tuple[int, int, int, int]]:
    return [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]


def _find_header(layout, head, merges, columns) -> int:
    """Fills in the layout from the head row naming most columns; returns the first data row."""
    labels = [_row_labels(layout, head, index, merges) for index in range(len(head))]
    scores = [len(_match(row_labels, columns)) for row_labels in labels]
    best = max(range(len(head)), key=lambda i: scores[i], default=None)
    if best is None or scores[best] == 0:
        layout.missing = [c for c in columns if c.required]
        return len(head)
    layout.header_row = best + 1
    for column, position in _match(labels[best], columns).items():
        layout.positions[column.field] = position
        layout.headers[column.field] = labels[best][position]
    layout.missing = [c for c in columns if c.required and c.field not in layout.positions]
    return _below_merges(best, merges)


def _row_labels(layout, head, index, merges) -> list[str]:
    """A head row's texts; a cell inside a merged range reads the range's first cell."""
    labels = [_label(value) for value in head[index]]
    for r0, c0, r1, c1 in merges:
        if r0 <= index <= r1:
            first, last = c0 - layout.first_column, c1 - layout.first_column
            origin = _label(head[r0][first]) if 0 <= first < len(head[r0]) else ""
            for position in range(max(first, 0), min(last + 1, len(labels))):
                labels[position] = labels[position] or origin
    return labels


def _label(value) -> str:
    return "" if is_blank(value) else str(value).strip()


def _match(labels: list[str], columns) -> dict[Column, int]:
    """Known columns found among ``labels``; the first of two same headers wins."""
    names = {key(spelling): column for column in columns
             for spelling in (column.header, *column.aliases)}
    found = {}
    for position, label in enumerate(labels):
        column = names.get(key(label)) if label else None
        if column is not None and column not in found:
            found[column] = position
    return found


def _below_merges(header_index: int, merges) -> int:
    """Data starts below the header row and below any merged header cell that hangs lower."""
    bottoms = [r1 for r0, _c0, r1, _c1 in merges if r0 <= header_index <= r1]
    return max([header_index, *bottoms]) + 1


def count_rows(data: bytes, sheet_names: list[str]) -> int:
    """Roughly how many rows the import sheets hold (0 when the file cannot be read)."""
    try:
        workbook = open_workbook(data)
        names = find_sheet_names(workbook, sheet_names).values()
        return sum(_height(workbook.get_sheet_by_name(name)) for name in names)
    except (WorkbookProblem, CalamineError):
        return 0
