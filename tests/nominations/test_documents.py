"""The dossier's Word documents: Decree 30/2020 layout, pre-filled from the registry and the
candidate's history."""

import datetime as dt
import io
import unicodedata
from types import SimpleNamespace

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Emu

from tests.factories import PersonFactory
from tests.honors.factories import HonorRecordFactory, InitiativeFactory, TaskRatingFactory
from vinhdanh.core import wordlayout
from vinhdanh.honors.enums import TaskRating
from vinhdanh.honors.models import Honor
from vinhdanh.nominations.documents import achievement_report, brief_report, submission_letter
from vinhdanh.nominations.enums import CommendationType, NominationState, Procedure
from vinhdanh.nominations.models import Nomination
from vinhdanh.nominations.services import batches
from vinhdanh.organisations.enums import Gender
from vinhdanh.organisations.models import Household

BK = "Bằng khen của Chủ tịch UBND tỉnh"
TTLDXS = "Tập thể lao động xuất sắc"


def honor(code: str) -> Honor:
    return Honor.objects.get(code=code)


def make_dossier(province, clerk, **batch_fields):
    """A batch of the Farmers' Union: a person and a collective for the provincial merit
    certificate and LĐXS, with history; the Women's Union has history of its own."""
    fields = {"letter_number": "15/TTr-HND", "letter_date": dt.date(2026, 2, 5),
              "signer_title": "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH", "signer_name": "Lê Văn Thắng"}
    batch = batches.create_batch(actor=clerk, proposing_unit=province.farmers, year=2025,
                                 title="Khen thưởng tổng kết năm 2025",
                                 **(fields | batch_fields))
    person = PersonFactory(full_name="Nguyễn Thị Ánh Tuyết", unit=province.farmers,
                           gender=Gender.FEMALE, date_of_birth=dt.date(1984, 3, 9),
                           citizen_id=None, position="Phó Chủ tịch")
    HonorRecordFactory(person=person, code="lao_dong_tien_tien", year=2023,
                       decision_number="112/QĐ-HND", decision_date=dt.date(2024, 1, 8),
                       issuer="Hội Nông dân tỉnh")
    HonorRecordFactory(person=person, code="giay_khen", year=2024,
                       decision_number="45/QĐ-HND", decision_date=dt.date(2025, 1, 6))
    TaskRatingFactory(person=person, year=2024, rating=TaskRating.EXCELLENT)
    InitiativeFactory(person=person, title="Ứng dụng sổ tay điện tử hội viên", year=2024)
    other = province.women_people[0]
    HonorRecordFactory(person=other, code="lao_dong_tien_tien", year=2023,
                       decision_number="999/QĐ-PN")
    HonorRecordFactory(unit=province.farmers_sub, code="tap_the_lao_dong_tien_tien", year=2024,
                       decision_number="77/QĐ-HND")
    n_person = batches.add_candidate(batch, person, honor("bang_khen_tinh"), actor=clerk,
                                     summary="Dẫn đầu phong trào nông dân sản xuất giỏi.\n"
                                             "Vận động 120 hội viên mới.")
    n_unit = batches.add_candidate(batch, province.farmers_sub,
                                   honor("tap_the_lao_dong_xuat_sac"), actor=clerk)
    return SimpleNamespace(batch=batch, person=person, other=other, n_person=n_person,
                           n_unit=n_unit)


def read(data: bytes):
    return Document(io.BytesIO(data))


def lines(data: bytes) -> list[str]:
    """Every paragraph's text, tables included, in document order."""
    body = read(data).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


def text(data: bytes) -> str:
    return "\n".join(lines(data))


def table_rows(data: bytes) -> list[list[str]]:
    rows = []
    for table in read(data).tables:
        for row in table.rows:
            rows.append([cell.text for cell in row.cells])
    return rows


@pytest.fixture
def dossier(province, personas):
    return make_dossier(province, personas.unit_clerk)


# -- layout -------------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "expected"), [
    (dt.date(2026, 2, 5), "Hòa Sơn, ngày 05 tháng 02 năm 2026"),
    (dt.date(2025, 12, 15), "Hòa Sơn, ngày 15 tháng 12 năm 2025"),
    (dt.date(2026, 1, 9), "Hòa Sơn, ngày 09 tháng 01 năm 2026"),
    (dt.date(2026, 3, 10), "Hòa Sơn, ngày 10 tháng 3 năm 2026"),
    (dt.date(2026, 9, 1), "Hòa Sơn, ngày 01 tháng 9 năm 2026"),
    (dt.date(2026, 10, 31), "Hòa Sơn, ngày 31 tháng 10 năm 2026"),
])
def test_vietnamese_date_pads_days_below_ten_and_months_one_and_two(day, expected):
    assert wordlayout.vietnamese_date(day, "Hòa Sơn") == expected


