from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from vinhdanh.api.filters import UnitFilter
from vinhdanh.api.serializers.units import UnitSerializer
from vinhdanh.api.views.base import ServiceViewSet
from vinhdanh.organisations.models import Unit
from vinhdanh.organisations.services import units


@extend_schema_view(list=extend_schema(parameters=[UnitFilter]))
class UnitViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                  mixins.UpdateModelMixin, ServiceViewSet):
    serializer_class = UnitSerializer
    filter_class = UnitFilter
    action_perms = {"create": "organisations.add_unit"}
    object_perms = {"partial_update": "organisations.change_unit"}

    def get_queryset(self):
        return Unit.objects.visible_to(self.request.user)

    def perform_create(self, serializer):
        fields = serializer.validated_data
        if fields.get("parent") is None:
            self.require("organisations.add_root_unit")
        else:
            self.require("organisations.add_unit", fields["parent"])
        serializer.instance = units.create_unit(actor=self.request.user, **fields)

    def perform_update(self, serializer):
        unit, changes = serializer.instance, serializer.validated_data
        if "parent" in changes and getattr(changes["parent"], "pk", None) != unit.parent_id:
            # A move adds the unit where it goes; out of every tree only for administrators.
            if changes["parent"] is None:
                self.require("organisations.add_root_unit")
            else:
                self.require("organisations.add_unit", changes["parent"])
        serializer.instance = units.update_unit(unit, actor=self.request.user, **changes)
