"""Who meets an honour's criteria for a year, and why: one line per criterion.

    evaluate(person, "chien_si_thi_dua_tinh", 2024)           # one candidate
    sweep(people, "chien_si_thi_dua_tinh", 2024)              # many, in a few queries
    quota_check(unit, "chien_si_thi_dua_co_so", 2024, evaluations)

The pack in force on the reference date decides: 31 December of the achievement year, or
the day the dossier was received (``received_on``). A dossier received before a pack with
the "kinder" transition (Law 06/2026/QH16) that is in force today is evaluated under both,
and the kinder verdict (eligible > information missing > not eligible) stands.

Reads the honour, the province's settings of the packs involved and the candidates' records
(services/facts.py: one query per kind of fact, whatever the number of candidates); writes
nothing.
"""

import datetime as dt
import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from vinhdanh.core.errors import DomainError
from vinhdanh.honors.effective import EffectivePack
from vinhdanh.honors.enums import SubjectKind, Verdict
from vinhdanh.honors.law.model import Param
from vinhdanh.honors.law.packs import PACKS, criteria_for, criteria_key, pack_by_code, pack_for
from vinhdanh.honors.law.predicates import MISSING, PASS, cached_translations
from vinhdanh.honors.law.predicates.texts import honour
from vinhdanh.honors.models import Honor, HonorRecord
from vinhdanh.honors.services.eligibility_criteria import Criteria, Line, hints_for, needs_for
from vinhdanh.honors.services.facts import load_facts
from vinhdanh.organisations.models import Unit

BULK = 5000  # candidates from which a sweep pauses the garbage collector
# The kinder of two verdicts is the higher.
KINDNESS = {Verdict.NOT_ELIGIBLE: 0, Verdict.MISSING: 1, Verdict.ELIGIBLE: 2}
__all__ = ["Evaluation", "Line", "evaluate", "quota_check", "sweep"]

SUBJECTS = {"Person": SubjectKind.INDIVIDUAL, "Unit": SubjectKind.COLLECTIVE,
            "Household": SubjectKind.HOUSEHOLD}


@dataclass
class Evaluation:
    candidate: Any
    honor: Honor
    year: int
    pack_code: str
    pack_confirmed: bool
    verdict: str  # honors.enums.Verdict value
    lines: list[Line]
    hints: list[str] = field(default_factory=list)


def today() -> dt.date:
    return timezone.localdate()


def verdict_of(lines: list[Line]) -> str:
    outcomes = {line.outcome for line in lines}
    if outcomes - {PASS, MISSING}:
        return Verdict.NOT_ELIGIBLE.value
    return Verdict.MISSING.value if MISSING in outcomes else Verdict.ELIGIBLE.value


def subject_of(candidate) -> str:
    return SUBJECTS[type(candidate).__name__]


# -- the plan of a sweep: packs, criteria, facts to load ---------------------------------

def reference_date(year: int, received_on: dt.date | None) -> dt.date:
    return received_on or dt.date(year, 12, 31)


def _pack_in_force(day: dt.date):
    try:
        return pack_for(day)
    except LookupError as error:
        raise DomainError(str(error)) from error


def _kinder_pack(received_on: dt.date | None):
    """The latest pack with the "kinder" transition that started after the dossier was
    received and is in force today, if any."""
    if received_on is None:
        return None
    now = today()
    later = [p for p in PACKS if p.transition == "kinder" and received_on < p.valid_from <= now]
    return max(later, key=lambda p: p.valid_from, default=None)


@dataclass
class Plan:
    honor: Honor
    subject: str
    year: int
    main: Criteria
    kinder: Criteria | None
    next_year: Criteria  # the criteria of the following year, for hints
    received_on: dt.date | None

    @property
    def as_of(self) -> dt.date:
        """Pending cases on this day block an award."""
        return self.received_on or today()


class _Packs:
    """The EffectivePacks of one sweep, one settings query each."""

    def __init__(self):
        self.by_code: dict[str, EffectivePack] = {}

    def criteria(self, pack, honor_code: str, subject: str, year: int) -> Criteria:
        effective = self.by_code.setdefault(pack.code, EffectivePack(pack))
        key = criteria_key(pack, honor_code, subject)
        return Criteria.compile(effective, key, criteria_for(pack, honor_code, subject), year)


