"""Changing a decision: editing a draft and its lines (the board), sending it for
signature, and the signer's return or issue. Each posts the version the page showed where
the service takes one; the services check permissions and states again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.decisions.enums import CounterKind, DecisionState
from vinhdanh.decisions.models import NumberCounter
from vinhdanh.decisions.services import drafting, issuing
from vinhdanh.workspace.forms.decisions import (
    SIGNER_FIELDS,
    TEXT_FIELDS,
    AddDossiersForm,
    DecisionEditForm,
    EntryForm,
    IssueForm,
    ReturnForm,
    VersionForm,
)
from vinhdanh.workspace.views.common import posted, run, save_form, wants_fragment
from vinhdanh.workspace.views.decisions.common import (
    approved_dossiers,
    chosen_signer,
    require,
    sessions,
    signature_fragment,
    visible_decision,
    visible_entry,
)

EDIT_FIELDS = ("decided_on", *TEXT_FIELDS, "council_session", "signer", *SIGNER_FIELDS)


def form_problem(request, form) -> None:
    messages.error(request, " ".join(str(error) for errors in form.errors.values()
                                     for error in errors))


def _edit_initial(decision) -> dict:
    return {"version": decision.version,
            **{name: getattr(decision, name) for name in EDIT_FIELDS}}


@login_required
def decision_edit(request, pk):
    decision = visible_decision(request, pk)
    require(request.user, "draft_decision", decision)
    form = DecisionEditForm(posted(request), sessions=sessions(request.user),
                            initial=_edit_initial(decision) | chosen_signer(request))
    if wants_fragment(request):
        return signature_fragment(request, form)
    if save_form(request, form, lambda data: drafting.update_decision(
            decision, actor=request.user, expected_version=data["version"],
            **form.changes())):
        messages.success(request, _("The draft decision was saved."))
        return redirect(decision)
    return render(request, "workspace/decisions/edit_form.html",
                  {"form": form, "decision": decision})


@login_required
def entry_edit(request, pk):
    entry = visible_entry(request, pk)
    require(request.user, "draft_decision", entry.decision)
    form = EntryForm(posted(request), initial={
        name: getattr(entry, name) for name in EntryForm.base_fields})
    if save_form(request, form, lambda data: drafting.update_entry(
            entry, actor=request.user, **data)):
        messages.success(request, _("The line was saved."))
        return redirect(entry.decision)
    return render(request, "workspace/decisions/entry_form.html",
                  {"form": form, "entry": entry})


@login_required
@require_POST
def entry_remove(request, pk):
    entry = visible_entry(request, pk)
    require(request.user, "draft_decision", entry.decision)
    run(request, lambda: drafting.remove_entry(entry, actor=request.user),
        _("%(recipient)s was taken off the draft.") % {"recipient": entry.recipient_name})
    return redirect(entry.decision)


@login_required
@require_POST
def decision_add(request, pk):
    decision = visible_decision(request, pk)
    require(request.user, "draft_decision", decision)
    form = AddDossiersForm(request.POST, nominations=approved_dossiers(request.user))
    if not form.is_valid():
        form_problem(request, form)
    else:
        run(request, lambda: drafting.add_nominations(
            decision, actor=request.user, nominations=form.cleaned_data["nominations"]),
            _("The dossiers were added to the draft."))
    return redirect(decision)


@login_required
@require_POST
def decision_send(request, pk):
    decision = visible_decision(request, pk)
    require(request.user, "draft_decision", decision)
    form = VersionForm(request.POST)
    if not form.is_valid():
        form_problem(request, form)
    else:
        run(request, lambda: issuing.send_for_signature(
            decision, actor=request.user, expected_version=form.cleaned_data["version"]),
            _("The draft was sent for signature."))
    return redirect(decision)


@login_required
@require_POST
def decision_return(request, pk):
    decision = visible_decision(request, pk)
    require(request.user, "sign_decision", decision)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        form_problem(request, form)
    else:
        run(request, lambda: issuing.return_to_drafting(
            decision, actor=request.user, reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"]),
            _("The draft was returned to the board."))
    return redirect(decision)


def next_number(decision, year: int) -> str:
    """The number the decision would take if issued now (another may be issued first)."""
    counter = NumberCounter.objects.filter(issuer=decision.issuer, year=year,
                                           kind=CounterKind.DECISION).first()
    return f"{(counter.last if counter else 0) + 1}/{decision.issuer.symbol}"


def _issue(request, decision, data):
    return issuing.issue(decision, actor=request.user, decided_on=data["decided_on"],
                         expected_version=data["version"])


@login_required
def decision_issue(request, pk):
    """The signer's confirmation page: the signing date, then "sign and issue"."""
    decision = visible_decision(request, pk)
    require(request.user, "sign_decision", decision)
    if decision.state != DecisionState.AWAITING_SIGNATURE:
        messages.error(request, _("Only a decision awaiting signature can be issued."))
        return redirect(decision)
    form = IssueForm(posted(request), initial={"version": decision.version,
                                               "decided_on": decision.decided_on})
    if save_form(request, form, lambda data: _issue(request, decision, data)):
        messages.success(request, _("Decision %(reference)s was issued.") % {
            "reference": decision.reference})
        return redirect(decision)
    return render(request, "workspace/decisions/issue_confirm.html", {
        "form": form, "decision": decision,
        "next_number": next_number(decision, decision.decided_on.year)})
