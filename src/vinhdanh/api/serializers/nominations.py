"""Submission batches, nominations, dossier files, public notices and comments in the API.

Reads show what ``visible_to`` lets the user see; each write serializer carries the input of
one service call (nominations/services/batches.py, workflow.py, documents.py, comments.py).
A choice set appears as an enum in one schema component only; elsewhere it is a plain string
(``PlainChoiceField``), so the schema has no enum name collisions.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from vinhdanh.api.serializers.fields import (
    IdField,
    TargetUnitField,
    VisibleGroupField,
    VisibleUnitField,
    honor_field,
)
from vinhdanh.api.serializers.honors import CandidateSerializer, LineSerializer, candidate_data
from vinhdanh.api.serializers.movements import (
    VisibleHouseholdField,
    VisibleMovementField,
    VisiblePersonField,
)
from vinhdanh.api.serializers.scoring import VisibleProposalField
from vinhdanh.api.serializers.uploads import DOCUMENT
from vinhdanh.nominations.enums import CommentState, DocumentKind, NominationState
from vinhdanh.nominations.models import (
    Nomination,
    NominationBatch,
    NominationDocument,
    PublicComment,
    PublicNotice,
)
from vinhdanh.nominations.services.workflow import TRANSITIONS

YEAR = {"min_value": 1900, "max_value": 2999}
BATCH_HEADER = ["year", "title", "group", "movement", "commendation_type", "procedure",
                "letter_number", "letter_date", "signer_name", "signer_title", "notes"]
# Publishing goes through a notice (POST /notices/), which names its window and title.
TRANSITION_ACTIONS = [name for name in TRANSITIONS if name != "publish"]
# The state as a plain string: an enum under the name "state" would collide with the other
# apps' states in the schema.
STATES_HELP = format_lazy(_("One of: {states}."), states=", ".join(NominationState.values))


@extend_schema_field(OpenApiTypes.STR)
class PlainChoiceField(serializers.ChoiceField):
    """Validates against a choice set but shows as a string (its enum lives elsewhere)."""


class VisibleNominationField(serializers.PrimaryKeyRelatedField):
    queryset = Nomination.objects.all()

    def get_queryset(self):
        return Nomination.objects.visible_to(self.context["request"].user)


# -- batches -------------------------------------------------------------------------------

class NominationBatchSerializer(serializers.ModelSerializer):
    """A batch as read, and as created (POST)."""

    proposing_unit = TargetUnitField()
    group = VisibleGroupField(allow_null=True, required=False, default=None,
                              help_text=_("Set for a group's proposal: the group leader "
                                          "reviews it before the board."))
    movement = VisibleMovementField(allow_null=True, required=False, default=None)
    editable = serializers.SerializerMethodField()
    counts = serializers.SerializerMethodField()

    class Meta:
        model = NominationBatch
        fields = ["id", "proposing_unit", *BATCH_HEADER, "created_at", "submitted_at",
                  "editable", "counts"]
        read_only_fields = ["created_at", "submitted_at"]

    def get_editable(self, batch) -> bool:
        """Set by the view (batches.editable): the header and files may still change."""
        return batch.is_editable

    @extend_schema_field(serializers.DictField(
        child=serializers.IntegerField(),
        help_text=_("Nominations of the batch per state (states without any are left out).")))
    def get_counts(self, batch) -> dict:
        return batch.state_counts


class BatchChangeSerializer(serializers.Serializer):
    """What PATCH may change while no dossier of the batch is with the board."""

    year = serializers.IntegerField(required=False, **YEAR)
    title = serializers.CharField(max_length=300, required=False)
    group = VisibleGroupField(allow_null=True, required=False)
    movement = VisibleMovementField(allow_null=True, required=False)
    commendation_type = serializers.ChoiceField(
        NominationBatch._meta.get_field("commendation_type").choices, required=False)
    procedure = serializers.ChoiceField(NominationBatch._meta.get_field("procedure").choices,
                                        required=False)
    letter_number = serializers.CharField(max_length=64, allow_blank=True, required=False)
    letter_date = serializers.DateField(allow_null=True, required=False)
    signer_name = serializers.CharField(max_length=200, allow_blank=True, required=False)
    signer_title = serializers.CharField(max_length=200, allow_blank=True, required=False)
    notes = serializers.CharField(allow_blank=True, required=False)


class BatchSubmitSerializer(serializers.Serializer):
    justifications = serializers.DictField(
        child=serializers.CharField(allow_blank=True), required=False, default=dict,
        help_text=_("Nomination id → why a candidate not found eligible is submitted anyway."))

    def validate_justifications(self, value):
        try:
            return {int(key): text for key, text in value.items()}
        except ValueError:
            raise serializers.ValidationError(_("Keys must be nomination ids.")) from None


class CandidatesSerializer(serializers.Serializer):
    """Candidates from the registry, all for one honour; give one list or several."""

    honor = honor_field()
    people = serializers.ListField(child=VisiblePersonField(), required=False, default=list)
    units = serializers.ListField(child=VisibleUnitField(), required=False, default=list,
                                  help_text=_("Collectives."))
    households = serializers.ListField(child=VisibleHouseholdField(), required=False,
                                       default=list)

    def validate(self, data):
        data["candidates"] = [*data.pop("people"), *data.pop("units"), *data.pop("households")]
        return data


class FromProposalsSerializer(serializers.Serializer):
    proposals = serializers.ListField(child=VisibleProposalField(), allow_empty=False,
                                      help_text=_("Published proposals of an emulation group."))


# -- documents -----------------------------------------------------------------------------

class DossierDocumentSerializer(serializers.ModelSerializer):
    """A dossier file as read (current or replaced), and as uploaded (multipart POST)."""

    kind = serializers.ChoiceField(DocumentKind.choices)
    nomination = VisibleNominationField(
        allow_null=True, required=False, default=None,
        help_text=_("The candidate a per-candidate file belongs to; none for the letter and "
                    "the minutes."))
    file = serializers.FileField(write_only=True, help_text=DOCUMENT)
    current = serializers.BooleanField(read_only=True)

    class Meta:
        model = NominationDocument
        fields = ["id", "batch", "nomination", "kind", "file", "name", "file_format", "size",
                  "sha256", "generated", "uploaded_at", "current", "replaced_by"]
        read_only_fields = ["batch", "name", "file_format", "size", "sha256", "generated",
                            "uploaded_at", "replaced_by"]


class GenerateSerializer(serializers.Serializer):
    kind = PlainChoiceField(DocumentKind.choices, help_text=_("The kind of document to draw "
                                                              "from its Word template."))
    nomination = VisibleNominationField(allow_null=True, required=False, default=None)


# -- nominations ---------------------------------------------------------------------------

class MissingDocumentSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    article = serializers.CharField(allow_blank=True)
    confirmed = serializers.BooleanField()
    for_batch = serializers.BooleanField(help_text=_("A file of the whole batch."))


class NominationSerializer(serializers.ModelSerializer):
    candidate = serializers.SerializerMethodField()
    honor = serializers.SlugRelatedField(slug_field="code", read_only=True)
    honor_name = serializers.CharField(source="honor.name", read_only=True)
    year = serializers.IntegerField(source="batch.year", read_only=True)
    state = serializers.CharField(read_only=True, help_text=STATES_HELP)
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    days_overdue = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()

    class Meta:
        model = Nomination
        fields = ["id", "batch", "year", "candidate", "honor", "honor_name", "state",
                  "state_label", "version",
                  "summary", "verdict", "verdict_stale", "justification", "registration_warning",
                  "submitted_at", "received_on", "due_on", "days_overdue", "allowed_actions"]
        read_only_fields = fields

    @extend_schema_field(CandidateSerializer)
    def get_candidate(self, nomination) -> dict:
        return candidate_data(nomination.candidate)

    def get_days_overdue(self, nomination) -> int:
        """Working days past the current step's due date (set by the view)."""
        return nomination.overdue_days

    @extend_schema_field(serializers.ListField(
        child=serializers.CharField(),
        help_text=_("Actions the user may try now (POST …/transition/, or a notice for "
                    "publish).")))
    def get_allowed_actions(self, nomination) -> list[str]:
        return nomination.actions


