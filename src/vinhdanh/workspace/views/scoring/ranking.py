"""The ranking of a round: the preview for managers, the published revisions for everyone
who sees the group, how each final was computed, and the two-step publication."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.scoring import queries
from vinhdanh.scoring.enums import PassKind, RoundState
from vinhdanh.scoring.explain import Names, describe_flag, describe_step, num
from vinhdanh.scoring.services import publication
from vinhdanh.scoring.services.ranking import compute_ranking, results_from_json
from vinhdanh.workspace.forms.scoring import PublishForm, ReasonForm
from vinhdanh.workspace.views.common import posted, save_form
from vinhdanh.workspace.views.scoring.access import round_for

FIGURES = ("final", "self_total", "peer_mean", "peer_normalised_mean", "leader_total")
# The peer pass is closed in these states: a preview cannot reveal a blind value.
PREVIEW_STATES = (RoundState.LEADER, RoundState.CLOSED)


def _names(scoring_round) -> Names:
    units = {unit.pk: unit for unit in queries.members_of(scoring_round.template.group)}
    return Names(units, scoring_round.template.criteria.in_bulk())


def _visible_peer_pairs(user, scoring_round) -> set[tuple[int, int]]:
    """(scorer, subject) pairs whose peer scores the user may read."""
    scores = queries.scores_visible_to(user, scoring_round).filter(kind=PassKind.PEER)
    return set(scores.values_list("scorer", "subject").distinct())


def _row(result, names: Names, pairs) -> dict:
    scorers = [{"unit": names.unit(scorer), "raw": num(raw),
                "normalised": num(result.peer_scores_normalised.get(scorer))}
               for scorer, raw in sorted(result.peer_scores.items())
               if (scorer, result.unit_id) in pairs]
    return {"result": result, "unit": names.units.get(result.unit_id),
            "figures": {name: num(getattr(result, name)) for name in FIGURES},
            "flags": [describe_flag(flag, names) for flag in result.flags],
            "steps": [describe_step(step, names) for step in result.steps],
            "peer_scorers": scorers,
            "abstentions": [names.unit(pk) for pk in result.abstentions
                            if (pk, result.unit_id) in pairs]}


def ranking_rows(user, scoring_round, results) -> list[dict]:
    names, pairs = _names(scoring_round), _visible_peer_pairs(user, scoring_round)
    return [_row(result, names, pairs) for result in results]


def _shown(user, scoring_round):
    """(results, revision shown, is a preview): managers preview the unpublished state."""
    revision = publication.latest_revision(scoring_round)
    manager = user.has_perm("scoring.manage_round", scoring_round)
    if manager and scoring_round.state in PREVIEW_STATES:
        return compute_ranking(scoring_round), None, True
    if revision is not None:
        return results_from_json(revision.results), revision, False
    return [], None, False


@login_required
@require_GET
def ranking(request, pk):
    scoring_round = round_for(request, pk, "view_ranking")
    results, revision, preview = _shown(request.user, scoring_round)
    return render(request, "workspace/scoring/ranking.html", {
        "round": scoring_round, "group": scoring_round.template.group,
        "rows": ranking_rows(request.user, scoring_round, results), "revision": revision,
        "preview": preview, "normalised": scoring_round.template.normalise_peers,
        "revisions": scoring_round.revisions.select_related("published_by"),
        "can_manage": request.user.has_perm("scoring.manage_round", scoring_round),
    })


@login_required
def publish(request, pk):
    """Step one shows the preview; step two is typing the confirmation word."""
    scoring_round = round_for(request, pk, "manage_round")
    form = PublishForm(posted(request))
    if save_form(request, form, lambda data: publication.publish_round(
            scoring_round, actor=request.user, confirmation=data["confirmation"])):
        messages.success(request, _("The ranking was published and is now locked."))
        return redirect("workspace:scoring-ranking", scoring_round.pk)
    publishable = scoring_round.state == RoundState.CLOSED
    results = compute_ranking(scoring_round) if publishable else []
    return render(request, "workspace/scoring/publish.html", {
        "round": scoring_round, "form": form, "publishable": publishable,
        "rows": ranking_rows(request.user, scoring_round, results),
        "word": publication.CONFIRMATION_WORD})


@login_required
def correct(request, pk):
    scoring_round = round_for(request, pk, "manage_round")
    form = ReasonForm(posted(request))
    if save_form(request, form, lambda data: publication.start_correction(
            scoring_round, actor=request.user, reason=data["reason"])):
        messages.success(request, _("The correction has started: the leader's consolidation "
                                    "is open again."))
        return redirect("workspace:scoring-round", scoring_round.pk)
    return render(request, "workspace/scoring/correct.html",
                  {"round": scoring_round, "form": form})
