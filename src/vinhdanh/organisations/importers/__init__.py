"""Excel onboarding of units and people: validate the whole workbook, then write it or nothing.

    plan = validate_workbook(data, actor=user)   # every bad cell in plan.errors
    result = apply_plan(plan, actor=user)         # raises ImportRejected if plan.errors
    result = import_workbook(data, actor=user)    # both

build_template(), export_units(queryset) and export_people(queryset) return .xlsx bytes in
the same layout, so that an export imports again.
"""

from vinhdanh.organisations.importers.excel_out import build_template, export_people, export_units
from vinhdanh.organisations.importers.report import CellError, ImportRejected
from vinhdanh.organisations.importers.validate import ImportPlan, validate_workbook
from vinhdanh.organisations.importers.write import ImportResult, apply_plan


def import_workbook(data: bytes, *, actor, progress=None, job=None) -> ImportResult:
    """Validates ``data`` and writes it; raises ImportRejected (nothing written) on any error."""
    return apply_plan(validate_workbook(data, actor=actor), actor=actor, progress=progress,
                      job=job)


__all__ = [
    "CellError",
    "ImportPlan",
    "ImportRejected",
    "ImportResult",
    "apply_plan",
    "build_template",
    "export_people",
    "export_units",
    "import_workbook",
    "validate_workbook",
]
