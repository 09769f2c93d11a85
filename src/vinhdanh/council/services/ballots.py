"""The secret ballot on one agenda item.

Casting a ballot writes a receipt (who voted) and adds one to a counter (what was voted) in
the same transaction; nothing stores a member's choice, so no page, export, log or API can
show it. The counters are read only after the secretary closes the voting
(``tally`` refuses before). The result is checked against the pack's threshold for the
honour (``vote.<honour>``: a share of all members in office, or of those present, as the
pack says; recused members are left out of the base), and the dossier moves to approved or
refused with the tally as the reason.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.council.enums import Choice, ItemState, SessionState
from vinhdanh.council.models import AgendaItem, BallotReceipt, CouncilMember
from vinhdanh.council.services.access import require_secretariat
from vinhdanh.council.services.sessions import (
    at_least,
    in_office,
    quorum,
    recuse_automatically,
    share_of,
)
from vinhdanh.honors.law.model import Param
from vinhdanh.honors.law.packs import effective_pack_for
from vinhdanh.honors.services.bonuses import format_decimal
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.services import workflow

# An honour the pack gives no threshold: more than half of the members present (our
# choice: the usual rule of a collegial body; no source names one for provincial councils).
SIMPLE_MAJORITY = Param({"share": None, "of": "present"},
                        "Đa số thành viên có mặt (mặc định của hệ thống)",
                        confirmed=False)


@dataclass(frozen=True)
class Tally:
    agree: int
    disagree: int
    abstain: int
    voters: int
    needed: int
    approved: bool
    rule: str


def _locked(item: AgendaItem) -> AgendaItem:
    return (AgendaItem.objects.select_for_update(of=("self",))
            .select_related("session", "nomination", "nomination__honor")
            .get(pk=item.pk))


@transaction.atomic
def open_voting(item: AgendaItem, *, actor) -> AgendaItem:
    """Opens the ballot on ``item``; members of the nominee's own unit are recused."""
    require_secretariat(actor)
    item = _locked(item)
    if item.session.state != SessionState.OPEN:
        raise DomainError(_("Open the session first."))
    if item.state != ItemState.PENDING:
        raise DomainError(_("Voting on this item has already been opened."))
    if item.nomination.state != NominationState.READY:
        raise DomainError(_("The dossier of %(candidate)s is no longer ready for the council.")
                          % {"candidate": item.nomination.candidate})
    if not quorum(item.session).met:
        raise DomainError(_("The members present no longer reach the quorum."))
    recuse_automatically(item)
    item.state = ItemState.VOTING
    item.save(update_fields=["state"])
    log_action(item.session, actor=actor, action="council.voting_opened",
               message=_("Opened the vote on %(candidate)s – %(honour)s")
               % {"candidate": item.nomination.candidate, "honour": item.nomination.honor})
    return item


def member_for(user, day) -> CouncilMember | None:
    return in_office(day).filter(user=user).first()


def _check_voter(item: AgendaItem, member: CouncilMember | None, *, written: bool) -> None:
    if member is None:
        raise DomainError(_("Only the council's members vote."))
    if item.state != ItemState.VOTING:
        raise DomainError(_("Voting on this item is not open."))
    if item.recusals.filter(member=member).exists():
        raise DomainError(_("%(member)s does not take part in this vote.") % {"member": member})
    present = item.session.attendance.filter(member=member, present=True).exists()
    if written and present:
        raise DomainError(_("%(member)s is present and votes in person.") % {"member": member})
    if not written and not present:
        raise DomainError(_("%(member)s is not recorded as present.") % {"member": member})


def _cast(item: AgendaItem, member: CouncilMember, choice: str, *, written: bool) -> None:
    if choice not in Choice.values:
        raise DomainError({"choice": [_("Choose agree, disagree or abstain.")]})
    item = _locked(item)
    _check_voter(item, member, written=written)
    try:
        with transaction.atomic():
            BallotReceipt.objects.create(item=item, member=member, written=written)
    except IntegrityError:
        raise DomainError(_("%(member)s has already voted on this item.")
                          % {"member": member}) from None
    AgendaItem.objects.filter(pk=item.pk).update(**{choice: F(choice) + 1})


