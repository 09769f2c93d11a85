"""Background tasks of the decisions app (run by ``manage.py db_worker``)."""

from django.tasks import task


@task
def write_decision_files(decision_id: int) -> int:
    """After issuing: the Word and PDF files, then the certificates' printing job."""
    from vinhdanh.decisions.models import Decision
    from vinhdanh.decisions.services.certificates import start_job
    from vinhdanh.decisions.services.files import write_files

    decision = Decision.objects.select_related("issuer").get(pk=decision_id)
    write_files(decision)
    if decision.kind == "award":
        start_job(decision, actor=None)
    return decision_id


@task
def print_certificates(job_id: int) -> int:
    from vinhdanh.decisions.services.certificates import run_job

    return run_job(job_id).done
