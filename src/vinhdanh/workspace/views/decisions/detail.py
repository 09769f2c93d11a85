"""One decision's page: the header, the text, the annex grouped by honour with bonuses and
totals, the buttons the user's permissions and the decision's state allow, the files, the
certificates with the latest printing job, and the action log."""

from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.views.decorators.http import require_GET

from vinhdanh.decisions.enums import DecisionKind, DecisionState
from vinhdanh.decisions.models import DecisionEntry
from vinhdanh.decisions.services.certificates import certificates_of
from vinhdanh.workspace.forms.decisions import (
    AddDossiersForm,
    PrintForm,
    ReturnForm,
    SignedPdfForm,
    VersionForm,
)
from vinhdanh.workspace.views.common import recent_history
from vinhdanh.workspace.views.decisions.common import approved_dossiers, visible_decision

ENTRY_RELATED = ("honor", "honor_record", "revokes__decision__issuer")


def _entries(decision) -> list:
    pending = DecisionEntry.objects.filter(revokes=OuterRef("pk")).exclude(
        decision__state=DecisionState.ISSUED)
    return list(decision.entries.select_related(*ENTRY_RELATED)
                .annotate(revoking=Exists(pending)))


def annex(entries) -> list[dict]:
    """The lines grouped by honour (in the catalogue's order), each group with its
    subtotal."""
    groups: list[dict] = []
    for entry in entries:
        if not groups or groups[-1]["honor"].pk != entry.honor_id:
            groups.append({"honor": entry.honor, "entries": [], "subtotal": 0})
        groups[-1]["entries"].append(entry)
        groups[-1]["subtotal"] += entry.bonus_amount
    return groups


def _permissions(user, decision) -> dict:
    return {"can_draft": user.has_perm("decisions.draft_decision", decision),
            "can_sign": user.has_perm("decisions.sign_decision", decision),
            "can_print": user.has_perm("decisions.print_certificates", decision)}


def _forms(request, decision, allowed: dict) -> dict:
    """The forms the page shows, by state and permission."""
    version = {"version": decision.version}
    state, forms = decision.state, {}
    if state == DecisionState.DRAFT and allowed["can_draft"]:
        forms["send_form"] = VersionForm(initial=version)
        if decision.kind == DecisionKind.AWARD:
            forms["add_form"] = AddDossiersForm(nominations=approved_dossiers(request.user))
    if state == DecisionState.AWAITING_SIGNATURE and allowed["can_sign"]:
        forms["return_form"] = ReturnForm(initial=version)
    if state == DecisionState.ISSUED and allowed["can_sign"]:
        forms["signed_pdf_form"] = SignedPdfForm()
    return forms


def _certificates(decision, allowed: dict) -> dict:
    if not decision.is_issued or decision.kind != DecisionKind.AWARD:
        return {}
    return {"certificates": list(certificates_of(decision)),
            "job": decision.certificate_jobs.first(),
            "print_form": PrintForm() if allowed["can_print"] else None}


@login_required
@require_GET
def decision_detail(request, pk):
    decision = visible_decision(request, pk)
    allowed = _permissions(request.user, decision)
    entries = _entries(decision)
    context = {
        "decision": decision, "groups": annex(entries),
        "total": sum(entry.bonus_amount for entry in entries),
        "unconfirmed": any(not entry.bonus_confirmed for entry in entries),
        "revocation": decision.kind == DecisionKind.REVOCATION,
        "history": recent_history(decision), **allowed,
        **_forms(request, decision, allowed), **_certificates(decision, allowed),
    }
    return render(request, "workspace/decisions/decision_detail.html", context)
