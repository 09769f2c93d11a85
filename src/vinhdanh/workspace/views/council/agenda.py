"""The rows of a session's page: attendance in council order and one row per agenda item.

A row carries how many have voted only while voting is open and the tally only once it
has closed; nothing in it says what a member voted.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from vinhdanh.core.text import person_sort_key
from vinhdanh.council.enums import ItemState, MemberRole
from vinhdanh.council.models import BallotReceipt, Recusal
from vinhdanh.council.services.ballots import Tally

ROLE_ORDER = {MemberRole.CHAIR: 0, MemberRole.VICE_CHAIR: 1, MemberRole.MEMBER: 2}


def attendance_of(session) -> list:
    rows = list(session.attendance.select_related("member"))
    rows.sort(key=lambda row: (ROLE_ORDER.get(row.member.role, 9),
                               person_sort_key(row.member.name)))
    return rows


@dataclass
class Row:
    item: object
    recusals: list
    mine: str  # the viewer's own part: "", "vote", "voted", "recused" or "absent"
    voted: int | None = None  # while voting is open
    expected: int | None = None
    result: Tally | None = None  # once voting has closed
    recusable: list = field(default_factory=list)
    writers: list = field(default_factory=list)


def _result(item) -> Tally:
    return Tally(item.agree, item.disagree, item.abstain, item.voters or 0, item.needed or 0,
                 bool(item.approved), item.rule)


def _mine(item, own: set, recused: set, present: set) -> str:
    if not own:
        return ""
    if own & recused:
        return "recused"
    if item.own_voted:
        return "voted"
    if item.state != ItemState.VOTING:
        return ""
    return "vote" if own & present else "absent"


def _row(item, own, attendance) -> Row:
    recusals = list(item.recusals.all())
    recused = {recusal.member_id for recusal in recusals}
    present = {row.member_id for row in attendance if row.present}
    row = Row(item=item, recusals=recusals, mine=_mine(item, own, recused, present),
              recusable=[row.member for row in attendance if row.member_id not in recused],
              writers=[row.member for row in attendance
                       if not row.present and row.member_id not in recused])
    if item.state == ItemState.VOTING:
        row.voted = item.voted_count
        row.expected = len(present - recused) + item.written_count
    elif item.state == ItemState.CLOSED:
        row.result = _result(item)
    return row


def rows(session, user, attendance, related) -> list[Row]:
    own = {row.member_id for row in attendance if row.member.user_id == user.pk}
    items = (session.items.select_related(*(f"nomination__{name}" for name in related))
             .prefetch_related(Prefetch("recusals", queryset=Recusal.objects
                                        .select_related("member").order_by("member__name")))
             .annotate(voted_count=Count("receipts", distinct=True),
                       written_count=Count("receipts", filter=Q(receipts__written=True),
                                           distinct=True),
                       own_voted=Exists(BallotReceipt.objects.filter(
                           item=OuterRef("pk"), member_id__in=own))))
    return [_row(item, own, attendance) for item in items]
