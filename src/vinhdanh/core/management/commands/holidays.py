"""``manage.py holidays --year 2027 [--year 2028 …]``: adds the statutory public holidays.

Rows already present (corrected or confirmed by the province) are never overwritten.
"""

from django.core.management.base import BaseCommand, CommandError

from vinhdanh.core.public_holidays import YEARS, fill_statutory_holidays


class Command(BaseCommand):
    help = "Adds the statutory public holidays of the given years (existing days are kept)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, action="append", required=True,
                            choices=YEARS, metavar="YEAR")

    def handle(self, *args, year, **options):
        for one in year:
            try:
                added = fill_statutory_holidays(one)
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"{one}: {added} new days")
