"""Writing a valid history plan in one transaction, a batch of rows per INSERT."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.honors.enums import RecordSource
from vinhdanh.honors.importers.schema import (
    HONOURS_SHEET,
    INITIATIVES_SHEET,
    RATINGS_SHEET,
    RESTRICTIONS_SHEET,
)
from vinhdanh.honors.models import DisciplinePeriod, HonorRecord, Initiative, TaskRatingRecord
from vinhdanh.organisations.importers.report import ImportRejected, file_error

BATCH = 1000  # rows per INSERT, and between two progress reports

# The model of each sheet and the row fields it takes (besides candidate and source).
WRITTEN = {
    HONOURS_SHEET: (HonorRecord, ("honor", "year", "first_year", "decision_number",
                                  "decision_date", "issuer", "notes")),
    RATINGS_SHEET: (TaskRatingRecord, ("year", "rating")),
    INITIATIVES_SHEET: (Initiative, ("title", "kind", "level", "year", "recognised_by")),
    RESTRICTIONS_SHEET: (DisciplinePeriod, ("kind", "level", "starts_on", "ends_on", "notes")),
}


@dataclass(frozen=True)
class HistoryResult:
    honours: int = 0
    ratings: int = 0
    initiatives: int = 0
    restrictions: int = 0

    def as_dict(self) -> dict:
        # "kind" tells a history job's result from a units-and-people one on the job page.
        return {"kind": "history", "honours": self.honours, "ratings": self.ratings,
                "initiatives": self.initiatives, "restrictions": self.restrictions}


def apply_history_plan(plan, *, actor, progress=None, job=None) -> HistoryResult:
    """Creates every row of the plan with source "imported" and logs one entry.

    Raises ImportRejected when the plan has errors or the database refuses a row (a rating
    someone entered since the file was checked).
    """
    if plan.errors:
        raise ImportRejected(plan.errors)
    if plan.actor_id != getattr(actor, "pk", None):
        raise ValueError("A plan is applied by the user it was validated for.")
    try:
        with transaction.atomic():
            return _write(plan, actor, progress or (lambda done, total: None), job)
    except IntegrityError:
        raise ImportRejected([file_error(_(
            "Someone entered some of these records while the file was being checked; nothing "
            "was imported. Please import the file again."))]) from None


def _write(plan, actor, report, job) -> HistoryResult:
    done = 0
    for sheet, (model, fields) in WRITTEN.items():
        rows = plan.rows.get(sheet, [])
        for start in range(0, len(rows), BATCH):
            model.objects.bulk_create([_record(model, fields, row)
                                       for row in rows[start:start + BATCH]])
            done += len(rows[start:start + BATCH])
            report(done, plan.total)
    result = plan.result()
    log_action(job, actor=actor, action="honors.history_imported", message=_(
        "Imported %(honours)s honours, %(ratings)s task ratings, %(initiatives)s initiatives "
        "and %(restrictions)s discipline or pending cases from a workbook") % result.as_dict(),
        **result.as_dict())
    return result


def _record(model, fields, row):
    return model(**row.target_fields, **{name: getattr(row, name) for name in fields},
                 source=RecordSource.IMPORTED)
