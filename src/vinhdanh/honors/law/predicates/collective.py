"""Criteria of a collective that read its members' records (Law Art 27, 28).

Members are the active people of the unit and of its sub-units (see law/facts.py): the
people a unit's review counts. Membership is today's; the records are those of the year.
A collective's own task rating is ``task_rating`` (history.py), read on the unit.
"""

from vinhdanh.honors.enums import DISCIPLINE_RANK, RATING_RANK, DisciplineLevel, TaskRating
from vinhdanh.honors.law.predicates.base import FAIL, MISSING, PASS, Outcome, register
from vinhdanh.honors.law.predicates.texts import (
    C_MEMBERS,
    C_MEMBERS_COMPLETED,
    D_DISCIPLINED,
    D_LEVEL_UNKNOWN,
    D_MEMBERS,
    D_NO_MEMBERS,
    D_NOT_COMPLETED,
    D_UNRATED,
    L_MEMBERS_COMPLETED,
    L_MEMBERS_COUNT,
    L_MEMBERS_DISCIPLINE,
    L_MEMBERS_SHARE,
    honour,
    memo,
    percent,
    t,
)


def _no_members() -> Outcome:
    return Outcome(MISSING, t(D_NO_MEMBERS))


def _holders_detail(holders: int, count: int) -> str:
    return t(D_MEMBERS) % {"count": holders, "members": count,
                           "percent": percent(holders, count)}


def _titles_name(codes) -> str:
    return " / ".join(honour(code) for code in codes)


# -- share of members holding a title (Art 27: ≥70% LĐTT; Art 28: ≥70%, unconfirmed) ----

def members_share(facts, year, params) -> Outcome:
    """At least ``at_least`` per cent of the members hold one of ``titles`` in ``year``
    (a CSTĐ cơ sở holder meets the LĐTT standard, Art 23, so packs list both)."""
    members = facts.members
    if not members.count:
        return _no_members()
    holders = members.holding(params["titles"], year)
    met = holders * 100 >= params["at_least"] * members.count
    return Outcome(PASS if met else FAIL, _holders_detail(holders, members.count))


def _share_hint(facts, year, params):
    count = facts.members.count
    needed = -(-params["at_least"] * count // 100)  # rounded up
    return t(C_MEMBERS) % {"count": needed, "title": _titles_name(params["titles"]),
                           "year": year}


register(members_share, uses={"members.titles"}, hint=_share_hint,
         label=lambda p, year: t(L_MEMBERS_SHARE) % {
             "percent": p["at_least"], "title": _titles_name(p["titles"]), "year": year})


# -- every member completed their tasks (Art 27) -----------------------------------------

def members_all_completed(facts, year, params) -> Outcome:
    """Every member is rated "completed tasks" or better for ``year``; members without a
    rating make it missing information."""
    members = facts.members
    if not members.count:
        return _no_members()
    ratings = members.ratings(year)
    floor = RATING_RANK[TaskRating.COMPLETED]
    below = sum(n for r, n in ratings.items() if r is not None and RATING_RANK[r] < floor)
    values = {"members": members.count}
    if below:
        return Outcome(FAIL, t(D_NOT_COMPLETED) % {**values, "count": below})
    if ratings[None]:
        return Outcome(MISSING, t(D_UNRATED) % {**values, "count": ratings[None]})
    return Outcome(PASS, _holders_detail(members.count, members.count))


register(members_all_completed, uses={"members.ratings"},
         hint=lambda facts, year, p: t(C_MEMBERS_COMPLETED) % {"year": year},
         label=lambda p, year: t(L_MEMBERS_COMPLETED) % {"year": year})


# -- at least n members hold a title (Art 27: one CSTĐ cơ sở) ----------------------------

def members_count(facts, year, params) -> Outcome:
    """At least ``at_least`` (default 1) members hold ``title`` in ``year``."""
    members = facts.members
    if not members.count:
        return _no_members()
    holders = members.holding((params["title"],), year)
    met = holders >= params.get("at_least", 1)
    return Outcome(PASS if met else FAIL, _holders_detail(holders, members.count))


register(members_count, uses={"members.titles"},
         hint=lambda facts, year, p: t(C_MEMBERS) % {
             "count": p.get("at_least", 1), "title": honour(p["title"]), "year": year},
         label=lambda p, year: t(L_MEMBERS_COUNT) % {
             "count": p.get("at_least", 1), "title": honour(p["title"]), "year": year})


# -- no member disciplined at a level or heavier (Art 28: "cảnh cáo") ---------------------

def members_no_discipline(facts, year, params) -> Outcome:
    """No member under discipline of ``at_least_level`` or heavier during ``year``; a
    discipline whose level was not entered is missing information."""
    heavy, unknown = facts.members.disciplined(
        year, DISCIPLINE_RANK[params.get("at_least_level", DisciplineLevel.WARNING)])
    if heavy:
        return Outcome(FAIL, t(D_DISCIPLINED) % {"names": ", ".join(heavy)})
    if unknown:
        return Outcome(MISSING, t(D_LEVEL_UNKNOWN) % {"names": ", ".join(unknown)})
    return Outcome(PASS, t(D_DISCIPLINED) % {"names": "–"})


def _level_name(level: str) -> str:
    return memo(("discipline", level), lambda: str(DisciplineLevel(level).label).lower())


register(members_no_discipline, uses={"members.restrictions"},
         label=lambda p, year: t(L_MEMBERS_DISCIPLINE) % {
             "level": _level_name(p.get("at_least_level", DisciplineLevel.WARNING)),
             "year": year})
