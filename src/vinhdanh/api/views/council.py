"""The council: its members, its sessions (attendance, agenda, quorum) and the secret ballot on
each agenda item.

Sessions and items are read through ``CouncilSession.objects.visible_to(user)`` (the board
and the session's members; others get 404). Managing them asks ``council.manage_session``
(403); the services check it again. A member votes for himself through ``vote/``; the
answer, like every answer here, says how many have voted and never who chose what. Service
refusals (quorum not met, tally asked before closing, not a member) are 400 with the
translated message.
"""

from django.db.models import Count, Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from vinhdanh.api.serializers import council as s
from vinhdanh.api.views.base import ServiceViewSet
from vinhdanh.council.models import AgendaItem, Attendance, CouncilMember, CouncilSession, Recusal
from vinhdanh.council.services import ballots, members, sessions

MANAGE = "council.manage_session"
REFUSED = OpenApiResponse(description=_("Refused by the council's rules; ``non_field_errors`` "
                                        "says why."))
NOT_CLOSED = OpenApiResponse(description=_("Voting on the item is not closed yet: the tally "
                                           "is not shown."))


def sees_council(user) -> bool:
    """The board, and whoever is or was a member of the council."""
    return user.has_perm(MANAGE) or CouncilMember.objects.filter(user=user).exists()


# -- members -------------------------------------------------------------------------------

class CouncilMemberViewSet(mixins.ListModelMixin, ServiceViewSet):
    """The council's members per term (chair, vice-chairs, members), for the board and the
    members."""

    serializer_class = s.CouncilMemberSerializer
    filter_backends: list = []
    action_perms = {"create": MANAGE, "end_term": MANAGE}
    object_perms = {"end_term": MANAGE}

    def get_queryset(self):
        rows = CouncilMember.objects.order_by("term_start", "role", "name", "id")
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return rows
        return rows if sees_council(self.request.user) else rows.none()

    def list(self, request, *args, **kwargs):
        if not sees_council(request.user):
            self.permission_denied(request)
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={201: s.CouncilMemberSerializer, 400: REFUSED})
    def create(self, request):
        """Adds a member for a term."""
        member = members.add_member(actor=request.user, **self.validated_input())
        return Response(s.CouncilMemberSerializer(member).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: s.CouncilMemberSerializer, 400: REFUSED})
    @action(detail=True, methods=["post"], url_path="end-term",
            serializer_class=s.EndTermSerializer)
    def end_term(self, request, pk=None):
        """Ends the membership on ``term_end`` (past sessions keep their members)."""
        member = members.end_term(self.get_object(), actor=request.user,
                                  **self.validated_input())
        return Response(s.CouncilMemberSerializer(member).data)


# -- sessions ------------------------------------------------------------------------------

class CouncilSessionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ServiceViewSet):
    """Council sessions the user sees, with their attendance list."""

    serializer_class = s.CouncilSessionSerializer
    filter_backends: list = []
    action_perms = {"create": MANAGE}
    object_perms = dict.fromkeys(["attendance", "agenda", "open"], MANAGE)

    def get_queryset(self):
        attendance = Attendance.objects.select_related("member").order_by(
            "member__term_start", "member__role", "member__name", "member_id")
        return (CouncilSession.objects.visible_to(self.request.user)
                .prefetch_related(Prefetch("attendance", attendance)))

    def respond(self, session, status_code=status.HTTP_200_OK) -> Response:
        session = self.get_queryset().get(pk=session.pk)
        return Response(s.CouncilSessionSerializer(session).data, status=status_code)

    @extend_schema(responses={201: s.CouncilSessionSerializer, 400: REFUSED})
    def create(self, request):
        """Prepares a session; every member in office on its day is on the attendance list."""
        session = sessions.create_session(actor=request.user, **self.validated_input())
        return self.respond(session, status.HTTP_201_CREATED)

    @extend_schema(responses={200: s.CouncilSessionSerializer, 400: REFUSED})
    @action(detail=True, methods=["post"], serializer_class=s.AttendanceSerializer)
    def attendance(self, request, pk=None):
        """Records a member as present or absent."""
        session = self.get_object()
        data = self.validated_input()
        sessions.record_attendance(session, data["member"], present=data["present"],
                                   actor=request.user)
        return self.respond(session)

    @extend_schema(responses={201: s.AgendaItemSerializer(many=True), 400: REFUSED})
    @action(detail=True, methods=["post"], serializer_class=s.AgendaSerializer)
    def agenda(self, request, pk=None):
        """Puts dossiers ready for the council on the agenda (all or none)."""
        added = sessions.add_to_agenda(self.get_object(), self.validated_input()["nominations"],
                                       actor=request.user)
        rows = item_rows().filter(pk__in=[item.pk for item in added])
        return Response(s.AgendaItemSerializer(rows, many=True).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: s.CouncilSessionSerializer, 400: REFUSED})
    @action(detail=True, methods=["post"])
    def open(self, request, pk=None):
        """Opens the session once the members present reach the quorum."""
        return self.respond(sessions.open_session(self.get_object(), actor=request.user))

    @extend_schema(request=None, responses=s.QuorumSerializer)
    @action(detail=True, methods=["get"], serializer_class=s.QuorumSerializer)
    def quorum(self, request, pk=None):
        """Members present, members in office, and how many must be present (rule pack)."""
        found = sessions.quorum(self.get_object())
        return Response(s.QuorumSerializer(found).data)


