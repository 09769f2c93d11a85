"""Writing a valid plan in one transaction: units parents first, then people in batches."""

from collections import defaultdict
from dataclasses import asdict, dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.organisations.importers.report import ImportRejected, file_error
from vinhdanh.organisations.models import Person, Unit

BATCH = 1000  # rows per INSERT, and between two progress reports

UNIT_FIELDS = ("code", "name", "short_name", "kind", "level", "active_from", "active_until",
               "mostly_direct_workers")
PERSON_FIELDS = ("full_name", "gender", "date_of_birth", "citizen_id", "position",
                 "is_direct_worker", "employment_start", "is_active", "cadre_category")


@dataclass(frozen=True)
class ImportResult:
    units: int
    people: int

    def as_dict(self) -> dict:
        return asdict(self)


def apply_plan(plan, *, actor, progress=None, job=None) -> ImportResult:
    """Creates the plan's units and people and logs one entry; all or nothing.

    Raises ImportRejected when the plan has errors or the database refuses a row that
    another user added since validation.
    """
    if plan.errors:
        raise ImportRejected(plan.errors)
    if plan.actor_id != getattr(actor, "pk", None):
        raise ValueError("A plan is applied by the user it was validated for.")
    report = progress or (lambda done, total: None)
    try:
        with transaction.atomic():
            return _write(plan, actor, report, job)
    except IntegrityError:
        raise ImportRejected([file_error(_(
            "Someone added some of these units or people while the file was being checked; "
            "nothing was imported. Please import the file again."
        ))]) from None


def _write(plan, actor, report, job) -> ImportResult:
    units = _create_units(plan.units)
    report(len(plan.units), plan.total)
    for done in _create_people(plan.people, units):
        report(len(plan.units) + done, plan.total)
    result = ImportResult(units=len(plan.units), people=len(plan.people))
    log_action(job, actor=actor, action="organisations.imported",
               message=_("Imported %(units)s units and %(people)s people from a workbook")
               % result.as_dict(), **result.as_dict())
    return result


def _create_units(rows) -> dict[str, Unit]:
    """Inserts the units one generation at a time, so that each child knows its parent's id."""
    paths = dict(Unit.objects.filter(pk__in={row.parent_id for row in rows if row.parent_id})
                 .values_list("pk", "path"))
    created = {}
    for generation in _generations(rows):
        units = [_new_unit(row, created) for row in generation]
        Unit.objects.bulk_create(units, batch_size=BATCH)
        _set_paths(units, paths)
        created.update({unit.code: unit for unit in units})
    return created


def _generations(rows) -> list[list]:
    """Rows grouped by how far below an existing unit they sit; ``rows`` are parents first."""
    level, groups = {}, defaultdict(list)
    for row in rows:
        level[row.code] = level.get(row.parent_code, -1) + 1
        groups[level[row.code]].append(row)
    return [groups[depth] for depth in sorted(groups)]


def _new_unit(row, created: dict[str, Unit]) -> Unit:
    unit = Unit(**{name: getattr(row, name) for name in UNIT_FIELDS})
    unit.parent_id = row.parent_id or getattr(created.get(row.parent_code), "pk", None)
    unit.refresh_derived()  # bulk_create skips save(), which would do this
    return unit


def _set_paths(units: list[Unit], paths: dict[int, str]) -> None:
    """The materialised path needs the new ids, so it is written after the insert."""
    if any(unit.pk is None for unit in units):  # a backend that returns no ids
        ids = dict(Unit.objects.filter(code__in=[u.code for u in units])
                   .values_list("code", "pk"))
        for unit in units:
            unit.pk = ids[unit.code]
    for unit in units:
        unit.path = unit.path_below(paths.get(unit.parent_id, ""))
        unit.depth = unit.path.count("/") - 2
        paths[unit.pk] = unit.path
    Unit.objects.bulk_update(units, ["path", "depth"], batch_size=BATCH)


def _create_people(rows, units: dict[str, Unit]):
    """Inserts people a batch at a time; yields how many are in so far."""
    for start in range(0, len(rows), BATCH):
        batch = [_new_person(row, units) for row in rows[start:start + BATCH]]
        Person.objects.bulk_create(batch)
        yield start + len(batch)


def _new_person(row, units: dict[str, Unit]) -> Person:
    person = Person(**{name: getattr(row, name) for name in PERSON_FIELDS})
    person.citizen_id = person.citizen_id or None
    person.unit_id = row.unit_id or units[row.unit_code].pk
    person.refresh_derived()
    return person
