"""The legacy-history import: a good file writes all four sheets; a file with any error
writes nothing and names every bad cell (sheet, row, column, value, reason)."""

import datetime as dt
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import load_workbook

from tests.fixtures.workbooks import import_file, person_row, xlsx
from vinhdanh.honors import history_rules  # noqa: F401  (registers the history permissions)
from vinhdanh.honors.enums import InitiativeLevel, RecordSource, RestrictionKind, TaskRating
from vinhdanh.honors.importers import (
    build_history_template,
    import_history_workbook,
    validate_history_workbook,
)
from vinhdanh.honors.importers.schema import (
    COLUMNS,
    HONOURS_SHEET,
    INITIATIVES_SHEET,
    RATINGS_SHEET,
    RESTRICTIONS_SHEET,
    SHEETS,
)
from vinhdanh.honors.models import DisciplinePeriod, HonorRecord, Initiative, TaskRatingRecord
from vinhdanh.honors.services.history import add_honor_record
from vinhdanh.honors.services.history_imports import start_history_import
from vinhdanh.organisations.importers.report import ImportRejected
from vinhdanh.organisations.models import ImportStatus
from vinhdanh.organisations.services.households import create_household

MODELS = (HonorRecord, TaskRatingRecord, Initiative, DisciplinePeriod)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _row(sheet, **values) -> list:
    return [values.get(column.field, "") for column in COLUMNS[sheet]]


def _file(**sheets) -> bytes:
    """``honours=[{...}, ...]``, ``ratings=…``, ``initiatives=…``, ``restrictions=…``."""
    names = dict(zip(("honours", "ratings", "initiatives", "restrictions"), SHEETS, strict=True))
    return xlsx({names[arg]: [[c.title for c in COLUMNS[names[arg]]],
                              *(_row(names[arg], **r) for r in rows)]
                 for arg, rows in sheets.items()})


def _counts() -> tuple:
    return tuple(model.objects.count() for model in MODELS)


def _errors(plan) -> list[tuple]:
    return [(e.sheet, e.row, e.column, e.value, e.reason) for e in plan.errors]


@pytest.fixture
def people(province):
    return province.farmer_people


def _good_file(people, province) -> bytes:
    first, second = people[0].citizen_id, people[1].citizen_id
    return _file(
        honours=[
            {"subject": "Cá nhân", "citizen_id": first, "honor": "Chiến sĩ thi đua cơ sở",
             "year": 2023, "decision_number": "45/QĐ-HND", "decision_date": "15/12/2023",
             "issuer": "Hội Nông dân tỉnh"},
            {"citizen_id": second, "honor": "LĐTT", "year": "2023"},
            {"subject": "Tập thể", "unit_code": "HND-VP", "honor": "tap_the_lao_dong_tien_tien",
             "year": 2024, "decision_date": dt.date(2025, 1, 10)},
            {"subject": "Hộ gia đình", "head_name": "Lò Văn Páo", "unit_code": "HND-VP",
             "honor": "Gia đình văn hoá", "year": 2024},
            {"citizen_id": first, "honor": "Bằng khen của Chủ tịch UBND tỉnh", "year": 2024,
             "first_year": 2023, "decision_number": "1234/QĐ-UBND",
             "decision_date": "ngày 05 tháng 02 năm 2025"},
        ],
        ratings=[
            {"citizen_id": first, "year": 2023, "rating": "Hoàn thành xuất sắc nhiệm vụ"},
            {"citizen_id": second, "year": 2023, "rating": "HTT"},
            {"unit_code": "HND", "year": 2023, "rating": "htxs"},
        ],
        initiatives=[
            {"citizen_id": first, "title": "Mô hình tổ hợp tác trồng lúa", "level": "Tỉnh",
             "year": 2024, "recognised_by": "Hội đồng sáng kiến tỉnh"},
        ],
        restrictions=[
            {"citizen_id": second, "kind": "Kỷ luật", "level": "Khiển trách",
             "starts_on": "01/03/2024", "ends_on": "01-03-2025"},
            {"unit_code": "HND-VP", "kind": "Thanh tra", "starts_on": "2024-06-01"},
        ],
    )


