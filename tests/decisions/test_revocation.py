"""Revocation decisions (Law Ch. VII): the four grounds only; issuing one marks the honour
revoked, keeps it in the history and stops it counting; one revocation per honour; the
same number series as the awards."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from tests.decisions.support import DECIDED_ON, draft, issued, issuer
from vinhdanh.core.errors import DomainError
from vinhdanh.decisions.enums import (
    GROUND_TEXT,
    CounterKind,
    DecisionKind,
    DecisionState,
    RevocationGround,
)
from vinhdanh.decisions.models import Certificate, CertificateJob, Issuer, NumberCounter
from vinhdanh.decisions.services import issuing, revocation
from vinhdanh.honors.models import HonorRecord
from vinhdanh.honors.services.facts import consecutive_holders
from vinhdanh.nominations.enums import NominationState

pytestmark = pytest.mark.django_db

REVOKED_ON = dt.date(2027, 3, 10)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _draft_revocation(personas, entries, ground=RevocationGround.FORGED,
                      reason="Giả mạo giấy xác nhận"):
    return revocation.create_revocation(
        issuer(), actor=personas.board_officer, decided_on=REVOKED_ON,
        lines=[(entry, ground, reason) for entry in entries],
        signer=personas.signer, signer_title="Chủ tịch", signer_name="Trần Văn Ký")


def _issue(decision, personas, day=REVOKED_ON):
    issuing.send_for_signature(decision, actor=personas.board_officer)
    return issuing.issue(decision, actor=personas.signer, decided_on=day)


def _granted(province, personas, count=1):
    return list(issued(province, personas, count=count).entries.order_by("position"))


@pytest.mark.parametrize("ground", RevocationGround.values)
def test_each_of_the_four_grounds_is_accepted(province, personas, ground):
    entry = _granted(province, personas)[0]

    decision = _draft_revocation(personas, [entry], ground=ground)

    line = decision.entries.get()
    assert (decision.kind, decision.state, line.ground, line.revokes) == (
        DecisionKind.REVOCATION, DecisionState.DRAFT, ground, entry)
    assert (line.recipient_name, line.bonus_amount) == (entry.recipient_name,
                                                        entry.bonus_amount)


def test_a_ground_outside_the_law_is_refused(province, personas):
    entry = _granted(province, personas)[0]

    with pytest.raises(DomainError) as refused:
        _draft_revocation(personas, [entry], ground="disliked")
    assert "ground" in refused.value.message_dict
    assert not entry.revocations.exists()


def test_only_an_issued_award_can_be_revoked(province, personas):
    pending = draft(province, personas).entries.get()

    with pytest.raises(DomainError, match="issued decision"):
        _draft_revocation(personas, [pending])


def test_only_the_board_drafts_a_revocation(province, personas):
    entry = _granted(province, personas)[0]

    with pytest.raises(PermissionDenied):
        revocation.create_revocation(
            issuer(), actor=personas.signer, decided_on=REVOKED_ON,
            lines=[(entry, RevocationGround.FORGED, "")], signer_title="Chủ tịch",
            signer_name="Trần Văn Ký")


def test_issuing_a_revocation_marks_the_honour_revoked_and_keeps_it(province, personas):
    revoked, kept = _granted(province, personas, count=2)
    decision = _issue(_draft_revocation(personas, [revoked]), personas)

    record = HonorRecord.objects.get(pk=revoked.honor_record_id)
    assert record.revoked_on == REVOKED_ON
    assert record.revocation == (
        f"Quyết định số 1/QĐ-UBND ngày 10/03/2027 của Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình "
        f"Xanh: {GROUND_TEXT[RevocationGround.FORGED]}")  # the first number of 2027
    assert (record.decision_number, record.source) == ("1/QĐ-UBND", "issued")
    assert HonorRecord.objects.get(pk=kept.honor_record_id).revoked_on is None
    assert (decision.kind, decision.reference, decision.year) == (
        DecisionKind.REVOCATION, "1/QĐ-UBND", 2027)
    assert revoked.nomination.state == NominationState.DECIDED  # the dossier's past stays


def test_a_revoked_honour_no_longer_counts_for_eligibility(province, personas):
    revoked, kept = _granted(province, personas, count=2)
    people = [revoked.person_id, kept.person_id]
    assert consecutive_holders(people, "bang_khen_tinh", 1, 2025) == set(people)

    _issue(_draft_revocation(personas, [revoked]), personas)

    assert consecutive_holders(people, "bang_khen_tinh", 1, 2025) == {kept.person_id}


def test_a_second_revocation_of_one_honour_is_refused(province, personas):
    entry = _granted(province, personas)[0]
    first = _draft_revocation(personas, [entry])

    with pytest.raises(DomainError, match="already being drafted"):
        _draft_revocation(personas, [entry])
    _issue(first, personas)
    with pytest.raises(DomainError, match="already revoked"):
        _draft_revocation(personas, [entry], ground=RevocationGround.DISHONEST)
    assert entry.revocations.count() == 1


def test_one_honour_twice_in_one_revocation_is_refused(province, personas):
    entry = _granted(province, personas)[0]

    with pytest.raises(DomainError, match="twice"):
        revocation.create_revocation(
            issuer(), actor=personas.board_officer, decided_on=REVOKED_ON,
            lines=[(entry, RevocationGround.FORGED, "a"),
                   (entry, RevocationGround.DISHONEST, "b")],
            signer_title="Chủ tịch", signer_name="Trần Văn Ký")
    assert not entry.revocations.exists()


def test_revocations_share_the_awards_number_series(province, personas):
    entry = _granted(province, personas)[0]
    revoking = _issue(_draft_revocation(personas, [entry]), personas, DECIDED_ON)
    award = issued(province, personas)

    assert [revoking.reference, award.reference] == ["2/QĐ-UBND", "3/QĐ-UBND"]


def test_issuing_a_revocation_grants_nothing(province, personas):
    entries = _granted(province, personas, count=2)
    golden_before = NumberCounter.objects.get(kind=CounterKind.GOLDEN_BOOK).last

    decision = _issue(_draft_revocation(personas, entries), personas)

    assert Certificate.objects.filter(entry__decision=decision).count() == 0
    assert HonorRecord.objects.count() == 2
    assert not decision.entries.filter(golden_book_number__isnull=False).exists()
    assert NumberCounter.objects.get(kind=CounterKind.GOLDEN_BOOK).last == golden_before
    assert not CertificateJob.objects.filter(decision=decision).exists()



def test_a_long_authority_still_fits_the_revocation_note(province, personas):
    entry = _granted(province, personas)[0]
    long_name = "Chủ tịch Ủy ban nhân dân " + "tỉnh Hòa Bình Xanh và vùng phụ cận " * 6
    Issuer.objects.filter(pk=issuer().pk).update(authority=long_name[:255])

    _issue(_draft_revocation(personas, [entry], ground=RevocationGround.NOT_MET), personas)

    record = HonorRecord.objects.get(pk=entry.honor_record_id)
    assert record.revoked_on == REVOKED_ON
    assert 290 < len(record.revocation) <= 300  # cut (and stripped) at the column's size
    assert record.revocation.startswith("Quyết định số 1/QĐ-UBND ngày 10/03/2027 của Chủ tịch")
