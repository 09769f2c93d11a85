"""One call for the page and the download: the chosen forms, filled for a year and a unit,
counting only what the user may see."""

from collections import Counter
from dataclasses import dataclass

from vinhdanh.reports.statutory import facts
from vinhdanh.reports.statutory.counting import FilledForm, fill
from vinhdanh.reports.statutory.forms import CURRENT
from vinhdanh.reports.statutory.model import FormSet, StatForm


@dataclass(frozen=True)
class Report:
    year: int
    unit: object  # the organisations.Unit reported on
    form_set: FormSet
    forms: tuple[FilledForm, ...]


def _sources(user, year: int, unit, needed: set[str]) -> dict[str, Counter]:
    """The facts of each source the chosen forms read (each read once)."""
    found = {"typed": Counter()}
    if "honours" in needed:
        found["honours"] = facts.honour_facts(year, records=facts.visible_records(user),
                                              root=unit)
    if "movements" in needed:
        found["movements"] = facts.movement_facts(year, movements=facts.visible_movements(user),
                                                  root=unit)
    return found


def build_report(user, *, year: int, unit, forms: list[StatForm] | None = None,
                 form_set: FormSet = CURRENT) -> Report:
    """``forms`` (default: the whole set) filled for ``year`` and ``unit``'s subtree."""
    chosen = tuple(forms or form_set.forms)
    sources = _sources(user, year, unit, {form.source for form in chosen})
    filled = tuple(fill(form, sources[form.source]) for form in chosen)
    return Report(year=year, unit=unit, form_set=form_set, forms=filled)
