"""Background tasks of the scoring app (run by ``manage.py db_worker``)."""

from django.tasks import task

from vinhdanh.scoring.services.reminders import deliver_reminder


@task
def send_scoring_reminder(pass_id: int, user_id: int, unit_ids: list[int]) -> bool:
    """Mails one unit clerk the scores their units still miss in a pass."""
    return deliver_reminder(pass_id, user_id, unit_ids)
