"""``manage.py load_demo``: the fictional province Tỉnh Hòa Sơn, with a log-in per role."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vinhdanh.demo import loader
from vinhdanh.organisations.models import Unit


class Command(BaseCommand):
    help = "Loads the demo province (fictional units, people, groups and one log-in per role)."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true",
                            help="Do nothing when the database already holds units.")
        parser.add_argument("--reset", action="store_true",
                            help="Delete the units, people, groups and demo log-ins first.")

    def handle(self, *args, if_empty=False, reset=False, **options):
        if Unit.objects.exists():
            if if_empty and not reset:
                self.stdout.write("The database already holds units; the demo was not loaded.")
                return
            if not reset:
                raise CommandError("The database already holds units: use --reset to replace "
                                   "them with the demo, or --if-empty to skip.")
            self._clear()
        started = time.monotonic()
        rows = loader.load()
        self.stdout.write(self.style.SUCCESS(
            f"Loaded the demo province in {time.monotonic() - started:.1f} s."))
        self._print_logins(rows)

    def _clear(self):
        try:
            loader.clear()
        except loader.DemoError as error:
            raise CommandError(str(error)) from None

    def _print_logins(self, rows):
        header = (_("Username"), _("Password"), _("Role"), _("Scope"))
        widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(4)]
        self.stdout.write(_("Demo log-ins (the shared password is for the demo only):"))
        for row in [header, tuple("-" * w for w in widths), *rows]:
            cells = (str(v).ljust(w) for v, w in zip(row, widths, strict=True))
            self.stdout.write("  ".join(cells).rstrip())
