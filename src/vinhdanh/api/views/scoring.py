"""Group scoring through the API: tables, rounds and their passes, score sheets, the ranking,
proposals and the year-end review. Reads go through the scoring queries (``visible_to``),
object actions through the scoring rules, writes through the scoring services."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action

# DRF's get_object_or_404 answers 404, not 500, for an id that is not a number.
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from vinhdanh.api.serializers import scoring as s
from vinhdanh.api.serializers.scoring_filters import (
    ProposalFilter,
    RoundFilter,
    ScoreFilter,
    TemplateFilter,
)
from vinhdanh.api.views.base import ServiceViewSet
from vinhdanh.api.views.uploads import ReviewMinutesActions, ScoreEvidenceActions
from vinhdanh.core.errors import DomainError
from vinhdanh.organisations.models import EmulationGroup, GroupMembership
from vinhdanh.scoring import queries
from vinhdanh.scoring.enums import CriterionKind, RoundState
from vinhdanh.scoring.explain import FLAG_LABELS, Names, describe_flag, describe_step
from vinhdanh.scoring.models import (
    Criterion,
    Proposal,
    RankingRevision,
    Score,
    ScoringPass,
    YearEndReview,
)
from vinhdanh.scoring.ranking.codec import encode
from vinhdanh.scoring.services import (
    passes,
    proposals,
    publication,
    ranking,
    reminders,
    reviews,
    scores,
    templates,
)

MANAGE = "scoring.manage_round"
NOT_PUBLISHED = OpenApiResponse(
    description=_("The ranking is not published yet (managers see a preview).")
)


@extend_schema_view(
    list=extend_schema(parameters=[TemplateFilter]),
    retrieve=extend_schema(responses=s.TemplateDetailSerializer),
    create=extend_schema(request=s.TemplateCreateSerializer,
                         responses={201: s.TemplateDetailSerializer}),
)
class TemplateViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ServiceViewSet):
    """A group's scoring table for its year, and how its ranking is computed."""

    serializer_class = s.TemplateSerializer
    filter_class = TemplateFilter
    object_perms = {"partial_update": "scoring.change_template"}

    def get_queryset(self):
        return queries.templates_visible_to(self.request.user).order_by("-group__year", "id")

    def retrieve(self, request, pk=None):
        """The settings and the criteria table."""
        return self._detail(self.get_object())

    def create(self, request):
        """Creates the table of a group, copied from last year's (or from ``copy_from``)."""
        data = s.TemplateCreateSerializer(data=request.data, context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        self.require("scoring.add_template", data.validated_data["group"])
        template = templates.create_template(actor=request.user, **data.validated_data)
        return self._detail(template, status.HTTP_201_CREATED)

    @extend_schema(request=s.TemplateChangeSerializer, responses=s.TemplateDetailSerializer)
    def partial_update(self, request, pk=None):
        """Changes how the ranking is computed (until the criteria are locked)."""
        template = self.get_object()
        change = s.TemplateChangeSerializer(data=request.data, partial=True)
        change.is_valid(raise_exception=True)
        templates.update_template(template, actor=request.user, **change.validated_data)
        return self._detail(template)

    def _detail(self, template, status_code=status.HTTP_200_OK) -> Response:
        template.locked = templates.template_locked(template)
        template.max_total = templates.max_total(template)
        template.tree = [_at_depth(criterion, depth)
                         for criterion, depth in templates.criteria_tree(template)]
        data = s.TemplateDetailSerializer(template, context=self.get_serializer_context()).data
        return Response(data, status=status_code)


def _at_depth(criterion, depth):
    criterion.depth = depth
    return criterion


class CriterionViewSet(ServiceViewSet):
    """Rows of a scoring table: sections, criteria, bonus and penalty items."""

    serializer_class = s.CriterionSerializer
    http_method_names = ["post", "patch", "delete", "options"]
    object_perms = dict.fromkeys(["partial_update", "destroy"], "scoring.change_template")

    def get_queryset(self):
        visible = queries.templates_visible_to(self.request.user)
        return Criterion.objects.filter(template__in=visible).select_related("template__group")

    def check_object_permissions(self, request, criterion):
        super().check_object_permissions(request, criterion.template)

    @extend_schema(request=s.CriterionCreateSerializer, responses={201: s.CriterionSerializer})
    def create(self, request):
        """Adds a row to a table whose criteria are not locked yet."""
        data = s.CriterionCreateSerializer(data=request.data,
                                           context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        template = fields.pop("template")
        self.require("scoring.change_template", template)
        criterion = templates.add_criterion(template, actor=request.user, **fields)
        return Response(_row(criterion), status=status.HTTP_201_CREATED)

    @extend_schema(request=s.CriterionChangeSerializer, responses=s.CriterionSerializer)
    def partial_update(self, request, pk=None):
        """Changes a row (until the criteria are locked)."""
        criterion = self.get_object()
        change = s.CriterionChangeSerializer(data=request.data, partial=True)
        change.is_valid(raise_exception=True)
        templates.update_criterion(criterion, actor=request.user, **change.validated_data)
        return Response(_row(criterion))

    def destroy(self, request, pk=None):
        """Deletes a row, and the rows of a section with it."""
        templates.delete_criterion(self.get_object(), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _row(criterion) -> dict:
    depths = {node.pk: depth for node, depth in templates.criteria_tree(criterion.template)}
    return s.CriterionSerializer(_at_depth(criterion, depths[criterion.pk])).data


def _member_count():
    members = GroupMembership.objects.filter(group=OuterRef("template__group_id"))
    return Coalesce(Subquery(members.order_by().values("group").annotate(n=Count("pk"))
                             .values("n")[:1], output_field=IntegerField()), 0)


def _criterion_count():
    scored = Criterion.objects.filter(template=OuterRef("template_id")).exclude(
        kind=CriterionKind.SECTION)
    return Coalesce(Subquery(scored.order_by().values("template").annotate(n=Count("pk"))
                             .values("n")[:1], output_field=IntegerField()), 0)


@extend_schema_view(
    list=extend_schema(parameters=[RoundFilter]),
    retrieve=extend_schema(responses=s.RoundDetailSerializer),
    create=extend_schema(request=s.RoundOpenSerializer, responses={201: s.RoundDetailSerializer}),
)
class RoundViewSet(ScoreEvidenceActions, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                   ServiceViewSet):
    """Mid-year and year-end scorings of a group: the self, peer and leader passes, then the
    published ranking."""

    serializer_class = s.RoundSerializer
    filter_class = RoundFilter
    object_perms = dict.fromkeys(["advance", "publish", "correction", "reminders"], MANAGE)

    def get_queryset(self):
        entered = ScoringPass.objects.annotate(entered=Count("scores")).order_by("id")
        return (
            queries.rounds_visible_to(self.request.user)
            .annotate(member_count=_member_count(), criterion_count=_criterion_count())
            .prefetch_related(Prefetch("passes", entered))
            .order_by("-template__group__year", "template_id", "period")
        )

    def retrieve(self, request, pk=None):
        """The round, its passes, and who has not finished the open pass."""
        return self._detail(self.get_object())

    def create(self, request):
        """Opens a round of a template: its three passes, the self pass open."""
        data = s.RoundOpenSerializer(data=request.data, context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        template, period = data.validated_data["template"], data.validated_data["period"]
        self.require(MANAGE, template)
        scoring_round = passes.open_round(template, actor=request.user, period=period,
                                          deadlines=data.validated_data["deadlines"] or None)
        return self._detail(scoring_round, status.HTTP_201_CREATED)

    def _detail(self, scoring_round, status_code=status.HTTP_200_OK) -> Response:
        scoring_round = self.get_queryset().get(pk=scoring_round.pk)  # fresh passes and counts
        open_pass = queries.current_pass(scoring_round)
        scoring_round.missing = [_missing(row) for row in passes.missing_scores(open_pass)] \
            if open_pass else []
        data = s.RoundDetailSerializer(scoring_round, context=self.get_serializer_context()).data
        return Response(data, status=status_code)

    @extend_schema(responses=s.RoundDetailSerializer)
    @action(detail=True, methods=["post"], serializer_class=s.AdvanceSerializer)
    def advance(self, request, pk=None):
        """Closes the open pass and opens the next (self → peer → leader → closed)."""
        scoring_round = self.get_object()
        passes.advance_round(scoring_round, actor=request.user, **self.validated_input())
        return self._detail(scoring_round)

    @extend_schema(responses={201: s.RevisionSerializer})
    @action(detail=True, methods=["post"], serializer_class=s.PublishSerializer)
    def publish(self, request, pk=None):
        """Publishes the ranking of a closed round; nothing in it changes afterwards."""
        revision = publication.publish_round(self.get_object(), actor=request.user,
                                             **self.validated_input())
        return Response(s.RevisionSerializer(revision).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=s.RoundDetailSerializer)
    @action(detail=True, methods=["post"], serializer_class=s.CorrectionSerializer)
    def correction(self, request, pk=None):
        """Reopens the leader pass of a published round; publishing again makes a revision."""
        scoring_round = self.get_object()
        publication.start_correction(scoring_round, actor=request.user, **self.validated_input())
        return self._detail(scoring_round)

    @extend_schema(request=None, responses=s.RemindersSentSerializer)
    @action(detail=True, methods=["post"])
    def reminders(self, request, pk=None):
        """Mails the clerks of the units whose scores in the open pass are missing."""
        scoring_round = self.get_object()
        open_pass = queries.current_pass(scoring_round)
        if open_pass is None:
            raise DomainError(gettext("This scoring pass is not open."))
        return Response({"sent": reminders.send_reminders(open_pass, actor=request.user)})

    @extend_schema(request=s.SheetSerializer, responses=s.ScoreSerializer(many=True))
    @action(detail=True, methods=["post"], serializer_class=s.SheetSerializer)
    def sheet(self, request, pk=None):
        """Records one scorer's sheet of one unit in a pass (all rows or none)."""
        scoring_round = self.get_object()
        self.require("scoring.enter_scores", scoring_round)
        sheet = s.SheetSerializer(data=request.data, context={
            **self.get_serializer_context(), "template": scoring_round.template})
        sheet.is_valid(raise_exception=True)
        data = dict(sheet.validated_data)
        scoring_pass = queries.pass_of(scoring_round, data.pop("pass_kind"))
        rows = scores.record_sheet(scoring_pass, actor=request.user, **data)
        return Response(s.ScoreSerializer(rows, many=True).data)

    @extend_schema(responses={200: s.RankingSerializer, 403: NOT_PUBLISHED})
    @action(detail=True, methods=["get"], serializer_class=s.RankingSerializer)
    def ranking(self, request, pk=None):
        """The ranking with, for each unit, how its final score was computed and its flags:
        the published one, or a preview for the group's managers while scoring goes on."""
        scoring_round = self.get_object()
        self.require("scoring.view_ranking", scoring_round)
        body = _ranking(scoring_round, preview=_previews(request.user, scoring_round))
        return Response(s.RankingSerializer(body).data)

    @extend_schema(responses={200: s.RevisionSerializer(many=True), 403: NOT_PUBLISHED})
    @action(detail=True, methods=["get"], serializer_class=s.RevisionSerializer,
            pagination_class=None)
    def revisions(self, request, pk=None):
        """The published revisions, newest first, with the reason of each correction."""
        scoring_round = self.get_object()
        self.require("scoring.view_ranking", scoring_round)
        rows = RankingRevision.objects.filter(round=scoring_round).order_by("-number")
        return Response(s.RevisionSerializer(rows, many=True).data)


def _missing(row) -> dict:
    return {"scorer": row.scorer.pk, "subject": row.subject.pk, "missing": row.missing,
            "evidence_missing": row.evidence_missing}


def _previews(user, scoring_round) -> bool:
    return scoring_round.state != RoundState.PUBLISHED and user.has_perm(MANAGE, scoring_round)


def _ranking(scoring_round, *, preview: bool) -> dict:
    revision = None if preview else publication.latest_revision(scoring_round)
    if preview or revision is None:
        results = ranking.compute_ranking(scoring_round) if preview else []
    else:
        results = ranking.results_from_json(revision.results)
    units = {m.unit_id: m.unit for m in GroupMembership.objects.filter(
        group_id=scoring_round.template.group_id).select_related("unit")}
    names = Names(units, {c.pk: c for c in scoring_round.template.criteria.all()})
    return {"round": scoring_round.pk, "preview": preview,
            "revision": revision.number if revision else None,
            "published_at": revision.published_at if revision else None,
            "results": [_result(result, units, names) for result in results]}


def _result(result, units: dict, names: Names) -> dict:
    normalised = result.peer_scores_normalised
    peers = [{"scorer": scorer, "total": total, "normalised": normalised.get(scorer)}
             for scorer, total in sorted(result.peer_scores.items())]
    return {
        **{name: getattr(result, name) for name in (
            "rank", "final", "self_total", "peer_mean", "peer_normalised_mean", "leader_total",
            "bonus", "penalty", "abstentions")},
        "unit": units[result.unit_id], "peer_scores": peers,
        "steps": [{"key": step[0], "params": encode(step[1]), "text": describe_step(step, names)}
                  for step in result.steps],
        "flags": [{"code": flag.code, "params": encode(flag.params),
                   "label": str(FLAG_LABELS.get(flag.code, flag.code)),
                   "detail": describe_flag(flag, names)["detail"]} for flag in result.flags],
    }


@extend_schema_view(list=extend_schema(parameters=[ScoreFilter]))
class ScoreViewSet(mixins.ListModelMixin, ServiceViewSet):
    """Scores of one round, as far as the user may read them: during the open peer pass no
    one but the scoring unit sees its peer values."""

    serializer_class = s.ScoreSerializer
    filter_class = ScoreFilter

    def get_queryset(self):
        # The round comes from the query string (ScoreFilter.apply); none without it.
        return Score.objects.none()

    def filter_queryset(self, queryset):
        params = ScoreFilter(data=self.request.query_params.dict(),
                             context=self.get_serializer_context())
        params.is_valid(raise_exception=True)
        scoring_round = params.validated_data["round"]
        visible = queries.scores_visible_to(self.request.user, scoring_round)
        return params.apply(visible.order_by("kind", "scorer_id", "subject_id", "criterion_id"),
                            params.validated_data)


@extend_schema_view(list=extend_schema(parameters=[ProposalFilter]))
class ProposalViewSet(mixins.ListModelMixin, ServiceViewSet):
    """Units a published ranking proposes for the Cờ thi đua and the Bằng khen."""

    serializer_class = s.ProposalSerializer
    filter_class = ProposalFilter

    def get_queryset(self):
        rounds = queries.rounds_visible_to(self.request.user)
        return (Proposal.objects.filter(revision__round__in=rounds)
                .select_related("revision", "honor").order_by("revision_id", "rank", "id"))

    @extend_schema(responses=s.ProposalSerializer)
    @action(detail=True, methods=["post"], serializer_class=s.WithdrawSerializer)
    def withdraw(self, request, pk=None):
        """Withdraws a proposal, with the reason."""
        proposal = self.get_object()
        self.require(MANAGE, proposal.revision.round)
        proposals.withdraw_proposal(proposal, actor=request.user, **self.validated_input())
        return Response(s.ProposalSerializer(proposal).data)


NO_REVIEW = OpenApiResponse(description=_("No such group, or no review recorded for it."))


class ReviewViewSet(ReviewMinutesActions, ServiceViewSet):
    """The year-end review meeting of a group (``{group}`` is the group's id) and its votes
    on the proposals."""

    queryset = YearEndReview.objects.all()  # names the model for the schema
    serializer_class = s.ReviewSerializer
    lookup_field = "group"
    http_method_names = ["get", "put", "post", "options"]

    def _group(self, perm: str) -> EmulationGroup:
        groups = EmulationGroup.objects.visible_to(self.request.user)
        group = get_object_or_404(groups, pk=self.kwargs["group"])
        self.require(perm, group)
        return group

    def _review(self, group, status_code=status.HTTP_200_OK) -> Response:
        review = get_object_or_404(
            YearEndReview.objects.prefetch_related("participants", "votes"), group=group)
        return Response(s.ReviewSerializer(review).data, status=status_code)

    @extend_schema(responses={200: s.ReviewSerializer, 404: NO_REVIEW})
    def retrieve(self, request, group=None):
        """The review of the group's year, with the votes on its proposals."""
        return self._review(self._group("scoring.view_review"))

    @extend_schema(request=s.ReviewRecordingSerializer, responses=s.ReviewSerializer)
    def update(self, request, group=None):
        """Records the review (creates it, or replaces what was recorded)."""
        group = self._group("scoring.record_review")
        data = s.ReviewRecordingSerializer(data=request.data,
                                           context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        reviews.record_review(group, actor=request.user, **data.validated_data)
        return self._review(group)

    @extend_schema(request=s.VoteRecordingSerializer,
                   responses={200: s.ReviewSerializer, 404: NO_REVIEW})
    @action(detail=True, methods=["post"], serializer_class=s.VoteRecordingSerializer)
    def votes(self, request, group=None):
        """Records the meeting's vote on one of the group's proposals."""
        group = self._group("scoring.record_review")
        review = get_object_or_404(YearEndReview, group=group)
        data = s.VoteRecordingSerializer(data=request.data, context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        reviews.record_vote(review, actor=request.user, **data.validated_data)
        return self._review(group)
