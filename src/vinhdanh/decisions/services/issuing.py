"""Signing and issuing a decision, and what issuing does.

    draft ─send_for_signature→ awaiting signature ─issue→ issued
    awaiting signature ─return_to_drafting→ draft (with the signer's reason)

Issuing happens in one transaction: the decision number (per issuer and year, gapless), the
golden-book numbers, an honour record per recipient, each dossier moved to "decided", one
certificate row per recipient; a revocation decision marks the honours it names revoked.
If anything is refused, nothing is kept and the number is given back. After the commit, a
background task writes the Word and PDF files (signed when a certificate is configured) and
prints the certificates; the dossiers' units are mailed by the dossier's own transition.
"""

import datetime as dt
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.decisions.enums import GROUND_TEXT, CounterKind, DecisionKind, DecisionState
from vinhdanh.decisions.models import Certificate, Decision, DecisionEntry
from vinhdanh.decisions.services.drafting import refresh_annex, require
from vinhdanh.decisions.services.numbering import take_number, take_numbers
from vinhdanh.decisions.services.search import refresh_search_text
from vinhdanh.honors.enums import RecordSource
from vinhdanh.honors.services.history import add_honor_record, revoke_honor_record
from vinhdanh.nominations.services import workflow


def _locked(decision: Decision, state: str, expected_version: int | None) -> Decision:
    locked = (Decision.objects.select_for_update(of=("self",)).select_related("issuer")
              .get(pk=decision.pk))
    if expected_version is not None and locked.version != expected_version:
        raise DomainError(_("The decision was changed by someone else since you opened it; "
                            "reload the page."))
    if locked.state != state:
        raise DomainError(_("This decision is “%(state)s”: the action is not possible now.")
                          % {"state": locked.get_state_display()})
    return locked


def _move(locked: Decision, state: str, *, actor, action: str, message: str, **data):
    locked.state = state
    locked.version += 1
    locked.save()
    log_action(locked, actor=actor, action=f"decisions.{action}", message=message, **data)


@transaction.atomic
def send_for_signature(decision: Decision, *, actor,
                       expected_version: int | None = None) -> Decision:
    """The board sends a finished draft to its signer."""
    require(actor, "decisions.draft_decision", decision)
    locked = _locked(decision, DecisionState.DRAFT, expected_version)
    if not locked.entries.exists():
        raise DomainError(_("A decision needs at least one recipient."))
    locked.return_reason = ""
    _move(locked, DecisionState.AWAITING_SIGNATURE, actor=actor, action="sent_for_signature",
          message=_("Sent the draft decision for signature"))
    decision.refresh_from_db()
    return locked


@transaction.atomic
def return_to_drafting(decision: Decision, *, actor, reason: str,
                       expected_version: int | None = None) -> Decision:
    """The signer sends the draft back to the board with what to change."""
    require(actor, "decisions.sign_decision", decision)
    reason = nfc(reason or "").strip()
    if not reason:
        raise DomainError({"reason": [_("Give the reason.")]})
    locked = _locked(decision, DecisionState.AWAITING_SIGNATURE, expected_version)
    locked.return_reason = reason
    _move(locked, DecisionState.DRAFT, actor=actor, action="returned",
          message=_("Returned the draft decision: %(reason)s") % {"reason": reason})
    decision.refresh_from_db()
    return locked


def reference_line(decision: Decision) -> str:
    """ "Quyết định số 12/QĐ-UBND ngày 05/02/2026 của Chủ tịch …" """
    return (f"Quyết định số {decision.reference} ngày {decision.decided_on:%d/%m/%Y} của "
            f"{authority_in_text(decision.issuer)}")


def authority_in_text(issuer) -> str:
    """The authority inside a sentence ("… của Chủ tịch Ủy ban nhân dân tỉnh …")."""
    authority = issuer.authority
    # As entered ("Chủ tịch Ủy ban nhân dân tỉnh Hà Giang"): lowering it whole would lower
    # the province's name too. Only an authority stored in capitals is lowered (as the Word
    # document does), proper names included, since they cannot be told apart.
    return authority[:1] + authority[1:].lower() if authority.isupper() else authority


def issue(decision: Decision, *, actor, decided_on: dt.date | None = None,
          expected_version: int | None = None, now: dt.datetime | None = None) -> Decision:
    """The signer signs and issues (see the module's docstring); ``decided_on`` is the
    signing date, today by default: bonuses are recomputed for it."""
    require(actor, "decisions.sign_decision", decision)
    now = now or timezone.now()
    with transaction.atomic():
        locked = _locked(decision, DecisionState.AWAITING_SIGNATURE, expected_version)
        locked.decided_on = decided_on or timezone.localdate(now)
        locked.year = locked.decided_on.year
        locked.number = take_number(locked.issuer, locked.year, CounterKind.DECISION)
        locked.issued_at = now
        entries = list(locked.entries.select_related("honor", "nomination", "revokes",
                                                     "revokes__honor_record"))
        if locked.kind == DecisionKind.AWARD:
            _grant(locked, entries, actor=actor, now=now)
        else:
            _revoke(locked, entries, actor=actor)
        refresh_search_text(locked)
        _move(locked, DecisionState.ISSUED, actor=actor, action="issued",
              message=_("Issued decision %(reference)s") % {"reference": locked.reference},
              number=locked.number, year=locked.year)
        transaction.on_commit(partial(_enqueue_files, locked.pk))
    decision.refresh_from_db()
    return locked


def _grant(decision: Decision, entries: list[DecisionEntry], *, actor, now) -> None:
    refresh_annex(decision)  # saves the bonuses itself; nothing below reads them
    golden = take_numbers(decision.issuer, decision.year, CounterKind.GOLDEN_BOOK,
                          len(entries))
    reference = reference_line(decision)
    for entry, number in zip(entries, golden, strict=True):
        entry.golden_book_number = number
        entry.honor_record = add_honor_record(
            entry.candidate, actor=actor, honor_code=entry.honor.code, year=entry.year,
            first_year=entry.first_year, decision_number=decision.reference,
            decision_date=decision.decided_on, issuer=decision.issuer.authority,
            source=RecordSource.ISSUED)
        entry.save(update_fields=["golden_book_number", "honor_record"])
        Certificate.objects.create(entry=entry)
        if entry.nomination_id:
            workflow.record_decision(entry.nomination, actor=actor, reference=reference,
                                     now=now)


def _revoke(decision: Decision, entries: list[DecisionEntry], *, actor) -> None:
    for entry in entries:
        revoked = entry.revokes
        if revoked is None or revoked.honor_record is None:
            raise DomainError(_("Line %(line)s names no issued honour to revoke.")
                              % {"line": entry.position})
        revoke_honor_record(
            revoked.honor_record, actor=actor, revoked_on=decision.decided_on,
            revocation=f"{reference_line(decision)}: {GROUND_TEXT[entry.ground]}")


def _enqueue_files(decision_id: int) -> None:
    from vinhdanh.decisions.tasks import write_decision_files

    write_decision_files.enqueue(decision_id)
