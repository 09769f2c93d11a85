"""Scoring rounds: the list, opening one, its page of steps and progress, moving it on."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vinhdanh.organisations.models import EmulationGroup
from vinhdanh.scoring import queries
from vinhdanh.scoring.enums import PassKind, RoundState
from vinhdanh.scoring.models import ScoringPass
from vinhdanh.scoring.services import passes as services
from vinhdanh.workspace.forms.scoring import AdvanceForm, DeadlineForm, RoundOpenForm
from vinhdanh.workspace.views.common import posted, recent_history, save_form
from vinhdanh.workspace.views.scoring.access import attempt, require, round_for, template_for
from vinhdanh.workspace.views.scoring.scores import sheets_for

STEPS = [RoundState.SELF, RoundState.PEER, RoundState.LEADER, RoundState.CLOSED,
         RoundState.PUBLISHED]


@login_required
@require_GET
def round_list(request):
    """Every round the user sees, newest year first; ``?group=`` narrows to one group."""
    rounds = queries.rounds_visible_to(request.user).order_by(
        "-template__group__year", "template__group__name", "period")
    raw, group = request.GET.get("group", ""), None
    if raw.isdigit():
        group = EmulationGroup.objects.visible_to(request.user).filter(pk=int(raw)).first()
        rounds = rounds.filter(template__group=group)
    return render(request, "workspace/scoring/round_list.html",
                  {"rounds": rounds, "group": group})


@login_required
def round_open(request, pk):
    template = template_for(request, pk, "manage_round")
    form = RoundOpenForm(posted(request))
    scoring_round = save_form(request, form, lambda data: services.open_round(
        template, actor=request.user, period=data["period"], deadlines=form.deadlines()))
    if scoring_round:
        messages.success(request, _("The round was opened; self-scoring has started."))
        return redirect("workspace:scoring-round", scoring_round.pk)
    return render(request, "workspace/scoring/round_open.html",
                  {"form": form, "template": template})


def steps_of(scoring_round) -> list[dict]:
    """The round's states as steps, each done, current or to come."""
    reached = STEPS.index(scoring_round.state) if scoring_round.state in STEPS else -1
    return [{"label": state.label, "status": "done" if n < reached else
             "current" if n == reached else "todo"} for n, state in enumerate(STEPS)]


def progress_of(missing_rows, scorers) -> list[dict]:
    """Per scorer unit: missing scores and missing evidence, never the values."""
    missing, evidence, sheets = defaultdict(int), defaultdict(int), defaultdict(int)
    for row in missing_rows:
        missing[row.scorer.pk] += row.missing
        evidence[row.scorer.pk] += row.evidence_missing
        sheets[row.scorer.pk] += 1
    return [{"unit": unit, "missing": missing[unit.pk], "evidence": evidence[unit.pk],
             "sheets": sheets[unit.pk], "done": not sheets[unit.pk]} for unit in scorers]


def _scorers(scoring_pass, group, members):
    if scoring_pass.kind == PassKind.LEADER:
        return [group.leader] if group.leader else []
    return members


def _current_context(user, scoring_round) -> dict:
    """The open pass: who has finished (counts only) and the user's own sheets."""
    current = queries.current_pass(scoring_round)
    if current is None:
        return {"current": None}
    group = scoring_round.template.group
    missing = services.missing_scores(current)
    return {"current": current,
            "progress": progress_of(missing, _scorers(current, group, queries.members_of(group))),
            "my_sheets": sheets_for(user, current, missing)}


@login_required
@require_GET
def round_detail(request, pk):
    scoring_round = round_for(request, pk)
    user = request.user
    return render(request, "workspace/scoring/round.html", {
        "round": scoring_round, "group": scoring_round.template.group,
        "steps": steps_of(scoring_round), "passes": scoring_round.passes.all(),
        **_current_context(user, scoring_round),
        "can_manage": user.has_perm("scoring.manage_round", scoring_round),
        "can_rank": user.has_perm("scoring.view_ranking", scoring_round),
        "history": recent_history(scoring_round),
    })


@login_required
def round_advance(request, pk):
    scoring_round = round_for(request, pk, "manage_round")
    current = queries.current_pass(scoring_round)
    if current is None:
        messages.error(request, _("No scoring pass of this round is open."))
        return redirect("workspace:scoring-round", scoring_round.pk)
    missing = services.missing_count(current)
    form = AdvanceForm(posted(request))
    if not missing:  # nothing to explain
        del form.fields["missing_reason"]
    if save_form(request, form, lambda data: services.advance_round(
            scoring_round, actor=request.user, missing_reason=data.get("missing_reason", ""))):
        messages.success(request, _("The pass was closed."))
        return redirect("workspace:scoring-round", scoring_round.pk)
    return render(request, "workspace/scoring/round_advance.html",
                  {"form": form, "round": scoring_round, "current": current, "missing": missing})


def _pass_for(request, pk):
    rounds = queries.rounds_visible_to(request.user)
    scoring_pass = get_object_or_404(
        ScoringPass.objects.filter(round__in=rounds).select_related("round__template__group"),
        pk=pk)
    require(request.user, "manage_round", scoring_pass.round)
    return scoring_pass


@login_required
def pass_deadline(request, pk):
    scoring_pass = _pass_for(request, pk)
    form = DeadlineForm(posted(request), initial={"deadline": scoring_pass.deadline})
    if save_form(request, form, lambda data: services.set_deadline(
            scoring_pass, actor=request.user, deadline=data["deadline"])):
        messages.success(request, _("The deadline was saved."))
        return redirect("workspace:scoring-round", scoring_pass.round_id)
    return render(request, "workspace/scoring/pass_deadline.html",
                  {"form": form, "pass": scoring_pass, "round": scoring_pass.round})


@login_required
@require_POST
def pass_remind(request, pk):
    scoring_pass = _pass_for(request, pk)
    attempt(request, lambda: services.send_reminders(scoring_pass, actor=request.user),
            lambda count: _("%(count)s unit clerks were reminded.") % {"count": count})
    return redirect("workspace:scoring-round", scoring_pass.round_id)
