"""Who is eligible for an honour in a year, and why: one sweep for the eligibility page, the
``eligibility`` command and the API, so that all three give the same verdicts.

    result = run_sweep(user, "chien_si_thi_dua_tinh", 2024, unit=farmers_union)
    result.evaluations        # one Evaluation per candidate (verdict, lines, hints)
    result.counts_by_verdict  # {"eligible": 3, "not_eligible": 5, "missing": 2}
    result.quota_lines        # the quota of the unit (or of each member unit of a group)

Candidates are what ``user`` may see; ``SYSTEM`` (the management command) sees everything.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.errors import DomainError
from vinhdanh.honors.enums import SubjectKind, Verdict
from vinhdanh.honors.law.packs import effective_pack_for
from vinhdanh.honors.models import Honor
from vinhdanh.honors.services.eligibility import Evaluation, Line, quota_check, sweep
from vinhdanh.honors.services.history import not_for_subject_message
from vinhdanh.organisations.models import Household, Person, Unit

OUTCOME_LABELS = {"pass": _("Met"), "fail": _("Not met"), "missing": _("Information missing")}
UNCONFIRMED = _("unconfirmed")
# Honours for several kinds of candidate are swept for one kind: people first.
SUBJECT_ORDER = (SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE, SubjectKind.HOUSEHOLD)
CANDIDATE_TYPES = {Person: "person", Unit: "unit", Household: "household"}


class _System:
    """The caller of the management command: no user, every unit of the province."""

    def __repr__(self):
        return "SYSTEM"


SYSTEM = _System()


@dataclass
class QuotaLine:
    """The quota criterion of one unit, checked on its candidates' evaluations."""

    unit: Unit
    line: Line


@dataclass
class SweepResult:
    honor: Honor
    year: int
    subject: str
    pack_code: str
    pack_confirmed: bool
    evaluations: list[Evaluation]  # only those of the requested verdict, if one was given
    counts_by_verdict: dict[str, int]  # of every candidate, whatever the verdict filter
    quota_lines: list[QuotaLine] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts_by_verdict.values())


def subject_for(honor: Honor, subject: str | None = None) -> str:
    """The kind of candidate to sweep: ``subject`` if the honour takes it, else its first."""
    if subject:
        if not honor.accepts(subject):
            raise DomainError({"subject": not_for_subject_message(honor, subject)})
        return subject
    return next(kind for kind in SUBJECT_ORDER if honor.accepts(kind))


def candidates_for(user, honor: Honor, *, unit=None, group=None, subject=None, year=None):
    """The candidates ``user`` sees for ``honor``: active people, units (not the province
    itself) or households, within ``unit``'s subtree and the subtrees of ``group``'s members."""
    subject = subject_for(honor, subject)
    model, path = {
        SubjectKind.INDIVIDUAL: (Person, "unit__path"),
        SubjectKind.COLLECTIVE: (Unit, "path"),
        SubjectKind.HOUSEHOLD: (Household, "unit__path"),
    }[subject]
    queryset = model.objects.all() if user is SYSTEM else model.objects.visible_to(user)
    if unit is not None:
        queryset = queryset.filter(**{f"{path}__startswith": unit.path})
    if group is not None:
        queryset = queryset.filter(_under_members(group, path))
    return _narrowed(queryset, subject, year)


def _under_members(group, path: str) -> Q:
    query = Q(pk__in=[])
    for member_path in group.memberships.values_list("unit__path", flat=True):
        query |= Q(**{f"{path}__startswith": member_path})
    return query


def _narrowed(queryset, subject: str, year: int | None):
    if subject == SubjectKind.INDIVIDUAL:
        return queryset.filter(is_active=True).select_related("unit")
    if subject == SubjectKind.HOUSEHOLD:
        return queryset.select_related("unit")
    # A collective: not the province root (it does not commend itself), active that year.
    queryset = queryset.filter(parent__isnull=False).select_related("parent")
    if year is None:
        return queryset
    return queryset.exclude(active_until__lt=dt.date(year, 1, 1)).exclude(
        active_from__gt=dt.date(year, 12, 31))


