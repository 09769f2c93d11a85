from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from vinhdanh.api.filters import PersonFilter
from vinhdanh.api.serializers.people import PersonSerializer
from vinhdanh.api.views.base import ServiceViewSet
from vinhdanh.organisations.models import Person
from vinhdanh.organisations.services import people


@extend_schema_view(list=extend_schema(parameters=[PersonFilter]))
class PersonViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                    mixins.UpdateModelMixin, ServiceViewSet):
    serializer_class = PersonSerializer
    filter_class = PersonFilter
    action_perms = {"create": "organisations.add_person"}
    object_perms = {"partial_update": "organisations.change_person"}

    def get_queryset(self):
        return Person.objects.visible_to(self.request.user).select_related("unit")

    def perform_create(self, serializer):
        fields = serializer.validated_data
        self.require("organisations.add_person", fields["unit"])
        serializer.instance = people.create_person(actor=self.request.user, **fields)

    def perform_update(self, serializer):
        changes = serializer.validated_data
        if "unit" in changes:  # a transfer: the new unit must take people from this user
            self.require("organisations.add_person", changes["unit"])
        serializer.instance = people.update_person(
            serializer.instance, actor=self.request.user, **changes
        )
