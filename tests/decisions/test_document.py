"""The decision as a Word document (Decree 30/2020): what the printed page says, read back
from LibreOffice's PDF, and the page set-up in the .docx itself."""

import datetime as dt
import io
import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.decisions.support import DECIDED_ON, approved, draft, issued, issuer
from tests.factories import PersonFactory
from tests.rendering import docx_to_text, needs_libreoffice
from vinhdanh.core import wordlayout
from vinhdanh.decisions.documents.decision import amount_words, decision_docx, number_words
from vinhdanh.decisions.enums import GROUND_TEXT, RevocationGround
from vinhdanh.decisions.models import DecisionEntry
from vinhdanh.decisions.services import issuing, revocation
from vinhdanh.honors.services.bonuses import format_vnd
from vinhdanh.organisations.enums import Gender

LONG_NAME = "Công Tằng Tôn Nữ Thị Bảo Ngọc Huyền Trân"
PROPOSAL = "Xét đề nghị của Trưởng Ban Thi đua - Khen thưởng tỉnh tại Tờ trình số 45/TTr-BTĐKT."
REASON = "Kê khai khống số liệu của sáng kiến"
REVOKED_ON = dt.date(2027, 2, 5)


def two_honours(province, personas, **fields):
    """A collective and a person with a long name for Bằng khen tỉnh, and a person for
    Chiến sĩ thi đua cấp tỉnh."""
    person = PersonFactory(unit=province.farmers, full_name=LONG_NAME, gender=Gender.FEMALE)
    return [approved(province, personas, candidate=province.farmers_sub),
            approved(province, personas, candidate=person),
            approved(province, personas, honor_code="chien_si_thi_dua_tinh")]


@pytest.fixture
def award(province, personas):
    return issued(province, personas, nominations=two_honours(province, personas),
                  proposal=PROPOSAL)


@pytest.fixture
def revoking(province, personas):
    granted = issued(province, personas).entries.get()
    decision = revocation.create_revocation(
        issuer(), actor=personas.board_officer, decided_on=REVOKED_ON,
        lines=[(granted, RevocationGround.DISHONEST, REASON)], signer=personas.signer,
        signer_authority="KT. CHỦ TỊCH", signer_title="Phó Chủ tịch", signer_name="Trần Văn Ký")
    issuing.send_for_signature(decision, actor=personas.board_officer)
    return issuing.issue(decision, actor=personas.signer, decided_on=REVOKED_ON)


def paragraphs(data: bytes) -> list[str]:
    """Every paragraph's text in body order, table cells included."""
    body = Document(io.BytesIO(data)).element.body
    return ["".join(t.text for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


def annex_rows(data: bytes) -> list[list[str]]:
    table = Document(io.BytesIO(data)).tables[-1]
    return [[cell.text for cell in row.cells] for row in table.rows]


def flat(text: str) -> str:
    """The printed text on one line. LibreOffice may wrap a symbol after its hyphen
    ("1/QĐ-" / "UBND", depending on the random names before it): such a break is no space."""
    return " ".join(re.sub(r"(?<=\w-)\n\s*", "", text).split())


def shown(name: str, printed: str) -> bool:
    """Every word of ``name`` is printed: a long name wraps inside its table cell, and the
    text of the next cells comes between its lines."""
    return all(f" {word} " in f" {printed} " for word in name.split())


# -- amounts in words -------------------------------------------------------------------------

@pytest.mark.parametrize(("number", "words"), [
    (0, "không"), (5, "năm"), (10, "mười"), (11, "mười một"), (15, "mười lăm"),
    (21, "hai mươi mốt"), (25, "hai mươi lăm"), (105, "một trăm linh năm"),
    (110, "một trăm mười"), (1_005, "một nghìn không trăm linh năm"),
    (1_050_000, "một triệu không trăm năm mươi nghìn"),
    (3_510_000, "ba triệu năm trăm mười nghìn"),
    (12_345_000, "mười hai triệu ba trăm bốn mươi lăm nghìn"),
    (2_000_005_000, "hai tỷ không trăm linh năm nghìn"),
])
def test_number_words_read_as_vietnamese(number, words):
    assert " ".join(number_words(number)) == words


def test_amount_words_end_with_the_currency():
    assert amount_words(7_590_000) == "bảy triệu năm trăm chín mươi nghìn đồng"


# -- the .docx itself -------------------------------------------------------------------------

def test_docx_is_a4_with_decree_30_margins(province, personas):
    section = Document(io.BytesIO(decision_docx(draft(province, personas)))).sections[0]

    sizes = [section.page_width, section.page_height, section.top_margin,
             section.bottom_margin, section.left_margin, section.right_margin]

    assert [round(size.mm, 1) for size in sizes] == [210, 297, 20, 20, 30, 15]


def test_docx_uses_times_new_roman_14_in_vietnamese(province, personas):
    doc = Document(io.BytesIO(decision_docx(draft(province, personas))))
    normal = doc.styles["Normal"]
    fonts = normal.element.rPr.rFonts

    assert (normal.font.name, normal.font.size) == (wordlayout.FONT, Pt(14))
    assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "cs")} == {"Times New Roman"}
    assert fonts.get(qn("w:asciiTheme")) is None
    assert normal.element.rPr.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"


