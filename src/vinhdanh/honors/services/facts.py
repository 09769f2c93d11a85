"""Loads, for many candidates at once, the facts the eligibility engine reads.

Reads honour records, task ratings, initiatives and discipline periods (and, for
collectives, their members and the members' records); writes nothing. One query per kind
of fact the criteria need (per honour code for titles), whatever the number of
candidates: rows come back as
``values_list`` tuples into dicts and sets (law/facts.py), never as model instances, and
only the honour codes and years the criteria read are asked for.

Candidates are matched by id: up to ``CHUNK`` ids in one IN list; beyond that the
candidates' own queryset as a subquery (no filter at all when it is every row); a plain
list of more than ``SCAN_AT`` ids reads every row of the honour codes and years asked for
(a province-wide sweep needs most of them anyway, and one indexed range scan beats dozens
of IN lists); a list in between goes in IN lists of ``CHUNK`` ids.

Benchmarking the consecutive-years criterion alone: ``consecutive_holders(ids, code, n,
year)`` runs the very query and loop a sweep runs for the titles of ``consecutive_titles``
(one range scan of honour records on the honour's index, three narrow columns, then a set
per candidate and a subset test). Time it against the hand-written SQL, e.g.::

    ids = Person.objects.values_list("pk", flat=True)   # a queryset: used as a subquery
    holders = consecutive_holders(ids, "chien_si_thi_dua_co_so", 3, 2024)
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from vinhdanh.honors.law.facts import FactStore
from vinhdanh.honors.models import (
    DisciplinePeriod,
    Honor,
    HonorRecord,
    Initiative,
    TaskRatingRecord,
)

CHUNK = 5000
SCAN_AT = 50_000
FIELDS = {"individual": "person", "collective": "unit", "household": "household"}


@dataclass
class Needs:
    """What a sweep's criteria read: kinds of facts, honour codes and years."""

    first_year: int
    last_year: int
    kinds: set[str] = field(default_factory=set)  # titles, ratings, initiatives, restrictions
    titles: dict[str, int | None] = field(default_factory=dict)  # code -> first year (None: all)
    member_kinds: set[str] = field(default_factory=set)
    member_titles: dict[str, int | None] = field(default_factory=dict)

    def add_title(self, code: str, first: int | None, *, members: bool = False) -> None:
        titles = self.member_titles if members else self.titles
        known = titles.get(code, first)
        titles[code] = None if known is None or first is None else min(known, first)

    def codes(self) -> set[str]:
        return set(self.titles) | set(self.member_titles)


class Ids:
    """How the candidates' ids reach SQL (see the module docstring): ``ids`` is a list, or
    None when only the queryset ``source`` is known."""

    def __init__(self, field_name: str, ids: list[int] | None, source=None):
        self.field, self.ids, self.source = field_name, ids, source

    def filters(self):
        column = f"{self.field}_id__in"
        if self.ids is not None and len(self.ids) <= CHUNK:
            yield Q(**{column: self.ids})
        elif isinstance(self.source, QuerySet) and not self.source.query.is_sliced:
            yield self._subquery(column)
        elif self.ids is not None and len(self.ids) >= SCAN_AT:
            yield Q(**{f"{self.field}__isnull": False})
        else:
            ids = self.ids if self.ids is not None else [getattr(c, "pk", c)
                                                         for c in self.source]
            for start in range(0, len(ids), CHUNK):
                yield Q(**{column: ids[start:start + CHUNK]})

    def _subquery(self, column: str) -> Q:
        if not self.source.query.where:  # every row: no filter to run at all
            return Q(**{f"{self.field}__isnull": False})
        return Q(**{column: self.source.order_by().values("pk")})


def _rows(model, ids: Ids, condition: Q, *fields):
    for id_filter in ids.filters():
        # order_by(): the models' default ordering would add a join and a sort.
        yield from model.objects.order_by().filter(id_filter, condition).values_list(*fields)


def _years_condition(needs: Needs) -> Q:
    return Q(year__gte=needs.first_year, year__lte=needs.last_year)


# -- one query per kind of fact ------------------------------------------------------------

def load_titles(titles: dict, ids: Ids, wanted: dict, last_year: int, honour_ids: dict):
    """Fills ``titles[code][candidate id]`` with the years each record covers: one query
    per honour code (three narrow columns on the (honor, year) index)."""
    for code, first in wanted.items():
        if code in honour_ids:
            condition = _title_condition(honour_ids[code], first, last_year)
            rows = _rows(HonorRecord, ids, condition, f"{ids.field}_id", "year", "first_year")
            titles[code] = _years_by_candidate(rows)


def _years_by_candidate(rows) -> dict[int, set[int]]:
    # The hot loop of a province-wide sweep: about a million rows, so no helper calls.
    by_candidate: dict[int, set[int]] = {}
    get = by_candidate.get
    for cid, year, first in rows:
        if first is None:
            years = get(cid)
            if years is None:
                by_candidate[cid] = {year}
            else:
                years.add(year)
        else:
            by_candidate.setdefault(cid, set()).update(range(first, year + 1))
    return by_candidate


