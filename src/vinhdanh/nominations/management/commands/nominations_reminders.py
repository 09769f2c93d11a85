"""``manage.py nominations_reminders [--days 2]``: remind whoever must act on overdue dossiers.

Mails the board, the group leaders and the unit clerks about the dossiers waiting on them
whose step is overdue, and with ``--days N`` those due within the next N working days too.
Meant for a daily cron job; a second run the same day sends nothing unless ``--force``.
"""

from django.core.management.base import BaseCommand

from vinhdanh.nominations.services.reminders import reminded_today, send_reminders


class Command(BaseCommand):
    help = "Mails the people who must act on overdue (or soon due) nomination dossiers."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=0,
                            help="also remind when the step is due within this many working "
                                 "days")
        parser.add_argument("--force", action="store_true",
                            help="send even if the reminders were sent today already")

    def handle(self, *args, days, force, **options):
        if not force and reminded_today():
            self.stdout.write("The reminders were sent today already.")
            return
        self.stdout.write(f"{send_reminders(days=max(days, 0), actor=None)}")
