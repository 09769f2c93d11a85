"""Background tasks of the honors app (run by ``manage.py db_worker``)."""

from django.tasks import task

from vinhdanh.honors.services.history_imports import run_history_job
from vinhdanh.organisations.models import ImportJob


@task
def run_history_import_job(job_id: int) -> str:
    """Checks and imports an uploaded history workbook; returns the job's final status."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    return run_history_job(job).status
