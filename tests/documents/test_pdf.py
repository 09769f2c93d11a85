"""The minimal PDF writer: fonts, wrapping, strings, file structure, QR paths."""

import datetime as dt
import re

import pytest

from tests.documents.support import every_vietnamese_letter
from vinhdanh.documents import pdf
from vinhdanh.documents.qr import qr_modules, qr_path


def test_repertoire_has_every_vietnamese_letter():
    assert set(every_vietnamese_letter()) <= set(pdf.repertoire())


def test_font_encodes_every_character_of_the_repertoire():
    face = pdf.font("regular")

    encoded = face.encode(pdf.repertoire())

    assert len(encoded) == 2 + 4 * len(pdf.repertoire())


def test_font_is_built_once_per_style():
    assert pdf.font("bold") is pdf.font("bold")


def test_encode_unsupported_character_names_it():
    with pytest.raises(ValueError, match="U\\+4E2D"):
        pdf.font("regular").encode("Nguyễn 中")


def test_width_unsupported_character_names_it():
    with pytest.raises(ValueError, match="U\\+1F600"):
        pdf.font("italic").width("Hà Giang 😀", 12)


def test_width_adds_up_and_scales_with_size():
    face = pdf.font("bold")

    assert face.width("ĐĐ", 10) == pytest.approx(2 * face.width("Đ", 10))
    assert face.width("Hương", 20) == pytest.approx(2 * face.width("Hương", 10))


def test_wrap_keeps_every_word_within_the_width():
    face = pdf.font("italic")
    text = "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2025 " * 3

    lines = pdf.wrap(text, face, 14, 300)

    assert len(lines) > 1
    assert " ".join(lines) == " ".join(text.split())
    assert all(face.width(line, 14) <= 300 for line in lines)


def test_wrap_word_wider_than_the_line_stands_alone():
    lines = pdf.wrap("a Nghiêngnghiêngnghiêng b", pdf.font("regular"), 14, 40)

    assert lines == ["a", "Nghiêngnghiêngnghiêng", "b"]


def test_text_string_is_utf16_with_byte_order_mark():
    assert pdf.text_string("Đ") == b"<FEFF0110>"


def test_document_xref_points_at_every_object():
    static = pdf.StaticPart([b"<< /A 1 >>", pdf.stream(b"0 0 m", level=6)])
    bodies = [b"<< /Type /Catalog /Pages 4 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>",
              pdf.info("Bằng khen", dt.datetime(2026, 2, 5, tzinfo=dt.UTC))]

    data = pdf.document(static, bodies, root=3, info=5)

    start = int(re.search(rb"startxref\n(\d+)", data).group(1))
    assert data[start:start + 4] == b"xref"
    offsets = re.findall(rb"(\d{10}) 00000 n ", data[start:])
    assert [data[int(o):].split(b" ", 1)[0] for o in offsets] == [b"1", b"2", b"3", b"4", b"5"]
    assert b"/CreationDate (D:20260205000000Z)" in data
    assert data.endswith(b"%%EOF\n")


def test_qr_modules_are_square_rows_of_dark_and_light():
    size, rows = qr_modules("https://vinhdanh.example/xac-minh/ABC")

    assert len(rows) == size
    assert {len(row) for row in rows} == {size}
    assert set(b"".join(rows)) == {0, 255}


def test_qr_path_is_one_fill_of_rectangles_covering_the_dark_modules():
    text = "https://vinhdanh.example/xac-minh/ABC"
    size, rows = qr_modules(text)

    ops = qr_path(10, 20, 72, text).decode("ascii")

    assert ops.split().count("f") == 1
    dark = {(x + i, int(y)) for x, y, w in re.findall(r"(\d+) (\d+) (\d+) 1 re", ops)
            for x, w in [(int(x), int(w))] for i in range(w)}
    assert dark == {(x, y) for y, row in enumerate(rows) for x, v in enumerate(row) if v == 0}