@pytest.fixture
def household(province):
    return create_household(actor=None, head_name="Lò Văn Páo", address="",
                            unit=province.farmers_sub)


def test_import_good_file_writes_all_four_sheets_as_imported(people, province, personas,
                                                            household):
    result = import_history_workbook(_good_file(people, province), actor=personas.board_officer)

    assert result.as_dict() == {"kind": "history", "honours": 5, "ratings": 3,
                                "initiatives": 1, "restrictions": 2}
    assert _counts() == (5, 3, 1, 2)
    assert {m.objects.exclude(source=RecordSource.IMPORTED).count() for m in MODELS} == {0}
    bk = HonorRecord.objects.get(honor__code="bang_khen_tinh")
    assert (bk.person, bk.year, bk.first_year, bk.decision_number, bk.decision_date) == (
        people[0], 2024, 2023, "1234/QĐ-UBND", dt.date(2025, 2, 5))
    assert HonorRecord.objects.get(honor__code="gia_dinh_van_hoa").household == household
    assert TaskRatingRecord.objects.get(unit=province.farmers).rating == TaskRating.EXCELLENT
    assert Initiative.objects.get().level == InitiativeLevel.PROVINCE
    assert DisciplinePeriod.objects.get(person=people[1]).ends_on == dt.date(2025, 3, 1)
    assert DisciplinePeriod.objects.get(unit=province.farmers_sub).kind == \
        RestrictionKind.INSPECTION


def test_import_by_clerk_of_own_people(people, province, personas):
    data = _file(ratings=[{"citizen_id": people[0].citizen_id, "year": 2024, "rating": "HT"}])

    import_history_workbook(data, actor=personas.unit_clerk)

    assert TaskRatingRecord.objects.get().person == people[0]


def test_import_unknown_citizen_id_rejects_the_whole_file(people, province, personas):
    data = _file(ratings=[{"citizen_id": people[0].citizen_id, "year": 2024, "rating": "HT"},
                          {"citizen_id": "037099000001", "year": 2024, "rating": "HT"}])

    with pytest.raises(ImportRejected) as rejected:
        import_history_workbook(data, actor=personas.board_officer)

    assert [(e.sheet, e.row, e.column, e.header, e.value, e.reason)
            for e in rejected.value.errors] == [
        (RATINGS_SHEET, 3, "A", "Số CCCD", "037099000001", "Unknown citizen ID 037099000001.")]
    assert _counts() == (0, 0, 0, 0)


def test_import_honour_not_for_that_subject_is_an_error(province, personas):
    plan = validate_history_workbook(
        _file(honours=[{"unit_code": "HND", "honor": "Lao động tiên tiến", "year": 2023}]),
        actor=personas.board_officer)

    assert _errors(plan) == [(HONOURS_SHEET, 2, "F", "Lao động tiên tiến",
                              "Lao động tiên tiến is not awarded to collectives.")]


def test_import_unknown_honour_bad_year_and_bad_date_are_each_reported(people, personas):
    cid = people[0].citizen_id
    plan = validate_history_workbook(_file(honours=[
        {"citizen_id": cid, "honor": "Huân chương Mặt Trăng", "year": 2023},
        {"citizen_id": cid, "honor": "LĐTT", "year": 1930},
        {"citizen_id": cid, "honor": "GK", "year": "năm ngoái"},
        {"citizen_id": cid, "honor": "BK tỉnh", "year": 2023, "decision_date": "31/02/2024"},
        {"citizen_id": cid, "honor": "CSTĐCS", "year": 2023, "first_year": 2024},
    ]), actor=personas.board_officer)

    assert [(e.row, e.column, e.value) for e in plan.errors] == [
        (2, "F", "Huân chương Mặt Trăng"), (3, "G", "1930"), (4, "G", "năm ngoái"),
        (5, "J", "31/02/2024"), (6, "H", "2024")]
    assert plan.errors[3].reason == "There is no such day in the calendar."
    assert plan.errors[1].reason.startswith("A year from 1945 to ")


