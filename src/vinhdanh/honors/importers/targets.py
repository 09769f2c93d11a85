"""Whose history each row adds to: a person by citizen ID, a collective by unit code, a
household by its head's name and unit code.

Only candidates the actor can see are found (others read as unknown, in the same words), and
the actor must be allowed to write their history. One query per kind over the whole file.
"""

from collections import defaultdict

from django.utils.translation import gettext as _

from vinhdanh.honors.enums import SubjectKind
from vinhdanh.honors.services.history import not_for_subject_message
from vinhdanh.organisations.importers.cells import key
from vinhdanh.organisations.importers.checks import unknown_code_message
from vinhdanh.organisations.models import Household, Person, Unit

CHUNK = 2000  # values per IN (...) list; well below SQLite's variable limit
WRITE_PERM = "honors.change_history"


def _chunks(values):
    values = sorted(values)
    for start in range(0, len(values), CHUNK):
        yield values[start:start + CHUNK]


def _visible(queryset, field: str, values) -> dict:
    found = {}
    for chunk in _chunks(values):
        found.update({getattr(obj, field): obj
                      for obj in queryset.filter(**{f"{field}__in": chunk})})
    return found


def _households(actor, codes) -> dict:
    """(folded head name, unit code) → the visible households of that name in that unit."""
    found = defaultdict(list)
    for chunk in _chunks(codes):
        rows = (Household.objects.visible_to(actor).filter(unit__code__in=chunk)
                .select_related("unit"))
        for household in rows:
            found[key(household.head_name), household.unit.code].append(household)
    return found


class Targets:
    """The candidates the rows name, looked up once, and the actor's right over each."""

    def __init__(self, actor, rows):
        self.actor, self._allowed = actor, {}
        people = Person.objects.visible_to(actor).select_related("unit")
        self.people = _visible(people, "citizen_id", {r.citizen_id for r in rows if r.citizen_id})
        self.units = _visible(Unit.objects.visible_to(actor), "code",
                              {r.unit_code for r in rows if r.unit_code})
        self.households = _households(
            actor, {r.unit_code for r in rows if getattr(r, "head_name", "") and r.unit_code})

    def may_write(self, candidate) -> bool:
        cache_key = (type(candidate).__name__, candidate.pk)
        if cache_key not in self._allowed:
            self._allowed[cache_key] = self.actor.has_perm(WRITE_PERM, candidate)
        return self._allowed[cache_key]


def subject_of_row(row) -> str | None:
    """The row's subject: written (honours sheet) or read from which cells are filled."""
    if getattr(row, "subject", ""):
        return row.subject
    if row.citizen_id:
        return SubjectKind.INDIVIDUAL
    if getattr(row, "head_name", ""):
        return SubjectKind.HOUSEHOLD
    return SubjectKind.COLLECTIVE if row.unit_code else None


def resolve(rows, targets: Targets, report) -> None:
    """Sets ``row.target`` of each row whose candidate is known and writable."""
    for row in rows:
        subject = subject_of_row(row)
        found = FINDERS[subject](row, targets, report) if subject else _nobody(row, report)
        if found is None:
            continue
        if not targets.may_write(found[1]):
            field, candidate = found
            report.add(row.row, field, getattr(row, field), _(
                "You may not change the history of %(name)s.") % {"name": candidate})
        elif _fits(row, subject, report):
            row.target = (_FIELD[subject], found[1].pk)


_FIELD = {SubjectKind.INDIVIDUAL: "person", SubjectKind.COLLECTIVE: "unit",
          SubjectKind.HOUSEHOLD: "household"}


def _nobody(row, report) -> None:
    report.add(row.row, "citizen_id", "",
               _("Write the citizen ID of a person or the code of a unit."))


def _person(row, targets, report):
    if not row.citizen_id:
        report.add(row.row, "citizen_id", "", _("Write the citizen ID of the person."))
        return None
    person = targets.people.get(row.citizen_id)
    if person is None:
        report.add(row.row, "citizen_id", row.citizen_id,
                   _("Unknown citizen ID %(value)s.") % {"value": row.citizen_id})
        return None
    if row.full_name and key(row.full_name) != key(person.full_name):
        report.add(row.row, "full_name", row.full_name, _(
            "The citizen ID %(value)s belongs to %(name)s.")
            % {"value": row.citizen_id, "name": person.full_name})
        return None
    return "citizen_id", person


def _unit(row, targets, report):
    if not row.unit_code:
        report.add(row.row, "unit_code", "", _("Write the code of the unit."))
        return None
    unit = targets.units.get(row.unit_code)
    if unit is None:
        report.add(row.row, "unit_code", row.unit_code, unknown_code_message(row.unit_code))
        return None
    return "unit_code", unit


def _household(row, targets, report):
    if not (row.head_name and row.unit_code):
        report.add(row.row, "head_name", row.head_name, _(
            "Write the head of the household and the code of its commune or village."))
        return None
    found = targets.households.get((key(row.head_name), row.unit_code), [])
    if len(found) != 1:
        reason = (_("Several households of %(name)s live in unit %(code)s; add this one by "
                    "hand.") if found else _("No household of %(name)s in unit %(code)s."))
        report.add(row.row, "head_name", row.head_name,
                   reason % {"name": row.head_name, "code": row.unit_code})
        return None
    return "head_name", found[0]


FINDERS = {SubjectKind.INDIVIDUAL: _person, SubjectKind.COLLECTIVE: _unit,
           SubjectKind.HOUSEHOLD: _household}


def _fits(row, subject: str, report) -> bool:
    """Whether the row's honour (honours sheet only) may go to this kind of candidate."""
    honor = getattr(row, "honor", None)
    if honor is None or honor.accepts(subject):
        return True
    report.add(row.row, "honor", honor.name, not_for_subject_message(honor, subject))
    return False
