"""Broken workbooks are rejected as a whole, every bad cell named, and nothing is written."""

from io import BytesIO

import pytest
from django.utils import translation
from openpyxl import load_workbook

from tests.factories import UnitFactory
from tests.fixtures.workbooks import (
    PEOPLE_HEADERS,
    import_file,
    person_row,
    unit_row,
    xlsx,
)
from vinhdanh.core.models import ActivityLog
from vinhdanh.organisations.importers import ImportRejected, import_workbook, validate_workbook
from vinhdanh.organisations.models import Person, Unit


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _counts():
    return Unit.objects.count(), Person.objects.count(), ActivityLog.objects.count()


def _merged(data: bytes, sheet: str, *ranges: str) -> bytes:
    book = load_workbook(BytesIO(data))
    for cells in ranges:
        book[sheet].merge_cells(cells)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rejected(data, actor):
    """Imports ``data``, expecting a rejection; returns (sheet, row, column, reason) tuples."""
    before = _counts()
    with pytest.raises(ImportRejected) as rejected:
        import_workbook(data, actor=actor)
    assert _counts() == before
    return [(e.sheet, e.row, e.column, e.reason) for e in rejected.value.errors]


def test_import_bad_dates_reject_the_whole_file(personas):
    data = import_file(
        units=[unit_row(code="HND-X", name="Chi hội X", parent_code="HND",
                        active_from="32/01/2020")],
        people=[person_row(full_name="Nguyễn Văn Tùng"),
                person_row(full_name="Trần Văn Bình", date_of_birth="31/02/2020"),
                person_row(full_name="Lê Văn Cường", employment_start="hôm qua"),
                person_row(full_name="Phạm Văn Dũng", date_of_birth="01/01/2099")],
    )

    errors = _rejected(data, personas.admin)

    assert errors == [
        ("Đơn vị", 2, "G", "There is no such day in the calendar."),
        ("Nhân sự", 3, "C", "There is no such day in the calendar."),
        ("Nhân sự", 4, "H", "Not a date: write the day first, as dd/mm/yyyy."),
        ("Nhân sự", 5, "C", "A date of birth cannot be in the future."),
    ]


def test_import_error_reports_value_and_header(personas):
    data = import_file(people=[person_row(full_name="Trần Văn Bình", date_of_birth="31/02/2020")])

    error = validate_workbook(data, actor=personas.admin).errors[0]

    assert (error.value, error.header, error.column_label) == (
        "31/02/2020", "Ngày sinh", "C (Ngày sinh)")


def test_import_merged_header_cells_and_title_rows_are_understood(personas):
    # A merged title; headers spanning rows 3-4, except two under a merged group header.
    top = PEOPLE_HEADERS[:2] + ["Thông tin cá nhân", ""] + PEOPLE_HEADERS[4:]
    below = ["", "", "Ngày sinh", "Số CCCD"] + [""] * 5
    data = xlsx({"Nhân sự": [["DANH SÁCH NHÂN SỰ"], [], top, below,
                             person_row(full_name="Nguyễn Văn Tùng", citizen_id="037085001234")]})
    data = _merged(data, "Nhân sự", "A1:I1", "C3:D3",
                   *(f"{letter}3:{letter}4" for letter in "ABEFGHI"))

    result = import_workbook(data, actor=personas.admin)

    person = Person.objects.get(full_name="Nguyễn Văn Tùng")
    assert (result.people, person.citizen_id, person.unit.code) == (1, "037085001234", "HND")


def test_import_unknown_leadership_category_names_the_cell_and_the_values(personas):
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng",
                                          cadre_category="Trưởng thôn")])

    errors = _rejected(data, personas.admin)

    assert errors == [("Nhân sự", 2, "J", "Not one of the accepted values: Lãnh đạo cấp bộ, "
                       "tỉnh, Lãnh đạo cấp vụ, sở, ngành, Doanh nhân, Lãnh đạo khác từ Phó "
                       "trưởng phòng trở lên.")]
    assert not Person.objects.filter(full_name="Nguyễn Văn Tùng").exists()


def test_import_error_row_numbers_are_excel_rows_below_a_title(personas):
    data = xlsx({"Nhân sự": [["DANH SÁCH NHÂN SỰ"], [], PEOPLE_HEADERS,
                             person_row(full_name="Nguyễn Văn Tùng", gender="Ông")]})

    errors = _rejected(data, personas.admin)

    assert errors == [("Nhân sự", 4, "B", "Not one of the accepted values: Nam, Nữ.")]


