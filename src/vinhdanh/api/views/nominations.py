"""Submission batches, nominations, dossier files, public notices and comments, and the
timeliness figures: the services, ``visible_to`` querysets and rules of the staff pages.

Reads go through ``visible_to(user)`` (others are 404); batch actions ask the batch rules;
transitions are the workflow functions, which check their own rules (403) and refuse a
dossier moved since the client read it (409, see ``StaleVersion``).
"""

from collections import Counter

from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response

from vinhdanh.api.schema import ApiAutoSchema
from vinhdanh.api.serializers import nominations as s
from vinhdanh.api.views.base import ServiceViewSet
from vinhdanh.api.views.uploads import STORED_FILE, file_response
from vinhdanh.core.audit import history_of
from vinhdanh.core.errors import DomainError
from vinhdanh.core.workdays import Calendar
from vinhdanh.nominations.enums import EDITABLE_STATES, FINAL_STATES
from vinhdanh.nominations.models import (
    Nomination,
    NominationBatch,
    NominationDocument,
    PublicComment,
    PublicNotice,
)
from vinhdanh.nominations.services import batches, comments, documents, eligibility, workflow
from vinhdanh.nominations.services.requirements import missing_documents

CHANGE_BATCH = "nominations.change_nominationbatch"
MODERATE = "nominations.moderate_comment"
STALE = OpenApiResponse(description=_("The dossier was moved since the version you sent: "
                                      "``detail`` says who moved it and where it is now."))
NO_FILE = OpenApiResponse(description=_("No such file, or not one you can see."))


