"""Checks across rows and against the database: duplicates, unit codes, parents, permissions.

Each check is one query per kind over the whole file (in chunks), never one per row.
"""

from collections import defaultdict

from django.utils.translation import gettext as _

from vinhdanh.organisations.models import Person, Unit

CHUNK = 2000  # values per IN (...) list; well below SQLite's variable limit


def _chunks(values):
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start:start + CHUNK]


def report_duplicates(rows, field: str, report) -> None:
    """Marks every row whose ``field`` value appears more than once in the sheet."""
    rows_by_value = defaultdict(list)
    for row in rows:
        value = getattr(row, field)
        if value:
            rows_by_value[value].append(row.row)
    for value, numbers in rows_by_value.items():
        if len(numbers) > 1:
            listed = ", ".join(map(str, numbers))
            for number in numbers:
                report.add(number, field, value,
                           _("Duplicate within the file: rows %(rows)s.") % {"rows": listed})


def report_existing_units(rows, report) -> None:
    codes = {row.code for row in rows if row.code}
    taken = set()
    for chunk in _chunks(codes):
        taken.update(Unit.objects.filter(code__in=chunk).values_list("code", flat=True))
    for row in rows:
        if row.code in taken:
            report.add(row.row, "code", row.code, _(
                "Unit code %(code)s already exists; the import adds new units only and does "
                "not change existing ones."
            ) % {"code": row.code})


def report_existing_people(rows, report) -> None:
    ids = {row.citizen_id for row in rows if row.citizen_id}
    taken = set()
    for chunk in _chunks(ids):
        taken.update(Person.objects.filter(citizen_id__in=chunk)
                     .values_list("citizen_id", flat=True))
    for row in rows:
        if row.citizen_id in taken:
            report.add(row.row, "citizen_id", row.citizen_id, _(
                "A person with this citizen ID already exists; the import adds new people "
                "only and does not change existing ones."
            ))


def unknown_code_message(code: str) -> str:
    # The same words whether the unit does not exist or the user cannot see it.
    return _("Unknown unit code %(code)s.") % {"code": code}


class UnitIndex:
    """The units rows may name: the file's own and the existing ones the actor can see."""

    def __init__(self, actor, file_units: dict, referenced: set[str]):
        self.actor, self.file_units = actor, file_units
        wanted = referenced - set(file_units)
        self.existing = {}
        for chunk in _chunks(wanted):
            found = Unit.objects.visible_to(actor).filter(code__in=chunk).only(
                "id", "code", "name", "path")
            self.existing.update({unit.code: unit for unit in found})
        self._allowed = {}

    def knows(self, code: str) -> bool:
        return code in self.file_units or code in self.existing

    def anchor(self, code: str):
        """The nearest existing unit at or above ``code`` (None above a new root or a loop)."""
        seen = set()
        while code in self.file_units and code not in seen:
            seen.add(code)
            code = self.file_units[code].parent_code
        return self.existing.get(code)

    def may(self, perm: str, code: str) -> bool:
        """Whether the actor holds ``perm`` where ``code`` sits, asked once per place."""
        target = self.anchor(code)
        cache_key = (perm, target.pk if target else None)
        if cache_key not in self._allowed:
            self._allowed[cache_key] = self.actor.has_perm(perm, target)
        return self._allowed[cache_key]

    def label(self, code: str) -> str:
        unit = self.existing.get(code)
        return f"{unit.name} ({code})" if unit else code


def check_parents(rows, index: UnitIndex, report) -> None:
    """Each new unit needs a known parent the actor may add units under."""
    root_free = not Unit.objects.exists()  # only the very first import creates the root
    for row in rows:
        reason = _parent_problem(row, index, root_free)
        root_free = root_free and bool(row.parent_code)
        if reason:
            report.add(row.row, "parent_code", row.parent_code, reason)
        else:
            row.parent_id = getattr(index.existing.get(row.parent_code), "pk", None)


def _parent_problem(row, index: UnitIndex, root_free: bool) -> str | None:
    if not row.parent_code and not root_free:
        return _("Write the code of the parent unit; only the province has none.")
    if row.parent_code and not index.knows(row.parent_code):
        return unknown_code_message(row.parent_code)
    if not index.may("organisations.import_units", row.parent_code):
        return _("You may not add units under %(unit)s.") % {
            "unit": index.label(row.parent_code) or "—"}
    return None


def check_people_units(rows, index: UnitIndex, report) -> None:
    """Each person goes to a known unit the actor may add people to."""
    for row in rows:
        if not row.unit_code:
            continue  # already reported as a missing value
        if not index.knows(row.unit_code):
            report.add(row.row, "unit_code", row.unit_code, unknown_code_message(row.unit_code))
        elif not index.may("organisations.import_people", row.unit_code):
            report.add(row.row, "unit_code", row.unit_code,
                       _("You may not add people to %(unit)s.")
                       % {"unit": index.label(row.unit_code)})
        else:
            row.unit_id = getattr(index.existing.get(row.unit_code), "pk", None)


def parents_first(rows, report) -> list:
    """The unit rows ordered so that a parent comes before its children; loops are errors."""
    by_code = {row.code: row for row in rows if row.code}
    generation = {}
    for row in rows:
        _place(row, by_code, generation, report)
    return sorted(rows, key=lambda row: generation.get(row.code, 0))


def _place(row, by_code, generation, report) -> None:
    chain, code = [], row.code
    while code in by_code and code not in generation:
        if code in chain:
            for looped in chain[chain.index(code):]:
                report.add(by_code[looped].row, "parent_code", by_code[looped].parent_code,
                           _("The parent units form a loop."))
                generation[looped] = 0
            break
        chain.append(code)
        code = by_code[code].parent_code
    level = generation.get(code, -1) if code in by_code else -1
    for code in reversed([c for c in chain if c not in generation]):
        level += 1
        generation[code] = level
