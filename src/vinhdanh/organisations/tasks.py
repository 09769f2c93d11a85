"""Background tasks of the organisations app (run by ``manage.py db_worker``)."""

from django.tasks import task

from vinhdanh.organisations.models import ImportJob
from vinhdanh.organisations.services.imports import run_job


@task
def run_import_job(job_id: int) -> str:
    """Checks and imports an uploaded workbook; returns the job's final status."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    return run_job(job).status