def test_new_document_is_a4_portrait_with_decree_30_margins():
    doc = read(wordlayout.to_bytes(wordlayout.new_document()))

    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(getattr(section, f"{side}_margin").mm)
            for side in ("top", "bottom", "left", "right")] == [20, 20, 30, 15]
    normal = doc.styles["Normal"]
    assert (normal.font.name, normal.font.size.pt) == ("Times New Roman", 14)
    lang = normal.element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "vi-VN"


def test_national_heading_places_issuer_and_nation_side_by_side():
    doc = wordlayout.new_document()
    wordlayout.national_heading(doc, "UBND tỉnh Hòa Bình Xanh", "Sở Nội vụ", "Số: 3/TTr-SNV",
                                "Hòa Sơn, ngày 05 tháng 02 năm 2026")
    table = read(wordlayout.to_bytes(doc)).tables[0]
    (left, right), (number, date) = table.rows[0].cells, table.rows[1].cells

    assert [p.text for p in left.paragraphs if p.text] == [
        "UBND TỈNH HÒA BÌNH XANH", "SỞ NỘI VỤ"]
    assert [p.text for p in right.paragraphs if p.text] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert (number.text, date.text) == ("Số: 3/TTr-SNV", "Hòa Sơn, ngày 05 tháng 02 năm 2026")
    motto = right.paragraphs[1]
    assert motto.runs[0].bold and right.paragraphs[0].runs[0].bold
    assert date.paragraphs[0].runs[0].italic
    # Solid lines under the issuer and under the motto: bottom borders of the next paragraph.
    assert left.paragraphs[2]._p.pPr.find(qn("w:pBdr")) is not None
    assert right.paragraphs[2]._p.pPr.find(qn("w:pBdr")) is not None


def test_column_widths_fit_the_text_area():
    doc = wordlayout.new_document()
    table = wordlayout.grid(doc, ["STT", "Tên"], [["1", "An"]], widths_mm=[15, 150])

    assert [round(c.width.mm) for c in table.columns] == [15, 150]
    assert wordlayout.TEXT_WIDTH_MM == 165
    assert sum(wordlayout.HEADING_COLUMNS_MM) == 165
    section = doc.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    assert round(Emu(width).mm) == 165


# -- submission letter --------------------------------------------------------------------

def test_submission_letter_lists_candidates_grouped_by_honour(dossier):
    data = submission_letter(dossier.batch)
    content = text(data)

    assert "HỘI NÔNG DÂN TỈNH" in content
    assert "Số: 15/TTr-HND" in content
    assert "Hòa Bình Xanh, ngày 05 tháng 02 năm 2026" in content
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in content
    assert "Độc lập - Tự do - Hạnh phúc" in content
    assert "TỜ TRÌNH" in content
    assert "Về việc đề nghị khen thưởng tổng kết năm 2025" in content
    # In the catalogue's order of honours.
    assert f"1. Đề nghị công nhận danh hiệu “{TTLDXS}”: 01 tập thể." in content
    assert f"2. Đề nghị tặng {BK}: 01 cá nhân." in content
    assert "kính trình Hội đồng Thi đua - Khen thưởng tỉnh Hòa Bình Xanh xem xét" in content
    assert ["1", "Nguyễn Thị Ánh Tuyết", "Phó Chủ tịch, Hội Nông dân tỉnh", BK] in \
        table_rows(data)
    assert ["1", "Văn phòng Hội Nông dân", "Hội Nông dân tỉnh", TTLDXS] in table_rows(data)
    assert dossier.other.full_name not in content


def test_submission_letter_cites_the_decree_in_force_on_its_date(dossier):
    current = text(submission_letter(dossier.batch))
    dossier.batch.letter_date = dt.date(2025, 3, 10)
    older = text(submission_letter(dossier.batch))

    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15" in current
    assert "Nghị định số 152/2025/NĐ-CP" in current and "98/2023" not in current
    assert "Nghị định số 98/2023/NĐ-CP" in older and "152/2025" not in older
    assert "Hòa Bình Xanh, ngày 10 tháng 3 năm 2025" in older


