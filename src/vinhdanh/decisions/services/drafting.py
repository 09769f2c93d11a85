"""Drafting a decision from the dossiers the council approved: its text, its annex of
recipients and their bonuses (on the decision date), and sending it for signature."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.decisions.enums import DecisionKind, DecisionState
from vinhdanh.decisions.models import Decision, DecisionEntry, Issuer
from vinhdanh.honors.services.bonuses import BonusItem, decision_bonuses
from vinhdanh.nominations.documents import common as c
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination
from vinhdanh.organisations.enums import Gender

EDITABLE_FIELDS = {"decided_on", "subject", "legal_bases", "proposal", "citation",
                   "copies_to", "signer", "signer_authority", "signer_title", "signer_name",
                   "council_session"}
DEFAULT_CITATION = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {year}"


def require(actor, perm: str, decision=None) -> None:
    """``actor=None`` is the system (demo loader, management commands)."""
    if actor is not None and not actor.has_perm(perm, decision):
        raise PermissionDenied(_("You may not do this on this decision."))


def default_legal_bases(issuer: Issuer, day: dt.date) -> str:
    """The issuer's own bases (its organisation law), then the Law and decrees in force on
    ``day`` from the rule pack."""
    own = [line.strip() for line in issuer.default_legal_bases.splitlines() if line.strip()]
    laws = [f"Căn cứ {basis};" for basis in c.legal_bases(day)]
    return "\n".join(own + laws)


def default_subject(nominations) -> str:
    honours = {n.honor for n in nominations}
    if len(honours) == 1:
        return f"Về việc {c.honour_phrase(next(iter(honours)))}"
    return "Về việc tặng danh hiệu thi đua và hình thức khen thưởng"


def printed_name(candidate) -> str:
    """ "Bà Nguyễn Thị Hương" for a person, the unit's name, "Hộ gia đình Đinh Văn Hải"."""
    name = getattr(candidate, "full_name", None)
    if name is not None:
        return f"{'Bà' if candidate.gender == Gender.FEMALE else 'Ông'} {name}"
    if hasattr(candidate, "head_name"):
        return f"Hộ gia đình {candidate.head_name}"
    return candidate.name


def _check_approved(nominations, decision=None) -> None:
    for nomination in nominations:
        if nomination.state != NominationState.APPROVED:
            raise DomainError(_("%(candidate)s: only dossiers approved by the council can be "
                                "decided (this one is %(state)s).") % {
                "candidate": nomination.candidate, "state": nomination.get_state_display()})
        taken = DecisionEntry.objects.filter(nomination=nomination).exclude(decision=decision)
        if taken.exists():
            raise DomainError(_("%(candidate)s is already in decision %(decision)s.") % {
                "candidate": nomination.candidate, "decision": taken.first().decision})


def _entry(decision: Decision, nomination: Nomination, position: int) -> DecisionEntry:
    return DecisionEntry(
        decision=decision, nomination=nomination, position=position, honor=nomination.honor,
        person=nomination.person, unit=nomination.unit, household=nomination.household,
        year=nomination.year, recipient_name=printed_name(nomination.candidate),
        recipient_detail=c.candidate_place(nomination))


@transaction.atomic
def create_decision(issuer: Issuer, *, actor, nominations, decided_on: dt.date,
                    signer_title: str, signer_name: str, **fields) -> Decision:
    """A draft decision granting the honours of ``nominations`` (approved dossiers), with
    default subject, legal bases and citation, and its annex with bonuses on
    ``decided_on``."""
    require(actor, "decisions.draft_decision")
    nominations = list(nominations)
    if not nominations:
        raise DomainError(_("Choose at least one approved dossier."))
    _check_approved(nominations)
    unknown = fields.keys() - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    year = max(n.year for n in nominations)
    decision = Decision(
        issuer=issuer, kind=DecisionKind.AWARD, decided_on=decided_on, created_by=actor,
        subject=default_subject(nominations),
        legal_bases=default_legal_bases(issuer, decided_on),
        citation=DEFAULT_CITATION.format(year=year),
        copies_to=issuer.default_copies_to, signer_title=signer_title,
        signer_name=signer_name)
    for name, value in fields.items():
        setattr(decision, name, nfc(value) if isinstance(value, str) else value)
    decision.full_clean()
    decision.save()
    DecisionEntry.objects.bulk_create(
        [_entry(decision, n, index) for index, n in enumerate(nominations, start=1)])
    refresh_annex(decision)
    log_action(decision, actor=actor, action="decisions.drafted",
               message=_("Drafted a decision for %(count)s recipients") % {
                   "count": len(nominations)})
    return decision