class StaleVersion(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Someone else changed this dossier; reload it.")
    default_code = "stale_version"


# -- batches -------------------------------------------------------------------------------

def _decorate_batches(rows) -> list:
    """Sets ``state_counts`` and ``is_editable`` on each batch with one query for them all."""
    rows = list(rows)
    counts = {row.pk: Counter() for row in rows}
    grouped = (Nomination.objects.filter(batch__in=rows).order_by()
               .values_list("batch_id", "state").annotate(n=Count("pk")))
    for batch_id, state, n in grouped:
        counts[batch_id][state] = n
    for row in rows:
        row.state_counts = dict(counts[row.pk])
        # As batches.editable: no dossier of the batch is with the board or the group.
        row.is_editable = all(state in EDITABLE_STATES | FINAL_STATES for state in counts[row.pk])
    return rows


class DecoratedMixin:
    """List and retrieve pass their rows through ``self.decorate`` (page-level queries)."""

    def list(self, request):
        page = self.decorate(self.paginate_queryset(self.filter_queryset(self.get_queryset())))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        return self.respond(self.get_object())

    def respond(self, obj, status_code=status.HTTP_200_OK):
        data = self.detail_serializer(self.decorate([obj])[0],
                                      context=self.get_serializer_context())
        return Response(data.data, status=status_code)


BATCH_ACTIONS = ("submit", "candidates", "from_proposals", "generate")


@extend_schema_view(list=extend_schema(parameters=[s.BatchFilter]))
class BatchViewSet(DecoratedMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                   ServiceViewSet):
    """Submission batches (tờ trình) of the units the user sees, with their candidates'
    states."""

    serializer_class = s.NominationBatchSerializer
    detail_serializer = s.NominationBatchSerializer
    filter_class = s.BatchFilter
    action_perms = {"create": "nominations.add_nominationbatch"}
    object_perms = {"partial_update": CHANGE_BATCH,
                    **dict.fromkeys(BATCH_ACTIONS, CHANGE_BATCH)}

    def get_queryset(self):
        return NominationBatch.objects.visible_to(self.request.user)

    def decorate(self, rows):
        return _decorate_batches(rows)

    @extend_schema(responses={201: s.NominationBatchSerializer})
    def create(self, request):
        """Starts a batch of a unit the user prepares dossiers for."""
        fields = dict(self.validated_input())
        self.require("nominations.add_nominationbatch", fields["proposing_unit"])
        batch = batches.create_batch(actor=request.user, **fields)
        return self.respond(batch, status.HTTP_201_CREATED)

    @extend_schema(request=s.BatchChangeSerializer, responses=s.NominationBatchSerializer)
    def partial_update(self, request, pk=None):
        """Changes the header while no dossier of the batch is with the board."""
        batch = self.get_object()
        change = s.BatchChangeSerializer(data=request.data, partial=True,
                                         context=self.get_serializer_context())
        change.is_valid(raise_exception=True)
        batches.update_batch(batch, dict(change.validated_data), actor=request.user)
        return self.respond(batch)

    @extend_schema(responses=s.NominationBatchSerializer)
    @action(detail=True, methods=["post"], serializer_class=s.BatchSubmitSerializer)
    def submit(self, request, pk=None):
        """Submits every draft or returned dossier of the batch (all or none)."""
        batch = self.get_object()
        workflow.submit_batch(batch, actor=request.user, **self.validated_input())
        return self.respond(batch)

    @extend_schema(responses={201: s.NominationSerializer(many=True)})
    @action(detail=True, methods=["post"], serializer_class=s.CandidatesSerializer)
    def candidates(self, request, pk=None):
        """Adds draft nominations of registry candidates for one honour (all or none)."""
        batch = self.get_object()  # the batch's rule before the input: 404/403, not 400
        data = self.validated_input()
        added = batches.add_candidates(batch, data["candidates"], data["honor"],
                                       actor=request.user)
        return self._nominations(added)

    @extend_schema(responses={201: s.NominationSerializer(many=True)})
    @action(detail=True, methods=["post"], url_path="from-proposals",
            serializer_class=s.FromProposalsSerializer)
    def from_proposals(self, request, pk=None):
        """Turns a group's published proposals into draft nominations of the batch."""
        batch = self.get_object()
        added = batches.add_from_proposals(batch, actor=request.user, **self.validated_input())
        return self._nominations(added)

    def _nominations(self, added) -> Response:
        rows = _decorate_nominations(_nomination_rows().filter(pk__in=[n.pk for n in added]),
                                     self.request.user)
        data = s.NominationSerializer(rows, many=True, context=self.get_serializer_context())
        return Response(data.data, status=status.HTTP_201_CREATED)

    @extend_schema(methods=["GET"], request=None,
                   responses=s.DossierDocumentSerializer(many=True))
    @extend_schema(methods=["POST"], responses={201: s.DossierDocumentSerializer})
    @action(detail=True, methods=["get", "post"], serializer_class=s.DossierDocumentSerializer,
            parser_classes=[MultiPartParser], pagination_class=None)
    def documents(self, request, pk=None):
        """GET lists the batch's files, current and replaced; POST uploads one (a file of
        the same kind becomes the replaced one)."""
        batch = self.get_object()
        if request.method == "GET":
            rows = NominationDocument.objects.filter(batch=batch).order_by(
                "nomination_id", "kind", "-uploaded_at", "-id")
            return Response(s.DossierDocumentSerializer(rows, many=True).data)
        self.require(CHANGE_BATCH, batch)
        data = self.validated_input()
        document = documents.attach(batch, data["kind"], data["file"], actor=request.user,
                                    nomination=data["nomination"])
        return Response(s.DossierDocumentSerializer(document).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(responses={201: s.DossierDocumentSerializer})
    @action(detail=True, methods=["post"], serializer_class=s.GenerateSerializer,
            parser_classes=[JSONParser])
    def generate(self, request, pk=None):
        """Draws a document from its Word template and attaches it as the current file."""
        from vinhdanh.nominations.services.generation import generate_and_attach

        batch = self.get_object()
        data = self.validated_input()
        document = generate_and_attach(data["kind"], batch=batch,
                                       nomination=data["nomination"], actor=request.user)
        return Response(s.DossierDocumentSerializer(document).data,
                        status=status.HTTP_201_CREATED)


# -- nominations ---------------------------------------------------------------------------

def _nomination_rows():
    return Nomination.objects.select_related(
        "honor", "batch__proposing_unit", "batch__group__organiser", "person__unit",
        "unit__parent", "household__unit")


def _decorate_nominations(rows, user) -> list:
    """Sets ``actions`` and ``overdue_days`` on each row: one calendar for the whole page."""
    rows = list(rows)
    today = timezone.localdate()
    late = [n.due_on for n in rows if n.due_on is not None and n.due_on < today]
    calendar = Calendar.load(min(late), today) if late else None
    for nomination in rows:
        nomination.actions = workflow.allowed_actions(nomination, user)
        nomination.overdue_days = calendar.working_days_between(nomination.due_on, today) \
            if calendar and nomination.due_on and nomination.due_on < today else 0
    return rows


TRANSITION_FUNCTIONS = {
    "submit": workflow.submit, "receive": workflow.receive,
    "start_group_review": workflow.start_group_review, "forward": workflow.forward,
    "return": workflow.return_nomination, "reject": workflow.reject,
    "withdraw": workflow.withdraw, "pass_to_council": workflow.pass_to_council,
}


def _transition(nomination, data: dict, actor) -> None:
    name = data["action"]
    kwargs = {"actor": actor, "expected_version": data["version"]}
    if name == "submit":
        kwargs["justification"] = data["justification"]
    if workflow.TRANSITIONS[name].needs_reason:
        kwargs["reason"] = data["reason"]
    try:
        TRANSITION_FUNCTIONS[name](nomination, **kwargs)
    except DomainError as error:
        # The workflow checks the version first: a refusal while the version differs is
        # that check's, whose message names who moved the dossier.
        if not Nomination.objects.filter(pk=nomination.pk, version=data["version"]).exists():
            raise StaleVersion(" ".join(error.messages)) from error
        raise


@extend_schema_view(list=extend_schema(parameters=[s.NominationFilter]),
                    retrieve=extend_schema(responses=s.NominationDetailSerializer))
class NominationViewSet(DecoratedMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                        ServiceViewSet):
    """Dossiers of the batches the user sees: their state, verdict and deadlines, and the
    actions the user may take on them."""

    serializer_class = s.NominationSerializer
    detail_serializer = s.NominationDetailSerializer
    filter_class = s.NominationFilter
    object_perms = {"partial_update": CHANGE_BATCH}

    def get_queryset(self):
        return _nomination_rows().visible_to(self.request.user)

    def decorate(self, rows):
        rows = _decorate_nominations(rows, self.request.user)
        if self.action != "list":  # the detail's checklist costs queries per dossier
            for nomination in rows:
                nomination.missing = missing_documents(nomination)
        return rows

    @extend_schema(request=s.NominationChangeSerializer,
                   responses=s.NominationDetailSerializer)
    def partial_update(self, request, pk=None):
        """Changes the summary or the justification while the dossier is with its unit."""
        nomination = self.get_object()
        change = s.NominationChangeSerializer(data=request.data, partial=True)
        change.is_valid(raise_exception=True)
        batches.update_nomination(nomination, dict(change.validated_data), actor=request.user)
        return self.respond(nomination)

    @extend_schema(responses={200: s.NominationDetailSerializer, 409: STALE})
    @action(detail=True, methods=["post"], serializer_class=s.TransitionSerializer)
    def transition(self, request, pk=None):
        """Moves the dossier (submit, receive, return with the reason, …); ``version`` is
        the one the client read."""
        nomination = self.get_object()
        _transition(nomination, self.validated_input(), request.user)
        return self.respond(self.get_object())

    @extend_schema(request=None, responses=s.JourneyStepSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None,
            serializer_class=s.JourneyStepSerializer)
    def journey(self, request, pk=None):
        """The dossier's steps, oldest first, with their time limits and working days."""
        steps = workflow.journey(self.get_object())
        return Response(s.JourneyStepSerializer(steps, many=True).data)

    @extend_schema(request=None, responses=s.HistoryEntrySerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None,
            serializer_class=s.HistoryEntrySerializer)
    def history(self, request, pk=None):
        """The readable action log of the dossier, newest first."""
        entries = history_of(self.get_object()).select_related("actor")
        return Response(s.HistoryEntrySerializer(entries, many=True).data)

    @extend_schema(request=None, responses=s.NominationDetailSerializer)
    @action(detail=True, methods=["post"])
    def evaluate(self, request, pk=None):
        """Runs the eligibility check again and records the verdict."""
        nomination = self.get_object()
        if not (request.user.has_perm(CHANGE_BATCH, nomination)
                or request.user.has_perm("nominations.appraise_nomination", nomination)):
            self.permission_denied(request)
        eligibility.evaluate(nomination)
        return self.respond(nomination)


# -- files ---------------------------------------------------------------------------------

class DossierDocumentViewSet(mixins.RetrieveModelMixin, ServiceViewSet):
    """A file of a dossier, seen by whoever sees its batch."""

    serializer_class = s.DossierDocumentSerializer

    def get_queryset(self):
        visible = NominationBatch.objects.visible_to(self.request.user)
        return NominationDocument.objects.filter(batch__in=visible)

    def perform_content_negotiation(self, request, force=False):
        # A download may be asked for with the file's own type, which no renderer offers.
        return super().perform_content_negotiation(
            request, force=force or self.action == "download")

    @extend_schema(request=None, responses={**STORED_FILE, 404: NO_FILE})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        """The file as an attachment, under the name it was uploaded with."""
        document = self.get_object()
        return file_response(document.file, document.name)


# -- public comment --------------------------------------------------------------------------

@extend_schema_view(create=extend_schema(request=s.NoticeCreateSerializer,
                                         responses={201: s.PublicNoticeSerializer}))
class PublicNoticeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ServiceViewSet):
    """Lists of candidates published for public comment that hold dossiers the user sees."""

    serializer_class = s.PublicNoticeSerializer
    filter_class = s.NoticeFilter
    action_perms = {"create": "nominations.appraise_nomination"}

    def get_queryset(self):
        visible = Nomination.objects.visible_to(self.request.user)
        return (PublicNotice.objects.filter(nominations__in=visible).distinct()
                .prefetch_related(Prefetch("nominations", visible.order_by("id"))))

    def create(self, request):
        """Publishes dossiers in appraisal for comment from today (lấy ý kiến nhân dân)."""
        data = s.NoticeCreateSerializer(data=request.data, context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        notice = comments.publish_notice(actor=request.user, **data.validated_data)
        notice = self.get_queryset().get(pk=notice.pk)
        return Response(s.PublicNoticeSerializer(notice).data, status=status.HTTP_201_CREATED)


class PublicCommentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ServiceViewSet):
    """Citizens' comments on published candidates, for the board to moderate and answer."""

    serializer_class = s.PublicCommentSerializer
    filter_class = s.CommentFilter
    action_perms = dict.fromkeys(["list", "retrieve"], MODERATE)
    object_perms = dict.fromkeys(["moderate", "answer"], MODERATE)

    def get_queryset(self):
        visible = Nomination.objects.visible_to(self.request.user)
        return PublicComment.objects.filter(nomination__in=visible)

    @extend_schema(responses=s.PublicCommentSerializer)
    @action(detail=True, methods=["post"], serializer_class=s.ModerateSerializer)
    def moderate(self, request, pk=None):
        """Accepts the comment (it then needs an answer) or rejects it as spam or abuse."""
        comment = comments.moderate(self.get_object(), actor=request.user,
                                    **self.validated_input())
        return Response(s.PublicCommentSerializer(comment).data)

    @extend_schema(responses=s.PublicCommentSerializer)
    @action(detail=True, methods=["post"], serializer_class=s.AnswerSerializer)
    def answer(self, request, pk=None):
        """Records the board's answer, which stays with the dossier."""
        comment = comments.answer(self.get_object(), actor=request.user,
                                  **self.validated_input())
        return Response(s.PublicCommentSerializer(comment).data)


# -- timeliness ------------------------------------------------------------------------------

class OneObjectSchema(ApiAutoSchema):
    """A ``list`` route that answers with one object, not an array."""

    def _is_list_view(self, serializer=None) -> bool:
        return False


class TimelinessViewSet(ServiceViewSet):
    """How long dossiers stay in each step, over the dossiers the user sees."""

    schema = OneObjectSchema()
    serializer_class = s.TimelinessSerializer
    filter_backends: list = []
    pagination_class = None
    action_perms = {"list": "nominations.view_timeliness"}

    @extend_schema(parameters=[s.TimelinessFilter], responses=s.TimelinessSerializer)
    def list(self, request):
        """Per step: count, median and mean working days, share within the limit; and per
        unit, honour or year (``by``): submitted, decided, overdue now."""
        from vinhdanh.nominations.services import timeliness

        params = s.TimelinessFilter(data=request.query_params.dict())
        params.is_valid(raise_exception=True)
        year, by = params.validated_data["year"], params.validated_data["by"]
        rows = Nomination.objects.visible_to(request.user)
        of_year = rows if year is None else rows.filter(batch__year=year)
        body = {"steps": timeliness.step_stats(rows, year=year),
                "breakdown": timeliness.breakdown(of_year, by)}
        return Response(s.TimelinessSerializer(body).data)
