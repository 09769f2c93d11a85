from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from vinhdanh.api.filters import GroupFilter
from vinhdanh.api.serializers.groups import (
    CopyToNextYearSerializer,
    GroupChangeSerializer,
    GroupSerializer,
    HandoverRecordingSerializer,
    HandoverSerializer,
    LeadershipSerializer,
    MembersSerializer,
)
from vinhdanh.api.views.base import ServiceViewSet
from vinhdanh.organisations.models import EmulationGroup, GroupMembership
from vinhdanh.organisations.services import groups

CHANGE = "organisations.change_emulationgroup"


@extend_schema_view(list=extend_schema(parameters=[GroupFilter]))
class GroupViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                   ServiceViewSet):
    serializer_class = GroupSerializer
    filter_class = GroupFilter
    action_perms = {"create": "organisations.add_emulationgroup"}
    object_perms = dict.fromkeys(
        ["partial_update", "leadership", "members", "copy_to_next_year", "handover"], CHANGE
    )

    def get_queryset(self):
        memberships = Prefetch("memberships", GroupMembership.objects.order_by("rotation_position"))
        return (
            EmulationGroup.objects.visible_to(self.request.user)
            .select_related("handover")
            .prefetch_related(memberships)
        )

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        members = fields.pop("memberships", [])
        serializer.instance = groups.create_group(
            actor=self.request.user, members=members, **fields
        )

    def _group(self, group, status_code=status.HTTP_200_OK) -> Response:
        group._prefetched_objects_cache = {}  # the members may have changed since the read
        data = GroupSerializer(group, context=self.get_serializer_context()).data
        return Response(data, status=status_code)

    @extend_schema(request=GroupChangeSerializer, responses=GroupSerializer)
    def partial_update(self, request, pk=None):
        """Changes the code, name, organiser or notes of the group."""
        group = self.get_object()
        serializer = GroupChangeSerializer(data=request.data, partial=True,
                                           context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        groups.update_group(group, actor=request.user, **serializer.validated_data)
        return self._group(group)

    @extend_schema(responses=GroupSerializer)
    @action(detail=True, methods=["post"], serializer_class=LeadershipSerializer)
    def leadership(self, request, pk=None):
        """Names the leader and deputy units (both must be members)."""
        group = self.get_object()
        groups.set_leadership(group, actor=request.user, **self.validated_input())
        return self._group(group)

    @extend_schema(responses=GroupSerializer)
    @action(detail=True, methods=["post"], serializer_class=MembersSerializer)
    def members(self, request, pk=None):
        """Replaces the members; the list order is the rotation order."""
        group = self.get_object()
        groups.set_members(group, actor=request.user, **self.validated_input())
        return self._group(group)

    @extend_schema(responses={201: GroupSerializer})
    @action(detail=True, methods=["post"], url_path="copy-to-next-year",
            serializer_class=CopyToNextYearSerializer)
    def copy_to_next_year(self, request, pk=None):
        """Copies the group, its members and rotation to the next year."""
        group = self.get_object()
        copy = groups.copy_group_to_next_year(group, actor=request.user, **self.validated_input())
        return self._group(copy, status.HTTP_201_CREATED)

    @extend_schema(responses={201: HandoverSerializer})
    @action(detail=True, methods=["post"],
            serializer_class=HandoverRecordingSerializer)
    def handover(self, request, pk=None):
        """Records the year-end handover of the leadership (the minutes file is not sent here)."""
        group = self.get_object()
        record = groups.record_handover(group, actor=request.user, **self.validated_input())
        return Response(HandoverSerializer(record).data, status=status.HTTP_201_CREATED)
