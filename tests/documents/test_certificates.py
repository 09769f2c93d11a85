"""Certificates read back through poppler: every field, sizes, the QR, pre-printed forms."""

import dataclasses

import pytest

from tests.documents.support import (
    every_vietnamese_letter,
    needs_poppler,
    pdf_info,
    pdf_text,
    render_gray,
    render_png,
    word_boxes,
)
from vinhdanh.documents.certificates import (
    FIELD_POSITIONS,
    Calibration,
    CertificateText,
    render,
    render_combined,
)

MM = 72 / 25.4
FIELDS = ("issuer_line", "honour", "recipient", "recipient_detail", "achievement",
          "decision_line", "golden_book_line", "place_date", "signer_authority",
          "signer_title", "signer_name", "verify_url", "national_name", "motto", "gives")
PREPRINTED_FIELDS = ("recipient", "recipient_detail", "achievement", "decision_line",
                     "golden_book_line", "place_date", "signer_authority", "signer_title",
                     "signer_name", "verify_url")


def certificate(**changes) -> CertificateText:
    fields = {
        "kind": "bang_khen", "issuer_line": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG",
        "honour": "BẰNG KHEN", "recipient": "Bà Nguyễn Thị Thu Hương",
        "recipient_detail": "Giáo viên Trường Trung học cơ sở xã Đồng Văn",
        "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua “Dạy tốt, học tốt” "
                       "năm học 2024–2025.",
        "decision_line": "Quyết định số 123/QĐ-UBND ngày 05/02/2026",
        "golden_book_line": "Số sổ vàng: 456/2026",
        "place_date": "Hà Giang, ngày 05 tháng 02 năm 2026", "signer_authority": "KT. CHỦ TỊCH",
        "signer_title": "PHÓ CHỦ TỊCH", "signer_name": "Nguyễn Văn An",
        "verify_url": "https://vinhdanh.hagiang.gov.vn/xac-minh/7KQ2M9XA4B",
    }
    return CertificateText(**(fields | changes))


def longest() -> CertificateText:
    """The longest realistic names, and every Vietnamese letter with every tone."""
    letters = every_vietnamese_letter()
    return certificate(
        recipient="Bà Tôn Nữ Thị Huỳnh Hương Quỳnh Nguyễn Phước Ngọc Diễm",
        recipient_detail="Chủ tịch Hội Liên hiệp Phụ nữ phường Quảng Phú, thành phố Quảng Ngãi",
        achievement=" ".join(letters[i:i + 6] for i in range(0, len(letters), 6)),
        signer_name="Tôn Nữ Thị Huỳnh Hương Quỳnh")


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="kind"):
        certificate(kind="huan_chuong")


def test_unsupported_character_is_refused_by_name():
    with pytest.raises(ValueError, match="U\\+4E2D"):
        render(certificate(recipient="Ông Lý 中"))


def test_achievement_too_long_for_four_lines_is_refused():
    with pytest.raises(ValueError, match="four lines"):
        render(certificate(achievement="thành tích xuất sắc " * 80))


def test_combined_stores_each_font_program_once():
    combined = render_combined([certificate(), longest(), certificate(recipient="Ông Lê Văn")])

    assert combined.count(b"/FontFile2") == render(certificate()).count(b"/FontFile2") == 3


def test_combined_without_certificates_is_refused():
    with pytest.raises(ValueError):
        render_combined([])


@needs_poppler
@pytest.mark.parametrize("make", [certificate, longest], ids=["usual", "longest"])
def test_render_every_field_reads_back_exactly(make):
    cert = make()

    text = pdf_text(render(cert))

    for field in FIELDS:
        assert " ".join(getattr(cert, field).split()) in text, field


@needs_poppler
def test_render_reads_back_in_nfc():
    decomposed = "Nguye\u0302\u0303n Thi\u0323 Hu\u031bo\u031bng"  # NFD input

    text = pdf_text(render(certificate(recipient=decomposed)))

    assert "Nguyễn Thị Hương" in text


@needs_poppler
def test_long_achievement_shrinks_into_four_lines():
    achievement = ("Đã có thành tích xuất sắc trong phong trào thi đua yêu nước, hoàn thành xuất "
                   "sắc nhiệm vụ được giao, góp phần vào sự nghiệp xây dựng và bảo vệ Tổ quốc "
                   * 3).strip()

    text = pdf_text(render(certificate(achievement=achievement)))

    assert achievement in text


@needs_poppler
@pytest.mark.parametrize(("page", "size"), [("A4", "841.89 x 595.28 pts (A4)"),
                                            ("A3", "1190.55 x 841.89 pts (A3)")])
def test_render_one_landscape_page(page, size):
    info = pdf_info(render(certificate(), calibration=Calibration(page=page)))

    assert (info["Pages"], info["Page size"]) == ("1", size)
    assert info["Producer"] == "Vinh Danh"
    assert info["Title"] == "BẰNG KHEN – Bà Nguyễn Thị Thu Hương"