def test_import_duplicate_within_the_file_names_both_rows(people, personas):
    cid = people[0].citizen_id
    plan = validate_history_workbook(_file(
        honours=[{"citizen_id": cid, "honor": "LĐTT", "year": 2023},
                 {"citizen_id": cid, "honor": "Lao động tiên tiến", "year": 2023}],
        initiatives=[{"citizen_id": cid, "title": "Sáng kiến Hoà", "level": "Cơ sở",
                      "year": 2022},
                     {"citizen_id": cid, "title": "sáng kiến hòa", "level": "Cơ sở",
                      "year": 2022}],
    ), actor=personas.board_officer)

    assert _errors(plan) == [
        (HONOURS_SHEET, 2, "G", "2023", "Duplicate within the file: rows 2, 3."),
        (HONOURS_SHEET, 3, "G", "2023", "Duplicate within the file: rows 2, 3."),
        (INITIATIVES_SHEET, 2, "D", "Sáng kiến Hoà", "Duplicate within the file: rows 2, 3."),
        (INITIATIVES_SHEET, 3, "D", "sáng kiến hòa", "Duplicate within the file: rows 2, 3."),
    ]


def test_import_duplicate_of_a_stored_record_is_refused(people, personas):
    add_honor_record(people[0], actor=None, honor_code="lao_dong_tien_tien", year=2023)
    data = _file(honours=[{"citizen_id": people[0].citizen_id, "honor": "LĐTT", "year": 2023},
                          {"citizen_id": people[1].citizen_id, "honor": "LĐTT", "year": 2023}])

    with pytest.raises(ImportRejected) as rejected:
        import_history_workbook(data, actor=personas.board_officer)

    assert [(e.row, e.reason) for e in rejected.value.errors] == [
        (2, "This honour is already recorded for this candidate and year.")]
    assert HonorRecord.objects.count() == 1


def test_import_by_clerk_for_another_units_people_reads_as_unknown(province, personas):
    woman = province.women_people[0]
    data = _file(ratings=[{"citizen_id": woman.citizen_id, "year": 2024, "rating": "HT"},
                          {"unit_code": "HLHPN", "year": 2024, "rating": "HT"}])

    with pytest.raises(ImportRejected) as rejected:
        import_history_workbook(data, actor=personas.unit_clerk)

    assert [e.reason for e in rejected.value.errors] == [
        f"Unknown citizen ID {woman.citizen_id}.", "Unknown unit code HLHPN."]
    assert _counts() == (0, 0, 0, 0)


def test_import_visible_but_not_writable_says_you_may_not(province, personas):
    data = _file(ratings=[{"unit_code": "HND", "year": 2024, "rating": "HT"}])

    plan = validate_history_workbook(data, actor=personas.unit_clerk)

    assert _errors(plan) == [(RATINGS_SHEET, 2, "C", "HND",
                              "You may not change the history of Hội Nông dân tỉnh.")]


def test_import_name_that_does_not_match_the_citizen_id_is_an_error(people, personas):
    data = _file(ratings=[{"citizen_id": people[0].citizen_id, "full_name": "Ai Đó Khác",
                           "year": 2024, "rating": "HT"}])

    plan = validate_history_workbook(data, actor=personas.board_officer)

    assert _errors(plan) == [(RATINGS_SHEET, 2, "B", "Ai Đó Khác",
                              f"The citizen ID {people[0].citizen_id} belongs to "
                              f"{people[0].full_name}.")]