def _locked_draft(decision: Decision, expected_version: int | None = None) -> Decision:
    locked = Decision.objects.select_for_update().get(pk=decision.pk)
    if locked.state != DecisionState.DRAFT:
        raise DomainError(_("Only a draft can be changed; this decision is %(state)s.") % {
            "state": locked.get_state_display()})
    if expected_version is not None and locked.version != expected_version:
        raise DomainError(_("The decision was changed by someone else since you opened it; "
                            "reload the page."))
    return locked


@transaction.atomic
def update_decision(decision: Decision, *, actor, expected_version: int | None = None,
                    **changes) -> Decision:
    """Changes a draft's text, date or signer; a new date recomputes every bonus."""
    require(actor, "decisions.draft_decision", decision)
    unknown = changes.keys() - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    locked = _locked_draft(decision, expected_version)
    for name, value in changes.items():
        setattr(locked, name, nfc(value) if isinstance(value, str) else value)
    locked.version += 1
    locked.full_clean()
    locked.save()
    refresh_annex(locked)
    log_action(locked, actor=actor, action="decisions.updated",
               message=_("Changed the draft decision"), fields=sorted(changes))
    decision.refresh_from_db()
    return locked


@transaction.atomic
def add_nominations(decision: Decision, *, actor, nominations) -> Decision:
    require(actor, "decisions.draft_decision", decision)
    locked = _locked_draft(decision)
    nominations = list(nominations)
    _check_approved(nominations, locked)
    # After the last number, not the count: a removed line leaves a gap in the positions.
    start = locked.entries.aggregate(last=Max("position"))["last"] or 0
    DecisionEntry.objects.bulk_create(
        [_entry(locked, n, start + index) for index, n in enumerate(nominations, start=1)])
    _touch(locked)
    refresh_annex(locked)
    return locked


@transaction.atomic
def remove_entry(entry: DecisionEntry, *, actor) -> Decision:
    """Takes a recipient off a draft; the dossier stays approved, free for another decision."""
    require(actor, "decisions.draft_decision", entry.decision)
    locked = _locked_draft(entry.decision)
    if locked.entries.count() == 1:
        raise DomainError(_("A decision needs at least one recipient."))
    entry.delete()
    _touch(locked)
    refresh_annex(locked)
    return locked


@transaction.atomic
def update_entry(entry: DecisionEntry, *, actor, **changes) -> DecisionEntry:
    """Corrects how a recipient is printed (name, position and unit, achievement)."""
    require(actor, "decisions.draft_decision", entry.decision)
    locked = _locked_draft(entry.decision)
    allowed = {"recipient_name", "recipient_detail", "achievement"}
    for name in allowed & changes.keys():
        setattr(entry, name, nfc(changes[name]).strip())
    entry.full_clean()
    entry.save()
    _touch(locked)
    return entry


def _touch(decision: Decision) -> None:
    decision.version += 1
    decision.save(update_fields=["version"])


def refresh_annex(decision: Decision) -> int:
    """Recomputes every line's bonus for the decision date (the rule pack and base salary in
    force that day; the same-period rule pays only the highest title); returns the total.
    A revocation's lines keep the bonus paid by the honour they revoke (the money to
    recover)."""
    if decision.kind == DecisionKind.REVOCATION:
        return total_bonus(decision)
    entries = list(decision.entries.select_related("honor"))
    items = [BonusItem(_key(e), e.honor.code, e.subject, e.year, e.first_year)
             for e in entries]
    # The explanations are stored: in the site's language, whoever's request computes them.
    with translation.override(settings.LANGUAGE_CODE):
        sheet = decision_bonuses(items, decision.decided_on)
    for entry, (_item, bonus) in zip(entries, sheet.lines, strict=True):
        entry.bonus_amount, entry.bonus_paid = bonus.amount, bonus.paid
        entry.bonus_confirmed = bonus.confirmed and bonus.pack_confirmed
        entry.bonus_explanation = bonus.explanation[:500]
    DecisionEntry.objects.bulk_update(entries, ["bonus_amount", "bonus_paid",
                                                "bonus_confirmed", "bonus_explanation"])
    return sheet.total


def _key(entry: DecisionEntry) -> str:
    for field in ("person", "unit", "household"):
        if getattr(entry, f"{field}_id"):
            return f"{field}:{getattr(entry, f'{field}_id')}"
    return f"entry:{entry.pk}"


def total_bonus(decision: Decision) -> int:
    return sum(decision.entries.values_list("bonus_amount", flat=True))
