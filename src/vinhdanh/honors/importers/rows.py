"""One sheet row as a dataclass, read cell by cell with the foundation importer's readers."""

import datetime as dt
from dataclasses import dataclass
from functools import partial

from django.utils.translation import gettext as _

from vinhdanh.honors.enums import RestrictionKind
from vinhdanh.honors.importers.schema import (
    HONOURS_SHEET,
    INITIATIVES_SHEET,
    RATINGS_SHEET,
    RESTRICTIONS_SHEET,
)
from vinhdanh.honors.services.history import year_problem
from vinhdanh.organisations.importers import cells
from vinhdanh.organisations.importers.cells import CellProblem


@dataclass(slots=True)
class Row:
    """What every history row has: where it is and whose history it adds to."""

    row: int
    citizen_id: str = ""
    full_name: str = ""
    unit_code: str = ""
    target: tuple[str, int] | None = None  # ("person", id) once the candidate is known

    @property
    def target_fields(self) -> dict:
        field, pk = self.target
        return {f"{field}_id": pk}


@dataclass(slots=True)
class HonourRow(Row):
    subject: str = ""
    head_name: str = ""
    honor: object = None  # the Honor
    year: int | None = None
    first_year: int | None = None
    decision_number: str = ""
    decision_date: dt.date | None = None
    issuer: str = ""
    notes: str = ""


@dataclass(slots=True)
class RatingRow(Row):
    year: int | None = None
    rating: str = ""


@dataclass(slots=True)
class InitiativeRow(Row):
    title: str = ""
    kind: str = "initiative"
    level: str = ""
    year: int | None = None
    recognised_by: str = ""


@dataclass(slots=True)
class RestrictionRow(Row):
    kind: str = ""
    level: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    notes: str = ""


ROW_CLASSES = {HONOURS_SHEET: HonourRow, RATINGS_SHEET: RatingRow,
               INITIATIVES_SHEET: InitiativeRow, RESTRICTIONS_SHEET: RestrictionRow}


def year(value) -> int:
    """A year as Excel holds it: a number (2023 or 2023.0) or its digits as text."""
    shown = cells.shown(value).strip()
    if not shown.isdigit():
        raise CellProblem(_("Not a year: write four digits, such as 2024."))
    problem = year_problem(int(shown))
    if problem:
        raise CellProblem(problem)
    return int(shown)


def honour(value, *, honours: dict):
    """The Honor named by its name, short name or code (compared by ``cells.key``)."""
    found = honours.get(cells.key(cells.shown(value)))
    if found is None:
        raise CellProblem(_("Unknown honour: write a name from the template's list, its short "
                            "name or its code."))
    return found


def _text(max_length: int):
    return partial(cells.text, max_length=max_length)


COMMON_READERS = {"citizen_id": cells.citizen_id_text, "full_name": _text(200),
                  "unit_code": _text(32), "year": year}
SHEET_READERS = {
    HONOURS_SHEET: {"head_name": _text(200), "first_year": year,
                    "decision_number": _text(64), "decision_date": cells.date,
                    "issuer": _text(255), "notes": _text(2000)},
    RATINGS_SHEET: {},
    INITIATIVES_SHEET: {"title": _text(500), "recognised_by": _text(255)},
    RESTRICTIONS_SHEET: {"starts_on": cells.date, "ends_on": cells.date,
                         "notes": _text(2000)},
}


def readers(sheet: str, words: dict, honours: dict) -> dict:
    """Cell readers of one sheet; ``words`` maps (sheet, field) to the coded columns' words,
    ``honours`` the keys of honour names, short names and codes to the Honor."""
    coded = {field: partial(cells.choice, vocabulary=vocabulary)
             for (name, field), vocabulary in words.items() if name == sheet}
    coded["honor"] = partial(honour, honours=honours)
    return {**COMMON_READERS, **SHEET_READERS[sheet], **coded}


def build_row(sheet: str, number: int, values: dict, raw: dict, report):
    """The sheet's row object, with the checks that read two cells of the row."""
    row = ROW_CLASSES[sheet](row=number, **values)
    if getattr(row, "first_year", None) and row.year and row.first_year > row.year:
        report.add(number, "first_year", raw["first_year"],
                   _("The first year is after the year."))
    if getattr(row, "ends_on", None) and row.starts_on and row.ends_on < row.starts_on:
        report.add(number, "ends_on", raw["ends_on"],
                   _("The end date is before the start date."))
    if sheet == RESTRICTIONS_SHEET and row.level and row.kind != RestrictionKind.DISCIPLINE:
        report.add(number, "level", raw["level"],
                   _("A discipline level goes with discipline only."))
    return row