def test_draft_prints_a_blank_number_and_date(province, personas):
    texts = paragraphs(decision_docx(draft(province, personas)))

    assert "Số:        /QĐ-UBND" in texts
    assert "Hòa Bình Xanh, ngày      tháng      năm 2026" in texts
    assert "(Kèm theo Quyết định số        /QĐ-UBND ngày      /     /2026 của Chủ tịch Ủy ban "\
           "nhân dân tỉnh Hòa Bình Xanh)" in texts


def test_heading_splits_the_issuer_and_adds_its_governing_body(province, personas):
    issuer(parent_heading="Ủy ban nhân dân tỉnh Hòa Bình Xanh")
    doc = Document(io.BytesIO(decision_docx(draft(province, personas))))
    left = doc.tables[0].cell(0, 0)

    assert [p.text for p in left.paragraphs][:2] == [
        "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH XANH", "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH XANH"]


def test_single_honour_counts_recipients_in_article_1(province, personas):
    texts = paragraphs(decision_docx(draft(province, personas, count=2)))

    assert ("Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 02 cá nhân có tên trong danh "
            "sách kèm theo, đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025.") in texts


def test_annex_groups_by_honour_with_subtotals_and_total(award):
    entries = {e.recipient_name: e for e in award.entries.all()}
    rows = annex_rows(decision_docx(award))
    amounts = [row[3] for row in rows]
    total = sum(e.bonus_amount for e in entries.values())

    assert rows[0] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị",
                       "Số tiền thưởng (đồng)"]
    assert [row[0] for row in rows if len(set(row)) == 1] == [
        "I. CHIẾN SĨ THI ĐUA CẤP TỈNH", "1. Cá nhân", "II. BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH",
        "1. Tập thể", "2. Cá nhân"]
    assert rows[-1] == ["", "Tổng cộng", "", format_vnd(total)]
    assert [row[1] for row in rows if row[1].startswith("Cộng")] == ["Cộng I", "Cộng II"]
    assert f"Bà {LONG_NAME}" in [row[1] for row in rows]
    assert amounts.count(format_vnd(total)) == 1


def test_annex_marks_unpaid_and_unconfirmed_bonuses(province, personas):
    decision = draft(province, personas, count=2)
    first, second = decision.entries.order_by("position")
    DecisionEntry.objects.filter(pk=first.pk).update(bonus_amount=0, bonus_paid=False)
    DecisionEntry.objects.filter(pk=second.pk).update(bonus_confirmed=False,
                                                      bonus_amount=3_510_000)

    data = decision_docx(decision)

    amounts = [row[3] for row in annex_rows(data)]
    assert amounts[-3:] == ["0 (**)", "3.510.000 (*)", "3.510.000"]
    assert "(*) Mức thưởng theo quy định chưa được xác nhận." in paragraphs(data)
    assert any(text.startswith("(**) Không chi tiền thưởng") for text in paragraphs(data))


def test_annex_without_open_figures_has_no_notes(province, personas):
    decision = draft(province, personas)
    decision.entries.update(bonus_confirmed=True, bonus_paid=True)

    texts = paragraphs(decision_docx(decision))

    assert not any(text.startswith(("(*)", "(**)")) for text in texts)


def test_last_legal_basis_ends_the_sentence(province, personas):
    texts = paragraphs(decision_docx(draft(province, personas, proposal=PROPOSAL)))
    before = texts[texts.index("QUYẾT ĐỊNH:") - 1]

    assert before == PROPOSAL
    assert texts[texts.index(PROPOSAL) - 1].endswith("khen thưởng;")


def test_revocation_has_no_annex_and_names_the_recovery(revoking):
    entry = revoking.entries.select_related("revokes__decision").get()
    data = decision_docx(revoking)
    texts = paragraphs(data)

    assert len(Document(io.BytesIO(data)).tables) == 2  # heading and signatures only
    assert (f"- {entry.recipient_name}: hiện vật khen thưởng (Bằng khen của Chủ tịch UBND tỉnh) "
            f"và số tiền thưởng {format_vnd(entry.bonus_amount)} đồng.") in texts


