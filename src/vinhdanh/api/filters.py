"""Query parameters of the list endpoints, validated like any input (bad values are 400).

Each filter is a serializer of the query string; ``apply`` narrows a visible queryset.
The same classes document the parameters in the OpenAPI schema.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend

from vinhdanh.api.serializers.fields import IdField, VisibleUnitField
from vinhdanh.core.text import nfc
from vinhdanh.organisations.enums import (
    PEOPLE_EDITOR_ROLES,
    Gender,
    GroupKind,
    UnitKind,
    UnitLevel,
)


class QueryFilter(BaseFilterBackend):
    """Runs ``view.filter_class`` on the query string of list requests."""

    def filter_queryset(self, request, queryset, view):
        if view.action != "list":
            return queryset
        params = view.filter_class(data=request.query_params.dict(), context={"request": request})
        params.is_valid(raise_exception=True)
        return params.apply(queryset, params.validated_data)


class UnitFilter(serializers.Serializer):
    q = serializers.CharField(
        required=False, allow_blank=True, help_text=_("Words of the name, short name or code.")
    )
    parent = IdField(required=False, help_text=_("Direct sub-units of this unit."))
    subtree = VisibleUnitField(required=False, help_text=_("This unit and every unit under it."))
    kind = serializers.ChoiceField(UnitKind.choices, required=False)
    level = serializers.ChoiceField(UnitLevel.choices, required=False)

    def apply(self, queryset, params):
        if params.get("q"):
            queryset = queryset.search(params["q"])
        if "parent" in params:
            queryset = queryset.filter(parent_id=params["parent"])
        if "subtree" in params:
            queryset = queryset.subtree_of(params["subtree"])
        return queryset.filter(**{k: params[k] for k in ("kind", "level") if k in params})


def _editable_by(queryset, user):
    """People whose citizen ID the user may read: a number search must not reveal others'."""
    return queryset.reached_by(user, PEOPLE_EDITOR_ROLES)


class PersonFilter(serializers.Serializer):
    q = serializers.CharField(
        required=False, allow_blank=True,
        help_text=_("Words of the name; digits search citizen IDs of people you may change."),
    )
    unit = VisibleUnitField(required=False, help_text=_("People of this unit and its sub-units."))
    gender = serializers.ChoiceField(Gender.choices, required=False)
    is_direct_worker = serializers.BooleanField(required=False)
    is_active = serializers.BooleanField(required=False)

    def apply(self, queryset, params):
        if params.get("q"):
            queryset = queryset.search(params["q"])
            if nfc(params["q"]).isdigit():
                queryset = _editable_by(queryset, self.context["request"].user)
        if "unit" in params:
            queryset = queryset.filter(unit__path__startswith=params["unit"].path)
        fields = ("gender", "is_direct_worker", "is_active")
        return queryset.filter(**{k: params[k] for k in fields if k in params})


class GroupFilter(serializers.Serializer):
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2999)
    kind = serializers.ChoiceField(GroupKind.choices, required=False)

    def apply(self, queryset, params):
        return queryset.filter(**params)