@needs_poppler
def test_combined_has_one_page_per_certificate():
    certs = [certificate(), longest(), certificate(national_name="CỘNG HÒA XÃ HỘI")]

    combined = render_combined(certs)

    assert pdf_info(combined)["Pages"] == "3"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" in pdf_text(combined)


@needs_poppler
@pytest.mark.parametrize("preprinted", [False, True])
def test_page_renders_as_png(preprinted, tmp_path):
    png = render_png(render(longest(), preprinted=preprinted), tmp_path)

    assert png.startswith(b"\x89PNG\r\n\x1a\n")


@needs_poppler
@pytest.mark.parametrize(("page", "url"), [
    ("A4", "https://vinhdanh.hagiang.gov.vn/xac-minh/7KQ2M9XA4B"),
    ("A3", "https://vinhdanh.hagiang.gov.vn/xac-minh/7KQ2M9XA4B"),
    ("A4", "https://vinhdanh.example/x/1"),
    ("A4", "https://khenthuong.quangngai.gov.vn/xac-minh/ZZZZZZZZZZZZZZZZZZZZ?lang=vi"),
])
def test_qr_code_decodes_to_the_verify_url(page, url, tmp_path):
    import zxingcpp

    cert = certificate(verify_url=url)
    width, height, pixels = render_gray(render(cert, calibration=Calibration(page=page)),
                                        tmp_path)

    found = zxingcpp.read_barcodes(memoryview(pixels).cast("B", (height, width)),
                                   formats=zxingcpp.BarcodeFormat.QRCode)

    assert [barcode.text for barcode in found] == [cert.verify_url]


@needs_poppler
def test_preprinted_prints_only_the_variable_fields():
    cert = longest()

    text = pdf_text(render(cert, preprinted=True))

    for field in PREPRINTED_FIELDS:
        assert " ".join(getattr(cert, field).split()) in text, field
    for printed_on_the_form in ("CỘNG HÒA", "Độc lập", "ỦY BAN", "BẰNG KHEN", "Tặng"):
        assert printed_on_the_form not in text


@needs_poppler
def test_preprinted_fields_move_by_the_calibration_offset():
    cert = certificate()
    before = word_boxes(render(cert, preprinted=True))

    after = word_boxes(render(cert, preprinted=True,
                              calibration=Calibration(offset_x_mm=10, offset_y_mm=-10)))

    assert [word for word, _, _ in after] == [word for word, _, _ in before]
    for (_, x0, y0), (_, x1, y1) in zip(before, after, strict=True):
        # Boxes are measured from the top: 10 mm down the page is +10 mm here.
        assert (x1 - x0, y1 - y0) == (pytest.approx(10 * MM, abs=0.05),
                                      pytest.approx(10 * MM, abs=0.05))


@needs_poppler
def test_preprinted_field_position_override_is_in_page_millimetres():
    cert, scale = certificate(recipient="Ông Lò"), 420 / 297  # A3 is A4 scaled
    x, y = FIELD_POSITIONS["recipient"]
    moved = {"recipient": (x * scale - 30, y * scale + 20)}
    before = word_boxes(render(cert, preprinted=True, calibration=Calibration(page="A3")))

    after = word_boxes(render(cert, preprinted=True,
                              calibration=Calibration(page="A3", positions=moved)))

    shifts = {word: ((x1 - x0) / MM, (y1 - y0) / MM)
              for (word, x0, y0), (_, x1, y1) in zip(before, after, strict=True)}
    assert shifts["Lò"] == (pytest.approx(-30, abs=0.05), pytest.approx(-20, abs=0.05))
    assert shifts["Nguyễn"] == (0, 0)  # the signer's name stays where it was


def test_field_positions_cover_every_preprinted_field():
    assert set(PREPRINTED_FIELDS) | {"qr"} <= set(FIELD_POSITIONS)


def test_certificate_text_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        certificate().recipient = "Ông B"


@needs_poppler
def test_signer_title_without_authority_takes_the_authority_line():
    with_authority = dict((w, y) for w, _, y in word_boxes(render(certificate())))

    alone = dict((w, y) for w, _, y in word_boxes(render(certificate(signer_authority=""))))

    assert alone["PHÓ"] == pytest.approx(with_authority["KT."], abs=0.5)


@needs_poppler
def test_calibration_offsets_do_not_move_the_full_layout():
    cert = certificate()
    before = word_boxes(render(cert))

    after = word_boxes(render(cert, calibration=Calibration(offset_x_mm=10, offset_y_mm=5)))

    assert after == before


def test_calibration_refuses_unknown_fields_and_pages():
    with pytest.raises(ValueError, match="recipent"):
        Calibration(positions={"recipent": (10, 10)})
    with pytest.raises(ValueError, match="A5"):
        Calibration(page="A5")