class NominationDetailSerializer(NominationSerializer):
    verdict_lines = LineSerializer(many=True, read_only=True)
    missing_documents = MissingDocumentSerializer(many=True, read_only=True,
                                                  source="missing")

    class Meta(NominationSerializer.Meta):
        fields = [*NominationSerializer.Meta.fields, "verdict_lines", "verdict_at",
                  "missing_documents"]
        read_only_fields = fields


class NominationChangeSerializer(serializers.Serializer):
    summary = serializers.CharField(allow_blank=True, required=False)
    justification = serializers.CharField(allow_blank=True, required=False)


class TransitionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(TRANSITION_ACTIONS)
    version = serializers.IntegerField(
        min_value=1, help_text=_("The version you saw; a dossier moved since is refused "
                                 "with 409."))
    reason = serializers.CharField(allow_blank=True, required=False, default="",
                                   help_text=_("Needed to return, reject or withdraw."))
    justification = serializers.CharField(allow_blank=True, required=False, default="",
                                          help_text=_("On submission, for a candidate not "
                                                      "found eligible."))


class JourneyStepSerializer(serializers.Serializer):
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")
    action = serializers.CharField()
    entered_at = serializers.DateTimeField()
    left_at = serializers.DateTimeField(allow_null=True)
    actor = serializers.SerializerMethodField()
    reason = serializers.CharField(allow_blank=True)
    limit_days = serializers.IntegerField(allow_null=True,
                                          help_text=_("Time limit in working days."))
    due_on = serializers.DateField(allow_null=True)
    working_days = serializers.IntegerField(allow_null=True)
    on_time = serializers.BooleanField(allow_null=True)

    def get_actor(self, step) -> str:
        return _name(step.actor)


