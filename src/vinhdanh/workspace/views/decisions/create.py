"""Drafting a decision from the council's approved dossiers (the board), and revoking an
issued honour with a revocation decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vinhdanh.decisions.models import Issuer
from vinhdanh.decisions.services import drafting, revocation
from vinhdanh.workspace.forms.decisions import (
    SIGNER_FIELDS,
    DecisionCreateForm,
    RevokeForm,
)
from vinhdanh.workspace.views.common import posted, save_form, wants_fragment
from vinhdanh.workspace.views.decisions.common import (
    approved_dossiers,
    approved_in_session,
    chosen_signer,
    require,
    require_role,
    sessions,
    signature_fragment,
    visible_entry,
)

FORM = "workspace/decisions/decision_form.html"


def _initial(request, dossiers) -> dict:
    issuers = list(Issuer.objects.all()[:2])
    initial = {"issuer": issuers[0] if len(issuers) == 1 else None}
    session = request.GET.get("session", "")
    if session.isdigit():
        initial["council_session"] = int(session)
        initial["nominations"] = list(approved_in_session(dossiers, int(session)))
    return initial | chosen_signer(request)


def _create(request, data):
    data = dict(data)
    issuer, nominations = data.pop("issuer"), data.pop("nominations")
    return drafting.create_decision(issuer, actor=request.user, nominations=nominations,
                                    **data)


@login_required
def decision_create(request):
    require_role(request.user)
    require(request.user, "draft_decision")
    dossiers = approved_dossiers(request.user)
    form = DecisionCreateForm(posted(request), initial=_initial(request, dossiers),
                              nominations=dossiers, sessions=sessions(request.user))
    if wants_fragment(request):  # the signer was changed: only the signature fields
        return signature_fragment(request, form)
    decision = save_form(request, form, lambda data: _create(request, data))
    if decision:
        messages.success(request, _("The draft decision was made."))
        return redirect(decision)
    return render(request, FORM, {"form": form})


def _revoke(request, entry, data):
    data = dict(data)
    line = (entry, data.pop("ground"), data.pop("reason"))
    return revocation.create_revocation(entry.decision.issuer, actor=request.user,
                                        lines=[line], **data)


def _revoke_initial(entry) -> dict:
    decision = entry.decision
    return {"signer": decision.signer, **{name: getattr(decision, name)
                                          for name in SIGNER_FIELDS}}


@login_required
def decision_revoke(request, pk):
    """A draft revocation decision for one line of an issued commendation decision."""
    entry = visible_entry(request, pk)
    require(request.user, "draft_decision", entry.decision)
    form = RevokeForm(posted(request), initial=_revoke_initial(entry) | chosen_signer(request))
    if wants_fragment(request):
        return signature_fragment(request, form)
    decision = save_form(request, form, lambda data: _revoke(request, entry, data))
    if decision:
        messages.success(request, _("The draft revocation decision was made; send it for "
                                    "signature when it is ready."))
        return redirect(decision)
    return render(request, "workspace/decisions/revoke_form.html",
                  {"form": form, "entry": entry})
