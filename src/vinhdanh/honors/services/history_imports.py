"""Legacy-history import jobs, on the units-and-people importer's ImportJob and helpers.

A small workbook is imported during the upload, a large one by the worker; either way the
whole file is checked first, then written or nothing. A workbook without history sheets is
handed to the units-and-people importer, so one upload page takes either kind.
"""

from functools import partial

from django.conf import settings
from django.db import transaction

from vinhdanh.honors.importers import (
    apply_history_plan,
    holds_history,
    validate_history_workbook,
)
from vinhdanh.honors.importers.schema import SHEETS
from vinhdanh.organisations.importers.report import file_error
from vinhdanh.organisations.importers.schema import PEOPLE_SHEET, UNITS_SHEET
from vinhdanh.organisations.importers.workbook import (
    WorkbookProblem,
    count_rows,
    open_workbook,
    too_large_message,
)
from vinhdanh.organisations.models import ImportJob, ImportStatus
from vinhdanh.organisations.services.imports import (
    UNITS_AND_PEOPLE,
    Importer,
    finish_job,
    read_job_file,
    run_job,
)

JOB_KIND = "history"


def history_jobs(queryset):
    """The jobs among ``queryset`` that were uploaded as history imports."""
    return queryset.filter(kind=JOB_KIND)


def start_history_import(*, actor, uploaded_file) -> ImportJob:
    """Saves the upload as an ImportJob; imports it at once or queues it when it is large."""
    job = ImportJob(created_by=actor, original_name=uploaded_file.name[:255], kind=JOB_KIND)
    if uploaded_file.size > settings.IMPORT_MAX_BYTES:
        return finish_job(job, ImportStatus.REJECTED, errors=[file_error(too_large_message())])
    job.file.save(uploaded_file.name, uploaded_file)  # saves the job as well
    data = read_job_file(job)
    # Both kinds of sheet count: a units-and-people file is handed on (run_history_job).
    if count_rows(data, [*SHEETS, UNITS_SHEET, PEOPLE_SHEET]) <= settings.IMPORT_BACKGROUND_ROWS:
        return run_history_job(job, data)
    transaction.on_commit(partial(_enqueue, job.pk))
    return job


def _enqueue(job_id: int) -> None:
    from vinhdanh.honors.tasks import run_history_import_job  # the task module imports this

    run_history_import_job.enqueue(job_id)


def _is_history(data: bytes) -> bool:
    """Whether the history importer takes the file; an unreadable one it reports itself."""
    try:
        return holds_history(open_workbook(data))
    except WorkbookProblem:
        return True


HISTORY = Importer(validate_history_workbook, apply_history_plan)


def run_history_job(job: ImportJob, data: bytes | None = None) -> ImportJob:
    """Checks and imports the job's file; a units-and-people file goes to that importer."""
    data = read_job_file(job) if data is None else data
    return run_job(job, data, importer=HISTORY if _is_history(data) else UNITS_AND_PEOPLE)