def test_submission_letter_signature_block_from_the_batch(dossier):
    content = lines(submission_letter(dossier.batch))

    assert content.index("TM. BAN THƯỜNG VỤ") + 1 == content.index("CHỦ TỊCH")
    assert "Lê Văn Thắng" in content
    assert "Nơi nhận:" in content
    assert content.index("Nơi nhận:") < content.index("- Lưu: VT, HND.")


def test_submission_letter_leaves_blanks_when_number_date_and_signer_are_unknown(
        province, personas):
    found = make_dossier(province, personas.unit_clerk, letter_number="", letter_date=None,
                         signer_title="", signer_name="")

    content = lines(submission_letter(found.batch))

    assert "Số:        /TTr-HND" in content
    assert any(line.startswith("Hòa Bình Xanh, ngày      tháng      năm ") for line in content)
    assert content.count(wordlayout.NAME_DOTS) == 2  # the signer's title and name


def test_submission_letter_leaves_out_withdrawn_candidates(dossier):
    Nomination.objects.filter(pk=dossier.n_unit.pk).update(state=NominationState.WITHDRAWN)

    content = text(submission_letter(dossier.batch))

    assert "Văn phòng Hội Nông dân" not in content
    assert "Nguyễn Thị Ánh Tuyết" in content


def test_thematic_letter_names_its_subject(province, personas):
    found = make_dossier(province, personas.unit_clerk,
                         commendation_type=CommendationType.AD_HOC)

    assert "Về việc đề nghị khen thưởng đột xuất năm 2025" in text(
        submission_letter(found.batch))


# -- achievement reports ------------------------------------------------------------------

