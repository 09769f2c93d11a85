"""Import jobs: a small workbook is imported during the upload, a large one by the worker.

Either way the same run_job() checks the whole file, then writes it or nothing, and keeps
the job's status, progress, errors and result up to date for the job page.
"""

import logging
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.organisations.importers import ImportRejected, apply_plan, validate_workbook
from vinhdanh.organisations.importers.report import file_error
from vinhdanh.organisations.importers.schema import PEOPLE_SHEET, UNITS_SHEET
from vinhdanh.organisations.importers.workbook import count_rows, too_large_message
from vinhdanh.organisations.models import ImportJob, ImportStatus

logger = logging.getLogger(__name__)


def start_import(*, actor, uploaded_file) -> ImportJob:
    """Saves the upload as an ImportJob; imports it at once or queues it when it is large."""
    job = ImportJob(created_by=actor, original_name=uploaded_file.name[:255])
    if uploaded_file.size > settings.IMPORT_MAX_BYTES:
        return finish_job(job, ImportStatus.REJECTED, errors=[file_error(too_large_message())])
    job.file.save(uploaded_file.name, uploaded_file)  # saves the job as well
    data = read_job_file(job)
    if count_rows(data, [UNITS_SHEET, PEOPLE_SHEET]) <= settings.IMPORT_BACKGROUND_ROWS:
        return run_job(job, data)
    transaction.on_commit(partial(_enqueue, job.pk))
    return job


def _enqueue(job_id: int) -> None:
    from vinhdanh.organisations.tasks import run_import_job  # the task module imports this one

    run_import_job.enqueue(job_id)


def read_job_file(job: ImportJob) -> bytes:
    with job.file.open("rb") as stored:
        return stored.read()


@dataclass(frozen=True)
class Importer:
    """The two steps of an importer: ``validate(data, *, actor, progress)`` returns a plan
    with ``errors`` and ``total``; ``apply(plan, *, actor, progress, job)`` writes it."""

    validate: Callable
    apply: Callable


UNITS_AND_PEOPLE = Importer(validate_workbook, apply_plan)


def run_job(job: ImportJob, data: bytes | None = None, *,
            importer: Importer | None = None) -> ImportJob:
    """Checks and imports the job's file (units and people unless ``importer`` says
    otherwise); sets its status, progress, errors and result."""
    try:
        data = read_job_file(job) if data is None else data
        return _run(job, data, importer or UNITS_AND_PEOPLE)
    except Exception:  # the job page must say it stopped; the log keeps the details
        logger.exception("Import job %s failed", job.pk)
        return finish_job(job, ImportStatus.FAILED, errors=[file_error(_(
            "The import stopped because of an unexpected error; nothing was imported."))])


def _run(job: ImportJob, data: bytes, importer: Importer) -> ImportJob:
    actor = job.created_by
    save_job(job, status=ImportStatus.VALIDATING, done=0, total=0)
    plan = importer.validate(data, actor=actor, progress=partial(save_job, job))
    if plan.errors:
        return finish_job(job, ImportStatus.REJECTED, errors=plan.errors)
    save_job(job, status=ImportStatus.WRITING, done=0, total=plan.total)
    try:
        with progress_outside_transaction(job) as progress:
            result = importer.apply(plan, actor=actor, progress=progress, job=job)
    except ImportRejected as rejected:
        return finish_job(job, ImportStatus.REJECTED, errors=rejected.errors)
    return finish_job(job, ImportStatus.DONE, result=result.as_dict(), done=plan.total)


def save_job(job: ImportJob, done=None, total=None, **fields) -> None:
    fields.update({name: value for name, value in (("done", done), ("total", total))
                   if value is not None})
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=list(fields))


def finish_job(job: ImportJob, status: str, *, errors=(), **fields) -> ImportJob:
    job.status, job.finished_at = status, timezone.now()
    job.errors = [error.as_dict() for error in errors]
    for name, value in fields.items():
        setattr(job, name, value)
    job.save()
    return job


@contextmanager
def progress_outside_transaction(job: ImportJob):
    """A progress callback for the write phase that other requests can see.

    The rows are written in one transaction, so an ordinary UPDATE of the job would stay
    invisible until the end; a connection of its own commits each step at once. SQLite has a
    single writer, so there the bar jumps from 0 to done.
    """
    if connection.vendor == "sqlite":
        yield None
        return
    side = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        yield partial(_write_progress, side, job.pk)
    finally:
        side.close()


def _write_progress(side, job_id: int, done: int, total: int) -> None:
    table = side.ops.quote_name(ImportJob._meta.db_table)
    with side.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET done = %s, total = %s WHERE id = %s",  # noqa: S608
                       [done, total, job_id])
