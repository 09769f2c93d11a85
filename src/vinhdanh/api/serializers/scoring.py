"""Scoring tables, rounds, scores, rankings, proposals and year-end reviews.

Reads show what ``visible_to`` and the scoring rules allow; writes carry only the input of
one service call (services/templates.py, passes.py, scores.py, publication.py, …).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from vinhdanh.api.serializers.fields import VisibleGroupField, VisibleUnitField
from vinhdanh.organisations.models import Unit
from vinhdanh.scoring.enums import (
    CriterionKind,
    FinalFormula,
    PassKind,
    RoundPeriod,
    TieBreak,
)
from vinhdanh.scoring.models import (
    Criterion,
    Proposal,
    ProposalVote,
    RankingRevision,
    Score,
    ScoringPass,
    ScoringRound,
    ScoringTemplate,
    YearEndReview,
)
from vinhdanh.scoring.queries import rounds_visible_to, templates_visible_to

SETTINGS = [
    "formula", "weight_self", "weight_peer", "weight_leader", "normalise_peers", "tie_breaks",
    "deviation_threshold", "self_gap_threshold", "flag_count", "merit_count", "notes",
]


class VisibleTemplateField(serializers.PrimaryKeyRelatedField):
    queryset = ScoringTemplate.objects.all()

    def get_queryset(self):
        return templates_visible_to(self.context["request"].user)


class TemplateCriterionField(serializers.PrimaryKeyRelatedField):
    """A criterion of the template in ``context["template"]`` (others do not exist here)."""

    queryset = Criterion.objects.all()

    def get_queryset(self):
        return Criterion.objects.filter(template=self.context["template"])


class CriterionSerializer(serializers.ModelSerializer):
    depth = serializers.IntegerField(read_only=True, help_text=_("0 for a top-level row."))

    class Meta:
        model = Criterion
        fields = ["id", "parent", "depth", "position", "code", "title", "kind", "max_points",
                  "evidence_required", "guidance"]
        read_only_fields = fields


class TemplateSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="group.year", read_only=True)
    tie_breaks = serializers.ListField(child=serializers.ChoiceField(TieBreak.choices))

    class Meta:
        model = ScoringTemplate
        fields = ["id", "group", "year", "copied_from", *SETTINGS]
        read_only_fields = fields


class TemplateDetailSerializer(TemplateSerializer):
    locked = serializers.BooleanField(
        read_only=True, help_text=_("Criteria can no longer change: a round has started.")
    )
    max_total = serializers.DecimalField(max_digits=9, decimal_places=2, read_only=True)
    criteria = CriterionSerializer(
        source="tree", many=True, read_only=True,
        help_text=_("The table in order; ``depth`` nests the rows."),
    )

    class Meta(TemplateSerializer.Meta):
        fields = [*TemplateSerializer.Meta.fields, "locked", "max_total", "criteria"]


class TemplateCreateSerializer(serializers.Serializer):
    group = VisibleGroupField()
    copy_from = VisibleTemplateField(
        allow_null=True, required=False, default=None,
        help_text=_("Defaults to the template of the group's previous year, if any."),
    )


class TemplateChangeSerializer(serializers.Serializer):
    """What PATCH may change: how the ranking is computed and how many units are proposed."""

    formula = serializers.ChoiceField(FinalFormula.choices, required=False)
    weight_self = serializers.DecimalField(max_digits=5, decimal_places=2, required=False)
    weight_peer = serializers.DecimalField(max_digits=5, decimal_places=2, required=False)
    weight_leader = serializers.DecimalField(max_digits=5, decimal_places=2, required=False)
    normalise_peers = serializers.BooleanField(required=False)
    tie_breaks = serializers.ListField(child=serializers.ChoiceField(TieBreak.choices),
                                       required=False)
    deviation_threshold = serializers.DecimalField(max_digits=4, decimal_places=2,
                                                   required=False)
    self_gap_threshold = serializers.DecimalField(max_digits=4, decimal_places=3,
                                                  required=False)
    flag_count = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    merit_count = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    notes = serializers.CharField(allow_blank=True, required=False)


class CriterionCreateSerializer(serializers.Serializer):
    template = VisibleTemplateField()
    parent = serializers.PrimaryKeyRelatedField(
        queryset=Criterion.objects.all(), allow_null=True, required=False, default=None,
        help_text=_("A section of the same template."),
    )
    kind = serializers.ChoiceField(CriterionKind.choices)
    code = serializers.CharField(max_length=16, allow_blank=True, required=False, default="")
    title = serializers.CharField()
    max_points = serializers.DecimalField(max_digits=7, decimal_places=2, min_value=0)
    evidence_required = serializers.BooleanField(required=False, default=False)
    guidance = serializers.CharField(allow_blank=True, required=False, default="")


class CriterionChangeSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=16, allow_blank=True, required=False)
    title = serializers.CharField(required=False)
    kind = serializers.ChoiceField(CriterionKind.choices, required=False)
    max_points = serializers.DecimalField(max_digits=7, decimal_places=2, min_value=0,
                                          required=False)
    position = serializers.IntegerField(min_value=0, required=False)
    evidence_required = serializers.BooleanField(required=False)
    guidance = serializers.CharField(allow_blank=True, required=False)


class ProgressSerializer(serializers.Serializer):
    entered = serializers.IntegerField(help_text=_("Scores entered so far."))
    expected = serializers.IntegerField(help_text=_("Scores the pass needs from every unit."))


class MissingSerializer(serializers.Serializer):
    scorer = serializers.IntegerField()
    subject = serializers.IntegerField()
    missing = serializers.IntegerField(help_text=_("Criteria not scored yet."))
    evidence_missing = serializers.IntegerField(
        help_text=_("Scores given without the evidence their criterion requires."))


class PassSerializer(serializers.ModelSerializer):
    progress = serializers.SerializerMethodField()

    class Meta:
        model = ScoringPass
        fields = ["id", "kind", "deadline", "opened_at", "closed_at", "missing_reason",
                  "missing_count", "reminded_at", "progress"]
        read_only_fields = fields

    def get_progress(self, scoring_pass) -> ProgressSerializer:
        return {"entered": scoring_pass.entered, "expected": self._expected(scoring_pass)}

    def _expected(self, scoring_pass) -> int:
        members, criteria = scoring_pass.round.member_count, scoring_pass.round.criterion_count
        sheets = members * (members - 1) if scoring_pass.kind == PassKind.PEER else members
        return sheets * criteria


class RoundSerializer(serializers.ModelSerializer):
    group = serializers.IntegerField(source="template.group_id", read_only=True)
    year = serializers.IntegerField(source="template.group.year", read_only=True)
    passes = PassSerializer(many=True, read_only=True)

    class Meta:
        model = ScoringRound
        fields = ["id", "template", "group", "year", "period", "state", "revision", "passes"]
        read_only_fields = fields


class RoundDetailSerializer(RoundSerializer):
    missing = MissingSerializer(
        many=True, read_only=True,
        help_text=_("Who has not finished the open pass (counts only, never values)."),
    )

    class Meta(RoundSerializer.Meta):
        fields = [*RoundSerializer.Meta.fields, "missing"]


class DeadlinesSerializer(serializers.Serializer):
    self = serializers.DateField(required=False)
    peer = serializers.DateField(required=False)
    leader = serializers.DateField(required=False)


class RoundOpenSerializer(serializers.Serializer):
    template = VisibleTemplateField()
    period = serializers.ChoiceField(RoundPeriod.choices)
    deadlines = DeadlinesSerializer(required=False, default=dict)


class AdvanceSerializer(serializers.Serializer):
    missing_reason = serializers.CharField(
        allow_blank=True, required=False, default="",
        help_text=_("Why the pass may close with scores missing."),
    )


class PublishSerializer(serializers.Serializer):
    confirmation = serializers.CharField(help_text=_('Type "CÔNG BỐ" to publish.'))


class CorrectionSerializer(serializers.Serializer):
    reason = serializers.CharField()


class RemindersSentSerializer(serializers.Serializer):
    sent = serializers.IntegerField(help_text=_("Reminders mailed."))


class ScoreSerializer(serializers.ModelSerializer):
    has_evidence = serializers.SerializerMethodField()

    class Meta:
        model = Score
        fields = ["id", "kind", "scorer", "subject", "criterion", "points", "abstained",
                  "reason", "note", "has_evidence", "entered_at"]
        read_only_fields = fields

    def get_has_evidence(self, score) -> bool:
        return bool(score.evidence)


class MemberUnitField(serializers.PrimaryKeyRelatedField):
    """A member unit of the group of the template in ``context["template"]``."""

    queryset = Unit.objects.all()

    def get_queryset(self):
        return Unit.objects.filter(memberships__group=self.context["template"].group_id)


class ScoreRowSerializer(serializers.Serializer):
    criterion = TemplateCriterionField()
    points = serializers.DecimalField(max_digits=7, decimal_places=2, allow_null=True,
                                      required=False, default=None)
    abstained = serializers.BooleanField(required=False, default=False)
    reason = serializers.CharField(allow_blank=True, required=False, default="")
    note = serializers.CharField(allow_blank=True, required=False, default="")


class SheetSerializer(serializers.Serializer):
    """One scorer's sheet of one subject unit in one pass."""

    scoring_pass = serializers.ChoiceField(PassKind.choices, source="pass_kind")
    scorer = MemberUnitField()
    subject = MemberUnitField()
    rows = ScoreRowSerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["pass"] = fields.pop("scoring_pass")  # "pass" is a Python keyword
        return fields


