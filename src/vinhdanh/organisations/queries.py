"""Visibility: every list of units, people and groups is filtered by ``visible_to(user)``.

A role held for a unit shows that unit's subtree; a role held for a group shows the group,
the year it was copied from, and its member units (not their people). Superusers see
everything.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.db.models import Exists, Min, OuterRef, Q

from vinhdanh.core.text import fold, nfc


@dataclass(frozen=True)
class Grant:
    role: str
    unit_path: str | None
    group_id: int | None


@dataclass(frozen=True)
class Scope:
    everything: bool
    grants: tuple[Grant, ...]

    @property
    def group_ids(self) -> tuple[int, ...]:
        return tuple({g.group_id for g in self.grants if g.group_id})

    def paths(self, roles=None) -> tuple[str, ...]:
        """Subtree roots of the unit-scoped grants (of one of ``roles``, if given)."""
        return tuple({g.unit_path for g in self.grants
                      if g.unit_path and (roles is None or g.role in roles)})

    def reaches_all(self, roles=None) -> bool:
        """Whether the grants (of ``roles``) reach every unit: a grant on the province root.

        There is one root (the ``one_province_root`` constraint), so the filter can be left
        out: a prefix match on every row is the slowest part of a province-wide list.
        """
        return self.everything or any(path.count("/") == 2 for path in self.paths(roles))

    def covers_unit(self, unit, roles=None) -> bool:
        """Whether a unit-scoped grant (of one of ``roles``) reaches ``unit``."""
        return self.everything or any(
            g.unit_path and unit.path.startswith(g.unit_path) and (roles is None or g.role in roles)
            for g in self.grants
        )

    def holds_for_group(self, group_id: int, roles) -> bool:
        return any(g.group_id == group_id and g.role in roles for g in self.grants)

    def roles(self) -> set[str]:
        return {g.role for g in self.grants}

    def holds_a_role(self) -> bool:
        """Whether the user sees anything at all: a superuser, or some grant."""
        return self.everything or bool(self.grants)


_NOBODY = Scope(everything=False, grants=())


def scope_of(user) -> Scope:
    """The user's grants, read once per request and kept on the user object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return _NOBODY
    cached = getattr(user, "_vinhdanh_scope", None)
    if cached is None:
        rows = apps.get_model("organisations", "RoleAssignment").objects.filter(user=user)
        grants = tuple(
            Grant(role, path, group_id)
            for role, path, group_id in rows.values_list("role", "unit__path", "group_id")
        )
        cached = Scope(everything=user.is_superuser, grants=grants)
        user._vinhdanh_scope = cached
    return cached


def _subtree_q(paths, field: str) -> Q:
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{field}__startswith": path})
    return query


def within(scope: Scope, field: str, roles=None) -> Q:
    """Rows whose unit (``field`` holds its path) the grants of ``roles`` reach."""
    return Q() if scope.reaches_all(roles) else _subtree_q(scope.paths(roles), field)


def search_q(text: str, field: str = "search_text") -> Q:
    """Case-, diacritic- and tone-placement-insensitive match on a folded column."""
    folded = fold(nfc(text))
    return Q(**{f"{field}__contains": folded}) if folded else Q()


class SearchableQuerySet(models.QuerySet):
    """Rows whose folded ``search_text`` column contains the folded query (see search_q)."""

    def search(self, text: str):
        return self.filter(search_q(text))


class UnitQuerySet(SearchableQuerySet):
    def visible_to(self, user):
        scope = scope_of(user)
        if scope.reaches_all():
            return self.all()
        query = within(scope, "path")
        if scope.group_ids:
            members = apps.get_model("organisations", "GroupMembership").objects.filter(
                group_id__in=scope.group_ids, unit=OuterRef("pk")
            )
            query |= Q(Exists(members))
        return self.filter(query)

    def reached_by(self, user, roles):
        """Units that one of the user's unit-scoped ``roles`` reaches (``Scope.covers_unit``):
        where the user may add or change things, as opposed to merely see them."""
        return self.filter(within(scope_of(user), "path", roles))

    def top_levels(self, *, also=None):
        """The two top levels of these units, and the unit with pk ``also`` if given.

        A province has thousands of units: pages list these and load deeper ones on demand.
        """
        top = self.aggregate(top=Min("depth"))["top"] or 0
        shown = Q(depth__lte=top + 1)
        if str(also or "").isdigit():
            shown |= Q(pk=int(also))
        return self.filter(shown)

    def subtree_of(self, unit):
        return self.filter(path__startswith=unit.path)


class PersonQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(within(scope_of(user), "unit__path"))

    def reached_by(self, user, roles):
        """People in units where one of the user's ``roles`` may add or change things."""
        return self.filter(within(scope_of(user), "unit__path", roles))

    def search(self, text: str):
        text = nfc(text)
        if text.isdigit():
            return self.filter(citizen_id__startswith=text)
        return self.filter(search_q(text))


class HouseholdQuerySet(SearchableQuerySet):
    def visible_to(self, user):
        return self.filter(within(scope_of(user), "unit__path"))


class GroupQuerySet(SearchableQuerySet):
    def visible_to(self, user):
        scope = scope_of(user)
        if scope.reaches_all():
            return self.all()
        members = apps.get_model("organisations", "GroupMembership").objects.filter(
            within(scope, "unit__path"), group=OuterRef("pk")
        )
        organised = within(scope, "organiser__path")
        # A group's officers also read the year it was copied from: its handover put them there.
        previous = self.model.objects.filter(pk__in=scope.group_ids).values("copied_from_id")
        return self.filter(
            Exists(members) | organised | Q(pk__in=scope.group_ids) | Q(pk__in=previous)
        )
