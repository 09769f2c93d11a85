"""The facts the statutory forms count, read in a few queries and reduced to small hashable
values, so a form's cells are sums over a ``Counter`` however many records a year holds.

Honour records (0602.N, 0603.N): those of ``reports.selection.honour_records`` — the year of
the decision, unrevoked, within the chosen unit's subtree and the user's visible records —
so the dashboard and the forms count the same things. Each record gives:

- ``honour``, ``level``: the catalogue's code and level;
- ``subject``: individual, collective or household; ``enterprise``: a collective of kind
  enterprise;
- ``person_row``: for individuals, the person's ``cadre_category`` when set, else
  ``direct_worker`` when ``is_direct_worker``, else ``unclassified`` (counted in its own
  row, never dropped);
- ``kind``: the commendation type of the dossier's batch when the record was issued from a
  dossier; otherwise ``annual`` for emulation titles (they are given at the year's end) and
  ``unknown`` for award forms entered by hand (their type is not recorded);
- ``proposer``: the unit that submitted the dossier's batch when known, else the
  candidate's unit — shown as the unit directly under the chosen one that contains it (or
  the chosen unit itself).

Movements (0601.N): launched (``starts_on``) in the year by a unit of the subtree, among the
movements the user sees. ``launcher`` is ``root`` (the chosen unit itself — the province for
a province-wide report), ``group`` (the leader unit of an emulation bloc or cluster of that
year, with every participant a member of that group) or ``unit``; ``duration`` is a band of
calendar months from start to end, ``open`` without an end date.
"""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from vinhdanh.core.db import read_db
from vinhdanh.honors.enums import HonorKind, SubjectKind
from vinhdanh.honors.models import HonorRecord
from vinhdanh.movements.models import Movement
from vinhdanh.nominations.enums import CommendationType
from vinhdanh.organisations.enums import UnitKind
from vinhdanh.organisations.models import EmulationGroup, GroupMembership, Unit
from vinhdanh.reports.selection import honour_records

UNKNOWN_KIND = "unknown"
DIRECT_WORKER = "direct_worker"
UNCLASSIFIED = "unclassified"

RECORD_FIELDS = (
    "honor__code", "honor__level", "honor__kind", "person_id", "unit_id", "unit__kind",
    "person__cadre_category", "person__is_direct_worker", "person__unit__path", "unit__path",
    "household__unit__path", "decision_entry__nomination__batch__commendation_type",
    "decision_entry__nomination__batch__proposing_unit__path",
)


@dataclass(frozen=True)
class HonourFact:
    honour: str
    level: str
    subject: str
    enterprise: bool
    person_row: str | None
    kind: str
    proposer: tuple[str, str]  # (sort key, name) of the unit shown


@dataclass(frozen=True)
class MovementFact:
    kind: str
    launcher: str
    duration: str


# -- honour records --------------------------------------------------------------------------

def _subject(row) -> str:
    if row["person_id"]:
        return SubjectKind.INDIVIDUAL
    return SubjectKind.COLLECTIVE if row["unit_id"] else SubjectKind.HOUSEHOLD


def _person_row(row) -> str | None:
    if not row["person_id"]:
        return None
    if row["person__cadre_category"]:
        return row["person__cadre_category"]
    return DIRECT_WORKER if row["person__is_direct_worker"] else UNCLASSIFIED


def _kind(row) -> str:
    batch_type = row["decision_entry__nomination__batch__commendation_type"]
    if batch_type:
        return batch_type
    return CommendationType.ANNUAL if row["honor__kind"] == HonorKind.TITLE else UNKNOWN_KIND


def _proposer_path(row) -> str:
    return (row["decision_entry__nomination__batch__proposing_unit__path"]
            or row["person__unit__path"] or row["unit__path"] or row["household__unit__path"])