class StepSerializer(serializers.Serializer):
    key = serializers.CharField()
    params = serializers.DictField()
    text = serializers.CharField(help_text=_("The step as the staff pages word it."))


class FlagSerializer(serializers.Serializer):
    code = serializers.CharField()
    params = serializers.DictField()
    label = serializers.CharField()
    detail = serializers.CharField(help_text=_("The flag as the staff pages word it."))


class PeerScoreSerializer(serializers.Serializer):
    scorer = serializers.IntegerField()
    total = serializers.DecimalField(max_digits=9, decimal_places=3)
    normalised = serializers.DecimalField(max_digits=9, decimal_places=3, allow_null=True)


class UnitRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "code", "name"]
        read_only_fields = fields


DECIMAL = {"max_digits": 9, "decimal_places": 3, "allow_null": True}


class ResultSerializer(serializers.Serializer):
    unit = UnitRefSerializer()
    rank = serializers.IntegerField()
    final = serializers.DecimalField(**DECIMAL)
    self_total = serializers.DecimalField(**DECIMAL)
    peer_mean = serializers.DecimalField(**DECIMAL)
    peer_normalised_mean = serializers.DecimalField(**DECIMAL)
    leader_total = serializers.DecimalField(**DECIMAL)
    bonus = serializers.DecimalField(**DECIMAL)
    penalty = serializers.DecimalField(**DECIMAL)
    peer_scores = PeerScoreSerializer(many=True)
    abstentions = serializers.ListField(
        child=serializers.IntegerField(),
        help_text=_("Scorers who abstained on a criterion (left out of the peer mean)."))
    steps = StepSerializer(many=True, help_text=_("How the final score was computed."))
    flags = FlagSerializer(many=True)


