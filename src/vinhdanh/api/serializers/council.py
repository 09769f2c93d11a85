"""The council in the API: members, sessions with their attendance, agenda items and ballots.

Secrecy: no serializer here has a member and a choice together. A ballot's input
(``VoteSerializer``, ``WrittenVoteSerializer``) is never echoed; an item shows how many have
voted (``voted``) and, only once its voting closed, the tally. Who voted (the receipts) is
not shown at all.
"""

from django.contrib.auth import get_user_model
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from vinhdanh.api.serializers.fields import IdField, VisibleUnitField
from vinhdanh.api.serializers.honors import CandidateSerializer, candidate_data
from vinhdanh.api.serializers.nominations import PlainChoiceField, VisibleNominationField
from vinhdanh.council.enums import Choice, ItemState, MemberRole, SessionState
from vinhdanh.council.models import AgendaItem, CouncilMember, CouncilSession

ROLES_HELP = format_lazy(_("One of: {values}."), values=", ".join(MemberRole.values))
SESSION_STATES_HELP = format_lazy(_("One of: {values}."), values=", ".join(SessionState.values))
ITEM_STATES_HELP = format_lazy(_("One of: {values}."), values=", ".join(ItemState.values))
CLOSED_ONLY = _("Null until voting on the item closes.")
# Read from the item only once its state is closed (see AgendaItemSerializer).
TALLY_FIELDS = ("agree", "disagree", "abstain", "needed", "voters", "rule", "approved")


class ActiveUserField(serializers.PrimaryKeyRelatedField):
    queryset = get_user_model().objects.filter(is_active=True)


class CouncilMemberRefField(serializers.PrimaryKeyRelatedField):
    queryset = CouncilMember.objects.all()


# -- members -------------------------------------------------------------------------------

class CouncilMemberSerializer(serializers.ModelSerializer):
    """A membership for a term, as read and as created (POST)."""

    user = ActiveUserField(help_text=_("The member's account."))
    role = PlainChoiceField(MemberRole.choices, help_text=ROLES_HELP)
    role_label = serializers.CharField(source="get_role_display", read_only=True)
    unit = VisibleUnitField(allow_null=True, required=False, default=None,
                            help_text=_("The member's own organisation: its nominees are "
                                        "voted on without the member."))

    class Meta:
        model = CouncilMember
        fields = ["id", "user", "name", "position", "role", "role_label", "unit",
                  "term_start", "term_end"]


class EndTermSerializer(serializers.Serializer):
    term_end = serializers.DateField()


# -- sessions ------------------------------------------------------------------------------

class AttendanceRowSerializer(serializers.Serializer):
    member = serializers.IntegerField(source="member_id")
    name = serializers.CharField(source="member.name")
    role = serializers.CharField(source="member.role")
    present = serializers.BooleanField()


class CouncilSessionSerializer(serializers.ModelSerializer):
    """A session as read (with its attendance list), and as created (POST)."""

    secretary = ActiveUserField()
    state = serializers.CharField(read_only=True, help_text=SESSION_STATES_HELP)
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    attendance = AttendanceRowSerializer(many=True, read_only=True)

    class Meta:
        model = CouncilSession
        fields = ["id", "title", "held_on", "place", "secretary", "state", "state_label",
                  "attendance"]


class AttendanceSerializer(serializers.Serializer):
    member = CouncilMemberRefField()
    present = serializers.BooleanField()


class AgendaSerializer(serializers.Serializer):
    nominations = serializers.ListField(child=VisibleNominationField(), allow_empty=False,
                                        help_text=_("Dossiers ready for the council, in "
                                                    "the order of the agenda."))


class QuorumSerializer(serializers.Serializer):
    present = serializers.IntegerField()
    members = serializers.IntegerField(help_text=_("Members in office on the session day."))
    needed = serializers.IntegerField()
    article = serializers.CharField(allow_blank=True)
    confirmed = serializers.BooleanField()
    met = serializers.BooleanField()


# -- agenda items and ballots ----------------------------------------------------------------

