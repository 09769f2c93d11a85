"""Drafting a revocation decision (Law Ch. VII): the honours it revokes, each with one of
the four grounds; issuing it (issuing.issue) marks the honour records revoked, keeps them
in the history, and the certificates' public pages say "revoked"."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.decisions.enums import DecisionKind, DecisionState, RevocationGround
from vinhdanh.decisions.models import Decision, DecisionEntry, Issuer
from vinhdanh.decisions.services.drafting import default_legal_bases, require
from vinhdanh.honors.models import HonorRecord


def _check_revocable(entry: DecisionEntry, ground: str) -> None:
    if ground not in RevocationGround.values:
        raise DomainError({"ground": [_("Choose one of the four grounds of the law.")]})
    if entry.decision.state != DecisionState.ISSUED or entry.decision.kind != DecisionKind.AWARD:
        raise DomainError(_("Only an honour granted by an issued decision can be revoked."))
    # Read from the database: the caller's entry may hold the record as it was before
    # another revocation was issued.
    if HonorRecord.objects.filter(pk=entry.honor_record_id, revoked_on__isnull=False).exists():
        raise DomainError(_("%(recipient)s: this honour is already revoked.")
                          % {"recipient": entry.recipient_name})
    pending = entry.revocations.exclude(decision__state=DecisionState.ISSUED)
    if pending.exists():
        raise DomainError(_("%(recipient)s: a revocation of this honour is already being "
                            "drafted.") % {"recipient": entry.recipient_name})


def _check_distinct(entries: list[DecisionEntry]) -> None:
    # Issuing would revoke the record once and then refuse the whole decision.
    seen = set()
    for entry in entries:
        if entry.pk in seen:
            raise DomainError(_("%(recipient)s: the same honour is listed twice.")
                              % {"recipient": entry.recipient_name})
        seen.add(entry.pk)


def _line(decision: Decision, revoked: DecisionEntry, position: int, ground: str,
          reason: str) -> DecisionEntry:
    return DecisionEntry(
        decision=decision, position=position, revokes=revoked, honor=revoked.honor,
        person_id=revoked.person_id, unit_id=revoked.unit_id,
        household_id=revoked.household_id, year=revoked.year,
        first_year=revoked.first_year, recipient_name=revoked.recipient_name,
        recipient_detail=revoked.recipient_detail, bonus_amount=revoked.bonus_amount,
        bonus_paid=revoked.bonus_paid, ground=ground, reason=nfc(reason).strip())


@transaction.atomic
def create_revocation(issuer: Issuer, *, actor, lines, decided_on: dt.date,
                      signer_title: str, signer_name: str, **fields) -> Decision:
    """A draft revocation decision; ``lines`` are (decision entry to revoke, ground,
    reason). The money to recover is the bonus the revoked line paid."""
    require(actor, "decisions.draft_decision")
    lines = list(lines)
    if not lines:
        raise DomainError(_("Choose at least one honour to revoke."))
    for entry, ground, _reason in lines:
        _check_revocable(entry, ground)
    _check_distinct([entry for entry, _ground, _reason in lines])
    decision = Decision.objects.create(
        issuer=issuer, kind=DecisionKind.REVOCATION, decided_on=decided_on,
        subject="Về việc hủy bỏ quyết định khen thưởng",
        legal_bases=default_legal_bases(issuer, decided_on), created_by=actor,
        copies_to=issuer.default_copies_to, signer_title=signer_title,
        signer_name=signer_name, **fields)
    DecisionEntry.objects.bulk_create(
        [_line(decision, entry, index, ground, reason)
         for index, (entry, ground, reason) in enumerate(lines, start=1)])
    log_action(decision, actor=actor, action="decisions.revocation_drafted",
               message=_("Drafted a revocation of %(count)s honours") % {"count": len(lines)})
    return decision