def test_person_report_prefills_profile_achievements_and_history(dossier):
    data = achievement_report(dossier.n_person)
    content = lines(data)
    rows = table_rows(data)

    assert "BÁO CÁO THÀNH TÍCH" in content
    assert f"Đề nghị tặng {BK}" in content
    for line in ("- Họ và tên: Nguyễn Thị Ánh Tuyết", "- Giới tính: Nữ",
                 "- Ngày, tháng, năm sinh: 09/03/1984", "- Đơn vị công tác: Hội Nông dân tỉnh",
                 "- Chức vụ (Đảng, chính quyền, đoàn thể): Phó Chủ tịch",
                 f"- Quê quán: {wordlayout.DOTS}",
                 "Dẫn đầu phong trào nông dân sản xuất giỏi.", "Vận động 120 hội viên mới."):
        assert line in content
    assert content.index("I. SƠ LƯỢC LÝ LỊCH") < content.index("II. THÀNH TÍCH ĐẠT ĐƯỢC") \
        < content.index("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
    assert ["2023", "Lao động tiên tiến",
            "Quyết định số 112/QĐ-HND ngày 08/01/2024 của Hội Nông dân tỉnh"] in rows
    assert ["2024", "Giấy khen", "Quyết định số 45/QĐ-HND ngày 06/01/2025"] in rows
    assert ["2024", "Hoàn thành xuất sắc nhiệm vụ"] in rows
    assert ["2024", "Ứng dụng sổ tay điện tử hội viên", "Cơ sở", ""] in rows
    assert not any("999/QĐ-PN" in cell for row in rows for cell in row)
    assert "NGƯỜI BÁO CÁO THÀNH TÍCH" in content
    assert content.index("THỦ TRƯỞNG ĐƠN VỊ") + 1 == content.index("XÁC NHẬN, ĐỀ NGHỊ")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in content


def test_collective_report_follows_the_collective_form(dossier):
    data = achievement_report(dossier.n_unit)
    content = lines(data)

    assert "VĂN PHÒNG HỘI NÔNG DÂN" in content  # the issuer column
    assert "HỘI NÔNG DÂN TỈNH" in content  # the body above it
    assert f"Đề nghị công nhận danh hiệu “{TTLDXS}”" in content
    assert content.index("I. ĐẶC ĐIỂM, TÌNH HÌNH") < content.index("II. THÀNH TÍCH ĐẠT ĐƯỢC") \
        < content.index("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐẠT")
    assert ["2024", "Tập thể lao động tiên tiến", "Quyết định số 77/QĐ-HND"] in table_rows(data)
    assert "THỦ TRƯỞNG ĐƠN VỊ" in content
    assert "Nguyễn Thị Ánh Tuyết" not in content


def test_household_report_is_the_short_variant(dossier, personas, province):
    household = Household.objects.create(head_name="Đinh Văn Hải", address="Thôn Đồng Tâm",
                                         unit=province.farmers_sub)
    nomination = batches.add_candidate(dossier.batch, household, honor("giay_khen"),
                                       actor=personas.unit_clerk)

    content = lines(achievement_report(nomination))

    assert "- Chủ hộ: Đinh Văn Hải" in content
    assert "- Địa chỉ: Thôn Đồng Tâm" in content
    assert "ĐẠI DIỆN HỘ GIA ĐÌNH" in content
    assert "3. Kết quả đánh giá, xếp loại mức độ hoàn thành nhiệm vụ" not in content


def test_brief_report_for_the_simplified_procedure(province, personas):
    found = make_dossier(province, personas.unit_clerk,
                         commendation_type=CommendationType.AD_HOC)
    found.batch.procedure = Procedure.SIMPLIFIED

    content = lines(brief_report(found.n_person))

    assert "BÁO CÁO TÓM TẮT THÀNH TÍCH" in content
    assert "- Họ và tên: Nguyễn Thị Ánh Tuyết" in content
    assert "- Chức vụ, đơn vị công tác: Phó Chủ tịch, Hội Nông dân tỉnh" in content
    assert "Vận động 120 hội viên mới." in content
    assert "Lê Văn Thắng" in content


def test_documents_are_nfc_even_from_decomposed_text(dossier):
    decomposed = unicodedata.normalize("NFD", "Hoà giải thành công 15 vụ việc")
    Nomination.objects.filter(pk=dossier.n_person.pk).update(summary=decomposed)

    for data in (achievement_report(dossier.n_person), brief_report(dossier.n_person),
                 submission_letter(dossier.batch)):
        content = text(data)
        assert content == unicodedata.normalize("NFC", content)
    assert unicodedata.normalize("NFC", decomposed) in text(achievement_report(dossier.n_person))


def _letter_queries(batch) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        submission_letter(batch)
    return len(queries)


def test_letter_queries_do_not_grow_with_candidates(dossier, province, personas):
    before = _letter_queries(dossier.batch)
    for person in (PersonFactory(unit=province.farmers_sub), PersonFactory(unit=province.farmers)):
        batches.add_candidate(dossier.batch, person, honor("bang_khen_tinh"),
                              actor=personas.unit_clerk)

    assert _letter_queries(dossier.batch) == before
    assert f"2. Đề nghị tặng {BK}: 03 cá nhân." in text(submission_letter(dossier.batch))


def test_letter_keeps_the_2022_bases_while_the_2026_amendment_is_unconfirmed(dossier):
    dossier.batch.letter_date = dt.date(2026, 11, 2)

    content = text(submission_letter(dossier.batch))

    assert "Nghị định số 152/2025/NĐ-CP" in content
    assert "06/2026/QH16" not in content
    assert "ngày 02 tháng 11 năm 2026" in content


@pytest.mark.parametrize(("name", "place"), [
    ("Tỉnh Hòa Bình Xanh", "Hòa Bình Xanh"),
    ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    ("Xã Hòa Sơn", "Hòa Sơn"),
    ("Phường Xuân Hòa", "Xuân Hòa"),
    ("Đặc khu Côn Đảo", "Côn Đảo"),
    ("Hội Nông dân tỉnh", "Hội Nông dân tỉnh"),
])
def test_place_names_drop_the_kind_of_administrative_unit(name, place):
    from vinhdanh.nominations.documents.common import bare_place

    assert bare_place(name) == place


def test_a_unit_dates_its_letters_from_its_own_commune(province):
    from tests.factories import UnitFactory
    from vinhdanh.nominations.documents.common import place_of
    from vinhdanh.organisations.enums import UnitKind, UnitLevel

    commune = UnitFactory(name="Xã Hòa Sơn", kind=UnitKind.COMMUNE, level=UnitLevel.COMMUNE,
                          parent=province.root)
    school = UnitFactory(name="Trường Tiểu học Hòa Sơn", kind=UnitKind.PUBLIC_SERVICE,
                         level=UnitLevel.GRASSROOTS, parent=commune)

    assert (place_of(school), place_of(province.farmers_sub)) == ("Hòa Sơn", "Hòa Bình Xanh")
