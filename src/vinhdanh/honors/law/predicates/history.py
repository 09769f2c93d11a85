"""Criteria on a candidate's record: titles held, task ratings, initiatives.

A title or initiative that is not on record counts as not obtained (the record is the
sổ vàng); a task rating that is not on record is missing information.
"""

from vinhdanh.honors.enums import INITIATIVE_RANK, RATING_RANK
from vinhdanh.honors.law.predicates.base import (
    FAIL,
    MISSING,
    PASS,
    Outcome,
    register,
    window,
    worst,
)
from vinhdanh.honors.law.predicates.texts import (
    C_INITIATIVES,
    C_RATING,
    C_TITLE,
    D_COUNTED,
    D_FOUND,
    D_FOUND_LACKING,
    D_NO_RATING,
    D_RATINGS,
    L_CONSECUTIVE,
    L_HELD_BEFORE,
    L_HOLDS,
    L_HOLDS_TIMES,
    L_INITIATIVE,
    L_RATING,
    L_RATING_INITIATIVES,
    honour,
    level_name,
    period,
    rating_name,
    t,
    years_text,
)

ALL_KINDS = ("initiative", "science", "combat")


def _found(held, span) -> Outcome:
    found = [y for y in span if y in held]
    if len(found) == len(span):
        return Outcome(PASS, lambda: t(D_FOUND) % {"found": years_text(found)})
    return Outcome(FAIL, lambda: t(D_FOUND_LACKING) % {
        "found": years_text(found), "lacking": years_text(y for y in span if y not in held)})


def _title_hint(check):
    """The hint of a title criterion: met next year if the title is obtained next year?"""

    def hint(facts, year, params):
        assumed = facts.assuming(title=(params["title"], year))
        if check(assumed, year, params).status != PASS:
            return None
        return t(C_TITLE) % {"title": honour(params["title"]), "year": year}

    return hint


# -- titles ------------------------------------------------------------------------------

def _consecutive_label(params, year):
    span = window(year, params["years"])
    return t(L_CONSECUTIVE) % {"count": params["years"], "title": honour(params["title"]),
                               "period": period(span[0], year)}


def consecutive_titles(facts, year, params) -> Outcome:
    """Holds ``title`` in each of the ``years`` years ending with ``year``."""
    return _found(facts.title_years(params["title"]), window(year, params["years"]))


register(consecutive_titles, label=_consecutive_label, uses={"titles"},
         hint=_title_hint(consecutive_titles))


def _holds_label(params, year):
    count, within = params.get("count", 1), params.get("within", 1)
    if count == 1 and within == 1:
        return t(L_HOLDS) % {"title": honour(params["title"]), "year": year}
    return t(L_HOLDS_TIMES) % {"title": honour(params["title"]), "count": count,
                               "period": period(year - within + 1, year)}


def holds_title(facts, year, params) -> Outcome:
    """Holds ``title`` at least ``count`` times (default 1) in the ``within`` years
    (default 1) ending with ``year`` (e.g. Law Art 73: 3 CSTĐ cơ sở in 5 years)."""
    span = window(year, params.get("within", 1))
    found = [y for y in span if y in facts.title_years(params["title"])]
    status = PASS if len(found) >= params.get("count", 1) else FAIL
    return Outcome(status, lambda: t(D_FOUND) % {"found": years_text(found)})


register(holds_title, label=_holds_label, uses={"titles"},
         hint=_title_hint(holds_title))


def _before_label(params, year):
    return t(L_HELD_BEFORE) % {"title": honour(params["title"]),
                               "year": year - params.get("years_before", 0)}


def held_before(facts, year, params) -> Outcome:
    """Received ``title`` in ``year - years_before`` or earlier (e.g. a Bằng khen followed
    by five years of work)."""
    last = year - params.get("years_before", 0)
    found = sorted(y for y in facts.title_years(params["title"]) if y <= last)
    return Outcome(PASS if found else FAIL, lambda: t(D_FOUND) % {"found": years_text(found)})


register(held_before, label=_before_label, uses={"titles"},
         hint=_title_hint(held_before), span=lambda params: None)


# -- task ratings ------------------------------------------------------------------------

def _rating_label(params, year):
    span = window(year, params.get("years", 1))
    return t(L_RATING) % {"rating": rating_name(params["at_least"]),
                          "period": period(span[0], year)}