# -- agenda items --------------------------------------------------------------------------

def item_rows():
    recusals = Recusal.objects.select_related("member").order_by("member__name", "id")
    return (AgendaItem.objects
            .select_related("nomination__honor", "nomination__person__unit",
                            "nomination__unit__parent", "nomination__household__unit")
            .annotate(voted_count=Count("receipts"))
            .prefetch_related(Prefetch("recusals", recusals))
            .order_by("session", "position", "id"))


ITEM_MANAGE = ["open_voting", "close_voting", "recusal", "written_vote"]


class AgendaItemViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ServiceViewSet):
    """Dossiers on the agenda of the sessions the user sees, and their secret ballots."""

    serializer_class = s.AgendaItemSerializer
    filter_class = s.ItemFilter
    object_perms = dict.fromkeys(ITEM_MANAGE, MANAGE)

    def get_queryset(self):
        visible = CouncilSession.objects.visible_to(self.request.user)
        return item_rows().filter(session__in=visible)

    def respond(self, item) -> Response:
        return Response(s.AgendaItemSerializer(self.get_queryset().get(pk=item.pk)).data)

    @extend_schema(parameters=[s.ItemFilter])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=None, responses={200: s.AgendaItemSerializer, 400: REFUSED})
    @action(detail=True, methods=["post"], url_path="open-voting")
    def open_voting(self, request, pk=None):
        """Opens the ballot; members of the nominee's own unit are recused."""
        return self.respond(ballots.open_voting(self.get_object(), actor=request.user))

    @extend_schema(request=None, responses={200: s.AgendaItemSerializer, 400: REFUSED})
    @action(detail=True, methods=["post"], url_path="close-voting")
    def close_voting(self, request, pk=None):
        """Closes the ballot: the tally is stored and the dossier approved or refused."""
        item = self.get_object()
        ballots.close_voting(item, actor=request.user)
        return self.respond(item)

    @extend_schema(responses={200: s.AgendaItemSerializer, 400: REFUSED})
    @action(detail=True, methods=["post"], serializer_class=s.RecusalSerializer)
    def recusal(self, request, pk=None):
        """Records that a member does not take part in this vote, and why."""
        item = self.get_object()
        sessions.declare_recusal(item, actor=request.user, **self.validated_input())
        return self.respond(item)

    @extend_schema(responses={200: s.AgendaItemSerializer, 400: REFUSED})
    @action(detail=True, methods=["post"], url_path="written-vote",
            serializer_class=s.WrittenVoteSerializer)
    def written_vote(self, request, pk=None):
        """Enters the sealed written vote of an absent member; the answer shows only how
        many have voted."""
        item = self.get_object()
        ballots.record_written_vote(item, actor=request.user, **self.validated_input())
        return self.respond(item)

    @extend_schema(responses={200: s.AgendaItemSerializer, 400: REFUSED})
    @action(detail=True, methods=["post"], serializer_class=s.VoteSerializer)
    def vote(self, request, pk=None):
        """Casts the requesting member's secret ballot; the answer shows only how many have
        voted."""
        item = self.get_object()
        ballots.cast_ballot(item, user=request.user, choice=self.validated_input()["choice"])
        return self.respond(item)

    @extend_schema(request=None, responses={200: s.TallySerializer, 400: NOT_CLOSED})
    @action(detail=True, methods=["get"], serializer_class=s.TallySerializer)
    def tally(self, request, pk=None):
        """The result of a closed ballot: counts, the members counted and the votes needed."""
        return Response(s.TallySerializer(ballots.tally(self.get_object())).data)
