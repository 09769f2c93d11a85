"""The year-end summary report's Word document, built from plain dataclasses."""

import datetime as dt
import io
from dataclasses import replace
from decimal import Decimal

from docx import Document

from tests.rendering import docx_to_text, needs_libreoffice
from vinhdanh.documents.summary_content import (
    Commendation,
    Figures,
    Handover,
    HonourCount,
    Letter,
    MovementResult,
    Narrative,
    PledgeFacts,
    ProposalRow,
    Ranking,
    RankingRow,
    Recipient,
    ReportContent,
    Share,
    Target,
    Vote,
)
from vinhdanh.documents.summary_report import annex_rows, number, summary_docx

GROUP = "Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh"
TITLE = "Tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng, nhiệm vụ năm 2024"


def _commendation(**changes) -> Commendation:
    return replace(Commendation(
        proposals=(ProposalRow(1, "Hội Cựu chiến binh tỉnh", "Cờ thi đua của UBND tỉnh", False,
                               Vote(6, 0, 0, True)),
                   ProposalRow(2, "Hội Nông dân tỉnh", "Bằng khen của Chủ tịch UBND tỉnh",
                               False, Vote(2, 3, 1, False))),
        dossiers=(HonourCount("Cờ thi đua của UBND tỉnh", collectives=1),),
        granted=(HonourCount("Lao động tiên tiến", individuals=12),
                 HonourCount("Tập thể lao động tiên tiến", collectives=3)),
        recipients=(Recipient("Văn phòng Hội Nông dân tỉnh", "Hội Nông dân tỉnh",
                              "Tập thể lao động tiên tiến", "12/QĐ-HND ngày 15/12/2023",
                              "collective"),
                    Recipient("Đinh Thị Mận", "Chủ tịch, Hội Nông dân tỉnh",
                              "Lao động tiên tiến", "13/QĐ-HND ngày 15/12/2023",
                              "individual")),
        share=Share(2023, 3, 12), previous=Share(2022, 1, 10)), **changes)


def _figures(**changes) -> Figures:
    return replace(Figures(
        year=2023, members=("Hội Cựu chiến binh tỉnh", "Hội Nông dân tỉnh"),
        movements=(MovementResult(
            "Vì người nghèo - Không để ai bị bỏ lại phía sau", False, "UBND tỉnh Hòa Sơn",
            (Target("Hộ thoát nghèo", "hộ", Decimal("300.00"), Decimal("1234.5"), 2),),
            participants=2, missing=("Hội Nông dân tỉnh",)),),
        pledge=PledgeFacts(dt.date(2023, 2, 24), ("Hội Cựu chiến binh tỉnh",
                                                   "Hội Nông dân tỉnh")),
        ranking=Ranking(1, dt.date(2023, 11, 25), (RankingRow(1, "Hội Cựu chiến binh tỉnh",
                                                              Decimal("98.250")),
                                                   RankingRow(2, "Hội Nông dân tỉnh",
                                                              Decimal("91.000")))),
        commendation=_commendation(),
        handover=Handover(dt.date(2023, 11, 29), "Hội Cựu chiến binh tỉnh", "Hội Nông dân tỉnh",
                          "Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", 2024)), **changes)


def _content(**figures) -> ReportContent:
    return ReportContent(
        group=GROUP, cluster=False,
        letter=Letter(issuer_upper=GROUP, issuer="Hội Cựu chiến binh tỉnh", number="18",
                      symbol="BC-KTĐ", place="Hòa Sơn", dated=dt.date(2023, 11, 29),
                      title=TITLE, signer_title="TM. KHỐI THI ĐUA\nKHỐI TRƯỞNG",
                      signer_name="Lương Đức Thắng",
                      recipients=("Ban Thi đua - Khen thưởng tỉnh", "Lưu: VT")),
        narrative=Narrative(situation="Năm 2023 các đơn vị bám sát sự chỉ đạo.",
                            directions="Tiếp tục phong trào “Giải phóng mặt bằng”."),
        figures=_figures(**figures))


def _open(content: ReportContent):
    return Document(io.BytesIO(summary_docx(content)))


def _text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def _cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_summary_docx_has_the_heading_title_and_five_parts():
    doc = _open(_content())
    text = _text(doc)

    for part in ("BÁO CÁO", TITLE, "I. TÌNH HÌNH CHUNG", "II. KẾT QUẢ THỰC HIỆN",
                 "III. TỒN TẠI, HẠN CHẾ", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024",
                 "V. ĐỀ XUẤT, KIẾN NGHỊ", "Năm 2023 các đơn vị bám sát sự chỉ đạo.",
                 "5. Bàn giao nhiệm vụ Khối trưởng, Khối phó", "PHỤ LỤC"):
        assert part in text
    heading = _cells(doc.tables[0])
    assert heading[1] == ["Số: 18/BC-KTĐ", "Hòa Sơn, ngày 29 tháng 11 năm 2023"]
    assert "HỘI CỰU CHIẾN BINH TỈNH" in heading[0][0]