def task_rating(facts, year, params) -> Outcome:
    """Rated ``at_least`` (a TaskRating) or better in each of the ``years`` (default 1)
    years ending with ``year``; a year without a rating is missing information."""
    floor = RATING_RANK[params["at_least"]]
    span = window(year, params.get("years", 1))
    ratings = {y: facts.rating(y) for y in span}
    unrated = [y for y, r in ratings.items() if r is None]
    below = any(r is not None and RATING_RANK[r] < floor for r in ratings.values())
    status = FAIL if below else MISSING if unrated else PASS
    return Outcome(status, lambda: _ratings_text(ratings, unrated))


def _ratings_text(ratings: dict, unrated: list) -> str:
    rated = [f"{y}: {rating_name(r)}" for y, r in ratings.items() if r]
    parts = [t(D_RATINGS) % {"ratings": ", ".join(rated)}] if rated else []
    if unrated:
        parts.append(t(D_NO_RATING) % {"years": years_text(unrated)})
    return "; ".join(parts)


def rating_hint(facts, year, params):
    """The years still without a rating must reach ``at_least``; none below it may be."""
    floor = RATING_RANK[params["at_least"]]
    ratings = {y: facts.rating(y) for y in window(year, params.get("years", 1))}
    if any(r is not None and RATING_RANK[r] < floor for r in ratings.values()):
        return None
    unrated = [y for y, r in ratings.items() if r is None]
    return t(C_RATING) % {"years": years_text(unrated), "rating": rating_name(params["at_least"])}


register(task_rating, label=_rating_label, uses={"ratings"}, hint=rating_hint)


# -- initiatives -------------------------------------------------------------------------

def _initiative_label(params, year):
    span = window(year, params.get("within", 1))
    return t(L_INITIATIVE) % {"count": params.get("count", 1),
                              "level": level_name(params["level"]),
                              "period": period(span[0], year)}


def _matching(facts, year, params) -> list[tuple[str, int, str]]:
    floor = INITIATIVE_RANK[params["level"]]
    first = year - params.get("within", 1) + 1
    kinds = params.get("kinds", ALL_KINDS)
    return [(level, y, kind) for level, y, kind in facts.initiatives()
            if first <= y <= year and INITIATIVE_RANK[level] >= floor and kind in kinds]


def initiative(facts, year, params) -> Outcome:
    """At least ``count`` (default 1) initiatives, scientific works or combat ingenuities
    (``kinds``) recognised at ``level`` or above in the ``within`` years ending with
    ``year``."""
    found, needed = _matching(facts, year, params), params.get("count", 1)
    return Outcome(PASS if len(found) >= needed else FAIL,
                   lambda: _initiatives_text(found, needed))


def _initiatives_text(found: list, needed: int) -> str:
    items = ", ".join(f"{y} {level_name(level)}"
                      for level, y, _ in sorted(found, key=lambda f: f[1]))
    return t(D_COUNTED) % {"found": len(found), "needed": needed, "items": items or "–"}


def _initiative_hint(facts, year, params):
    lacking = params.get("count", 1) - len(_matching(facts, year, params))
    return t(C_INITIATIVES) % {"count": lacking, "level": level_name(params["level"]),
                               "year": year}


register(initiative, label=_initiative_label, uses={"initiatives"},
         hint=_initiative_hint)


# -- both: Law Art 74.1(d), second branch --------------------------------------------------

def _split(params) -> tuple[dict, dict]:
    years = params["years"]
    rating = {"at_least": params["at_least"], "years": years}
    found = {"level": params["level"], "count": params["count"], "within": years,
             "kinds": params.get("kinds", ALL_KINDS)}
    return rating, found


def _both_label(params, year):
    return t(L_RATING_INITIATIVES) % {
        "rating": rating_name(params["at_least"]), "count": params["count"],
        "period": period(year - params["years"] + 1, year),
        "level": level_name(params["level"])}


def rating_with_initiatives(facts, year, params) -> Outcome:
    """Rated ``at_least`` in each of the ``years`` years ending with ``year`` and
    ``count`` initiatives recognised at ``level`` or above in those years."""
    rating, found = _split(params)
    outcomes = [task_rating(facts, year, rating), initiative(facts, year, found)]
    return Outcome(worst(o.status for o in outcomes),
                   lambda: "; ".join(o.text for o in outcomes))


def _both_hint(facts, year, params):
    rating, found = _split(params)
    conditions = []
    if task_rating(facts, year, rating).status != PASS:
        conditions.append(rating_hint(facts, year, rating))
    if initiative(facts, year, found).status != PASS:
        conditions.append(_initiative_hint(facts, year, found))
    return None if None in conditions else "; ".join(conditions)


register(rating_with_initiatives, label=_both_label, uses={"ratings", "initiatives"},
         hint=_both_hint)