# -- the printed page (LibreOffice) -------------------------------------------------------

@needs_libreoffice
def test_printed_award_decision_reads_as_issued(award, tmp_path):
    entries = list(award.entries.all())
    total = sum(e.bonus_amount for e in entries)

    printed = flat(docx_to_text(decision_docx(award), tmp_path))

    assert "Số: 1/QĐ-UBND" in printed
    assert "ỦY BAN NHÂN DÂN" in printed and "TỈNH HÒA BÌNH XANH" in printed
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in printed
    assert "Độc lập - Tự do - Hạnh phúc" in printed
    assert "Hòa Bình Xanh, ngày 15 tháng 12 năm 2026" in printed
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH XANH" in printed
    assert "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;" in printed
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15" in printed
    assert PROPOSAL in printed
    assert "Nơi nhận: KT. CHỦ TỊCH" in printed and "PHÓ CHỦ TỊCH" in printed
    assert "Trần Văn Ký" in printed
    assert f"Tổng số tiền thưởng: {format_vnd(total)} đồng" in printed
    assert amount_words(total).capitalize() in printed
    assert (f"(Kèm theo Quyết định số 1/QĐ-UBND ngày {DECIDED_ON:%d/%m/%Y} của Chủ tịch Ủy ban "
            "nhân dân tỉnh Hòa Bình Xanh)") in printed
    for entry in entries:
        assert shown(entry.recipient_name, printed)
        assert format_vnd(entry.bonus_amount) in printed


@needs_libreoffice
def test_printed_draft_shows_the_blank_number(province, personas, tmp_path):
    printed = flat(docx_to_text(decision_docx(draft(province, personas)), tmp_path))

    assert "Số: /QĐ-UBND" in printed
    assert "Hòa Bình Xanh, ngày tháng năm 2026" in printed


@needs_libreoffice
def test_printed_revocation_states_the_ground_and_the_decision_revoked(revoking, tmp_path):
    entry = revoking.entries.select_related("revokes__decision").get()

    printed = flat(docx_to_text(decision_docx(revoking), tmp_path))

    assert f"Số: {revoking.reference}" in printed
    assert "Hòa Bình Xanh, ngày 05 tháng 02 năm 2027" in printed
    assert "Về việc hủy bỏ quyết định khen thưởng" in printed
    assert f"Hủy bỏ việc tặng Bằng khen của Chủ tịch UBND tỉnh cho {entry.recipient_name}" \
           in printed
    assert (f"tại Quyết định số 1/QĐ-UBND ngày {DECIDED_ON:%d/%m/%Y} của Chủ tịch Ủy ban nhân "
            "dân tỉnh Hòa Bình Xanh") in printed
    assert f"Lý do: {GROUND_TEXT[RevocationGround.DISHONEST]} ({REASON})." in printed
    assert f"Tổng số tiền thu hồi: {format_vnd(entry.bonus_amount)} đồng" in printed
    assert "DANH SÁCH" not in printed


def test_revocation_of_several_honours_numbers_them(province, personas):
    granted = list(issued(province, personas, count=2).entries.order_by("position"))
    decision = revocation.create_revocation(
        issuer(), actor=personas.board_officer, decided_on=REVOKED_ON,
        lines=[(entry, RevocationGround.FORGED, "") for entry in granted],
        signer_title="Chủ tịch", signer_name="Lê Văn Chủ")

    texts = paragraphs(decision_docx(decision))

    assert "Điều 1. Hủy bỏ việc khen thưởng sau:" in texts
    numbered = [text for text in texts if text[:3] in ("1. ", "2. ")]
    assert [text[:41] for text in numbered] == [
        "1. Tặng Bằng khen của Chủ tịch UBND tỉnh ", "2. Tặng Bằng khen của Chủ tịch UBND tỉnh "]
    assert all(text.endswith(f"Lý do: {GROUND_TEXT[RevocationGround.FORGED]}.")
               for text in numbered)
    assert "Số:        /QĐ-UBND" in texts
    assert "CHỦ TỊCH" in texts and "Lê Văn Chủ" in texts


def test_award_without_any_bonus_states_no_total(province, personas):
    decision = draft(province, personas)
    decision.entries.update(bonus_amount=0, bonus_paid=False)

    texts = paragraphs(decision_docx(decision))

    assert not any(text.startswith("Tổng số tiền thưởng") for text in texts)
    assert annex_rows(decision_docx(decision))[-1] == ["", "Tổng cộng", "", "0"]
