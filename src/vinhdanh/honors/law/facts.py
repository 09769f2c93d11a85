"""What the predicates read about a candidate: plain Python views over facts loaded in bulk.

``services/facts.py`` fills a ``FactStore`` for many candidates of one kind with a few
queries; ``store.facts(candidate_id)`` is the view one predicate call reads. Nothing here
touches the database, so predicates stay pure functions of (facts, year, params).

Conventions the predicates rely on:
- an honour record with ``first_year`` covers every year from first_year to year;
- a missing title or initiative is a fact ("not awarded"); a missing task rating or
  employment date is missing information;
- a collective's members are the active people of the unit and of its sub-units.
"""

import datetime as dt
from collections import Counter

from vinhdanh.honors.enums import DISCIPLINE_RANK, RestrictionKind

EMPTY: frozenset = frozenset()


class FactStore:
    """The facts of many candidates of one kind (person, unit or household), by id."""

    def __init__(self, *, as_of: dt.date):
        self.as_of = as_of  # pending cases on this day block an award (received_on or today)
        self.titles: dict[str, dict[int, set[int]]] = {}  # honour code -> id -> years
        self.ratings: dict[int, dict[int, str]] = {}  # id -> year -> TaskRating value
        self.initiatives: dict[int, list[tuple[str, int, str]]] = {}  # (level, year, kind)
        self.restrictions: dict[int, list[tuple]] = {}  # (kind, level, starts_on, ends_on)
        self.employment: dict[int, dt.date | None] = {}
        self.members: dict[int, list[int]] = {}  # collective id -> member person ids
        self.member_names: dict[int, str] = {}
        self.member_store: FactStore | None = None

    def facts(self, candidate_id: int) -> "CandidateFacts":
        return CandidateFacts(self, candidate_id)


class CandidateFacts:
    """One candidate's facts, read from the store without copying."""

    __slots__ = ("store", "id")

    def __init__(self, store: FactStore, candidate_id: int):
        self.store, self.id = store, candidate_id

    @property
    def as_of(self) -> dt.date:
        return self.store.as_of

    def title_years(self, code: str) -> set[int] | frozenset:
        return self.store.titles.get(code, {}).get(self.id, EMPTY)

    def rating(self, year: int) -> str | None:
        return self.store.ratings.get(self.id, {}).get(year)

    def initiatives(self) -> list[tuple[str, int, str]]:
        return self.store.initiatives.get(self.id, [])

    def restrictions(self) -> list[tuple]:
        return self.store.restrictions.get(self.id, [])

    @property
    def employment_start(self) -> dt.date | None:
        return self.store.employment.get(self.id)

    @property
    def members(self) -> "Members":
        return Members(self.store.member_store, self.store.members.get(self.id, []),
                       self.store.member_names)

    def assuming(self, *, title=None, rating=None, initiatives=()) -> "CandidateFacts":
        """These facts plus a hypothesis about next year (used for hints)."""
        return Assumed(self, title=title, rating=rating, initiatives=initiatives)


class Assumed(CandidateFacts):
    """Facts with one more title (code, year), rating (year, value) or initiatives."""

    __slots__ = ("base", "title", "rating_added", "added")

    def __init__(self, base: CandidateFacts, *, title, rating, initiatives):
        super().__init__(base.store, base.id)
        self.base, self.title, self.rating_added = base, title, rating
        self.added = list(initiatives)

    def title_years(self, code):
        years = self.base.title_years(code)
        return years | {self.title[1]} if self.title and self.title[0] == code else years

    def rating(self, year):
        if self.rating_added and self.rating_added[0] == year:
            return self.rating_added[1]
        return self.base.rating(year)

    def initiatives(self):
        return self.base.initiatives() + self.added


def overlaps(starts_on: dt.date, ends_on: dt.date | None, first: dt.date,
             last: dt.date) -> bool:
    """Whether the period [starts_on, ends_on] (open-ended when None) meets [first, last]."""
    return starts_on <= last and (ends_on is None or ends_on >= first)


class Members:
    """The members of a collective, read through the people's store."""

    def __init__(self, store: FactStore | None, ids: list[int], names: dict[int, str]):
        self.store, self.ids, self.names = store, ids, names

    @property
    def count(self) -> int:
        return len(self.ids)

    def holding(self, codes, year: int) -> int:
        """How many members hold one of ``codes`` in ``year``."""
        by_code = [self.store.titles.get(code, {}) for code in codes]
        return sum(1 for pid in self.ids
                   if any(year in titles.get(pid, EMPTY) for titles in by_code))

    def ratings(self, year: int) -> Counter:
        """Members by their rating of ``year``; ``None`` counts those without one."""
        return Counter(self.store.ratings.get(pid, {}).get(year) for pid in self.ids)

    def disciplined(self, year: int, min_rank: int) -> tuple[list[str], list[str]]:
        """Names of members disciplined at ``min_rank`` or heavier during ``year``, and of
        those whose discipline level was not entered."""
        heavy, unknown = [], []
        for pid in self.ids:
            for level in self._discipline_levels(pid, year):
                if not level:
                    unknown.append(self.names.get(pid, str(pid)))
                elif DISCIPLINE_RANK.get(level, 0) >= min_rank:
                    heavy.append(self.names.get(pid, str(pid)))
        return heavy, unknown

    def _discipline_levels(self, pid: int, year: int):
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        for kind, level, starts_on, ends_on in self.store.restrictions.get(pid, ()):
            if kind == RestrictionKind.DISCIPLINE and overlaps(starts_on, ends_on, first, last):
                yield level
