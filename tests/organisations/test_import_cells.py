import datetime as dt
import unicodedata

import pytest
from django.utils import translation

from vinhdanh.organisations.importers import cells
from vinhdanh.organisations.importers.cells import CellProblem
from vinhdanh.organisations.importers.schema import vocabularies

TODAY = dt.date(2026, 6, 1)
FEB_5 = dt.date(2026, 2, 5)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize("value", [
    dt.date(2026, 2, 5),
    dt.datetime(2026, 2, 5, 10, 30),
    46058,
    46058.0,
    "05/02/2026",
    "5/2/2026",
    "05-02-2026",
    "05.02.2026",
    " 05 / 02 / 2026 ",
    "2026-02-05",
    "05/02/2026 00:00:00",
    "ngày 05 tháng 02 năm 2026",
    "Ngày 5 tháng 2 năm 2026",
    "NGÀY 05 THÁNG 02 NĂM 2026",
    "ngay 05 thang 02 nam 2026",
    "ngày05tháng02năm2026",
    "Hà Nội, ngày 05 tháng 02 năm 2026",
    unicodedata.normalize("NFD", "ngày 05 tháng 02 năm 2026"),
    "05/02/26",
])
def test_date_accepted_form_parses_day_first(value):
    assert cells.date(value, today=TODAY) == FEB_5


@pytest.mark.parametrize(("value", "expected"), [
    ("05/02/86", dt.date(1986, 2, 5)),
    ("05/02/26", dt.date(2026, 2, 5)),
    ("05/02/27", dt.date(1927, 2, 5)),
    ("01/12/00", dt.date(2000, 12, 1)),
])
def test_date_two_digit_year_is_the_latest_not_future_one(value, expected):
    assert cells.date(value, today=TODAY) == expected


@pytest.mark.parametrize(("value", "reason"), [
    ("31/02/2020", "There is no such day in the calendar."),
    ("29/02/2023", "There is no such day in the calendar."),
    ("05/13/2020", "There is no such day in the calendar."),
    ("hôm qua", "Not a date: write the day first, as dd/mm/yyyy."),
    ("05/02/202", "Not a date: write the day first, as dd/mm/yyyy."),
    ("05/02/1850", "Not a date: write the day first, as dd/mm/yyyy."),
    (0, "Not a date: write the day first, as dd/mm/yyyy."),
])
def test_date_impossible_value_is_refused_with_reason(value, reason):
    with pytest.raises(CellProblem) as problem:
        cells.date(value, today=TODAY)

    assert str(problem.value) == reason


def test_past_date_in_the_future_is_refused():
    with pytest.raises(CellProblem) as problem:
        cells.past_date("02/06/2026", today=TODAY)

    assert str(problem.value) == "A date of birth cannot be in the future."


@pytest.mark.parametrize(("value", "expected"), [
    (37085001234.0, "037085001234"),
    (37085001234, "037085001234"),
    (1085001234.0, "001085001234"),
    ("037085001234", "037085001234"),
    (" 037 085 001 234 ", "037085001234"),
    ("'037085001234", "037085001234"),
])
def test_citizen_id_text_keeps_or_restores_leading_zeros(value, expected):
    assert cells.citizen_id_text(value) == expected


def test_citizen_id_text_refuses_a_fraction():
    with pytest.raises(CellProblem) as problem:
        cells.citizen_id_text(37085001234.5)

    assert str(problem.value) == "A citizen ID has exactly 12 digits."


@pytest.mark.parametrize(("value", "gender", "born", "reason"), [
    ("03708500123", "male", None, "A citizen ID has exactly 12 digits."),
    ("999085001234", "male", None, "The first three digits are not a province code."),
    ("037185001234", "male", dt.date(1985, 1, 1), "Digit 4 does not match the gender."),
    ("037086001234", "male", dt.date(1985, 1, 1),
     "Digits 4 to 6 do not match the year of birth."),
])
def test_check_citizen_id_invalid_value_gives_reason(value, gender, born, reason):
    with pytest.raises(CellProblem) as problem:
        cells.check_citizen_id(value, gender=gender, born=born)

    assert str(problem.value) == reason


@pytest.mark.parametrize(("value", "expected"), [
    ("Có", True), ("có", True), ("CO", True), ("x", True), ("1", True), (1.0, True),
    (True, True), ("TRUE", True), ("Không", False), ("khong", False), ("0", False),
    (0.0, False), (False, False), ("false", False),
])
def test_yes_no_common_spellings_are_read(value, expected):
    assert cells.yes_no(value) is expected


def test_yes_no_other_word_lists_accepted_values():
    with pytest.raises(CellProblem) as problem:
        cells.yes_no("có lẽ")

    assert str(problem.value) == "Not one of the accepted values: Có, Không."


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("gender", "Nữ", "female"),
    ("gender", "NU", "female"),
    ("gender", "nam", "male"),
    ("gender", "female", "female"),
    ("kind", "Doanh nghiệp", "enterprise"),
    ("kind", "doanh nghiep", "enterprise"),
    ("kind", "Enterprise", "enterprise"),
    ("kind", "enterprise", "enterprise"),
    ("kind", "Tổ chức chính trị - xã hội", "front"),
    ("level", "Cấp tỉnh", "province"),
    ("level", "cơ sở", "grassroots"),
    ("level", "Grassroots", "grassroots"),
])
def test_choice_label_code_or_vietnamese_word_gives_code(field, value, expected):
    assert cells.choice(value, vocabularies()[field]) == expected


def test_choice_unknown_word_lists_the_file_words():
    with pytest.raises(CellProblem) as problem:
        cells.choice("Không rõ", vocabularies()["gender"])

    assert str(problem.value) == "Not one of the accepted values: Nam, Nữ."


def test_text_is_nfc_with_single_spaces():
    value = unicodedata.normalize("NFD", "  Nguyễn   Thị  Hoà ")

    assert cells.text(value, max_length=50) == "Nguyễn Thị Hoà"


def test_text_whole_number_keeps_its_digits():
    assert cells.text(1234.0, max_length=10) == "1234"


def test_text_too_long_is_refused():
    with pytest.raises(CellProblem) as problem:
        cells.text("x" * 33, max_length=32)

    assert str(problem.value) == "At most 32 characters."


@pytest.mark.parametrize("header", ["Mã đơn vị", "mã đơn vị*", "  MA  DON VI (*) ",
                                    unicodedata.normalize("NFD", "Mã Đơn Vị")])
def test_key_ignores_case_marks_spaces_and_notes(header):
    assert cells.key(header) == "ma don vi"
