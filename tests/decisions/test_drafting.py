"""Drafting a decision: approved dossiers only, each in one decision; the annex's bonuses
from the calculator on the decision date; edits of a draft only, with the version check."""

import datetime as dt
import unicodedata

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from tests.council.support import ready
from tests.decisions.support import DECIDED_ON, approved, draft, issuer
from tests.factories import PersonFactory
from tests.nominations.support import clerk_for, in_appraisal
from vinhdanh.core.errors import DomainError
from vinhdanh.decisions.models import Decision, DecisionEntry
from vinhdanh.decisions.services import drafting, issuing
from vinhdanh.honors.services.bonuses import compute_bonus
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.services import workflow
from vinhdanh.organisations.models import Household

pytestmark = pytest.mark.django_db

BK_TINH_DEC_2026 = 3_800_000  # 1.5 × 2,530,000 = 3,795,000 rounded up (ND 152 Art 54)
BK_TINH_JUN_2026 = 3_510_000  # 1.5 × 2,340,000 (base salary before 01/07/2026)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _create(personas, nominations, **fields):
    return drafting.create_decision(
        issuer(), actor=personas.board_officer, nominations=nominations,
        decided_on=DECIDED_ON, signer_title="Phó Chủ tịch", signer_name="Trần Văn Ký", **fields)


def _women_approved(province, personas):
    """A Women's Union dossier the council approved: another unit's data beside ours."""
    clerk = clerk_for(province.women, "vanthu_phunu")
    nomination = in_appraisal(province, clerk, personas.board_officer,
                              justification="Thành tích đặc biệt")
    workflow.pass_to_council(nomination, actor=personas.board_officer)
    return workflow.record_council_result(nomination, actor=personas.board_officer,
                                          approved=True)


def _bonuses(decision) -> dict[str, tuple[int, bool]]:
    return {e.recipient_name: (e.bonus_amount, e.bonus_paid) for e in decision.entries.all()}


def test_create_decision_fills_the_defaults_and_the_annex(province, personas):
    ours, theirs = approved(province, personas), _women_approved(province, personas)

    decision = _create(personas, [ours, theirs])

    assert decision.subject == "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh"
    assert decision.legal_bases.splitlines()[0].startswith("Căn cứ Luật Tổ chức chính quyền")
    assert decision.citation == "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"
    assert decision.copies_to == "Như Điều 3;\nLưu: VT, BTĐKT."
    assert (decision.number, decision.version, decision.created_by) == (
        None, 1, personas.board_officer)
    entries = list(decision.entries.order_by("position"))
    assert [(e.position, e.nomination) for e in entries] == [(1, ours), (2, theirs)]
    assert entries[0].recipient_name == drafting.printed_name(ours.candidate)
    assert entries[1].recipient_detail.endswith("Hội Liên hiệp Phụ nữ tỉnh")


def test_create_decision_refuses_a_dossier_not_approved(province, personas):
    waiting = ready(province, personas)  # passed to the council, not yet voted on

    with pytest.raises(DomainError, match="only dossiers approved by the council"):
        _create(personas, [approved(province, personas), waiting])
    assert Decision.objects.count() == 0


def test_create_decision_refuses_a_dossier_already_in_a_decision(province, personas):
    taken = approved(province, personas)
    first = _create(personas, [taken])
    second = _create(personas, [approved(province, personas)])

    with pytest.raises(DomainError, match="already in decision"):
        _create(personas, [taken])
    with pytest.raises(DomainError, match="already in decision"):
        drafting.add_nominations(second, actor=personas.board_officer, nominations=[taken])
    assert list(DecisionEntry.objects.filter(nomination=taken).values_list(
        "decision", flat=True)) == [first.pk]


@pytest.mark.parametrize("persona", ["unit_clerk", "signer", "council_member", "viewer"])
def test_create_decision_needs_the_board(province, personas, persona):
    nomination = approved(province, personas)

    with pytest.raises(PermissionDenied):
        drafting.create_decision(issuer(), actor=getattr(personas, persona),
                                 nominations=[nomination], decided_on=DECIDED_ON,
                                 signer_title="Chủ tịch", signer_name="Trần Văn Ký")
    assert Decision.objects.count() == 0


def test_bonus_is_the_calculator_s_on_the_decision_date(province, personas):
    decision = draft(province, personas, count=2)

    amounts = set(decision.entries.values_list("bonus_amount", flat=True))

    assert amounts == {compute_bonus("bang_khen_tinh", "individual", DECIDED_ON).amount}
    assert amounts == {BK_TINH_DEC_2026}
    assert drafting.total_bonus(decision) == drafting.refresh_annex(decision) == (
        2 * BK_TINH_DEC_2026)
    entry = decision.entries.first()
    assert (entry.bonus_paid, entry.bonus_confirmed) == (True, False)  # 2026 salary unchecked
    assert "1,5 × 2.530.000" in entry.bonus_explanation


def test_changing_the_decision_date_recomputes_the_bonuses(province, personas):
    decision = draft(province, personas, count=2)

    drafting.update_decision(decision, actor=personas.board_officer,
                             decided_on=dt.date(2026, 6, 30))

    assert set(decision.entries.values_list("bonus_amount", flat=True)) == {BK_TINH_JUN_2026}
    assert drafting.total_bonus(decision) == 2 * BK_TINH_JUN_2026
    assert (decision.decided_on, decision.version) == (dt.date(2026, 6, 30), 2)


