"""``manage.py scoring_reminders [--days 3]``: remind the clerks of late units.

For every open pass whose deadline falls within the next N days (today included), mails the
clerks of the units whose scores are still missing. Meant for a daily cron job; a pass
already reminded today is skipped, so a second run the same day sends nothing.
"""

import datetime as dt

from django.core.management.base import BaseCommand
from django.db.models import F, Q
from django.utils import timezone

from vinhdanh.scoring.models import ScoringPass
from vinhdanh.scoring.services.reminders import send_reminders


def passes_due(today: dt.date, days: int):
    """Open passes with a deadline from ``today`` to ``today + days``, not reminded today."""
    start = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
    return ScoringPass.objects.filter(
        round__state=F("kind"), opened_at__isnull=False, closed_at__isnull=True,
        deadline__gte=today, deadline__lte=today + dt.timedelta(days=days),
    ).filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=start)).select_related(
        "round__template__group"
    )


class Command(BaseCommand):
    help = "Mails the clerks of units still missing scores in passes whose deadline is near."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3,
                            help="remind when the deadline is at most this many days away")

    def handle(self, *args, days, **options):
        total = 0
        for scoring_pass in passes_due(timezone.localdate(), days):
            count = send_reminders(scoring_pass, actor=None)
            total += count
            self.stdout.write(f"{scoring_pass}: {count}")
        self.stdout.write(f"{total}")