def shown_unit_id(path: str, root) -> int:
    """The unit directly under ``root`` that contains ``path`` (or ``root`` itself, also for
    a proposer outside the subtree: a dossier may be proposed from above)."""
    if not path.startswith(root.path) or path == root.path:
        return root.pk
    return int(path[len(root.path):].split("/")[0])


def _unit_labels(ids, root) -> dict[int, tuple[str, str]]:
    units = Unit.objects.using(read_db()).filter(pk__in=set(ids) | {root.pk})
    return {u.pk: (u.sort_key, u.name) for u in units.only("pk", "sort_key", "name")}


def honour_facts(year: int, *, records, root) -> Counter:
    """How many records of ``year`` share each fact, within ``root``'s subtree among
    ``records`` (the user's visible ones)."""
    rows = list(honour_records(year, records=records, subtree=root).values(*RECORD_FIELDS))
    shown = [shown_unit_id(_proposer_path(row), root) for row in rows]
    labels = _unit_labels(shown, root)
    return Counter(
        HonourFact(honour=row["honor__code"], level=row["honor__level"],
                   subject=_subject(row), enterprise=row["unit__kind"] == UnitKind.ENTERPRISE,
                   person_row=_person_row(row), kind=_kind(row), proposer=labels[unit_id])
        for row, unit_id in zip(rows, shown, strict=True))


def visible_records(user):
    return HonorRecord.objects.visible_to(user)


# -- movements -------------------------------------------------------------------------------

# (fewer than this many calendar months, band); the last band takes the rest.
DURATION_BANDS = ((12, "lt1"), (13, "1"), (36, "1to3"), (60, "3to5"))


def duration_band(starts_on: dt.date, ends_on: dt.date | None) -> str:
    """Calendar months the movement touches (January 9 to December 31 is 12: one year)."""
    if ends_on is None:
        return "open"
    months = (ends_on.year - starts_on.year) * 12 + ends_on.month - starts_on.month + 1
    return next((band for limit, band in DURATION_BANDS if months < limit), "ge5")


def _group_members(year: int) -> dict[int, list[set[int]]]:
    """For each leader unit of a group of ``year``, the member sets of the groups it leads."""
    members = defaultdict(set)
    rows = GroupMembership.objects.using(read_db()).filter(year=year)
    for group_id, unit_id in rows.values_list("group_id", "unit_id"):
        members[group_id].add(unit_id)
    led = defaultdict(list)
    groups = EmulationGroup.objects.using(read_db()).filter(year=year, leader__isnull=False)
    for group_id, leader_id in groups.values_list("pk", "leader_id"):
        led[leader_id].append(members[group_id])
    return led


def _participants(movement_ids) -> dict[int, set[int]]:
    through = Movement.participants.through.objects.using(read_db())
    found = defaultdict(set)
    for movement_id, unit_id in through.filter(movement_id__in=movement_ids).values_list(
            "movement_id", "unit_id"):
        found[movement_id].add(unit_id)
    return found


def _launcher(row, root, led, participants) -> str:
    if row["launched_by_id"] == root.pk:
        return "root"
    joined = participants.get(row["pk"], set())
    if joined and any(joined <= members for members in led.get(row["launched_by_id"], ())):
        return "group"
    return "unit"


def movement_facts(year: int, *, movements, root) -> Counter:
    """How many movements launched in ``year`` within ``root``'s subtree, among
    ``movements`` (the user's visible ones), share each fact."""
    rows = list(movements.using(read_db()).filter(
        starts_on__year=year, launched_by__path__startswith=root.path,
    ).values("pk", "kind", "launched_by_id", "starts_on", "ends_on"))
    led, participants = _group_members(year), _participants([r["pk"] for r in rows])
    return Counter(
        MovementFact(kind=row["kind"], launcher=_launcher(row, root, led, participants),
                     duration=duration_band(row["starts_on"], row["ends_on"]))
        for row in rows)


def visible_movements(user):
    return Movement.objects.visible_to(user)