def _title_condition(honour_id: int, first: int | None, last_year: int) -> Q:
    # A record covers first_year..year: it meets the window if it ends in or after it.
    # A revoked honour (Law Ch. VII) no longer counts towards anything.
    condition = (Q(honor_id=honour_id, revoked_on__isnull=True)
                 & (Q(year__lte=last_year) | Q(first_year__lte=last_year)))
    return condition & Q(year__gte=first) if first is not None else condition


def load_ratings(store: FactStore, ids: Ids, needs: Needs) -> None:
    for cid, year, rating in _rows(TaskRatingRecord, ids, _years_condition(needs),
                                   f"{ids.field}_id", "year", "rating"):
        store.ratings.setdefault(cid, {})[year] = rating


def load_initiatives(store: FactStore, ids: Ids, needs: Needs) -> None:
    for cid, level, year, kind in _rows(Initiative, ids, _years_condition(needs),
                                        f"{ids.field}_id", "level", "year", "kind"):
        store.initiatives.setdefault(cid, []).append((level, year, kind))


def load_restrictions(store: FactStore, ids: Ids, needs: Needs) -> None:
    """Periods that meet the years read, or the day of the dossier (pending cases)."""
    first = min(dt.date(needs.first_year, 1, 1), store.as_of)
    last = max(dt.date(needs.last_year, 12, 31), store.as_of)
    condition = Q(starts_on__lte=last) & (Q(ends_on__isnull=True) | Q(ends_on__gte=first))
    for cid, *period in _rows(DisciplinePeriod, ids, condition, f"{ids.field}_id", "kind",
                              "level", "starts_on", "ends_on"):
        store.restrictions.setdefault(cid, []).append(tuple(period))


def _load_kinds(store, ids: Ids, kinds, titles: dict, needs: Needs, honour_ids: dict):
    if "titles" in kinds:
        load_titles(store.titles, ids, titles, needs.last_year, honour_ids)
    if "ratings" in kinds:
        load_ratings(store, ids, needs)
    if "initiatives" in kinds:
        load_initiatives(store, ids, needs)
    if "restrictions" in kinds:
        load_restrictions(store, ids, needs)


# -- a collective's members --------------------------------------------------------------

def _outermost(paths: list[str]) -> list[str]:
    """The paths not inside another one of ``paths`` (one prefix match covers those)."""
    roots = []
    for path in sorted(paths):
        if not roots or not path.startswith(roots[-1]):
            roots.append(path)
    return roots


def load_members(store: FactStore, units: list, needs: Needs, honour_ids: dict) -> None:
    """Members: the active people of each unit and of its sub-units."""
    from vinhdanh.organisations.models import Person

    subtree = Q(pk__in=[])
    for path in _outermost([unit.path for unit in units]):
        subtree |= Q(unit__path__startswith=path)
    people = Person.objects.filter(subtree, is_active=True)
    wanted = {unit.pk for unit in units}
    for pid, path, name in people.values_list("pk", "unit__path", "full_name"):
        store.member_names[pid] = name
        for part in path.strip("/").split("/"):
            if int(part) in wanted:
                store.members.setdefault(int(part), []).append(pid)
    store.member_store = FactStore(as_of=store.as_of)
    ids = Ids("person", list(store.member_names), people)
    _load_kinds(store.member_store, ids, needs.member_kinds, needs.member_titles, needs,
                honour_ids)


def load_facts(subject: str, candidates: list, needs: Needs, *, as_of: dt.date,
               honour_ids: dict, source=None) -> FactStore:
    """The facts ``needs`` asks for, of ``candidates`` (model instances of one kind).

    ``source`` is the queryset the candidates came from, if any (used as a subquery for
    large sweeps); ``honour_ids`` maps honour codes to ids.
    """
    store = FactStore(as_of=as_of)
    ids = Ids(FIELDS[subject], [c.pk for c in candidates], source)
    _load_kinds(store, ids, needs.kinds, needs.titles, needs, honour_ids)
    if subject == "individual":
        store.employment = {c.pk: c.employment_start for c in candidates}
    if subject == "collective" and needs.member_kinds:
        load_members(store, candidates, needs, honour_ids)
    return store


def consecutive_holders(candidate_ids, title_code: str, years: int,
                        ending_year: int) -> set[int]:
    """The people among ``candidate_ids`` (ids, or a queryset of them) holding
    ``title_code`` in each of the ``years`` years up to ``ending_year``."""
    if isinstance(candidate_ids, QuerySet):
        ids = Ids("person", None, candidate_ids)
    else:
        ids = Ids("person", list(candidate_ids))
    honour_ids = dict(Honor.objects.filter(code=title_code).values_list("code", "pk"))
    titles: dict = {}
    first = ending_year - years + 1
    load_titles(titles, ids, {title_code: first}, ending_year, honour_ids)
    span = frozenset(range(first, ending_year + 1))
    return {pid for pid, held in titles.get(title_code, {}).items() if span <= held}
