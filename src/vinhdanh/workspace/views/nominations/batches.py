"""The list of batches, the header form and the batch page with its candidates, files,
completeness panel and the submit form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.movements.models import Movement
from vinhdanh.nominations.enums import EDITABLE_STATES, NominationState
from vinhdanh.nominations.models import Nomination, NominationBatch
from vinhdanh.nominations.services import batches as services
from vinhdanh.nominations.services.deadlines import days_overdue
from vinhdanh.organisations.enums import PEOPLE_EDITOR_ROLES
from vinhdanh.organisations.models import EmulationGroup, Unit
from vinhdanh.workspace.access import refuse_posted_unit
from vinhdanh.workspace.forms.nominations import (
    SEARCH_LIMIT,
    AddCandidatesForm,
    BatchFilterForm,
    BatchForm,
    CandidateSearchForm,
    DocumentForm,
    GenerateForm,
    ProposalsForm,
)
from vinhdanh.workspace.views.common import (
    posted,
    recent_history,
    save_form,
    vary_on_htmx,
    wants_fragment,
)
from vinhdanh.workspace.views.nominations.batch_actions import candidates_for, open_proposals
from vinhdanh.workspace.views.nominations.support import (
    CANDIDATE_RELATED,
    missing_of,
    present_kinds,
    require,
    verdict_rows,
    visible_batch,
)

PAGE_SIZE = 50


def _state_counts(batches) -> dict:
    """{batch id: [(state label, count)]} for the listed batches, from one query."""
    rows = (Nomination.objects.filter(batch__in=[b.pk for b in batches])
            .values_list("batch_id", "state").annotate(count=Count("pk")).order_by())
    counts: dict = {}
    for batch_id, state, count in rows:
        counts.setdefault(batch_id, {})[state] = count
    return {pk: [(state, NominationState(state).label, by_state[state])
                 for state in NominationState.values if state in by_state]
            for pk, by_state in counts.items()}


def _summary(batches) -> list[tuple]:
    """(state, label, count) over every nomination of the filtered batches."""
    rows = dict(Nomination.objects.filter(batch__in=batches.values("pk"))
                .values_list("state").annotate(count=Count("pk")).order_by())
    return [(state, label, rows[state]) for state, label in NominationState.choices
            if state in rows]


@login_required
@require_GET
def batch_list(request):
    form = BatchFilterForm(request.GET or None)
    batches = form.apply(NominationBatch.objects.visible_to(request.user))
    state = request.GET.get("state", "")
    shown = batches.filter(nominations__state=state).distinct() \
        if state in NominationState.values else batches
    page = Paginator(shown.select_related("proposing_unit", "group"),
                     PAGE_SIZE).get_page(request.GET.get("page"))
    counts = _state_counts(page.object_list)
    for batch in page.object_list:
        batch.state_counts = counts.get(batch.pk, [])
    template = "workspace/nominations/batch_list.html"
    if wants_fragment(request):  # a page link followed by htmx
        template += "#results"
    return vary_on_htmx(render(request, template, {
        "form": form, "page": page, "state": state, "summary": _summary(batches),
        "page_range": page.paginator.get_elided_page_range(page.number),
        "can_add": request.user.has_perm("nominations.add_nominationbatch"),
    }))


def _batch_form(request, batch=None):
    user = request.user
    reached = Unit.objects.reached_by(user, PEOPLE_EDITOR_ROLES)
    units = reached.top_levels(also=request.POST.get("proposing_unit"))
    if batch is not None:
        units = Unit.objects.filter(pk=batch.proposing_unit_id)
    groups = EmulationGroup.objects.visible_to(user).filter(
        memberships__unit__in=reached if batch is None else units).distinct()
    initial = None
    if batch is not None:
        initial = {name: getattr(batch, name) for name in services.BATCH_FIELDS}
    return BatchForm(posted(request), units=units, groups=groups,
                     movements=Movement.objects.visible_to(user), initial=initial,
                     fixed_unit=batch.proposing_unit if batch is not None else None)


def _create(request, data):
    require(request.user, "add_nominationbatch", data["proposing_unit"])
    return services.create_batch(actor=request.user, **data)


@login_required
def batch_create(request):
    require(request.user, "add_nominationbatch")
    if request.method == "POST":
        refuse_posted_unit(request, "add_nominationbatch", field="proposing_unit",
                           app="nominations")
    form = _batch_form(request)
    batch = save_form(request, form, lambda data: _create(request, data))
    if batch:
        messages.success(request, _("The submission batch was created."))
        return redirect(batch)
    return render(request, "workspace/nominations/batch_form.html", {
        "form": form, "heading": _("New submission batch"),
        "cancel_url": reverse("workspace:batch-list")})


@login_required
def batch_edit(request, pk):
    batch = visible_batch(request, pk, "change_nominationbatch")
    form = _batch_form(request, batch)
    if save_form(request, form, lambda data: services.update_batch(
            batch, form.changes(), actor=request.user)):
        messages.success(request, _("The submission batch was saved."))
        return redirect(batch)
    return render(request, "workspace/nominations/batch_form.html", {
        "form": form, "heading": _("Edit %(batch)s") % {"batch": batch},
        "cancel_url": batch.get_absolute_url()})


def _nominations(request, batch) -> list:
    rows = list(batch.nominations.visible_to(request.user).select_related(*CANDIDATE_RELATED)
                .order_by("honor__position", "id"))
    present, known = present_kinds(batch), {}
    for nomination in rows:
        nomination.batch = batch  # spares a query per row in the requirement lookups
        nomination.missing = missing_of(nomination, present, known)
        nomination.overdue_days = days_overdue(nomination)
        nomination.reasons = verdict_rows(nomination)
    return rows


def _documents(batch):
    return (batch.documents.filter(nomination__isnull=True)
            .select_related("uploaded_by").order_by("kind", "-uploaded_at", "-id"))


def _candidate_panel(request, batch) -> dict:
    """The candidate search; once searched, the matches to tick and an honour to pick."""
    search = CandidateSearchForm(request.GET if "kind" in request.GET else None,
                                 initial={"kind": "person"})
    if not search.is_bound or not search.is_valid():
        return {"search": search}
    kind, query = search.cleaned_data["kind"], search.cleaned_data["q"]
    found = candidates_for(request.user, batch, kind, query)[:SEARCH_LIMIT]
    return {"search": search, "add_form": AddCandidatesForm(kind=kind, candidates=found)}


@login_required
@require_GET
def batch_detail(request, pk):
    batch = visible_batch(request, pk)
    user = request.user
    nominations = _nominations(request, batch)
    can_change = user.has_perm("nominations.change_nominationbatch", batch)
    editable = can_change and services.editable(batch)
    context = {
        "batch": batch, "nominations": nominations, "documents": _documents(batch),
        "can_change": can_change, "editable": editable,
        "to_submit": [n for n in nominations if n.state in EDITABLE_STATES],
        "can_submit": user.has_perm("nominations.submit_nomination", batch),
        "history": recent_history(batch),
    }
    if editable:
        proposals = open_proposals(user, batch)
        context.update(_candidate_panel(request, batch))
        context.update({
            "proposals_form": ProposalsForm(proposals=proposals) if proposals is not None
            else None,
            "document_form": DocumentForm(for_batch=True),
            "generate_form": GenerateForm(for_batch=True)})
    return render(request, "workspace/nominations/batch_detail.html", context)
