"""Background tasks of the nominations app (run by ``manage.py db_worker``)."""

from django.tasks import task

from vinhdanh.nominations.services.mail import deliver_transition_mail, reevaluate


@task
def send_transition_mail(nomination_id: int, action: str, actor_id: int | None) -> int:
    """Mails the people a transition concerns; returns how many were mailed."""
    return deliver_transition_mail(nomination_id, action, actor_id)


@task
def reevaluate_nominations(nomination_ids: list[int]) -> int:
    """Re-runs the eligibility of open dossiers whose candidate's history changed."""
    return reevaluate(nomination_ids)


@task
def send_deadline_reminder(user_id: int, nomination_ids: list[int], days: int = 0) -> bool:
    """Mails one user the dossiers waiting on them that are overdue or due soon."""
    from vinhdanh.nominations.services.reminders import deliver_reminder

    return deliver_reminder(user_id, nomination_ids, days)
