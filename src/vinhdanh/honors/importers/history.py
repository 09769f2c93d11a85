"""Validating a legacy-history workbook as a whole before anything is written.

    plan = validate_history_workbook(data, actor=user)   # every bad cell in plan.errors
    result = import_history_workbook(data, actor=user)   # raises ImportRejected on any error

The workbook reading, cell readers and error report are the units-and-people importer's.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from vinhdanh.honors.importers import checks, targets
from vinhdanh.honors.importers.rows import build_row, readers
from vinhdanh.honors.importers.schema import (
    CITIZEN_ID,
    COLUMNS,
    SHEETS,
    UNIT_CODE,
    vocabularies,
)
from vinhdanh.honors.importers.write import HistoryResult, apply_history_plan
from vinhdanh.honors.models import Honor
from vinhdanh.organisations.importers.cells import key
from vinhdanh.organisations.importers.report import CellError, capped, file_error
from vinhdanh.organisations.importers.rows import SheetReport, read_rows
from vinhdanh.organisations.importers.workbook import (
    WorkbookProblem,
    find_sheet_names,
    open_workbook,
    read_sheet,
)


@dataclass
class HistoryPlan:
    """The rows of a checked workbook, by sheet (the canonical names of schema.SHEETS)."""

    errors: list[CellError] = field(default_factory=list)
    rows: dict[str, list] = field(default_factory=dict)
    actor_id: int | None = None

    @property
    def total(self) -> int:
        return sum(len(rows) for rows in self.rows.values())

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def result(self) -> HistoryResult:
        counts = [len(self.rows.get(sheet, [])) for sheet in SHEETS]
        return HistoryResult(*counts)


def validate_history_workbook(data: bytes, *, actor, progress=None) -> HistoryPlan:
    """Reads and checks every cell; ``progress(done, total)`` hears about long sheets."""
    plan = HistoryPlan(actor_id=getattr(actor, "pk", None))
    try:
        _validate(plan, open_workbook(data), actor, progress)
    except WorkbookProblem as problem:
        plan.errors = [file_error(str(problem))]
    return plan


def import_history_workbook(data: bytes, *, actor, progress=None, job=None) -> HistoryResult:
    """Validates ``data`` and writes it; raises ImportRejected (nothing written) on any error."""
    plan = validate_history_workbook(data, actor=actor)
    return apply_history_plan(plan, actor=actor, progress=progress, job=job)


def holds_history(workbook) -> bool:
    return bool(find_sheet_names(workbook, SHEETS))


def honour_index() -> dict:
    """key() of every honour's name, short name and code → the Honor; names win a clash."""
    honours = list(Honor.objects.all())
    index = {}
    for attribute in ("name", "short_name", "code"):
        for honor in honours:
            index.setdefault(key(getattr(honor, attribute)), honor)
    index.pop("", None)
    return index


def _validate(plan: HistoryPlan, workbook, actor, progress) -> None:
    names = find_sheet_names(workbook, SHEETS)
    if not names:
        plan.errors = [_wrong_sheets(workbook.sheet_names)]
        return
    errors, words, honours = [], vocabularies(), honour_index()
    reports = {}
    for sheet, name in names.items():
        reports[sheet], plan.rows[sheet] = _read(workbook, sheet, name, (words, honours),
                                                 errors, progress)
    _check(plan, actor, reports)
    if not (errors or plan.total):
        errors.append(file_error(_("The workbook has no rows to import.")))
    plan.errors = capped(errors, list(names.values()))


def _wrong_sheets(found: list[str]) -> CellError:
    return file_error(_("The workbook has none of the sheets %(expected)s; its sheets are: "
                        "%(found)s.") % {"expected": ", ".join(SHEETS),
                                         "found": ", ".join(found) or "—"})


def _read(workbook, sheet, name, vocabulary, errors, progress):
    columns = COLUMNS[sheet]
    layout, numbered = read_sheet(workbook, name, columns)
    report = SheetReport(layout, errors)
    _report_missing_columns(layout, errors)
    cell_readers = readers(sheet, *vocabulary)
    rows = [build_row(sheet, number, values, raw, report) for number, values, raw
            in read_rows(numbered, columns, cell_readers, report, progress)]
    return report, rows


def _report_missing_columns(layout, errors) -> None:
    missing = [column.title for column in layout.missing]
    if layout.header_row and not {"citizen_id", "unit_code"} & layout.positions.keys():
        missing.append(_("%(first)s or %(second)s") % {"first": CITIZEN_ID.header,
                                                       "second": UNIT_CODE.header})
    for title in missing:
        errors.append(file_error(_("Column %(column)s is missing.") % {"column": title},
                                 sheet=layout.name, header=title))


def _check(plan: HistoryPlan, actor, reports) -> None:
    found = targets.Targets(actor, [row for rows in plan.rows.values() for row in rows])
    for sheet, rows in plan.rows.items():
        targets.resolve(rows, found, reports[sheet])
        checks.report_duplicates(sheet, rows, reports[sheet])
        checks.report_existing(sheet, rows, reports[sheet])
