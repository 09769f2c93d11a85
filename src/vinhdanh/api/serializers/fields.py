"""Foreign keys that accept only objects the requesting user can see, and plain ids.

An id outside the user's view reads as "does not exist", so it tells them nothing.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from vinhdanh.honors.models import Honor
from vinhdanh.organisations.models import EmulationGroup, Unit

# The largest id a 64-bit column holds. SQLite cannot even pass a larger number to a query
# (a 500 where a filter names a foreign key), so such a number is refused as input (a 400).
MAX_ID = 2**63 - 1


class CodeField(serializers.SlugRelatedField):
    """A related object by its code. A NUL character is refused before the lookup:
    PostgreSQL cannot compare text holding one and would answer with a server error."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        return super().to_internal_value(data)


def honor_field(**kwargs) -> CodeField:
    """An honour named by its code, as everywhere in the API."""
    kwargs.setdefault("help_text", _("Code of the honour."))
    return CodeField(slug_field="code", queryset=Honor.objects.all(), **kwargs)


class IdField(serializers.IntegerField):
    """An object's id given as a number (a filter by foreign key): positive, 64-bit."""

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class VisibleUnitField(serializers.PrimaryKeyRelatedField):
    queryset = Unit.objects.all()  # names the model for the schema; lookups use get_queryset

    def get_queryset(self):
        return Unit.objects.visible_to(self.context["request"].user)


class VisibleGroupField(serializers.PrimaryKeyRelatedField):
    queryset = EmulationGroup.objects.all()

    def get_queryset(self):
        return EmulationGroup.objects.visible_to(self.context["request"].user)


class TargetUnitField(VisibleUnitField):
    """A unit that receives something new (a person, a sub-unit).

    Any existing unit is accepted here so that the view's ``add_*`` rule can refuse it with
    403; forms of the browsable API still offer only the visible ones.
    """

    def to_internal_value(self, data):
        if isinstance(data, bool):
            self.fail("incorrect_type", data_type=type(data).__name__)
        try:
            return Unit.objects.get(pk=int(data))
        except (TypeError, ValueError):
            self.fail("incorrect_type", data_type=type(data).__name__)
        except Unit.DoesNotExist:
            self.fail("does_not_exist", pk_value=data)
