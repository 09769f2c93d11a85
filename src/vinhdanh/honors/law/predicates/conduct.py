"""Criteria on conduct and standing: employment, discipline and pending cases, an award
already given, a title's standard, and what only evidence can show (``manual``)."""

import datetime as dt

from django.utils.translation import gettext_noop

from vinhdanh.honors.enums import DisciplineLevel, RestrictionKind
from vinhdanh.honors.law.facts import overlaps
from vinhdanh.honors.law.predicates.base import (
    FAIL,
    MISSING,
    PASS,
    Outcome,
    register,
    worst,
)
from vinhdanh.honors.law.predicates.history import rating_hint, task_rating
from vinhdanh.honors.law.predicates.texts import (
    C_EMPLOYMENT,
    C_EVIDENCE,
    D_ALREADY,
    D_CLEAR,
    D_COUNTS_FROM,
    D_EMPLOYED_SINCE,
    D_HOLDS,
    D_MANUAL,
    D_NO_EMPLOYMENT,
    D_NOT_YET,
    D_PENDING,
    D_RESTRICTION,
    L_EMPLOYED,
    L_NO_RESTRICTION,
    L_NOT_AWARDED,
    L_STANDARD,
    day,
    honour,
    memo,
    period,
    t,
)

# What only evidence attached by the officer can show, by the key packs use.
MANUAL = {
    "achievements": gettext_noop(
        "(a)–(c): an outstanding result in a movement, an achievement with "
        "impact in a field the province manages, or a major contribution to "
        "socio-economic development, science, social work or charity"
    ),
    "household_contribution": gettext_noop(
        "The household gave effort, land or assets to the locality"
    ),
    "bloc_leader": gettext_noop(
        "Leading collective of a cluster or bloc of the province, targets exceeded"
    ),
    "government_flag": gettext_noop(
        "Outstanding collective among the leaders of the clusters and blocs "
        "of ministries and provinces, or leader of a Prime Minister's "
        "movement of 5 years or more"
    ),
    "cultural_family": gettext_noop(
        "Meets the standard of a cultured family (Decree 86/2023), reviewed "
        "by the village and posted for 10 days"
    ),
    "cultural_village": gettext_noop(
        "Meets the standard of a cultured village or residential group (Decree 86/2023)"
    ),
    "model_commune": gettext_noop(
        "Meets the standard of a model commune, ward or special zone (Decree 86/2023)"
    ),
    "local_criteria": gettext_noop(
        "Meets the criteria the ministry, sector or province set for it"
    ),
    "unknown": gettext_noop(
        "Criteria not encoded in the rule pack: the officer checks them against the legal text"
    ),
}


# -- employment (TT 01/2024, TT 15/2025) ------------------------------------------------


def latest_start(year: int, months: int) -> dt.date:
    """The latest first day of work that gives ``months`` full months by 31/12/``year``."""
    index = year * 12 + 12 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def employed_months(facts, year, params) -> Outcome:
    """Employed at least ``months`` months by the end of ``year`` (6 months from 01/07 on
    is enough); no employment start date is missing information."""
    start = facts.employment_start
    if start is None:
        return Outcome(MISSING, t(D_NO_EMPLOYMENT))
    met = start <= latest_start(year, params["months"])
    return Outcome(PASS if met else FAIL, lambda: t(D_EMPLOYED_SINCE) % {"date": day(start)})


def _employed_hint(facts, year, params):
    return t(C_EMPLOYMENT) if facts.employment_start is None else None


register(
    employed_months,
    uses=set(),
    hint=_employed_hint,
    label=lambda p, year: t(L_EMPLOYED) % {"months": p["months"], "year": year},
)


# -- the standard of a lower title (Law Art 23: CSTĐ cơ sở needs the LĐTT standard) -----


def _standard_parts(params):
    return {"at_least": params["at_least"]}, {"months": params["months"]}


def title_standard(facts, year, params) -> Outcome:
    """Holds ``title`` in ``year``, or meets its checkable standard: rated ``at_least``
    that year and employed ``months`` months by its end."""
    if year in facts.title_years(params["title"]):
        return Outcome(PASS, lambda: t(D_HOLDS) % {"title": honour(params["title"]), "year": year})
    rating, months = _standard_parts(params)
    outcomes = [task_rating(facts, year, rating), employed_months(facts, year, months)]
    return Outcome(worst(o.status for o in outcomes), lambda: "; ".join(o.text for o in outcomes))


