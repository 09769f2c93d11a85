"""Validating a whole workbook before anything is written: the ImportPlan."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from vinhdanh.organisations.importers import checks
from vinhdanh.organisations.importers.report import CellError, capped, file_error
from vinhdanh.organisations.importers.rows import (
    PersonRow,
    SheetReport,
    UnitRow,
    person_readers,
    person_row,
    read_rows,
    unit_readers,
    unit_row,
)
from vinhdanh.organisations.importers.schema import (
    PEOPLE_COLUMNS,
    PEOPLE_SHEET,
    UNIT_COLUMNS,
    UNITS_SHEET,
    vocabularies,
)
from vinhdanh.organisations.importers.workbook import (
    WorkbookProblem,
    find_sheet_names,
    open_workbook,
    read_sheet,
)

EXPECTED_SHEETS = [UNITS_SHEET, PEOPLE_SHEET]


@dataclass
class ImportPlan:
    """What a valid workbook will create: units parents first, then people."""

    errors: list[CellError] = field(default_factory=list)
    units: list[UnitRow] = field(default_factory=list)
    people: list[PersonRow] = field(default_factory=list)
    actor_id: int | None = None

    @property
    def total(self) -> int:
        return len(self.units) + len(self.people)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def validate_workbook(data: bytes, *, actor, progress=None) -> ImportPlan:
    """Reads and checks every cell; ``progress(done, total)`` hears about long sheets."""
    plan = ImportPlan(actor_id=getattr(actor, "pk", None))
    try:
        _validate(plan, open_workbook(data), actor, progress)
    except WorkbookProblem as problem:
        plan.errors = [file_error(str(problem))]
    return plan


def _validate(plan: ImportPlan, workbook, actor, progress) -> None:
    names = find_sheet_names(workbook, EXPECTED_SHEETS)
    if not names:
        plan.errors = [_wrong_sheets(workbook.sheet_names)]
        return
    errors, words = [], vocabularies()
    units_report = people_report = None
    if UNITS_SHEET in names:
        units_report, plan.units = _read_units(workbook, names[UNITS_SHEET], words, errors,
                                               progress)
    if PEOPLE_SHEET in names:
        people_report, plan.people = _read_people(workbook, names[PEOPLE_SHEET], words, errors,
                                                  progress)
    _check(plan, actor, units_report, people_report)
    if not (errors or plan.units or plan.people):
        errors.append(file_error(_("The workbook has no rows to import.")))
    plan.errors = capped(errors, list(names.values()))


def _wrong_sheets(found: list[str]) -> CellError:
    return file_error(_("The workbook has none of the sheets %(expected)s; its sheets are: "
                        "%(found)s.") % {"expected": ", ".join(EXPECTED_SHEETS),
                                         "found": ", ".join(found) or "—"})


def _read_sheet(workbook, name, columns, errors):
    layout, numbered = read_sheet(workbook, name, columns)
    report = SheetReport(layout, errors)
    for column in layout.missing:
        errors.append(file_error(_("Column %(column)s is missing.") % {"column": column.title},
                                 sheet=name, header=column.title))
    return report, numbered


def _read_units(workbook, name, words, errors, progress):
    report, numbered = _read_sheet(workbook, name, UNIT_COLUMNS, errors)
    rows = [unit_row(number, values, raw, report) for number, values, raw
            in read_rows(numbered, UNIT_COLUMNS, unit_readers(words), report, progress)]
    return report, rows


def _read_people(workbook, name, words, errors, progress):
    report, numbered = _read_sheet(workbook, name, PEOPLE_COLUMNS, errors)
    rows = [person_row(number, values, raw, report) for number, values, raw
            in read_rows(numbered, PEOPLE_COLUMNS, person_readers(words), report, progress)]
    return report, rows


def _check(plan: ImportPlan, actor, units_report, people_report) -> None:
    file_units = {row.code: row for row in reversed(plan.units) if row.code}
    referenced = {row.parent_code for row in plan.units if row.parent_code}
    referenced |= {row.unit_code for row in plan.people if row.unit_code}
    index = checks.UnitIndex(actor, file_units, referenced)
    if units_report:
        checks.report_duplicates(plan.units, "code", units_report)
        checks.report_existing_units(plan.units, units_report)
        checks.check_parents(plan.units, index, units_report)
        plan.units = checks.parents_first(plan.units, units_report)
    if people_report:
        checks.report_duplicates(plan.people, "citizen_id", people_report)
        checks.report_existing_people(plan.people, people_report)
        checks.check_people_units(plan.people, index, people_report)
