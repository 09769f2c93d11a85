"""Turning one sheet row into a UnitRow or PersonRow, reporting every bad cell of it."""

import datetime as dt
from dataclasses import dataclass
from functools import partial

from django.utils.translation import gettext as _

from vinhdanh.organisations.importers import cells
from vinhdanh.organisations.importers.cells import CellProblem, is_blank
from vinhdanh.organisations.importers.report import CellError

PROGRESS_STEP = 1000  # rows between two progress reports


@dataclass(slots=True)
class UnitRow:
    row: int
    code: str = ""
    name: str = ""
    short_name: str = ""
    parent_code: str = ""
    kind: str = ""
    level: str = ""
    active_from: dt.date | None = None
    active_until: dt.date | None = None
    mostly_direct_workers: bool = False
    parent_id: int | None = None  # set when the parent already exists


@dataclass(slots=True)
class PersonRow:
    row: int
    full_name: str = ""
    gender: str = ""
    date_of_birth: dt.date | None = None
    citizen_id: str | None = None
    unit_code: str = ""
    position: str = ""
    is_direct_worker: bool = False
    employment_start: dt.date | None = None
    is_active: bool = True
    cadre_category: str = ""
    unit_id: int | None = None  # set when the unit already exists


class SheetReport:
    """Adds errors about cells of one sheet to the shared list."""

    def __init__(self, layout, errors: list[CellError]):
        self.layout, self.errors = layout, errors

    def add(self, row: int, field: str, value, reason: str) -> None:
        known = field in self.layout.positions
        self.errors.append(CellError(
            sheet=self.layout.name, row=row, column=self.layout.letter(field) if known else "",
            header=self.layout.headers.get(field, ""),
            value="" if is_blank(value) else cells.shown(value), reason=str(reason),
        ))


def unit_readers(words) -> dict:
    return {
        "code": partial(cells.text, max_length=32),
        "name": partial(cells.text, max_length=255),
        "short_name": partial(cells.text, max_length=100),
        "parent_code": partial(cells.text, max_length=32),
        "kind": partial(cells.choice, vocabulary=words["kind"]),
        "level": partial(cells.choice, vocabulary=words["level"]),
        "active_from": cells.date,
        "active_until": cells.date,
        "mostly_direct_workers": cells.yes_no,
    }


def person_readers(words) -> dict:
    return {
        "full_name": partial(cells.text, max_length=200),
        "gender": partial(cells.choice, vocabulary=words["gender"]),
        "date_of_birth": cells.past_date,
        "citizen_id": cells.citizen_id_text,
        "unit_code": partial(cells.text, max_length=32),
        "position": partial(cells.text, max_length=200),
        "is_direct_worker": cells.yes_no,
        "employment_start": cells.date,
        "is_active": cells.yes_no,
        "cadre_category": partial(cells.choice, vocabulary=words["cadre_category"]),
    }


def read_rows(numbered_rows, columns, readers, report: SheetReport, progress=None):
    """Yields (row number, values, raw cells) for each non-blank row, reporting bad cells."""
    layout = report.layout
    present = [c for c in columns if c.field in layout.positions]
    for count, (number, row_cells) in enumerate(numbered_rows, start=1):
        if progress and count % PROGRESS_STEP == 0:
            progress(count, layout.total_rows)
        raw = {c.field: _cell(row_cells, layout.positions[c.field]) for c in present}
        if all(is_blank(value) for value in raw.values()):
            continue
        yield number, _read_cells(number, raw, present, readers, report), raw


def _cell(row_cells: list, position: int):
    return row_cells[position] if position < len(row_cells) else ""


def _read_cells(number, raw, columns, readers, report) -> dict:
    values = {}
    for column in columns:
        value = raw[column.field]
        if is_blank(value):
            if column.required:
                report.add(number, column.field, value, _("This value is required."))
            continue
        try:
            values[column.field] = readers[column.field](value)
        except CellProblem as problem:
            report.add(number, column.field, value, str(problem))
    return values


def unit_row(number, values, raw, report) -> UnitRow:
    row = UnitRow(row=number, **values)
    if row.active_from and row.active_until and row.active_until < row.active_from:
        report.add(number, "active_until", raw["active_until"],
                   _("The end date is before the start date."))
    return row


def person_row(number, values, raw, report) -> PersonRow:
    row = PersonRow(row=number, **values)
    if row.citizen_id:
        try:
            cells.check_citizen_id(row.citizen_id, gender=row.gender or None,
                                   born=row.date_of_birth)
        except CellProblem as problem:
            report.add(number, "citizen_id", raw["citizen_id"], str(problem))
    return row