def _standard_hint(facts, year, params):
    rating, months = _standard_parts(params)
    conditions = []
    if task_rating(facts, year, rating).status != PASS:
        conditions.append(rating_hint(facts, year, rating))
    if employed_months(facts, year, months).status != PASS:
        conditions.append(_employed_hint(facts, year, months))
    return None if None in conditions else "; ".join(conditions)


register(
    title_standard,
    uses={"titles", "ratings"},
    hint=_standard_hint,
    label=lambda p, year: t(L_STANDARD) % {"title": honour(p["title"]), "year": year},
)


# -- discipline and pending cases (Decree principles, ND 98 / ND 152 Art 4) -------------


def _blocking(facts, year: int, within: int) -> list[tuple]:
    first, last = dt.date(year - within + 1, 1, 1), dt.date(year, 12, 31)
    as_of = facts.as_of
    return [
        r
        for r in facts.restrictions()
        if overlaps(r[2], r[3], first, last) or overlaps(r[2], r[3], as_of, as_of)
    ]


def _kind_name(kind: str, level: str) -> str:
    def make():
        name = str(RestrictionKind(kind).label)
        return f"{name} ({str(DisciplineLevel(level).label).lower()})" if level else name

    return memo(("restriction", kind, level), make)


def _restriction_text(kind, level, starts_on, ends_on) -> str:
    values = {"kind": _kind_name(kind, level), "first": day(starts_on)}
    if ends_on is None:
        return t(D_PENDING) % values
    return t(D_RESTRICTION) % {**values, "last": day(ends_on)}


def no_restriction(facts, year, params) -> Outcome:
    """No discipline, investigation, inspection or complaint during the ``within`` years
    (default 1) ending with ``year``, and none pending on the day of the dossier (or
    today). Achievements count from the end of a discipline: one that ended before the
    period does not block it."""
    within = params.get("within", 1)
    blocking = _blocking(facts, year, within)
    if not blocking:
        return Outcome(
            PASS,
            lambda: (
                t(D_CLEAR) % {"period": period(year - within + 1, year), "date": day(facts.as_of)}
            ),
        )
    return Outcome(FAIL, lambda: _restrictions_text(blocking))


def _restrictions_text(blocking: list[tuple]) -> str:
    parts = [_restriction_text(*r) for r in sorted(blocking, key=lambda r: r[2])]
    disciplines = [r for r in blocking if r[0] == RestrictionKind.DISCIPLINE]
    if disciplines and all(r[3] for r in blocking):
        counts_from = max(r[3] for r in disciplines) + dt.timedelta(days=1)
        parts.append(t(D_COUNTS_FROM) % {"date": day(counts_from)})
    return "; ".join(parts)


def _restriction_label(params, year):
    within = params.get("within", 1)
    return t(L_NO_RESTRICTION) % {"period": period(year - within + 1, year)}


register(no_restriction, uses={"restrictions"}, label=_restriction_label)


# -- one achievement is rewarded once (Law Art 5) ----------------------------------------


def not_already_awarded(facts, year, params) -> Outcome:
    """No record of ``title`` for ``year`` yet (a record for a period covering it counts)."""
    if year in facts.title_years(params["title"]):
        return Outcome(FAIL, lambda: t(D_ALREADY) % {"year": year})
    return Outcome(PASS, lambda: t(D_NOT_YET) % {"year": year})


register(
    not_already_awarded,
    uses={"titles"},
    label=lambda p, year: t(L_NOT_AWARDED) % {"title": honour(p["title"]), "year": year},
)


# -- what the data cannot show -----------------------------------------------------------


def manual(facts, year, params) -> Outcome:
    """Never decided from data: the officer attaches evidence (the outcome stays missing)."""
    return Outcome(MISSING, t(D_MANUAL))


register(
    manual,
    uses=set(),
    label=lambda p, year: t(MANUAL[p["criterion"]]),
    hint=lambda facts, year, p: t(C_EVIDENCE) % {"criterion": t(MANUAL[p["criterion"]])},
)