def run_sweep(user, honor_code: str, year: int, *, unit=None, group=None, verdict=None,
              received_on=None, subject=None, search: str = "") -> SweepResult:
    """Evaluates every candidate ``user`` sees (see ``candidates_for``); writes nothing."""
    honor = Honor.objects.get(code=honor_code)
    subject = subject_for(honor, subject)
    candidates = candidates_for(user, honor, unit=unit, group=group, subject=subject,
                                year=year)
    if search:
        candidates = candidates.search(search)
    evaluations = _evaluate(list(candidates), honor_code, year, received_on)
    code, confirmed = _pack(evaluations, year, received_on)
    return SweepResult(
        honor=honor, year=year, subject=subject, pack_code=code, pack_confirmed=confirmed,
        evaluations=[e for e in evaluations if not verdict or e.verdict == verdict],
        counts_by_verdict=count_verdicts(evaluations),
        quota_lines=_quota_lines(unit, group, honor_code, year, evaluations),
    )


def _evaluate(candidates: list, honor_code: str, year: int, received_on) -> list[Evaluation]:
    if not candidates:
        return []
    return sweep(candidates, honor_code, year, received_on=received_on)


def count_verdicts(evaluations) -> dict[str, int]:
    counts = dict.fromkeys(Verdict.values, 0)
    for evaluation in evaluations:
        counts[evaluation.verdict] += 1
    return counts


def _pack(evaluations, year: int, received_on) -> tuple[str, bool]:
    """The pack the engine used; without candidates, the one it would have used."""
    if evaluations:
        return evaluations[0].pack_code, evaluations[0].pack_confirmed
    try:
        pack = effective_pack_for(received_on or dt.date(year, 12, 31))
    except LookupError as error:  # before the first pack: as the engine says with candidates
        raise DomainError(str(error)) from None
    return pack.code, pack.confirmed


def _quota_lines(unit, group, honor_code, year, evaluations) -> list[QuotaLine]:
    """A quota caps a unit's proposals: checked for the unit swept, or each group member."""
    if unit is not None:
        units = [unit]
    elif group is not None:
        units = [m.unit for m in group.memberships.select_related("unit")]
    else:
        return []
    lines = []
    for each in units:
        own = [e for e in evaluations if candidate_path(e.candidate).startswith(each.path)]
        line = quota_check(each, honor_code, year, own)
        if line is not None:
            lines.append(QuotaLine(each, line))
    return lines


def candidate_type(candidate) -> str:
    return CANDIDATE_TYPES[type(candidate)]


def unit_of(candidate):
    """The unit a candidate belongs to: a person's or household's unit, a collective's parent."""
    return candidate.parent if isinstance(candidate, Unit) else candidate.unit


def candidate_path(candidate) -> str:
    return candidate.path if isinstance(candidate, Unit) else candidate.unit.path


def line_text(line: Line) -> str:
    """One criterion in a cell or a line of text: "Met: 3 years (Điều 22) — unconfirmed"."""
    text = f"{OUTCOME_LABELS.get(line.outcome, line.outcome)}: {line.detail}"
    if line.article:
        text += f" ({line.article})"
    return text if line.confirmed else f"{text} — {gettext(UNCONFIRMED)}"


def flat_table(result: SweepResult) -> tuple[list[str], list[list[str]]]:
    """A header and one row per candidate (name, unit, verdict, one column per criterion,
    hints): the Excel export and the command's CSV share it."""
    labels = list(dict.fromkeys(line.label for e in result.evaluations for line in e.lines))
    header = [gettext("Name"), gettext("Unit"), gettext("Verdict"), *labels, gettext("Hints")]
    return header, [_flat_row(e, labels) for e in result.evaluations]


def _flat_row(evaluation: Evaluation, labels: list[str]) -> list[str]:
    by_label = {line.label: line_text(line) for line in evaluation.lines}
    unit = unit_of(evaluation.candidate)
    return [str(evaluation.candidate), unit.name if unit else "",
            str(Verdict(evaluation.verdict).label), *(by_label.get(lb, "") for lb in labels),
            "\n".join(evaluation.hints)]