def test_import_horizontally_merged_header_keeps_its_column(personas):
    headers = PEOPLE_HEADERS[:4] + ["Mã đơn vị*", ""] + PEOPLE_HEADERS[5:]
    row = person_row(full_name="Nguyễn Văn Tùng")
    data = xlsx({"Nhân sự": [headers, row[:5] + [""] + row[5:]]})
    data = _merged(data, "Nhân sự", "E1:F1")

    result = import_workbook(data, actor=personas.admin)

    assert result.people == 1


def test_import_blank_rows_are_skipped(personas):
    data = import_file(people=[[], person_row(full_name="Nguyễn Văn Tùng"), [None] * 9, ["  "],
                               person_row(full_name="Trần Văn Bình", citizen_id="")])

    result = import_workbook(data, actor=personas.admin)

    assert result.people == 2


def test_import_wrong_sheet_names_the_sheets_found_and_expected(personas):
    data = xlsx({"Sheet1": [PEOPLE_HEADERS, person_row(full_name="Nguyễn Văn Tùng")]})

    errors = _rejected(data, personas.admin)

    assert errors == [("", None, "", "The workbook has none of the sheets Đơn vị, Nhân sự; "
                                     "its sheets are: Sheet1.")]


def test_import_sheet_name_is_matched_without_case_or_marks(personas):
    data = xlsx({"NHAN SU": [PEOPLE_HEADERS, person_row(full_name="Nguyễn Văn Tùng")]})

    assert import_workbook(data, actor=personas.admin).people == 1


def test_import_missing_required_column_is_named(personas):
    headers = [h for h in PEOPLE_HEADERS if h != "Giới tính*"]
    row = person_row(full_name="Nguyễn Văn Tùng")
    data = xlsx({"Nhân sự": [headers, row[:1] + row[2:]]})

    errors = _rejected(data, personas.admin)

    assert errors == [("Nhân sự", None, "", "Column Giới tính* is missing.")]


def test_import_missing_required_value_is_reported(personas):
    data = import_file(people=[person_row(full_name="", gender="")])

    errors = _rejected(data, personas.admin)

    assert errors == [("Nhân sự", 2, "A", "This value is required."),
                      ("Nhân sự", 2, "B", "This value is required.")]


@pytest.mark.parametrize(("citizen_id", "gender", "born", "reason"), [
    ("03708500123", "Nam", "15/03/1985", "A citizen ID has exactly 12 digits."),
    ("999085001234", "Nam", "15/03/1985", "The first three digits are not a province code."),
    ("037185001234", "Nam", "15/03/1985", "Digit 4 does not match the gender."),
    ("037090001234", "Nam", "15/03/1985", "Digits 4 to 6 do not match the year of birth."),
])
def test_import_invalid_citizen_id_is_rejected(personas, citizen_id, gender, born, reason):
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng", citizen_id=citizen_id,
                                          gender=gender, date_of_birth=born)])

    errors = _rejected(data, personas.admin)

    assert errors == [("Nhân sự", 2, "D", reason)]


def test_import_unknown_unit_code_is_rejected(personas):
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng", unit_code="KHONG-CO")])

    errors = _rejected(data, personas.admin)

    assert errors == [("Nhân sự", 2, "E", "Unknown unit code KHONG-CO.")]


def test_import_duplicate_citizen_id_in_the_file_names_both_rows(personas):
    data = import_file(people=[
        person_row(full_name="Nguyễn Văn Tùng", citizen_id="037085001234"),
        person_row(full_name="Trần Văn Bình", citizen_id="037085009999"),
        person_row(full_name="Lê Văn Cường", citizen_id="037085001234"),
    ])

    errors = _rejected(data, personas.admin)

    assert errors == [("Nhân sự", 2, "D", "Duplicate within the file: rows 2, 4."),
                      ("Nhân sự", 4, "D", "Duplicate within the file: rows 2, 4.")]


def test_import_citizen_id_already_in_the_database_is_rejected(personas, province):
    existing = province.women_people[0]
    data = import_file(people=[person_row(
        full_name="Nguyễn Văn Tùng", citizen_id=existing.citizen_id,
        gender=existing.get_gender_display(), date_of_birth=existing.date_of_birth,
        unit_code="HND")])

    errors = _rejected(data, personas.admin)

    assert errors == [("Nhân sự", 2, "D", "A person with this citizen ID already exists; the "
                                          "import adds new people only and does not change "
                                          "existing ones.")]


def test_import_duplicate_unit_code_in_file_and_database_is_rejected(personas):
    data = import_file(units=[unit_row(code="HND", name="Hội Nông dân (lần nữa)"),
                              unit_row(code="X1", name="Đơn vị X"),
                              unit_row(code="X1", name="Đơn vị X (lặp)")])

    errors = _rejected(data, personas.admin)

    assert errors == [
        ("Đơn vị", 2, "A", "Unit code HND already exists; the import adds new units only and "
                           "does not change existing ones."),
        ("Đơn vị", 3, "A", "Duplicate within the file: rows 3, 4."),
        ("Đơn vị", 4, "A", "Duplicate within the file: rows 3, 4."),
    ]