class RankingSerializer(serializers.Serializer):
    round = serializers.IntegerField()
    preview = serializers.BooleanField(
        help_text=_("Computed now from the scores, not published (managers only).")
    )
    revision = serializers.IntegerField(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    results = ResultSerializer(many=True)


class RevisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = RankingRevision
        fields = ["id", "number", "published_at", "published_by", "reason"]
        read_only_fields = fields


class ProposalSerializer(serializers.ModelSerializer):
    round = serializers.IntegerField(source="revision.round_id", read_only=True)
    revision_number = serializers.IntegerField(source="revision.number", read_only=True)
    honor = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Proposal
        fields = ["id", "round", "revision", "revision_number", "unit", "honor", "rank",
                  "state", "note"]
        read_only_fields = fields


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField()


class VoteSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProposalVote
        fields = ["proposal", "agree", "disagree", "abstain", "approved"]
        read_only_fields = fields


class ReviewSerializer(serializers.ModelSerializer):
    has_minutes = serializers.SerializerMethodField()
    votes = VoteSerializer(many=True, read_only=True)

    class Meta:
        model = YearEndReview
        fields = ["group", "held_on", "venue", "chaired_by", "participants", "guests",
                  "results", "directions", "handover", "has_minutes", "votes"]
        read_only_fields = fields

    def get_has_minutes(self, review) -> bool:
        return bool(review.minutes)


class ReviewRecordingSerializer(serializers.Serializer):
    """The review as a whole (PUT): what is left out is cleared. The group's recorded
    leadership handover is linked; minutes are not sent here."""

    held_on = serializers.DateField()
    venue = serializers.CharField(allow_blank=True, required=False, default="")
    chaired_by = serializers.CharField(allow_blank=True, required=False, default="")
    participants = serializers.ListField(child=VisibleUnitField(), required=False, default=list,
                                         help_text=_("The member units present."))
    guests = serializers.CharField(allow_blank=True, required=False, default="")
    results = serializers.CharField(allow_blank=True, required=False, default="")
    directions = serializers.CharField(allow_blank=True, required=False, default="")


class VisibleProposalField(serializers.PrimaryKeyRelatedField):
    queryset = Proposal.objects.all()

    def get_queryset(self):
        rounds = rounds_visible_to(self.context["request"].user)
        return Proposal.objects.filter(revision__round__in=rounds)


class VoteRecordingSerializer(serializers.Serializer):
    proposal = VisibleProposalField()
    agree = serializers.IntegerField(min_value=0)
    disagree = serializers.IntegerField(min_value=0, required=False, default=0)
    abstain = serializers.IntegerField(min_value=0, required=False, default=0)

