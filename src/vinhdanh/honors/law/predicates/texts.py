"""The words of the eligibility lines: English msgids, filled in by the `vi` catalogue.

Honour names come from the catalogue and articles from the packs: they are Vietnamese data,
not messages. A sweep translates each message once (``cached_translations``): a sweep of
200,000 people writes about a million lines, and Django's gettext costs about 2 µs a call.
"""

import datetime as dt
import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils.translation import gettext
from django.utils.translation import gettext_noop as N

from vinhdanh.honors.enums import InitiativeLevel, TaskRating
from vinhdanh.honors.law.catalogue import BY_CODE

# Labels: one per criterion, the column header of a sweep.
L_CONSECUTIVE = N("%(count)s consecutive years holding %(title)s (%(period)s)")
L_HOLDS = N("Holds %(title)s in %(year)s")
L_HOLDS_TIMES = N("Holds %(title)s at least %(count)s times in %(period)s")
L_HELD_BEFORE = N("Received %(title)s in %(year)s or earlier")
L_STANDARD = N("Meets the standard of %(title)s in %(year)s")
L_RATING = N("Task rating at least “%(rating)s” in %(period)s")
L_INITIATIVE = N("At least %(count)s initiatives or scientific works recognised at "
                 "%(level)s level or above in %(period)s")
L_RATING_INITIATIVES = N("Task rating “%(rating)s” in %(period)s with %(count)s initiatives "
                         "recognised at %(level)s level or above")
L_EMPLOYED = N("Employed for at least %(months)s months by 31/12/%(year)s")
L_NO_RESTRICTION = N("No discipline, investigation, inspection or complaint in %(period)s "
                     "or pending")
L_NOT_AWARDED = N("Not already awarded %(title)s for %(year)s")
L_MEMBERS_SHARE = N("At least %(percent)s%% of members hold %(title)s in %(year)s")
L_MEMBERS_COMPLETED = N("All members completed their tasks in %(year)s")
L_MEMBERS_COUNT = N("At least %(count)s members hold %(title)s in %(year)s")
L_MEMBERS_DISCIPLINE = N("No member disciplined at “%(level)s” or heavier in %(year)s")
L_ANY_OF = N("One of: %(criteria)s")

# Details: what the data showed.
D_FOUND = N("found: %(found)s")
D_FOUND_LACKING = N("found: %(found)s; lacking: %(lacking)s")
D_NONE = N("none")
D_RATINGS = N("ratings: %(ratings)s")
D_NO_RATING = N("no rating entered for %(years)s")
D_COUNTED = N("%(found)s of %(needed)s found (%(items)s)")
D_EMPLOYED_SINCE = N("employed since %(date)s")
D_NO_EMPLOYMENT = N("employment start date not entered")
D_CLEAR = N("none in %(period)s, none pending on %(date)s")
D_RESTRICTION = N("%(kind)s from %(first)s to %(last)s")
D_PENDING = N("%(kind)s from %(first)s, still pending")
D_COUNTS_FROM = N("achievements count from %(date)s")
D_ALREADY = N("already awarded for %(year)s")
D_NOT_YET = N("no award recorded for %(year)s")
D_HOLDS = N("holds %(title)s in %(year)s")
D_MANUAL = N("cannot be checked from the data: the officer must attach evidence")
D_MEMBERS = N("%(count)s of %(members)s members (%(percent)s%%)")
D_NO_MEMBERS = N("no members on record")
D_NOT_COMPLETED = N("%(count)s of %(members)s members did not complete their tasks")
D_UNRATED = N("no rating entered for %(count)s of %(members)s members")
D_DISCIPLINED = N("disciplined: %(names)s")
D_LEVEL_UNKNOWN = N("discipline level not entered for: %(names)s")

# Conditions of a hint: what must happen next year.
C_TITLE = N("%(title)s is obtained in %(year)s")
C_RATING = N("the task rating of %(years)s is at least “%(rating)s”")
C_INITIATIVES = N("%(count)s more initiatives are recognised at %(level)s level or above "
                  "in %(year)s")
C_EMPLOYMENT = N("the employment start date is entered")
C_EVIDENCE = N("evidence is attached for: %(criterion)s")
C_MEMBERS = N("at least %(count)s members hold %(title)s in %(year)s")
C_MEMBERS_COMPLETED = N("all members complete their tasks in %(year)s")

# Outcomes in words (the same messages as the sweep pages).
OUTCOME_WORDS = {"pass": N("Met"), "fail": N("Not met"), "missing": N("Information missing")}

# Hints: what a candidate not eligible this year still lacks for the next.
H_ELIGIBLE_IF = N("Eligible in %(year)s if %(conditions)s")
H_ELIGIBLE = N("Eligible in %(year)s with no further condition")
H_UNREACHABLE = N("Cannot be eligible in %(year)s: %(criteria)s")

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