def test_import_clerk_cannot_name_a_unit_outside_their_scope(personas):
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng"),
                               person_row(full_name="Trần Thị Mận", gender="Nữ",
                                          unit_code="HLHPN")])

    errors = _rejected(data, personas.unit_clerk)

    # The women's union exists but is hidden from the clerk: it reads as unknown.
    assert errors == [("Nhân sự", 3, "E", "Unknown unit code HLHPN.")]


def test_import_clerk_may_add_people_to_their_own_unit(personas):
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng", unit_code="HND-VP")])

    assert import_workbook(data, actor=personas.unit_clerk).people == 1


def test_import_viewer_may_not_add_people_to_a_visible_unit(personas):
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng", unit_code="HLHPN")])

    errors = _rejected(data, personas.viewer)

    assert errors == [("Nhân sự", 2, "E",
                       "You may not add people to Hội Liên hiệp Phụ nữ tỉnh (HLHPN).")]


def test_import_clerk_may_not_add_units(personas):
    data = import_file(units=[unit_row(code="HND-X", name="Chi hội X", parent_code="HND")],
                       people=[person_row(full_name="Nguyễn Văn Tùng", unit_code="HND-X")])

    errors = _rejected(data, personas.unit_clerk)

    assert errors == [("Đơn vị", 2, "D", "You may not add units under Hội Nông dân tỉnh (HND).")]


def test_import_unit_without_parent_is_rejected_once_a_root_exists(personas):
    data = import_file(units=[unit_row(code="X1", name="Đơn vị X", parent_code="")])

    errors = _rejected(data, personas.admin)

    assert errors == [("Đơn vị", 2, "D",
                       "Write the code of the parent unit; only the province has none.")]


def test_import_parent_loop_in_the_file_is_rejected(personas):
    data = import_file(units=[unit_row(code="A1", name="Đơn vị A", parent_code="B1"),
                              unit_row(code="B1", name="Đơn vị B", parent_code="A1")])

    errors = _rejected(data, personas.admin)

    assert errors == [("Đơn vị", 2, "D", "The parent units form a loop."),
                      ("Đơn vị", 3, "D", "The parent units form a loop.")]


def test_import_end_date_before_start_date_is_rejected(personas):
    data = import_file(units=[unit_row(code="X1", name="Đơn vị X", active_from="01/01/2020",
                                       active_until="31/12/2019")])

    errors = _rejected(data, personas.admin)

    assert errors == [("Đơn vị", 2, "H", "The end date is before the start date.")]


def test_import_unknown_kind_lists_the_accepted_words(personas):
    data = import_file(units=[unit_row(code="X1", name="Đơn vị X", level="Cấp trung ương")])

    errors = _rejected(data, personas.admin)

    assert errors == [("Đơn vị", 2, "F", "Not one of the accepted values: Cấp tỉnh, Cấp huyện, "
                                         "Cấp xã, Cơ sở.")]


@pytest.mark.parametrize("data", [b"", b"hello, world", b"%PDF-1.7 ...", b"PK\x03\x04broken"])
def test_import_file_that_is_not_a_workbook_is_rejected(personas, data):
    errors = _rejected(data, personas.admin)

    assert len(errors) == 1 and errors[0][:3] == ("", None, "")


def test_import_file_over_the_size_limit_is_rejected(personas, settings):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng")]) + b"\0" * 1024 * 1024

    errors = _rejected(data, personas.admin)

    assert errors == [("", None, "", "The file is larger than 1.0\xa0MB.")]


def test_import_error_list_is_capped_with_a_count_of_the_rest(personas):
    rows = [person_row(full_name=f"Người số {n}", gender="?") for n in range(1005)]

    errors = _rejected(import_file(people=rows), personas.admin)

    assert (len(errors), errors[-1]) == (1001, ("", None, "", "…and 5 more errors."))


def test_import_unit_in_the_same_file_may_take_people(personas):
    UnitFactory(code="OTHER")  # other units' data is present
    data = import_file(units=[unit_row(code="HND-X", name="Chi hội X", parent_code="HND")],
                       people=[person_row(full_name="Nguyễn Văn Tùng", unit_code="HND-X")])

    plan = validate_workbook(data, actor=personas.admin)

    assert (plan.errors, len(plan.units), len(plan.people)) == ([], 1, 1)


def test_import_file_without_rows_is_rejected(personas):
    errors = _rejected(import_file(units=[], people=[[], []]), personas.admin)

    assert errors == [("", None, "", "The workbook has no rows to import.")]
