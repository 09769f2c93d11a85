"""What the decision pages share: finding what the user may see, permission checks and the
approved dossiers a draft can take."""

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, render

from vinhdanh.council.models import AgendaItem, CouncilSession
from vinhdanh.decisions.models import Decision, DecisionEntry
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination
from vinhdanh.organisations.queries import scope_of
from vinhdanh.workspace.forms.decisions import signer_defaults, signers

DECISION_RELATED = ("issuer", "signer", "council_session", "created_by")
DOSSIER_RELATED = ("honor", "person", "unit", "household", "batch__proposing_unit")


def require(user, perm: str, decision=None) -> None:
    """403 unless ``user`` holds ``decisions.<perm>`` (on ``decision`` when given)."""
    if not user.has_perm(f"decisions.{perm}", decision):
        raise PermissionDenied


def require_role(user) -> None:
    """The decision pages are for those holding a role; the others get a 403."""
    if not scope_of(user).holds_a_role():
        raise PermissionDenied


def visible_decision(request, pk) -> Decision:
    require_role(request.user)
    seen = Decision.objects.visible_to(request.user).select_related(*DECISION_RELATED)
    return get_object_or_404(seen, pk=pk)


def visible_entry(request, pk) -> DecisionEntry:
    require_role(request.user)
    seen = Decision.objects.visible_to(request.user)
    entries = DecisionEntry.objects.filter(decision__in=seen).select_related(
        "decision__issuer", "decision__signer", "honor", "honor_record")
    return get_object_or_404(entries, pk=pk)


def approved_dossiers(user):
    """Dossiers the council approved that no decision has taken yet, with the title of the
    session that approved them (``approved_in``)."""
    session = (AgendaItem.objects.filter(nomination=OuterRef("pk"), approved=True)
               .order_by("-session__held_on", "-id").values("session__title")[:1])
    return (Nomination.objects.visible_to(user)
            .filter(state=NominationState.APPROVED, decision_entries__isnull=True)
            .select_related(*DOSSIER_RELATED).annotate(approved_in=Subquery(session))
            .order_by("honor__position", "batch__proposing_unit__name", "id"))


def approved_in_session(nominations, session_id):
    return nominations.filter(agenda_items__session_id=session_id,
                              agenda_items__approved=True)


def sessions(user):
    return CouncilSession.objects.visible_to(user).order_by("-held_on", "-id")


def chosen_signer(request) -> dict:
    """The signature fields for the signer a ``?signer=<id>`` names (the signer select asks
    for them when it changes), or nothing."""
    raw = request.GET.get("signer", "")
    signer = signers().filter(pk=raw).first() if raw.isdigit() else None
    return {} if signer is None else {"signer": signer, **signer_defaults(signer)}


def signature_fragment(request, form):
    """The signature fields alone, refilled for the signer just chosen (htmx)."""
    return render(request, "workspace/decisions/_signer.html#signature", {"form": form})