def test_same_period_titles_of_one_candidate_pay_only_the_highest(province, personas):
    person = PersonFactory(unit=province.farmers, full_name="Nguyễn Văn Kiên")
    other = PersonFactory(unit=province.farmers, full_name="Lê Thị Hoa")
    nominations = [
        approved(province, personas, honor_code="lao_dong_tien_tien", candidate=person),
        approved(province, personas, honor_code="chien_si_thi_dua_co_so", candidate=person),
        approved(province, personas, honor_code="lao_dong_tien_tien", candidate=other)]

    decision = _create(personas, nominations)

    lines = {(e.person.full_name, e.honor.code): (e.bonus_amount, e.bonus_paid)
             for e in decision.entries.select_related("person", "honor")}
    assert lines == {
        ("Nguyễn Văn Kiên", "lao_dong_tien_tien"): (0, False),
        ("Nguyễn Văn Kiên", "chien_si_thi_dua_co_so"): (2_530_000, True),  # 1.0 × 2.53M
        ("Lê Thị Hoa", "lao_dong_tien_tien"): (760_000, True)}  # 0.3 × 2.53M rounded up
    assert drafting.total_bonus(decision) == 3_290_000


def test_honour_without_a_coefficient_gets_a_line_of_zero(province, personas):
    household = Household.objects.create(head_name="Đinh Văn Hải", address="Thôn Đồng Tâm",
                                         unit=province.farmers)
    nominations = [approved(province, personas, honor_code="gia_dinh_van_hoa",
                            candidate=household), approved(province, personas)]

    decision = _create(personas, nominations)

    line = decision.entries.get(household=household)
    assert (line.bonus_amount, line.bonus_paid) == (0, False)
    assert line.recipient_name == "Hộ gia đình Đinh Văn Hải"
    assert drafting.total_bonus(decision) == BK_TINH_DEC_2026


def test_update_entry_stores_nfc_text(province, personas):
    decision = draft(province, personas)
    entry = decision.entries.get()
    decomposed = unicodedata.normalize("NFD", "  Bà Nguyễn Thị Hương ")

    drafting.update_entry(entry, actor=personas.board_officer, recipient_name=decomposed,
                          achievement=unicodedata.normalize("NFD", "Có thành tích xuất sắc"))

    entry.refresh_from_db()
    assert entry.recipient_name == "Bà Nguyễn Thị Hương"
    assert unicodedata.is_normalized("NFC", entry.recipient_name)
    assert entry.achievement == unicodedata.normalize("NFC", "Có thành tích xuất sắc")
    assert Decision.objects.get(pk=decision.pk).version == 2


def test_update_decision_normalises_text_and_refuses_unknown_fields(province, personas):
    decision = draft(province, personas)

    drafting.update_decision(decision, actor=personas.board_officer,
                             subject=unicodedata.normalize("NFD", "Về việc tặng Bằng khen"))

    assert decision.subject == unicodedata.normalize("NFC", "Về việc tặng Bằng khen")
    with pytest.raises(TypeError):
        drafting.update_decision(decision, actor=personas.board_officer, number=7)


def test_remove_entry_keeps_the_dossier_approved_but_not_the_last_line(province, personas):
    decision = draft(province, personas, count=2)
    first, last = decision.entries.order_by("position")

    drafting.remove_entry(first, actor=personas.board_officer)

    assert list(decision.entries.all()) == [last]
    assert first.nomination.state == NominationState.APPROVED
    assert drafting.total_bonus(decision) == BK_TINH_DEC_2026
    with pytest.raises(DomainError, match="at least one recipient"):
        drafting.remove_entry(last, actor=personas.board_officer)
    assert decision.entries.count() == 1


def test_add_nominations_appends_lines_with_their_bonuses(province, personas):
    decision = draft(province, personas)

    drafting.add_nominations(decision, actor=personas.board_officer,
                             nominations=[approved(province, personas)])

    assert list(decision.entries.values_list("position", "bonus_amount")) == [
        (1, BK_TINH_DEC_2026), (2, BK_TINH_DEC_2026)]


def test_a_line_added_after_a_removal_takes_a_new_position(province, personas):
    decision = draft(province, personas, count=2)
    drafting.remove_entry(decision.entries.get(position=1), actor=personas.board_officer)

    drafting.add_nominations(decision, actor=personas.board_officer,
                             nominations=[approved(province, personas)])

    assert list(decision.entries.values_list("position", flat=True)) == [2, 3]


@pytest.mark.parametrize("step", ["sent", "issued"])
def test_a_decision_past_drafting_cannot_change(province, personas, step):
    decision = draft(province, personas, count=2)
    issuing.send_for_signature(decision, actor=personas.board_officer)
    if step == "issued":
        issuing.issue(decision, actor=personas.signer, decided_on=DECIDED_ON)
    entry = decision.entries.first()
    officer = personas.board_officer

    for change in (
            lambda: drafting.update_decision(decision, actor=officer, subject="Khác"),
            lambda: drafting.update_entry(entry, actor=officer, recipient_name="Ông Khác"),
            lambda: drafting.add_nominations(decision, actor=officer,
                                             nominations=[approved(province, personas)]),
            lambda: drafting.remove_entry(entry, actor=officer)):
        with pytest.raises(DomainError, match="Only a draft can be changed"):
            change()
    assert decision.entries.count() == 2
    assert Decision.objects.get(pk=decision.pk).subject != "Khác"


def test_update_with_a_stale_version_is_refused(province, personas):
    decision = draft(province, personas)
    shown = decision.version
    drafting.update_decision(decision, actor=personas.board_officer, proposal="Tờ trình 1")

    with pytest.raises(DomainError, match="changed by someone else"):
        drafting.update_decision(decision, actor=personas.board_officer,
                                 expected_version=shown, proposal="Tờ trình 2")
    assert Decision.objects.get(pk=decision.pk).proposal == "Tờ trình 1"
