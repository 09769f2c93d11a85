"""Council sessions: the members in office, attendance and quorum, the agenda of dossiers
ready for the council, and recusals.

The quorum is the pack's ``vote.quorum`` (a share of the members in office on the session
day; 2/3 by default, unconfirmed) with the province's setting on top.
"""

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.council.enums import SessionState
from vinhdanh.council.models import AgendaItem, Attendance, CouncilMember, CouncilSession, Recusal
from vinhdanh.council.services.access import require_secretariat
from vinhdanh.honors.law.model import Param
from vinhdanh.honors.law.packs import effective_pack_for
from vinhdanh.nominations.enums import NominationState

DEFAULT_QUORUM = Param({"share": 2 / 3}, "")


def in_office(day: dt.date):
    """The members whose term covers ``day``."""
    return CouncilMember.objects.filter(Q(term_end__isnull=True) | Q(term_end__gte=day),
                                        term_start__lte=day)


def share_of(value: float) -> Fraction:
    """A share as an exact fraction (0.9 → 9/10, 2/3 → 2/3), so boundaries are exact."""
    return Fraction(value).limit_denominator(1000)


def at_least(share: float, base: int) -> int:
    """The smallest number that is at least ``share`` of ``base``."""
    return math.ceil(share_of(share) * base)


@dataclass(frozen=True)
class Quorum:
    present: int
    members: int
    needed: int
    article: str
    confirmed: bool

    @property
    def met(self) -> bool:
        return self.present >= self.needed


def quorum(session: CouncilSession) -> Quorum:
    effective = effective_pack_for(session.held_on)
    figure = effective.param("vote.quorum",
                             effective.pack.vote_thresholds.get("quorum", DEFAULT_QUORUM))
    members = in_office(session.held_on).count()
    present = session.attendance.filter(present=True).count()
    return Quorum(present, members, at_least(figure.value["share"], members), figure.article,
                  figure.confirmed)


@transaction.atomic
def create_session(*, actor, title: str, held_on: dt.date, secretary,
                   place: str = "") -> CouncilSession:
    """A session with every member in office on ``held_on`` on its attendance list."""
    require_secretariat(actor)
    session = CouncilSession.objects.create(title=title, held_on=held_on, place=place,
                                            secretary=secretary)
    Attendance.objects.bulk_create(Attendance(session=session, member=member)
                                   for member in in_office(held_on))
    log_action(session, actor=actor, action="council.session_created",
               message=_("Prepared the council session “%(title)s” of %(day)s")
               % {"title": title, "day": f"{held_on:%d/%m/%Y}"})
    return session


def _editable(session: CouncilSession) -> None:
    if session.state == SessionState.CLOSED:
        raise DomainError(_("This session is closed."))


@transaction.atomic
def add_to_agenda(session: CouncilSession, nominations, *, actor) -> list[AgendaItem]:
    """Puts dossiers that are ready for the council on the agenda, in the order given."""
    require_secretariat(actor)
    _editable(session)
    items = []
    start = session.items.count()
    for offset, nomination in enumerate(nominations):
        if nomination.state != NominationState.READY:
            raise DomainError(_("The dossier of %(candidate)s is not ready for the council.")
                              % {"candidate": nomination.candidate})
        if session.items.filter(nomination=nomination).exists():
            raise DomainError(_("The dossier of %(candidate)s is already on the agenda.")
                              % {"candidate": nomination.candidate})
        items.append(AgendaItem.objects.create(session=session, nomination=nomination,
                                               position=start + offset + 1))
    log_action(session, actor=actor, action="council.agenda",
               message=_("Put %(count)s dossiers on the agenda") % {"count": len(items)})
    return items


@transaction.atomic
def record_attendance(session: CouncilSession, member: CouncilMember, *, present: bool,
                      actor) -> Attendance:
    require_secretariat(actor)
    _editable(session)
    row = session.attendance.filter(member=member).first()
    if row is None:
        raise DomainError(_("%(member)s is not a member of the council on %(day)s.")
                          % {"member": member, "day": f"{session.held_on:%d/%m/%Y}"})
    row.present = present
    row.save(update_fields=["present"])
    return row


@transaction.atomic
def open_session(session: CouncilSession, *, actor) -> CouncilSession:
    """Opens the session once the members present reach the quorum."""
    require_secretariat(actor)
    if session.state != SessionState.DRAFT:
        raise DomainError(_("This session has already been opened."))
    found = quorum(session)
    if not found.met:
        raise DomainError(_("%(present)s of %(members)s members are present; the quorum is "
                            "%(needed)s.") % {"present": found.present,
                                              "members": found.members,
                                              "needed": found.needed})
    session.state = SessionState.OPEN
    session.save(update_fields=["state"])
    log_action(session, actor=actor, action="council.session_opened",
               message=_("Opened the session: %(present)s of %(members)s members present")
               % {"present": found.present, "members": found.members})
    return session


def concerned(member: CouncilMember, nomination) -> bool:
    """Whether the nominee belongs to the member's own organisation. A member whose unit is
    the province itself (the chair) is concerned by no one in particular."""
    if member.unit is None or member.unit.depth == 0:
        return False
    candidate = nomination.candidate
    unit = candidate if nomination.unit_id else candidate.unit
    return unit.path.startswith(member.unit.path)


def recuse_automatically(item: AgendaItem) -> list[Recusal]:
    members = in_office(item.session.held_on).select_related("unit")
    made = []
    for member in members:
        if concerned(member, item.nomination) and not item.recusals.filter(
                member=member).exists():
            made.append(Recusal.objects.create(
                item=item, member=member, automatic=True,
                reason=_("The nominee belongs to %(unit)s.") % {"unit": member.unit}))
    return made


@transaction.atomic
def declare_recusal(item: AgendaItem, member: CouncilMember, *, reason: str,
                    actor) -> Recusal:
    require_secretariat(actor)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError({"reason": [_("Give the reason.")]})
    if item.receipts.filter(member=member).exists():
        raise DomainError(_("%(member)s has already voted on this item.") % {"member": member})
    recusal, _created = Recusal.objects.get_or_create(item=item, member=member,
                                                      defaults={"reason": reason})
    log_action(item.session, actor=actor, action="council.recusal",
               message=_("%(member)s does not take part in the vote on %(candidate)s: "
                         "%(reason)s") % {"member": member,
                                          "candidate": item.nomination.candidate,
                                          "reason": reason})
    return recusal
