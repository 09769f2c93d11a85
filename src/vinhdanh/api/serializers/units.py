from rest_framework import serializers

from vinhdanh.api.serializers.fields import TargetUnitField
from vinhdanh.organisations.models import Unit


class UnitSerializer(serializers.ModelSerializer):
    parent = TargetUnitField(allow_null=True, required=False)
    url = serializers.HyperlinkedIdentityField(view_name="unit-detail")

    class Meta:
        model = Unit
        fields = [
            "id", "code", "name", "short_name", "kind", "level", "parent", "path", "depth",
            "active_from", "active_until", "mostly_direct_workers", "url",
        ]
        read_only_fields = ["path", "depth"]