def test_summary_docx_sums_movement_targets_in_a_table_the_vietnamese_way():
    doc = _open(_content())
    movement = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT"
                    and "Kế hoạch" in t.rows[0].cells[3].text)

    assert _cells(movement)[2] == ["1.1", "Hộ thoát nghèo", "hộ", "300", "1.234,5", "411,5%"]
    assert "“Vì người nghèo - Không để ai bị bỏ lại phía sau”: Hội Nông dân tỉnh." in \
        _text(doc)


def test_summary_docx_lists_ranking_votes_counts_and_the_direct_worker_share():
    doc = _open(_content())
    tables = [_cells(t) for t in doc.tables]
    text = _text(doc)

    assert ["1", "Hội Cựu chiến binh tỉnh", "98,25"] in tables[2]
    assert ["2", "Hội Nông dân tỉnh", "Bằng khen của Chủ tịch UBND tỉnh", "2 / 3 / 1",
            "Không thông qua"] in tables[3]
    assert ["", "Tổng cộng", "3", "12", "0", "15"] in tables[5]
    assert ("có 3 lượt là người lao động trực tiếp, chiếm 25%; năm 2022: 1/10 lượt (10%), "
            "tăng 15 điểm phần trăm.") in text
    assert "Hội Nông dân tỉnh bàn giao" not in text
    assert "Hội Cựu chiến binh tỉnh (Khối trưởng năm 2023) bàn giao nhiệm vụ Khối trưởng " \
           "năm 2024 cho Hội Nông dân tỉnh; Hội Liên hiệp Phụ nữ tỉnh làm Khối phó." in text


def test_summary_docx_repeats_table_headers_and_keeps_rows_whole():
    doc = _open(_content())
    annex = doc.tables[-1]

    assert annex.rows[0]._tr.trPr.xpath("./w:tblHeader")
    assert all(row._tr.trPr.xpath("./w:cantSplit") for row in annex.rows[1:])
    assert _cells(annex)[1][0].startswith("I. TẬP THỂ")
    assert _cells(annex)[4][:2] == ["1", "Đinh Thị Mận"]
    heading = next(p for p in doc.paragraphs if p.text == "III. TỒN TẠI, HẠN CHẾ")
    assert heading.paragraph_format.keep_with_next  # never alone at the foot of a page


def test_summary_docx_writes_sentences_instead_of_empty_tables():
    empty = _commendation(proposals=(), dossiers=(), granted=(), recipients=(),
                          share=Share(2023, 0, 0), previous=None)
    doc = _open(_content(movements=(), ranking=None, pledge=None, handover=None,
                         commendation=empty))
    text = _text(doc)

    assert len(doc.tables) == 2  # the heading and the signature only
    for sentence in ("không có phong trào thi đua, cuộc vận động nào",
                     "Khối chưa công bố kết quả chấm điểm, xếp hạng năm 2023.",
                     "Chưa có đề nghị khen thưởng", "chưa gửi hồ sơ đề nghị khen thưởng",
                     "chưa có quyết định khen thưởng", "không có lượt cá nhân nào",
                     "Chưa ghi nhận việc bàn giao"):
        assert sentence in text
    assert "PHỤ LỤC" not in text


def test_summary_docx_leaves_blanks_for_an_unnumbered_undated_report():
    content = _content()
    content = replace(content, letter=replace(content.letter, number="", dated=None),
                      narrative=Narrative())
    doc = _open(content)

    assert _cells(doc.tables[0])[1] == ["Số:        /BC-KTĐ",
                                         "Hòa Sơn, ngày      tháng      năm 2023"]
    assert "…" * 20 in _text(doc)  # dots where a section is still to be written


def test_summary_docx_names_a_cluster_as_such():
    content = replace(_content(), cluster=True, group="Cụm thi đua các huyện")

    assert "5. Bàn giao nhiệm vụ Cụm trưởng, Cụm phó" in _text(_open(content))


def test_number_formats_decimals_the_vietnamese_way():
    assert [number(Decimal("5000.00")), number(Decimal("92.125")), number(None)] == [
        "5.000", "92,125", "—"]


def test_annex_rows_number_each_kind_of_recipient_from_one():
    rows = annex_rows(_commendation().recipients)

    assert [row if isinstance(row, str) else row[0] for row in rows] == [
        "I. TẬP THỂ", "1", "II. CÁ NHÂN", "1"]


@needs_libreoffice
def test_summary_docx_renders_with_its_figures_and_names(tmp_path):
    text = docx_to_text(summary_docx(_content()), tmp_path, "bao-cao-tong-ket")

    for expected in ("BÁO CÁO", "Số: 18/BC-KTĐ", "Hội Cựu chiến binh tỉnh", "98,25",
                     "1.234,5", "Lương Đức Thắng", "Đinh Thị Mận", "PHỤ LỤC"):
        assert expected in text