def plan_for(honor_code: str, subject: str, year: int, received_on=None):
    """The plan of a sweep, the facts it needs and the ids of the honours they name."""
    packs = _Packs()
    main = packs.criteria(_pack_in_force(reference_date(year, received_on)), honor_code,
                          subject, year)
    kinder_pack = _kinder_pack(received_on)
    kinder = kinder_pack and packs.criteria(kinder_pack, honor_code, subject, year)
    following = packs.criteria(pack_for(dt.date(year + 1, 12, 31)), honor_code, subject,
                               year + 1)
    needs = needs_for([c for c in (main, kinder, following) if c])
    honours = {h.code: h for h in Honor.objects.filter(code__in=needs.codes() | {honor_code})}
    if honor_code not in honours:
        raise DomainError(gettext("Unknown honour: %(code)s.") % {"code": honor_code})
    plan = Plan(honours[honor_code], subject, year, main, kinder, following, received_on)
    return plan, needs, {code: h.pk for code, h in honours.items()}


# -- evaluating ----------------------------------------------------------------------------

def _transition_line(plan: Plan, old: str, new: str, decided: Criteria) -> Line:
    values = {"received": plan.received_on.strftime("%d/%m/%Y"),
              "start": plan.kinder.pack.valid_from.strftime("%d/%m/%Y"),
              "old": plan.main.pack.code, "old_verdict": Verdict(old).label,
              "new": plan.kinder.pack.code, "new_verdict": Verdict(new).label,
              "decided": decided.pack.code}
    detail = gettext("received on %(received)s, before %(start)s: %(old)s gives “%(old_verdict)s”"
                     ", %(new)s gives “%(new_verdict)s”; the kinder result, %(decided)s, "
                     "applies") % values
    return Line(gettext("Transition: the kinder rule applies"), PASS, detail,
                plan.kinder.pack.legal_texts[0], plan.kinder.effective.confirmed)


def _evaluate(plan: Plan, candidate, facts) -> Evaluation:
    lines = plan.main.lines(facts)
    verdict, decided = verdict_of(lines), plan.main
    if plan.kinder:
        kinder_lines = plan.kinder.lines(facts)
        old, new = verdict, verdict_of(kinder_lines)
        if KINDNESS[new] > KINDNESS[old]:
            lines, verdict, decided = kinder_lines, new, plan.kinder
        lines = [*lines, _transition_line(plan, old, new, decided)]
    hints = [] if verdict == Verdict.ELIGIBLE else hints_for(plan.next_year, facts)
    return Evaluation(candidate, plan.honor, plan.year, decided.pack.code,
                      decided.effective.confirmed, verdict, lines, hints)


def _refused(plan: Plan, candidate) -> Evaluation:
    """The honour is not given to this kind of candidate."""
    detail = gettext("%(honour)s is not awarded to this kind of candidate (%(subject)s)") % {
        "honour": plan.honor.name, "subject": SubjectKind(plan.subject).label}
    line = Line(gettext("Kind of candidate"), "fail", detail, plan.honor.legal_basis, True)
    return Evaluation(candidate, plan.honor, plan.year, plan.main.pack.code,
                      plan.main.effective.confirmed, Verdict.NOT_ELIGIBLE.value, [line])


def _materialise(candidates) -> tuple[list, Any]:
    if isinstance(candidates, list | tuple):
        return list(candidates), None
    return list(candidates), candidates


def sweep(candidates, honor_code: str, year: int, *, received_on=None) -> list[Evaluation]:
    """Evaluates each of ``candidates`` (a queryset or list of Person, Unit or Household,
    one kind per call) for ``honor_code`` and achievement ``year``, in input order."""
    with cached_translations(), _bulk(candidates):
        items, source = _materialise(candidates)
        if not items:
            return []
        subject = subject_of(items[0])
        if any(subject_of(c) != subject for c in items):
            raise ValueError("sweep() takes one kind of candidate per call")
        plan, needs, honour_ids = plan_for(honor_code, subject, year, received_on)
        if not plan.honor.accepts(subject):
            return [_refused(plan, c) for c in items]
        store = load_facts(subject, items, needs, as_of=plan.as_of, honour_ids=honour_ids,
                           source=source)
        return [_evaluate(plan, c, store.facts(c.pk)) for c in items]


