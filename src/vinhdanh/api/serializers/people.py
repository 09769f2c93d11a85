from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from vinhdanh.api.serializers.fields import TargetUnitField
from vinhdanh.organisations.enums import PEOPLE_EDITOR_ROLES
from vinhdanh.organisations.models import Person
from vinhdanh.organisations.queries import scope_of

PRIVATE_FIELDS = ("citizen_id", "date_of_birth")
PRIVATE_HELP = _("Null unless you may change this person.")


class PersonSerializer(serializers.ModelSerializer):
    unit = TargetUnitField()
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = Person
        fields = [
            "id", "full_name", "gender", "date_of_birth", "citizen_id", "unit", "unit_name",
            "position", "is_direct_worker", "cadre_category", "employment_start", "is_active",
        ]
        extra_kwargs = {name: {"help_text": PRIVATE_HELP} for name in PRIVATE_FIELDS}

    def to_representation(self, person):
        data = super().to_representation(person)
        # The same test as the change_person rule, from the scope read once per request.
        scope = scope_of(self.context["request"].user)
        if not scope.covers_unit(person.unit, PEOPLE_EDITOR_ROLES):
            data.update(dict.fromkeys(PRIVATE_FIELDS))
        return data
