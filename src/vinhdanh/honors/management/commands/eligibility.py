"""``manage.py eligibility --honor <code> --year 2024 [--unit <code>] [--group <code>] …``

Prints who is eligible for an honour, with the verdict and one line per criterion, or one
CSV row per candidate (``--format csv``). It runs as the system: every unit of the province,
whoever runs it, so it is for administrators at the server. The verdicts are those of the
eligibility page and the API (the same ``honors.services.sweeps.run_sweep``).
"""

import argparse
import csv
import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vinhdanh.honors.enums import SubjectKind, Verdict
from vinhdanh.honors.law.catalogue import BY_CODE
from vinhdanh.honors.services.sweeps import (
    SYSTEM,
    candidate_type,
    flat_table,
    line_text,
    run_sweep,
    unit_of,
)
from vinhdanh.organisations.models import EmulationGroup, Unit


def day(value: str) -> dt.date:
    try:
        return dt.datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a dd/mm/yyyy date") from None


class Command(BaseCommand):
    help = ("Prints the eligibility of every candidate for an honour and a year, in all "
            "units (the command runs as the system, not as a user).")

    def add_arguments(self, parser):
        parser.add_argument("--honor", required=True, choices=sorted(BY_CODE),
                            help="Code of the honour (see honors/law/catalogue.py).")
        parser.add_argument("--year", required=True, type=int,
                            help="Year of the achievement.")
        parser.add_argument("--unit", help="Code of a unit: only its subtree.")
        parser.add_argument("--group", help="Code of an emulation group of that year: only "
                            "its member units' subtrees.")
        parser.add_argument("--subject", choices=SubjectKind.values,
                            help="Kind of candidate, for honours that take several.")
        parser.add_argument("--verdict", choices=Verdict.values, help="Print only these.")
        parser.add_argument("--received-on", type=day,
                            help="Date the dossier was received (dd/mm/yyyy).")
        parser.add_argument("--format", choices=["text", "csv"], default="text")

    def handle(self, *args, **options):
        result = self._sweep(options)
        if options["format"] == "csv":
            self._print_csv(result)
        else:
            self._print_text(result)

    def _sweep(self, options):
        try:
            return run_sweep(
                SYSTEM, options["honor"], options["year"], unit=self._unit(options["unit"]),
                group=self._group(options["group"], options["year"]),
                verdict=options["verdict"], received_on=options["received_on"],
                subject=options["subject"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None

    def _unit(self, code):
        if code is None:
            return None
        unit = Unit.objects.filter(code=code).first()
        if unit is None:
            raise CommandError(f"No unit has the code {code!r}.")
        return unit

    def _group(self, code, year):
        if code is None:
            return None
        group = EmulationGroup.objects.filter(code=code, year=year).first()
        if group is None:
            raise CommandError(f"No emulation group has the code {code!r} in {year}.")
        return group

    def _print_csv(self, result):
        writer = csv.writer(self.stdout, lineterminator="\n")
        header, rows = flat_table(result)
        writer.writerow(["type", "id", "verdict", *header])
        for evaluation, row in zip(result.evaluations, rows, strict=True):
            candidate = evaluation.candidate
            writer.writerow([candidate_type(candidate), candidate.pk, evaluation.verdict, *row])

    def _print_text(self, result):
        status = _("confirmed") if result.pack_confirmed else _("probable, to be confirmed")
        self.stdout.write(f"{result.honor.name} — {result.year} — {_('Rule pack')} "
                          f"{result.pack_code} ({status})")
        self.stdout.write(" · ".join(f"{Verdict(code).label}: {count}"
                                     for code, count in result.counts_by_verdict.items()))
        for quota in result.quota_lines:
            self.stdout.write(f"{quota.unit.name} — {quota.line.label}: {line_text(quota.line)}")
        for evaluation in result.evaluations:
            self._print_evaluation(evaluation)

    def _print_evaluation(self, evaluation):
        unit = unit_of(evaluation.candidate)
        place = f" ({unit.name})" if unit else ""
        self.stdout.write("")
        self.stdout.write(f"{evaluation.candidate}{place}: {Verdict(evaluation.verdict).label}")
        for line in evaluation.lines:
            self.stdout.write(f"  - {line.label}: {line_text(line)}")
        for hint in evaluation.hints:
            self.stdout.write(f"  → {hint}")
