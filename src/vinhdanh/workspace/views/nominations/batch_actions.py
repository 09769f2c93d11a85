"""What a clerk does on the batch page: add candidates (from the registry or from the
group's proposals), check eligibility, submit the batch. Each is a POST that ends on the
batch page with a message."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from vinhdanh.nominations.enums import EDITABLE_STATES
from vinhdanh.nominations.services import batches as services
from vinhdanh.nominations.services import eligibility, workflow
from vinhdanh.organisations.models import Household, Person, Unit
from vinhdanh.scoring.enums import ProposalState
from vinhdanh.scoring.services.proposals import proposals_for
from vinhdanh.workspace.forms.nominations import (
    CANDIDATE_KINDS,
    AddCandidatesForm,
    ProposalsForm,
    justifications,
)
from vinhdanh.workspace.views.common import run
from vinhdanh.workspace.views.nominations.support import form_problems, visible_batch


def candidates_for(user, batch, kind: str, query: str = ""):
    """Candidates of ``kind`` the user sees in the proposing unit's subtree."""
    path = batch.proposing_unit.path
    if kind == "unit":
        rows = Unit.objects.visible_to(user).filter(path__startswith=path)
    elif kind == "household":
        rows = Household.objects.visible_to(user).filter(unit__path__startswith=path)
    else:
        rows = Person.objects.visible_to(user).filter(unit__path__startswith=path,
                                                     is_active=True)
    rows = rows.search(query) if query else rows
    return rows.select_related("unit") if kind != "unit" else rows


def open_proposals(user, batch):
    """The group's proposals still to be nominated, for units the user sees (None: the
    batch is not a group's)."""
    if batch.group_id is None:
        return None
    return proposals_for(batch.group).filter(state=ProposalState.PROPOSED,
                                             unit__in=Unit.objects.visible_to(user))


def _back(batch, **params):
    query = f"?{urlencode(params)}" if params else ""
    return redirect(batch.get_absolute_url() + query)


def _added(count: int) -> str:
    return ngettext("%(count)s candidate was added.", "%(count)s candidates were added.",
                    count) % {"count": count}


@login_required
@require_POST
def batch_add_candidates(request, pk):
    batch = visible_batch(request, pk, "change_nominationbatch")
    kind = request.POST.get("kind", "")
    if kind not in dict(CANDIDATE_KINDS):
        kind = "person"
    form = AddCandidatesForm(request.POST, kind=kind,
                             candidates=candidates_for(request.user, batch, kind))
    if not form.is_valid():
        form_problems(request, form)
        return _back(batch, kind=kind)
    data = form.cleaned_data
    run(request, lambda: services.add_candidates(batch, list(data["candidates"]),
                                                 data["honor"], actor=request.user),
        _added(len(data["candidates"])))
    return _back(batch)


@login_required
@require_POST
def batch_add_proposals(request, pk):
    batch = visible_batch(request, pk, "change_nominationbatch")
    proposals = open_proposals(request.user, batch)
    if proposals is None:
        raise Http404  # not a group's batch: it has no proposals to take
    form = ProposalsForm(request.POST, proposals=proposals)
    if not form.is_valid():
        form_problems(request, form)
        return _back(batch)
    chosen = list(form.cleaned_data["proposals"].select_related("unit", "honor"))
    run(request, lambda: services.add_from_proposals(batch, chosen, actor=request.user),
        _added(len(chosen)))
    return _back(batch)


@login_required
@require_POST
def batch_check(request, pk):
    """Runs the eligibility check on every dossier of the batch still with the unit."""
    batch = visible_batch(request, pk, "change_nominationbatch")
    pending = batch.nominations.filter(state__in=EDITABLE_STATES).select_related(
        "honor", "person", "unit", "household")
    for nomination in pending:
        nomination.batch = batch
        eligibility.evaluate(nomination, save=True)
    messages.success(request, _("The eligibility of the candidates was checked."))
    return _back(batch)


@login_required
@require_POST
def batch_submit(request, pk):
    batch = visible_batch(request, pk, "submit_nomination")
    pending = batch.nominations.filter(state__in=EDITABLE_STATES)
    texts = justifications(request.POST, pending)
    run(request, lambda: workflow.submit_batch(batch, actor=request.user,
                                               justifications=texts),
        _("The batch was submitted."))
    return _back(batch)
