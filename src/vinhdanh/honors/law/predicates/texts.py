"""The words of the eligibility lines: English msgids, filled in by the `vi` catalogue.

Honour names come from the catalogue and articles from the packs: they are Vietnamese data,
not messages. A sweep translates each message once (``cached_translations``): a sweep of
200,000 people writes about a million lines, and Django's gettext costs about 2 µs a call.
"""

import datetime as dt
import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils.translation import gettext, gettext_noop

from vinhdanh.honors.enums import InitiativeLevel, TaskRating
from vinhdanh.honors.law.catalogue import BY_CODE

# Labels: one per criterion, the column header of a sweep.
L_CONSECUTIVE = gettext_noop("%(count)s consecutive years holding %(title)s (%(period)s)")
L_HOLDS = gettext_noop("Holds %(title)s in %(year)s")
L_HOLDS_TIMES = gettext_noop("Holds %(title)s at least %(count)s times in %(period)s")
L_HELD_BEFORE = gettext_noop("Received %(title)s in %(year)s or earlier")
L_STANDARD = gettext_noop("Meets the standard of %(title)s in %(year)s")
L_RATING = gettext_noop("Task rating at least “%(rating)s” in %(period)s")
L_INITIATIVE = gettext_noop(
    "At least %(count)s initiatives or scientific works recognised at "
    "%(level)s level or above in %(period)s"
)
L_RATING_INITIATIVES = gettext_noop(
    "Task rating “%(rating)s” in %(period)s with %(count)s initiatives "
    "recognised at %(level)s level or above"
)
L_EMPLOYED = gettext_noop("Employed for at least %(months)s months by 31/12/%(year)s")
L_NO_RESTRICTION = gettext_noop(
    "No discipline, investigation, inspection or complaint in %(period)s or pending"
)
L_NOT_AWARDED = gettext_noop("Not already awarded %(title)s for %(year)s")
L_MEMBERS_SHARE = gettext_noop("At least %(percent)s%% of members hold %(title)s in %(year)s")
L_MEMBERS_COMPLETED = gettext_noop("All members completed their tasks in %(year)s")
L_MEMBERS_COUNT = gettext_noop("At least %(count)s members hold %(title)s in %(year)s")
L_MEMBERS_DISCIPLINE = gettext_noop("No member disciplined at “%(level)s” or heavier in %(year)s")
L_ANY_OF = gettext_noop("One of: %(criteria)s")

# Details: what the data showed.
D_FOUND = gettext_noop("found: %(found)s")
D_FOUND_LACKING = gettext_noop("found: %(found)s; lacking: %(lacking)s")
D_NONE = gettext_noop("none")
D_RATINGS = gettext_noop("ratings: %(ratings)s")
D_NO_RATING = gettext_noop("no rating entered for %(years)s")
D_COUNTED = gettext_noop("%(found)s of %(needed)s found (%(items)s)")
D_EMPLOYED_SINCE = gettext_noop("employed since %(date)s")
D_NO_EMPLOYMENT = gettext_noop("employment start date not entered")
D_CLEAR = gettext_noop("none in %(period)s, none pending on %(date)s")
D_RESTRICTION = gettext_noop("%(kind)s from %(first)s to %(last)s")
D_PENDING = gettext_noop("%(kind)s from %(first)s, still pending")
D_COUNTS_FROM = gettext_noop("achievements count from %(date)s")
D_ALREADY = gettext_noop("already awarded for %(year)s")
D_NOT_YET = gettext_noop("no award recorded for %(year)s")
D_HOLDS = gettext_noop("holds %(title)s in %(year)s")
D_MANUAL = gettext_noop("cannot be checked from the data: the officer must attach evidence")
D_MEMBERS = gettext_noop("%(count)s of %(members)s members (%(percent)s%%)")
D_NO_MEMBERS = gettext_noop("no members on record")
D_NOT_COMPLETED = gettext_noop("%(count)s of %(members)s members did not complete their tasks")
D_UNRATED = gettext_noop("no rating entered for %(count)s of %(members)s members")
D_DISCIPLINED = gettext_noop("disciplined: %(names)s")
D_LEVEL_UNKNOWN = gettext_noop("discipline level not entered for: %(names)s")

# Conditions of a hint: what must happen next year.
C_TITLE = gettext_noop("%(title)s is obtained in %(year)s")
C_RATING = gettext_noop("the task rating of %(years)s is at least “%(rating)s”")
C_INITIATIVES = gettext_noop(
    "%(count)s more initiatives are recognised at %(level)s level or above in %(year)s"
)
C_EMPLOYMENT = gettext_noop("the employment start date is entered")
C_EVIDENCE = gettext_noop("evidence is attached for: %(criterion)s")
C_MEMBERS = gettext_noop("at least %(count)s members hold %(title)s in %(year)s")
C_MEMBERS_COMPLETED = gettext_noop("all members complete their tasks in %(year)s")

# Outcomes in words (the same messages as the sweep pages).
OUTCOME_WORDS = {
    "pass": gettext_noop("Met"),
    "fail": gettext_noop("Not met"),
    "missing": gettext_noop("Information missing"),
}

# Hints: what a candidate not eligible this year still lacks for the next.
H_ELIGIBLE_IF = gettext_noop("Eligible in %(year)s if %(conditions)s")
H_ELIGIBLE = gettext_noop("Eligible in %(year)s with no further condition")
H_UNREACHABLE = gettext_noop("Cannot be eligible in %(year)s: %(criteria)s")

_cache: ContextVar[dict | None] = ContextVar("law_texts", default=None)


def t(msgid: str) -> str:
    """``gettext(msgid)``, remembered for the sweep under way."""
    cache = _cache.get()
    if cache is None:
        return gettext(msgid)
    text = cache.get(msgid)
    if text is None:
        text = cache[msgid] = gettext(msgid)
    return text


def memo(key: tuple, make) -> str:
    cache = _cache.get()
    if cache is None:
        return make()
    text = cache.get(key)
    if text is None:
        text = cache[key] = make()
    return text


@contextmanager
def cached_translations():
    """Translates each message once while the block runs (in the active language)."""
    token = _cache.set({})
    try:
        yield
    finally:
        _cache.reset(token)


def honour(code: str) -> str:
    """The honour's Vietnamese name (catalogue data, not a message)."""
    spec = BY_CODE.get(code)
    return spec.name if spec else code


def rating_name(value: str) -> str:
    return memo(("rating", value), lambda: str(TaskRating(value).label))


def level_name(value: str) -> str:
    return memo(("level", value), lambda: str(InitiativeLevel(value).label).lower())


def years_text(years) -> str:
    return _joined(tuple(sorted(years))) or t(D_NONE)


@functools.lru_cache(maxsize=4096)
def _joined(years: tuple[int, ...]) -> str:
    return ", ".join(map(str, years))  # a sweep repeats the same few runs of years


def period(first: int, last: int) -> str:
    return str(last) if first == last else f"{first}–{last}"


@functools.lru_cache(maxsize=4096)
def day(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")  # the same few dates on most lines of a sweep


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` in per cent, rounded down to one decimal (69.96 → "69.9")."""
    tenths = part * 1000 // whole
    return str(tenths // 10) if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}"
