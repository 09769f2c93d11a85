from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from vinhdanh.api.serializers.fields import VisibleGroupField, VisibleUnitField
from vinhdanh.organisations.models import EmulationGroup, GroupMembership, HandoverRecord


def _distinct(units):
    if len({unit.pk for unit in units}) != len(units):
        raise serializers.ValidationError(_("A unit may appear only once in the members."))
    return units


class MembershipSerializer(serializers.ModelSerializer):
    unit = VisibleUnitField()

    class Meta:
        model = GroupMembership
        fields = ["unit", "rotation_position"]
        read_only_fields = ["rotation_position"]


class HandoverSerializer(serializers.ModelSerializer):
    has_minutes = serializers.SerializerMethodField()

    class Meta:
        model = HandoverRecord
        fields = [
            "held_on", "outgoing_leader", "outgoing_deputy", "incoming_leader",
            "incoming_deputy", "next_group", "notes", "has_minutes",
        ]
        read_only_fields = fields

    def get_has_minutes(self, record) -> bool:
        return bool(record.minutes_file)


class GroupSerializer(serializers.ModelSerializer):
    organiser = VisibleUnitField(allow_null=True, required=False)
    leader = VisibleUnitField(allow_null=True, required=False)
    deputy = VisibleUnitField(allow_null=True, required=False)
    members = MembershipSerializer(
        source="memberships", many=True, required=False,
        help_text=_("In rotation order; on creation the list order sets it."),
    )
    handover = HandoverSerializer(read_only=True, allow_null=True)

    class Meta:
        model = EmulationGroup
        fields = [
            "id", "kind", "year", "code", "name", "organiser", "leader", "deputy", "notes",
            "members", "handover",
        ]

    def validate_members(self, memberships):
        return _distinct([membership["unit"] for membership in memberships])


class GroupChangeSerializer(serializers.Serializer):
    """What PATCH may change; kind and year stay, members and leadership have actions."""

    code = serializers.CharField(max_length=32, required=False)
    name = serializers.CharField(max_length=255, required=False)
    organiser = VisibleUnitField(allow_null=True, required=False)
    notes = serializers.CharField(allow_blank=True, required=False)


class LeadershipSerializer(serializers.Serializer):
    leader = VisibleUnitField(allow_null=True)
    deputy = VisibleUnitField(allow_null=True, required=False, default=None)


class MembersSerializer(serializers.Serializer):
    members = serializers.ListField(
        child=VisibleUnitField(), help_text=_("Unit ids in rotation order.")
    )

    def validate_members(self, units):
        return _distinct(units)


class CopyToNextYearSerializer(serializers.Serializer):
    leader = VisibleUnitField(
        allow_null=True, required=False, default=None,
        help_text=_("Defaults to the unit after this year's leader in the rotation."),
    )
    deputy = VisibleUnitField(
        allow_null=True, required=False, default=None,
        help_text=_("Defaults to the unit after the new leader in the rotation."),
    )


class HandoverRecordingSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    incoming_leader = VisibleUnitField()
    incoming_deputy = VisibleUnitField(allow_null=True, required=False, default=None)
    next_group = VisibleGroupField(allow_null=True, required=False, default=None)
    notes = serializers.CharField(allow_blank=True, required=False, default="")