@contextmanager
def _bulk(candidates):
    """Pauses the cyclic garbage collector during a large sweep (a queryset, or a long
    list): its millions of small objects all live until it returns, and generational
    collection would walk them over and over (a quarter of a 200,000-person sweep).
    Nothing here makes reference cycles."""
    small = isinstance(candidates, list | tuple) and len(candidates) <= BULK
    paused = not small and gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def evaluate(candidate, honor_code: str, year: int, *, received_on=None) -> Evaluation:
    """``sweep`` for one candidate."""
    return sweep([candidate], honor_code, year, received_on=received_on)[0]


# -- quotas ----------------------------------------------------------------------------------

NO_QUOTA = Param(None, "")


def quota_check(unit, honor_code: str, year: int, evaluations) -> Line | None:
    """The quota of ``honor_code`` in ``unit`` and its sub-units for ``year``, checked on the
    eligible candidates among ``evaluations``; None when neither the pack nor the province
    sets one.

    A quota (``Pack.quotas`` or the setting ``quota.<honour>``) is a number (per cent of
    the candidates evaluated in the unit) or a dict with ``percent`` and optionally ``of``
    (an honour whose holders in the unit that year are the base, e.g. 15% of LĐTT),
    ``minimum`` and ``max`` (a number of awards). Reads the settings of the pack, the
    candidates' units and, with ``of``, that honour's records in the unit.
    """
    code = evaluations[0].pack_code if evaluations else None
    pack = pack_by_code(code) if code else _pack_in_force(reference_date(year, None))
    effective = EffectivePack(pack)
    quota = effective.param(f"quota.{honor_code}", pack.quotas.get(honor_code, NO_QUOTA))
    if quota.value is None:
        return None
    inside = _inside(unit, evaluations)
    eligible = sum(1 for e in inside if e.verdict == Verdict.ELIGIBLE)
    cap, basis = _cap(quota.value, unit, year, len(inside))
    detail = gettext("%(count)s eligible, at most %(cap)s allowed (%(basis)s)") % {
        "count": eligible, "cap": cap, "basis": basis}
    label = gettext("Quota of %(title)s in %(unit)s") % {"title": honour(honor_code),
                                                         "unit": unit.name}
    return Line(label, PASS if eligible <= cap else "fail", detail, quota.article,
                quota.confirmed)


def _inside(unit, evaluations) -> list[Evaluation]:
    """The evaluations whose candidate is in ``unit``'s subtree (one query for paths)."""
    unit_ids = {getattr(e.candidate, "unit_id", None) for e in evaluations}
    paths = dict(Unit.objects.filter(pk__in=unit_ids - {None}).values_list("pk", "path"))

    def path_of(candidate):
        return candidate.path if isinstance(candidate, Unit) else paths[candidate.unit_id]

    return [e for e in evaluations if path_of(e.candidate).startswith(unit.path)]


def _cap(value, unit, year: int, candidates: int) -> tuple[int, str]:
    value = value if isinstance(value, dict) else {"percent": value}
    if "percent" not in value:
        return value["max"], gettext("at most %(max)s") % {"max": value["max"]}
    of = value.get("of")
    base = _holders(of, unit, year) if of else candidates
    cap = max(value.get("minimum", 0), int(value["percent"] * base // 100))
    cap = min(cap, value["max"]) if "max" in value else cap
    if of:
        return cap, gettext("%(percent)s%% of the %(base)s holders of %(title)s") % {
            "percent": value["percent"], "base": base, "title": honour(of)}
    return cap, gettext("%(percent)s%% of the %(base)s candidates") % {
        "percent": value["percent"], "base": base}


def _holders(code: str, unit, year: int) -> int:
    within = (Q(person__unit__path__startswith=unit.path) | Q(unit__path__startswith=unit.path)
              | Q(household__unit__path__startswith=unit.path))
    covers = Q(year=year) | Q(first_year__lte=year, year__gte=year)
    return HonorRecord.objects.filter(within, covers, honor__code=code,
                                      revoked_on__isnull=True).count()
