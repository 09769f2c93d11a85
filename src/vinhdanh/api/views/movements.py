"""Directives, movements, progress reports, registrations and pledges: the same services,
``visible_to`` querysets and rules as the staff UI."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.response import Response

from vinhdanh.api.serializers.movements import (
    DirectiveFilter,
    DirectiveSerializer,
    MovementChangeSerializer,
    MovementFilter,
    MovementSerializer,
    NoFilter,
    PledgeSerializer,
    RegistrationFilter,
    RegistrationPeriodSerializer,
    RegistrationSerializer,
    ReportFilter,
    ReportSerializer,
)
from vinhdanh.api.views.base import ServiceViewSet
from vinhdanh.api.views.uploads import (
    DirectiveFileActions,
    PledgeFileActions,
    ReportEvidenceActions,
)
from vinhdanh.movements.models import (
    Directive,
    Movement,
    MovementTarget,
    Pledge,
    PledgeSignatory,
    ProgressReport,
    Registration,
    RegistrationPeriod,
)
from vinhdanh.movements.services import directives, movements, pledges, registrations, reports
from vinhdanh.organisations.models import EmulationGroup

READ_CREATE = (mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin)


@extend_schema_view(list=extend_schema(parameters=[DirectiveFilter]))
class DirectiveViewSet(DirectiveFileActions, *READ_CREATE, ServiceViewSet):
    serializer_class = DirectiveSerializer
    filter_class = DirectiveFilter
    action_perms = {"create": "movements.add_directive"}

    def get_queryset(self):
        return Directive.objects.visible_to(self.request.user)

    def perform_create(self, serializer):
        fields = serializer.validated_data
        self.require("movements.add_directive", fields.get("issuer_unit"))
        serializer.instance = directives.create_directive(actor=self.request.user, **fields)


@extend_schema_view(list=extend_schema(parameters=[MovementFilter]))
class MovementViewSet(*READ_CREATE, ServiceViewSet):
    serializer_class = MovementSerializer
    filter_class = MovementFilter
    action_perms = {"create": "movements.add_movement"}
    object_perms = {"partial_update": "movements.change_movement"}

    def get_queryset(self):
        return (Movement.objects.visible_to(self.request.user)
                .prefetch_related("participants", Prefetch(
                    "targets", MovementTarget.objects.order_by("position", "id"))))

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        self.require("movements.add_movement", fields["launched_by"])
        serializer.instance = movements.launch_movement(actor=self.request.user, **fields)

    @extend_schema(request=MovementChangeSerializer, responses=MovementSerializer)
    def partial_update(self, request, pk=None):
        """Changes the movement; ``participants`` and ``targets`` replace the old lists."""
        movement = self.get_object()
        serializer = MovementChangeSerializer(data=request.data, partial=True,
                                              context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        changes = dict(serializer.validated_data)
        self._apply(movement, changes)
        movement = self.get_queryset().get(pk=movement.pk)
        return Response(MovementSerializer(movement, context=self.get_serializer_context()).data)

    def _apply(self, movement, changes) -> None:
        actor = self.request.user
        participants, targets = changes.pop("participants", None), changes.pop("targets", None)
        movements.update_movement(movement, actor=actor, **changes)
        if participants is not None:
            movements.set_participants(movement, actor=actor, participants=participants)
        if targets is not None:
            movements.set_targets(movement, actor=actor, targets=targets)


@extend_schema_view(list=extend_schema(parameters=[ReportFilter]))
class ReportViewSet(ReportEvidenceActions, *READ_CREATE, ServiceViewSet):
    serializer_class = ReportSerializer
    filter_class = ReportFilter
    action_perms = {"create": "movements.add_progressreport"}

    def get_queryset(self):
        return (ProgressReport.objects.visible_to(self.request.user)
                .prefetch_related("figures", "evidence"))

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        self.require("movements.add_progressreport", fields["unit"])
        figures = {row["target"]: row["value"] for row in fields.pop("figures", [])}
        report = reports.submit_report(fields.pop("movement"), actor=self.request.user,
                                       figures=figures, **fields)
        serializer.instance = self.get_queryset().get(pk=report.pk)


@extend_schema_view(list=extend_schema(parameters=[RegistrationFilter]))
class RegistrationViewSet(mixins.ListModelMixin, mixins.CreateModelMixin,
                          mixins.DestroyModelMixin, ServiceViewSet):
    serializer_class = RegistrationSerializer
    filter_class = RegistrationFilter
    http_method_names = ["get", "post", "delete", "head", "options"]
    action_perms = {"create": "movements.add_registration"}
    object_perms = {"destroy": "movements.delete_registration"}

    def get_queryset(self):
        return Registration.objects.visible_to(self.request.user).select_related(
            "honor", "person__unit", "unit", "household__unit", "registering_unit")

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        candidate = fields.pop("person") or fields.pop("unit") or fields.pop("household")
        self.require("movements.add_registration", registrations.unit_of(candidate))
        serializer.instance = registrations.register(
            candidate, fields["honor"], fields["year"], actor=self.request.user,
            late_reason=fields.get("late_reason", ""))

    def perform_destroy(self, instance):
        """Withdraws the registration (only until the year's deadline)."""
        registrations.withdraw(instance, actor=self.request.user)


class RegistrationPeriodViewSet(mixins.ListModelMixin, mixins.CreateModelMixin,
                                ServiceViewSet):
    serializer_class = RegistrationPeriodSerializer
    filter_class = NoFilter
    action_perms = {"create": "movements.change_registrationperiod"}

    def get_queryset(self):
        return RegistrationPeriod.objects.visible_to(self.request.user)

    def perform_create(self, serializer):
        """Sets the year's opening day and deadline (replacing those already set)."""
        serializer.instance = registrations.set_registration_period(
            actor=self.request.user, **serializer.validated_data)


class PledgeViewSet(PledgeFileActions, ServiceViewSet):
    """The pledge of an emulation group (``id`` is the group's)."""

    serializer_class = PledgeSerializer
    queryset = EmulationGroup.objects.all()  # names the {id} parameter for the schema
    http_method_names = ["get", "put", "post", "head", "options"]

    def _group(self, perm):
        group = get_object_or_404(EmulationGroup.objects.visible_to(self.request.user),
                                  pk=self.kwargs["pk"])
        self.require(perm, group)
        return group

    def _pledge(self, group):
        signatories = Prefetch("signatories", PledgeSignatory.objects.order_by("id"))
        return get_object_or_404(Pledge.objects.prefetch_related(signatories), group=group)

    def retrieve(self, request, pk=None):
        pledge = self._pledge(self._group("movements.view_pledge"))
        return Response(PledgeSerializer(pledge, context=self.get_serializer_context()).data)

    @extend_schema(responses={200: PledgeSerializer})
    def update(self, request, pk=None):
        """Records or replaces the pledge text, signing date and signatories."""
        group = self._group("movements.change_pledge")
        pledges.save_pledge(group, actor=request.user, **self.validated_input())
        pledge = self._pledge(group)
        return Response(PledgeSerializer(pledge, context=self.get_serializer_context()).data,
                        status=status.HTTP_200_OK)
