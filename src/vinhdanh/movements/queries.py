"""Visibility of directives, movements, reports, registrations and pledges.

A movement is seen by the users of the unit that launched it, of its participants, and, when
it cascades, of every unit under a participant: a participant that is an ancestor of one of
the user's units reaches them. Reports are seen by their unit's users and by the launchers.
"""

from collections import defaultdict
from decimal import Decimal

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q

from vinhdanh.organisations.queries import SearchableQuerySet, scope_of, within


def ancestor_paths(paths) -> set[str]:
    """Every prefix of the materialised paths: '/1/7/42/' gives '/1/', '/1/7/', '/1/7/42/'."""
    prefixes = set()
    for path in paths:
        parts = [part for part in path.split("/") if part]
        prefixes |= {"/" + "/".join(parts[:end]) + "/" for end in range(1, len(parts) + 1)}
    return prefixes


class DirectiveQuerySet(SearchableQuerySet):
    def visible_to(self, user):
        """Directives of the user's units, or issued above them (they apply downwards)."""
        scope = scope_of(user)
        if scope.reaches_all():
            return self.all()
        if not scope.holds_a_role():
            return self.none()
        above = Q(issuer_unit__path__in=ancestor_paths(scope.paths()))
        return self.filter(Q(issuer_unit__isnull=True) | within(scope, "issuer_unit__path")
                           | above)


def _participation(scope) -> Exists:
    through = apps.get_model("movements", "Movement").participants.through
    reached = within(scope, "unit__path")
    cascaded = Q(movement__cascade=True, unit__path__in=ancestor_paths(scope.paths()))
    members = Q(unit__memberships__group_id__in=scope.group_ids)
    rows = through.objects.filter(reached | cascaded | members, movement=OuterRef("pk"))
    return Exists(rows)


class MovementQuerySet(SearchableQuerySet):
    def visible_to(self, user):
        scope = scope_of(user)
        if scope.reaches_all():
            return self.all()
        if not scope.holds_a_role():
            return self.none()
        return self.filter(within(scope, "launched_by__path") | Q(_participation(scope)))

    def for_year(self, year: int):
        """Movements running at some time during ``year``."""
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__year__gte=year),
                           starts_on__year__lte=year)




class ProgressReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Reports of units in scope, and every report on a movement launched in scope."""
        scope = scope_of(user)
        if scope.reaches_all():
            return self.all()
        if not scope.holds_a_role():
            return self.none()
        return self.filter(within(scope, "unit__path")
                           | within(scope, "movement__launched_by__path"))


class RegistrationQuerySet(models.QuerySet):
    def visible_to(self, user):
        scope = scope_of(user)
        if not scope.holds_a_role():
            return self.none()
        return self.filter(within(scope, "registering_unit__path"))

    def subtree_of(self, unit):
        return self.filter(registering_unit__path__startswith=unit.path)


class RegistrationPeriodQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.all() if scope_of(user).holds_a_role() else self.none()


class PledgeQuerySet(models.QuerySet):
    def visible_to(self, user):
        groups = apps.get_model("organisations", "EmulationGroup").objects.visible_to(user)
        return self.filter(group__in=groups)


def participates(movement, unit) -> bool:
    """Whether ``unit`` takes part: named, or under a participant of a cascading movement."""
    paths = [p.path for p in movement.participants.all()]
    if unit.path in paths:
        return True
    return movement.cascade and any(unit.path.startswith(path) for path in paths)


def participating_units(movement):
    """The units that may report: the participants and, when it cascades, their subtrees."""
    Unit = apps.get_model("organisations", "Unit")
    paths = list(movement.participants.values_list("path", flat=True))
    if not movement.cascade:
        return Unit.objects.filter(path__in=paths)
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(path__startswith=path)
    return Unit.objects.filter(query)


def registrations_of(candidate):
    """The registrations of a person, unit or household, newest year first."""
    Registration = apps.get_model("movements", "Registration")
    field = candidate._meta.model_name
    return Registration.objects.filter(**{field: candidate}).select_related("honor")


# ---- the movement page's table: who reported, who did not, totals against targets ----

class ProgressRow:
    """One participant (or a sub-unit that reported under cascade) and its report."""

    def __init__(self, unit, report, *, direct: bool):
        self.unit, self.report, self.direct = unit, report, direct
        self.values, self.cells = {}, []
        if report is not None:
            self.values = {f.target_id: f.value for f in report.figures.all()}


def progress_table(movement, *, year: int, period: str, reports, shows=None) -> dict:
    """Rows for the participants and reporting sub-units, and the totals per target.

    ``reports`` is the visible reports queryset (figures come prefetched in one query);
    ``shows(unit)`` leaves out units whose reports the user may not read.
    """
    reports = {r.unit_id: r for r in reports.filter(movement=movement, year=year, period=period)
               .select_related("unit").prefetch_related("figures")}
    rows = [ProgressRow(unit, reports.pop(unit.pk, None), direct=True)
            for unit in movement.participants.all()]
    rows += [ProgressRow(r.unit, r, direct=False)
             for r in sorted(reports.values(), key=lambda r: r.unit.sort_key)]
    rows = [row for row in rows if shows is None or shows(row.unit)]
    targets = list(movement.targets.all())
    totals = defaultdict(Decimal)
    for row in rows:
        row.cells = [row.values.get(target.pk) for target in targets]
        for target_id, value in row.values.items():
            totals[target_id] += value
    return {"rows": rows, "targets": targets,
            "totals": [(target, totals.get(target.pk, Decimal(0))) for target in targets],
            "missing": [row.unit for row in rows if row.report is None]}