class RecusalRowSerializer(serializers.Serializer):
    member = serializers.IntegerField(source="member_id")
    name = serializers.CharField(source="member.name")
    reason = serializers.CharField()
    automatic = serializers.BooleanField()


class AgendaItemSerializer(serializers.ModelSerializer):
    """A dossier on an agenda. ``voted`` is how many have voted (never who or how); the
    tally and the rule applied are null until the item's voting is closed."""

    candidate = serializers.SerializerMethodField()
    honor = serializers.CharField(source="nomination.honor.code", read_only=True)
    honor_name = serializers.CharField(source="nomination.honor.name", read_only=True)
    state = serializers.CharField(read_only=True, help_text=ITEM_STATES_HELP)
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    voted = serializers.SerializerMethodField()
    recusals = RecusalRowSerializer(many=True, read_only=True)
    agree = serializers.SerializerMethodField()
    disagree = serializers.SerializerMethodField()
    abstain = serializers.SerializerMethodField()
    needed = serializers.SerializerMethodField()
    voters = serializers.SerializerMethodField()
    rule = serializers.SerializerMethodField()
    approved = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = ["id", "session", "nomination", "position", "candidate", "honor",
                  "honor_name", "state", "state_label", "voted", "recusals", *TALLY_FIELDS]
        read_only_fields = fields

    @staticmethod
    def _tally(item, name):
        # The counters are never read while voting is pending or open.
        return getattr(item, name) if item.state == ItemState.CLOSED else None

    @extend_schema_field(CandidateSerializer)
    def get_candidate(self, item) -> dict:
        return candidate_data(item.nomination.candidate)

    @extend_schema_field(serializers.IntegerField(
        help_text=_("How many members have voted so far (not who, not how).")))
    def get_voted(self, item) -> int:
        return item.voted_count

    @extend_schema_field(serializers.IntegerField(allow_null=True, help_text=CLOSED_ONLY))
    def get_agree(self, item):
        return self._tally(item, "agree")

    @extend_schema_field(serializers.IntegerField(allow_null=True, help_text=CLOSED_ONLY))
    def get_disagree(self, item):
        return self._tally(item, "disagree")

    @extend_schema_field(serializers.IntegerField(allow_null=True, help_text=CLOSED_ONLY))
    def get_abstain(self, item):
        return self._tally(item, "abstain")

    @extend_schema_field(serializers.IntegerField(allow_null=True, help_text=CLOSED_ONLY))
    def get_needed(self, item):
        return self._tally(item, "needed")

    @extend_schema_field(serializers.IntegerField(
        allow_null=True, help_text=_("Members counted for the threshold; null until voting "
                                     "closes.")))
    def get_voters(self, item):
        return self._tally(item, "voters")

    @extend_schema_field(serializers.CharField(allow_null=True, help_text=CLOSED_ONLY))
    def get_rule(self, item):
        return self._tally(item, "rule")

    @extend_schema_field(serializers.BooleanField(allow_null=True, help_text=CLOSED_ONLY))
    def get_approved(self, item):
        return self._tally(item, "approved")


class RecusalSerializer(serializers.Serializer):
    member = CouncilMemberRefField()
    reason = serializers.CharField(max_length=300)


class VoteSerializer(serializers.Serializer):
    choice = serializers.ChoiceField(Choice.choices)


class WrittenVoteSerializer(serializers.Serializer):
    member = CouncilMemberRefField(help_text=_("An absent member whose sealed written vote "
                                               "the secretary enters."))
    choice = PlainChoiceField(Choice.choices, help_text=format_lazy(
        _("One of: {values}."), values=", ".join(Choice.values)))


class TallySerializer(serializers.Serializer):
    agree = serializers.IntegerField()
    disagree = serializers.IntegerField()
    abstain = serializers.IntegerField()
    voters = serializers.IntegerField(help_text=_("Members counted for the threshold."))
    needed = serializers.IntegerField()
    approved = serializers.BooleanField()
    rule = serializers.CharField()


class ItemFilter(serializers.Serializer):
    session = IdField(required=False, help_text=_("Items of this session."))

    def apply(self, queryset, params):
        if "session" in params:
            queryset = queryset.filter(session_id=params["session"])
        return queryset
