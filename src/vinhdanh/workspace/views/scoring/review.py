"""The proposals of the published year-end ranking and the group's year-end review."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vinhdanh.organisations.models import HandoverRecord, Unit
from vinhdanh.scoring import queries
from vinhdanh.scoring.enums import RoundPeriod
from vinhdanh.scoring.models import Proposal, YearEndReview
from vinhdanh.scoring.services import proposals as proposal_services
from vinhdanh.scoring.services import reviews as review_services
from vinhdanh.scoring.services.publication import latest_revision
from vinhdanh.workspace.forms.scoring import ReasonForm, ReviewForm, VoteForm
from vinhdanh.workspace.views.common import posted, posted_files, save_form
from vinhdanh.workspace.views.scoring.access import (
    attempt,
    group_for,
    require,
    xlsx_response,
)


def _year_end_round(request, group):
    rounds = queries.rounds_visible_to(request.user)
    return rounds.filter(template__group=group, period=RoundPeriod.YEAR_END).first()


def _proposals(group):
    return proposal_services.proposals_for(group).select_related("vote")


@login_required
@require_GET
def proposal_list(request, pk):
    group = group_for(request, pk)
    scoring_round = _year_end_round(request, group)
    if scoring_round is None or not request.user.has_perm("scoring.view_ranking",
                                                          scoring_round):
        raise Http404
    # One withdrawal form per proposal, with its own field ids.
    rows = [(proposal, ReasonForm(auto_id=f"id_%s_{proposal.pk}"))
            for proposal in _proposals(group)]
    return render(request, "workspace/scoring/proposals.html", {
        "group": group, "round": scoring_round, "rows": rows,
        "revision": latest_revision(scoring_round),
        "can_manage": request.user.has_perm("scoring.manage_round", scoring_round)})


@login_required
@require_GET
def proposal_export(request, pk):
    group = group_for(request, pk)
    scoring_round = _year_end_round(request, group)
    revision = latest_revision(scoring_round) if scoring_round else None
    if revision is None:
        raise Http404
    require(request.user, "view_ranking", scoring_round)
    data = proposal_services.export_proposals(revision)
    return xlsx_response(data, f"de-nghi-khen-thuong-{group.code}-{group.year}.xlsx")


def _proposal(request, pk):
    rounds = queries.rounds_visible_to(request.user)
    return get_object_or_404(
        Proposal.objects.filter(revision__round__in=rounds)
        .select_related("revision__round__template__group", "unit", "honor"), pk=pk)


@login_required
@require_POST
def proposal_withdraw(request, pk):
    proposal = _proposal(request, pk)
    group = proposal.revision.round.template.group
    require(request.user, "manage_round", proposal.revision.round)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the proposal is withdrawn."))
    else:
        attempt(request, lambda: proposal_services.withdraw_proposal(
            proposal, actor=request.user, reason=form.cleaned_data["reason"]),
            _("The proposal was withdrawn."))
    return redirect("workspace:scoring-proposals", group.pk)


def _review_form(request, group, review):
    members = Unit.objects.filter(memberships__group=group).order_by(
        "memberships__rotation_position")
    return ReviewForm(posted(request), posted_files(request), initial=_review_initial(review),
                      members=members, handovers=HandoverRecord.objects.filter(group=group))


def _review_initial(review) -> dict:
    if review is None:
        return {}
    names = ("held_on", "venue", "chaired_by", "guests", "results", "directions", "handover")
    return {**{name: getattr(review, name) for name in names},
            "participants": list(review.participants.all())}


def _review_of(group):
    return YearEndReview.objects.filter(group=group).select_related("handover").first()


@login_required
def review(request, pk):
    group = group_for(request, pk)
    require(request.user, "view_review", group)
    current = _review_of(group)
    may_record = request.user.has_perm("scoring.record_review", group)
    if request.method == "POST" and not may_record:
        raise PermissionDenied
    form = _review_form(request, group, current) if may_record else None
    if form is not None and save_form(request, form, lambda data: review_services.record_review(
            group, actor=request.user, **data)):
        messages.success(request, _("The review was saved."))
        return redirect("workspace:scoring-review", group.pk)
    return render(request, "workspace/scoring/review.html", {
        "group": group, "review": current, "form": form, "may_record": may_record,
        "participants": current.participants.all() if current else [],
        "proposals": _proposals(group), "vote_form": VoteForm()})


@login_required
@require_POST
def vote(request, pk):
    proposal = _proposal(request, pk)
    group = proposal.revision.round.template.group
    require(request.user, "record_review", group)
    current = _review_of(group)
    form = VoteForm(request.POST)
    if current is None:
        messages.error(request, _("Record the review before its votes."))
    elif not form.is_valid():
        messages.error(request, _("Enter the number of votes."))
    else:
        attempt(request, lambda: review_services.record_vote(
            current, proposal, actor=request.user, **form.cleaned_data),
            _("The vote was recorded."))
    return redirect("workspace:scoring-review", group.pk)


@login_required
@require_GET
def review_minutes(request, pk):
    group = group_for(request, pk)
    require(request.user, "view_review", group)
    current = _review_of(group)
    if current is None or not current.minutes:
        raise Http404
    name = Path(current.minutes.name).name
    return FileResponse(current.minutes.open("rb"), as_attachment=True, filename=name)