def test_import_rows_without_candidate_and_unknown_household(province, personas):
    plan = validate_history_workbook(_file(
        ratings=[{"year": 2024, "rating": "HT"}],
        honours=[{"subject": "Hộ gia đình", "head_name": "Không Ai", "unit_code": "HND-VP",
                  "honor": "GĐVH", "year": 2024}],
        restrictions=[{"unit_code": "HND", "kind": "Điều tra", "level": "Cảnh cáo",
                       "starts_on": "05/05/2024", "ends_on": "04/05/2024"}],
    ), actor=personas.board_officer)

    assert _errors(plan) == [
        (HONOURS_SHEET, 2, "E", "Không Ai", "No household of Không Ai in unit HND-VP."),
        (RATINGS_SHEET, 2, "A", "", "Write the citizen ID of a person or the code of a unit."),
        (RESTRICTIONS_SHEET, 2, "E", "Cảnh cáo", "A discipline level goes with discipline only."),
        (RESTRICTIONS_SHEET, 2, "G", "04/05/2024", "The end date is before the start date."),
    ]


def test_import_workbook_without_history_sheets_is_rejected(personas):
    plan = validate_history_workbook(xlsx({"Trang tính 1": [["a"]]}),
                                     actor=personas.board_officer)

    assert len(plan.errors) == 1 and "Trang tính 1" in plan.errors[0].reason


def test_import_missing_candidate_columns_are_reported(personas):
    plan = validate_history_workbook(xlsx({RATINGS_SHEET: [["Năm", "Xếp loại"],
                                                           [2024, "HT"]]}),
                                     actor=personas.board_officer)

    assert "Column Số CCCD or Mã đơn vị is missing." in [e.reason for e in plan.errors]


def test_start_history_import_small_file_is_done_at_once(people, province, personas,
                                                       household):
    upload = SimpleUploadedFile("lich-su.xlsx", _good_file(people, province))

    job = start_history_import(actor=personas.board_officer, uploaded_file=upload)

    job.refresh_from_db()
    assert (job.status, job.result["honours"], job.done, job.total) == (
        ImportStatus.DONE, 5, 11, 11)
    assert job.original_name == "lich-su.xlsx"


def test_start_history_import_large_file_runs_as_a_task(people, personas, settings,
                                                        django_capture_on_commit_callbacks):
    settings.IMPORT_BACKGROUND_ROWS = 1
    data = _file(ratings=[{"citizen_id": p.citizen_id, "year": 2024, "rating": "HT"}
                          for p in people])

    with django_capture_on_commit_callbacks(execute=True):
        job = start_history_import(actor=personas.board_officer,
                                   uploaded_file=SimpleUploadedFile("a.xlsx", data))
        queued = job.status

    job.refresh_from_db()
    assert (queued, job.status, job.result["ratings"]) == (ImportStatus.QUEUED,
                                                           ImportStatus.DONE, 2)


def test_start_history_import_rejected_file_keeps_the_errors(people, personas):
    data = _file(ratings=[{"citizen_id": "037099000001", "year": 2024, "rating": "HT"}])

    job = start_history_import(actor=personas.board_officer,
                               uploaded_file=SimpleUploadedFile("a.xlsx", data))

    assert job.status == ImportStatus.REJECTED
    assert job.errors[0]["reason"] == "Unknown citizen ID 037099000001."
    assert _counts() == (0, 0, 0, 0)


def test_start_history_import_hands_a_units_and_people_file_on(province, personas):
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng")])

    job = start_history_import(actor=personas.board_officer,
                               uploaded_file=SimpleUploadedFile("nhan-su.xlsx", data))

    assert (job.status, job.result) == (ImportStatus.DONE, {"units": 0, "people": 1})


def test_build_history_template_has_the_sheets_headers_and_dropdowns():
    book = load_workbook(BytesIO(build_history_template()))

    assert book.sheetnames[:5] == [*SHEETS, "Hướng dẫn"]
    assert [c.value for c in book[HONOURS_SHEET][1]][:6] == [
        "Đối tượng", "Số CCCD", "Họ và tên", "Mã đơn vị", "Chủ hộ",
        "Danh hiệu, hình thức khen thưởng*"]
    assert book[RATINGS_SHEET].data_validations.dataValidation
    assert book["Danh mục"].sheet_state == "hidden"


def test_build_history_template_imports_back_empty(personas):
    plan = validate_history_workbook(build_history_template(), actor=personas.board_officer)

    assert [e.reason for e in plan.errors] == ["The workbook has no rows to import."]
