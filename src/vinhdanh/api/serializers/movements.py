"""Directives, movements, progress reports, registrations and pledges in the API.

Reads say whether a file (directive document, evidence, signed pledge) is there; files are
sent to the upload actions (views/uploads.py, serializers/uploads.py).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from vinhdanh.api.serializers.fields import TargetUnitField, VisibleUnitField, honor_field
from vinhdanh.movements.enums import MovementKind, ReportPeriod
from vinhdanh.movements.models import (
    Directive,
    Movement,
    MovementTarget,
    ProgressReport,
    Registration,
    RegistrationPeriod,
)
from vinhdanh.organisations.models import Household, Person


class _Visible(serializers.PrimaryKeyRelatedField):
    """A foreign key to a row of ``model`` the requesting user can see."""

    def get_queryset(self):
        return self.queryset.model.objects.visible_to(self.context["request"].user)


class VisibleDirectiveField(_Visible):
    queryset = Directive.objects.all()


class VisibleMovementField(_Visible):
    queryset = Movement.objects.all()


class VisiblePersonField(_Visible):
    queryset = Person.objects.all()


class VisibleHouseholdField(_Visible):
    queryset = Household.objects.all()


def _has_file(obj) -> bool:
    return bool(obj.file)


class DirectiveSerializer(serializers.ModelSerializer):
    issuer_unit = TargetUnitField(allow_null=True, required=False, default=None)
    has_file = serializers.SerializerMethodField()

    class Meta:
        model = Directive
        fields = ["id", "number", "issued_on", "issuer", "issuer_unit", "kind", "summary",
                  "has_file"]
        # The service checks the (number, date, issuer) uniqueness with its own message.
        validators: list = []

    def get_has_file(self, directive) -> bool:
        return _has_file(directive)


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = MovementTarget
        fields = ["id", "name", "measure", "target_value"]
        read_only_fields = ["id"]


class MovementSerializer(serializers.ModelSerializer):
    directive = VisibleDirectiveField(allow_null=True, required=False, default=None)
    launched_by = TargetUnitField()
    participants = VisibleUnitField(many=True, required=False)
    targets = TargetSerializer(many=True, required=False,
                               help_text=_("In order; a change replaces the whole list."))

    class Meta:
        model = Movement
        fields = ["id", "kind", "name", "directive", "launched_by", "starts_on", "ends_on",
                  "goals", "criteria", "cascade", "participants", "targets"]


class MovementChangeSerializer(serializers.Serializer):
    """What PATCH may change; participants and targets replace the old lists when given."""

    name = serializers.CharField(max_length=400, required=False)
    directive = VisibleDirectiveField(allow_null=True, required=False)
    starts_on = serializers.DateField(required=False)
    ends_on = serializers.DateField(allow_null=True, required=False)
    goals = serializers.CharField(allow_blank=True, required=False)
    criteria = serializers.CharField(allow_blank=True, required=False)
    cascade = serializers.BooleanField(required=False)
    participants = VisibleUnitField(many=True, required=False)
    targets = TargetSerializer(many=True, required=False)


class FigureSerializer(serializers.Serializer):
    target = serializers.PrimaryKeyRelatedField(queryset=MovementTarget.objects.all())
    value = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0)


class ReportSerializer(serializers.ModelSerializer):
    movement = VisibleMovementField()
    unit = TargetUnitField()
    figures = FigureSerializer(many=True, required=False,
                               help_text=_("Figures against the movement's targets."))
    evidence_count = serializers.SerializerMethodField()

    class Meta:
        model = ProgressReport
        fields = ["id", "movement", "unit", "year", "period", "summary", "figures",
                  "evidence_count", "submitted_at"]
        read_only_fields = ["submitted_at"]
        validators: list = []

    def get_evidence_count(self, report) -> int:
        return len(report.evidence.all())


class RegistrationSerializer(serializers.ModelSerializer):
    honor = honor_field()
    person = VisiblePersonField(allow_null=True, required=False, default=None)
    unit = VisibleUnitField(allow_null=True, required=False, default=None)
    household = VisibleHouseholdField(allow_null=True, required=False, default=None)

    class Meta:
        model = Registration
        fields = ["id", "year", "honor", "person", "unit", "household", "registering_unit",
                  "registered_at", "late_reason"]
        read_only_fields = ["registering_unit", "registered_at"]
        validators: list = []

    def validate(self, data):
        given = [data.get(name) for name in ("person", "unit", "household")]
        if sum(value is not None for value in given) != 1:
            raise serializers.ValidationError(
                _("Give exactly one of person, unit and household."))
        return data


class RegistrationPeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = RegistrationPeriod
        fields = ["year", "opens_on", "deadline", "notes"]
        validators: list = []
        extra_kwargs = {"year": {"validators": []}}


class SignatorySerializer(serializers.Serializer):
    unit = VisibleUnitField()
    representative = serializers.CharField(max_length=255)
    position = serializers.CharField(max_length=255, allow_blank=True, required=False,
                                     default="")


class PledgeSerializer(serializers.Serializer):
    group = serializers.IntegerField(source="group_id", read_only=True)
    text = serializers.CharField()
    signed_on = serializers.DateField(allow_null=True, required=False, default=None)
    signatories = SignatorySerializer(many=True, required=False, default=list)
    has_file = serializers.SerializerMethodField()

    def get_has_file(self, pledge) -> bool:
        return _has_file(pledge)


class ReportFilter(serializers.Serializer):
    movement = VisibleMovementField(required=False)
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2999)
    period = serializers.ChoiceField(ReportPeriod.choices, required=False)

    def apply(self, queryset, params):
        return queryset.filter(**params)


class RegistrationFilter(serializers.Serializer):
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2999)
    honor = honor_field(required=False)
    unit = VisibleUnitField(required=False, help_text=_("Registered by this unit or a unit "
                                                        "under it."))

    def apply(self, queryset, params):
        if "unit" in params:
            queryset = queryset.subtree_of(params.pop("unit"))
        return queryset.filter(**params)


class MovementFilter(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True,
                              help_text=_("Words of the name."))
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2999,
                                    help_text=_("Movements running during this year."))
    kind = serializers.ChoiceField(MovementKind.choices, required=False)

    def apply(self, queryset, params):
        if params.get("q"):
            queryset = queryset.search(params["q"])
        if "year" in params:
            queryset = queryset.for_year(params["year"])
        return queryset.filter(**{k: params[k] for k in ("kind",) if k in params})


class DirectiveFilter(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True,
                              help_text=_("Words of the number, issuer or summary."))

    def apply(self, queryset, params):
        return queryset.search(params["q"]) if params.get("q") else queryset


class NoFilter(serializers.Serializer):
    def apply(self, queryset, params):
        return queryset
