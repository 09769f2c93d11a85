"""The year-end review meeting of a group (hội nghị tổng kết): when and where, who took
part, the year's results, the votes on the proposals, the leadership handover and minutes.

The vote threshold is the engineer's reading: no source gives one for a bloc's review (the
law addendum §6 mentions a sector's ≥80% "yes" for the Cờ, an example only). A proposal is
approved when more than half of the participating units vote for it; an absent unit counts
as not agreeing. A group wanting another threshold is a later setting, not a silent default.
"""



from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.uploads import MB, upload_problem
from vinhdanh.organisations.models import GroupMembership, HandoverRecord
from vinhdanh.scoring.enums import ProposalState
from vinhdanh.scoring.models import ProposalVote, YearEndReview
from vinhdanh.scoring.services.proposals import is_current

TEXT_FIELDS = ("venue", "chaired_by", "guests", "results", "directions")
MINUTES_MAX_BYTES = 20 * MB
# First bytes of the accepted minutes: PDF, PNG, JPEG, and DOCX (a zip file).
MINUTES_FORMATS = ("pdf", "docx", "png", "jpeg")


def approved(agree: int, participants: int) -> bool:
    """More than half of the participating units voted for the proposal."""
    return agree * 2 > participants


@transaction.atomic
def record_review(group, *, actor, held_on, venue="", chaired_by="", participants=(), guests="",
                  results="", directions="", handover=None, minutes=None) -> YearEndReview:
    """Creates or updates ``group``'s review and sets its participating units; links the
    group's handover record when none is given. Recorded votes are re-judged against the
    new number of participants."""
    participants = list(participants)
    _check_date(group, held_on)
    _check_participants(group, participants)
    handover = handover or HandoverRecord.objects.filter(group=group).first()
    if handover is not None and handover.group_id != group.pk:
        raise DomainError({"handover": [_("Choose the handover of this group.")]})
    review = YearEndReview.objects.filter(group=group).first()
    created = review is None
    review = review or YearEndReview(group=group)
    review.held_on, review.handover = held_on, handover
    for name, value in zip(TEXT_FIELDS, (venue, chaired_by, guests, results, directions),
                           strict=True):
        setattr(review, name, value or "")
    if minutes:
        _check_minutes(minutes)
        review.minutes = minutes
    _clean(review)
    review.save()
    review.participants.set(participants)
    _rejudge_votes(review, len(participants))
    _log_review(review, actor, created, participants)
    return review


def _check_date(group, held_on) -> None:
    if held_on is None or held_on.year not in {group.year, group.year + 1}:
        raise DomainError({"held_on": [
            _("The review must take place at the end of the group's year.")]})


def _check_participants(group, participants) -> None:
    members = set(GroupMembership.objects.filter(group=group).values_list("unit_id", flat=True))
    strangers = [unit for unit in participants if unit.pk not in members]
    if strangers:
        raise DomainError({"participants": [
            _("Only member units of the group take part: %(units)s is not one.")
            % {"units": ", ".join(str(unit) for unit in strangers)}]})


def _check_minutes(upload) -> None:
    """A PDF, DOCX or scanned image of at most 20 MB, judged by its content."""
    problem = upload_problem(upload, formats=MINUTES_FORMATS, max_bytes=MINUTES_MAX_BYTES)
    if problem == "size":
        raise DomainError({"minutes": [_("The minutes file is larger than 20 MB.")]})
    if problem == "format":
        raise DomainError({"minutes": [_("The minutes must be a PDF, a DOCX or a scanned "
                                         "image (PNG, JPEG).")]})


def _rejudge_votes(review: YearEndReview, count: int) -> None:
    votes = list(review.votes.all())
    if any(vote.agree + vote.disagree + vote.abstain > count for vote in votes):
        raise DomainError({"participants": [_("Fewer units than the votes already recorded: "
                                              "correct the votes first.")]})
    for vote in votes:
        vote.approved = approved(vote.agree, count)
    ProposalVote.objects.bulk_update(votes, ["approved"])


def _log_review(review, actor, created: bool, participants) -> None:
    message = (_("Recorded the year-end review of %(group)s held on %(date)s") if created
               else _("Updated the year-end review of %(group)s held on %(date)s"))
    log_action(review, actor=actor,
               action="scoring.review_recorded" if created else "scoring.review_updated",
               message=message % {"group": review.group,
                                  "date": review.held_on.strftime("%d/%m/%Y")},
               participants=[unit.pk for unit in participants])


@transaction.atomic
def record_vote(review: YearEndReview, proposal, *, actor, agree, disagree=0,
                abstain=0) -> ProposalVote:
    """Records (or corrects) the meeting's vote on one current proposal of the group."""
    _check_proposal(review, proposal)
    counts = _counts(agree, disagree, abstain)
    participants = review.participants.count()
    if not participants:
        raise DomainError(_("Record the participating units before the votes."))
    if sum(counts) > participants:
        raise DomainError(_("%(total)s votes, but only %(count)s units took part.")
                          % {"total": sum(counts), "count": participants})
    vote, _created = ProposalVote.objects.update_or_create(proposal=proposal, defaults={
        "review": review, "agree": counts[0], "disagree": counts[1], "abstain": counts[2],
        "approved": approved(counts[0], participants)})
    _log_vote(review, proposal, vote, actor)
    return vote


def _check_proposal(review: YearEndReview, proposal) -> None:
    if proposal.revision.round.template.group_id != review.group_id:
        raise DomainError(_("This proposal is not one of the group's."))
    if proposal.state == ProposalState.WITHDRAWN:
        raise DomainError(_("A withdrawn proposal is not voted on."))
    if not is_current(proposal):
        raise DomainError(_("This proposal belongs to a corrected ranking and is kept as "
                            "history."))


def _counts(*values) -> tuple[int, int, int]:
    try:
        counts = tuple(int(value) for value in values)
    except (TypeError, ValueError):
        raise DomainError(_("Votes are counted in whole numbers.")) from None
    if min(counts) < 0:
        raise DomainError(_("Votes cannot be negative."))
    return counts


def _log_vote(review, proposal, vote: ProposalVote, actor) -> None:
    outcome = _("approved") if vote.approved else _("not approved")
    log_action(review, actor=actor, action="scoring.proposal_voted",
               message=_("Vote on proposing %(unit)s for %(honour)s: %(agree)s for, "
                         "%(disagree)s against, %(abstain)s abstaining (%(outcome)s)")
               % {"unit": proposal.unit, "honour": proposal.honor, "agree": vote.agree,
                  "disagree": vote.disagree, "abstain": vote.abstain, "outcome": outcome},
               proposal=proposal.pk, approved=vote.approved)


def _clean(review: YearEndReview) -> None:
    try:
        review.full_clean(exclude=["minutes"])
    except ValidationError as error:
        raise DomainError(error.message_dict) from None