class HistoryEntrySerializer(serializers.Serializer):
    created_at = serializers.DateTimeField()
    actor = serializers.SerializerMethodField()
    action = serializers.CharField()
    message = serializers.CharField(help_text=_("The action as a sentence."))

    def get_actor(self, entry) -> str:
        return _name(entry.actor)


def _name(user) -> str:
    return str(user) if user is not None else ""


# -- notices and comments ------------------------------------------------------------------

class PublicNoticeSerializer(serializers.ModelSerializer):
    nominations = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = PublicNotice
        fields = ["id", "public_id", "title", "intro", "opens_on", "closes_on", "nominations",
                  "published_at"]
        read_only_fields = fields


class NoticeCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    intro = serializers.CharField(allow_blank=True, required=False, default="")
    days = serializers.IntegerField(
        min_value=1, allow_null=True, required=False, default=None,
        help_text=_("Days of comment from today; by default the longest the rule pack asks."))
    nominations = serializers.ListField(child=VisibleNominationField(), allow_empty=False,
                                        help_text=_("Dossiers in appraisal."))


class PublicCommentSerializer(serializers.ModelSerializer):
    state = serializers.ChoiceField(CommentState.choices, read_only=True)

    class Meta:
        model = PublicComment
        fields = ["id", "notice", "nomination", "name", "contact", "text", "submitted_at",
                  "state", "moderated_at", "answer", "answered_at"]
        read_only_fields = fields


class ModerateSerializer(serializers.Serializer):
    accept = serializers.BooleanField(help_text=_("False rejects it as spam or abuse."))


class AnswerSerializer(serializers.Serializer):
    text = serializers.CharField()


# -- timeliness ----------------------------------------------------------------------------

class StepStatsSerializer(serializers.Serializer):
    state = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    median_days = serializers.FloatField(allow_null=True)
    mean_days = serializers.FloatField(allow_null=True)
    within_limit = serializers.IntegerField()
    timed = serializers.IntegerField(help_text=_("Steps that had a time limit."))
    share_within = serializers.FloatField(allow_null=True)


class BreakdownRowSerializer(serializers.Serializer):
    key = serializers.CharField()
    submitted = serializers.IntegerField()
    decided = serializers.IntegerField()
    median_days_to_council = serializers.FloatField(allow_null=True)
    within_limit_share = serializers.FloatField(allow_null=True)
    overdue_now = serializers.IntegerField()


class TimelinessSerializer(serializers.Serializer):
    steps = StepStatsSerializer(many=True)
    breakdown = BreakdownRowSerializer(many=True)


# -- query parameters (api/filters.py) -----------------------------------------------------

class BatchFilter(serializers.Serializer):
    year = serializers.IntegerField(required=False, **YEAR)
    unit = VisibleUnitField(required=False, help_text=_("Proposed by this unit or a unit "
                                                        "under it."))
    group = IdField(required=False)
    q = serializers.CharField(required=False, allow_blank=True,
                              help_text=_("Words of the subject or the letter number."))

    def apply(self, queryset, params):
        if params.get("q"):
            queryset = queryset.search(params["q"])
        if "unit" in params:
            queryset = queryset.filter(proposing_unit__path__startswith=params["unit"].path)
        names = {"year": "year", "group": "group_id"}
        return queryset.filter(**{names[k]: params[k] for k in names if k in params})


class NominationFilter(serializers.Serializer):
    year = serializers.IntegerField(required=False, **YEAR)
    state = serializers.ChoiceField(NominationState.choices, required=False)
    honor = honor_field(required=False)
    unit = VisibleUnitField(required=False, help_text=_("Proposed by this unit or a unit "
                                                        "under it."))
    batch = IdField(required=False)
    overdue = serializers.BooleanField(required=False, default=None, allow_null=True,
                                       help_text=_("Only dossiers past their step's due "
                                                   "date."))

    def apply(self, queryset, params):
        if "unit" in params:
            queryset = queryset.filter(batch__proposing_unit__path__startswith=
                                       params["unit"].path)
        if params.get("overdue"):
            queryset = queryset.overdue()
        names = {"year": "batch__year", "state": "state", "honor": "honor", "batch": "batch_id"}
        return queryset.filter(**{names[k]: params[k] for k in names if k in params})


class NoticeFilter(serializers.Serializer):
    def apply(self, queryset, params):
        return queryset


class CommentFilter(serializers.Serializer):
    notice = IdField(required=False)
    nomination = IdField(required=False)
    state = serializers.ChoiceField(CommentState.choices, required=False)

    def apply(self, queryset, params):
        names = {"notice": "notice_id", "nomination": "nomination_id", "state": "state"}
        return queryset.filter(**{names[k]: params[k] for k in names if k in params})


class TimelinessFilter(serializers.Serializer):
    year = serializers.IntegerField(required=False, allow_null=True, default=None, **YEAR)
    by = serializers.ChoiceField([("unit", _("Proposing unit")), ("honor", _("Honour")),
                                  ("year", _("Achievement year"))],
                                 required=False, default="unit",
                                 help_text=_("What the breakdown rows are per."))