@transaction.atomic
def cast_ballot(item: AgendaItem, *, user, choice: str) -> None:
    """``user``'s secret ballot on ``item``. Nothing is logged: the receipt says he voted."""
    _cast(item, member_for(user, item.session.held_on), choice, written=False)


@transaction.atomic
def record_written_vote(item: AgendaItem, member: CouncilMember, *, choice: str,
                        actor) -> None:
    """The secretary enters the sealed written vote of an absent member."""
    require_secretariat(actor)
    _cast(item, member, choice, written=True)
    log_action(item.session, actor=actor, action="council.written_vote",
               message=_("Recorded the written vote of %(member)s on %(candidate)s")
               % {"member": member, "candidate": item.nomination.candidate})


def threshold(item: AgendaItem) -> Param:
    effective = effective_pack_for(item.session.held_on)
    code = item.nomination.honor.code
    default = effective.pack.vote_thresholds.get(code)
    return effective.param(f"vote.{code}", default) if default else SIMPLE_MAJORITY


def _count(item: AgendaItem) -> Tally:
    rule = threshold(item)
    recused = set(item.recusals.values_list("member_id", flat=True))
    if rule.value["of"] == "all_members":
        base = in_office(item.session.held_on).exclude(pk__in=recused).count()
    else:  # those present, and the absent who voted in writing
        present = item.session.attendance.filter(present=True).exclude(member_id__in=recused)
        base = present.count() + item.receipts.filter(written=True).count()
    share = rule.value["share"]
    needed = at_least(share, base) if share is not None else base // 2 + 1
    words = (_("%(share)s%% of %(base)s members") % {
        "share": format_decimal(round(float(share_of(share)) * 100, 2)), "base": base}
        if share is not None else _("more than half of %(base)s members") % {"base": base})
    text = f"{words} ({rule.article})" + ("" if rule.confirmed else " – " + _("unconfirmed"))
    return Tally(item.agree, item.disagree, item.abstain, base, needed,
                 item.agree >= needed and base > 0, text)


@transaction.atomic
def close_voting(item: AgendaItem, *, actor) -> Tally:
    """Closes the ballot, stores the tally and the rule applied, and records the council's
    result on the dossier."""
    require_secretariat(actor)
    item = _locked(item)
    if item.state != ItemState.VOTING:
        raise DomainError(_("Voting on this item is not open."))
    result = _count(item)
    item.state = ItemState.CLOSED
    item.voters, item.needed, item.rule, item.approved = (result.voters, result.needed,
                                                          result.rule, result.approved)
    item.save(update_fields=["state", "voters", "needed", "rule", "approved"])
    summary = _("%(agree)s agree, %(disagree)s disagree, %(abstain)s abstain; %(needed)s "
                "needed: %(rule)s") % {"agree": result.agree, "disagree": result.disagree,
                                        "abstain": result.abstain, "needed": result.needed,
                                        "rule": result.rule}
    log_action(item.session, actor=actor, action="council.voting_closed",
               message=_("Closed the vote on %(candidate)s: %(summary)s")
               % {"candidate": item.nomination.candidate, "summary": summary})
    workflow.record_council_result(item.nomination, actor=actor, approved=result.approved,
                                   reason="" if result.approved else summary,
                                   now=timezone.now())
    return result


def tally(item: AgendaItem) -> Tally:
    """The result of a closed ballot; refused while voting is pending or open."""
    item.refresh_from_db()
    if item.state != ItemState.CLOSED:
        raise DomainError(_("The tally is shown when voting closes."))
    return Tally(item.agree, item.disagree, item.abstain, item.voters, item.needed,
                 bool(item.approved), item.rule)


def voted(item: AgendaItem) -> int:
    """How many have voted so far (not how): shown while voting is open."""
    return item.receipts.count()


def open_items_for(user):
    """The items ``user`` may vote on now: voting open, present, not recused, not voted."""
    members = CouncilMember.objects.filter(user=user)
    return (AgendaItem.objects.filter(state=ItemState.VOTING,
                                      session__attendance__member__in=members,
                                      session__attendance__present=True)
            .exclude(recusals__member__in=members).exclude(receipts__member__in=members)
            .select_related("session", "nomination__honor", "nomination__person",
                            "nomination__unit", "nomination__household")
            .distinct().order_by("session__held_on", "position"))
