"""A change in a candidate's history (honours, ratings, initiatives, discipline) marks the
verdicts of the candidate's open dossiers stale and queues their re-evaluation after the
commit: the board always sees a verdict computed on the history as it is."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from vinhdanh.honors.models import DisciplinePeriod, HonorRecord, Initiative, TaskRatingRecord
from vinhdanh.nominations.models import Nomination

HISTORY = (HonorRecord, TaskRatingRecord, Initiative, DisciplinePeriod)


def _queue(ids: list[int]) -> None:
    from vinhdanh.nominations.tasks import reevaluate_nominations

    reevaluate_nominations.enqueue(ids)


def history_changed(sender, instance, **kwargs):
    candidate = instance.candidate
    if candidate is None or kwargs.get("raw"):
        return
    rows = Nomination.objects.of_candidate(candidate).open().filter(verdict_at__isnull=False)
    ids = list(rows.values_list("pk", flat=True))
    if ids:
        rows.update(verdict_stale=True)
        transaction.on_commit(partial(_queue, ids))


for model in HISTORY:
    receiver(post_save, sender=model, dispatch_uid=f"nominations.{model.__name__}.save")(
        history_changed)
    receiver(post_delete, sender=model, dispatch_uid=f"nominations.{model.__name__}.delete")(
        history_changed)
