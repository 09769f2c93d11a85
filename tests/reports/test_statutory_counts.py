"""The statutory forms' figures: 0602.N and 0603.N from honour records, within the chosen
subtree and the user's visibility, by decision year, without revoked records."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.reports.statutory_support import YEAR, honours_year, record
from vinhdanh.reports.statutory.forms import CURRENT
from vinhdanh.reports.statutory.report import build_report

pytestmark = pytest.mark.django_db

STATE, PROVINCE = CURRENT.get("0602.N"), CURRENT.get("0603.N")


def _forms(user, unit, year=YEAR):
    report = build_report(user, year=year, unit=unit, forms=[STATE, PROVINCE])
    return report.forms


def test_state_form_counts_state_honours_by_column_and_row(province, personas):
    honours_year(province)
    state, _province_form = _forms(personas.board_officer, province.root)
    assert state.figure("Tổng số", "Tổng số") == 3
    assert state.figure("Tổng số", "Cá nhân", "Huân chương") == 1
    assert state.figure("Tổng số", "Tập thể", "Bằng khen của Thủ tướng Chính phủ") == 1
    assert state.figure("Tổng số", "Chiến sĩ thi đua toàn quốc") == 1
    assert state.figure("Tổng số", "Tập thể", "Khác") == 0
    assert state.figure("Hội Nông dân tỉnh", "Tổng số") == 3


def test_state_form_rows_by_recipient_and_type(province, personas):
    honours_year(province)
    state, _province_form = _forms(personas.board_officer, province.root)
    figures = {line.label: line.figures[0] for line in state.lines if line.code}
    assert figures["Tập thể"] == 1
    assert figures["Cá nhân"] == 2
    assert figures["Lãnh đạo cấp vụ, sở, ngành và tương đương"] == 1
    assert figures["Công nhân, nông dân, người lao động trực tiếp"] == 1
    assert figures["Theo chuyên đề (theo đợt)"] == 1
    assert figures["Đột xuất"] == 1
    assert figures["Thường xuyên (hằng năm)"] == 1  # a title entered by hand: annual


def test_province_form_counts_collectives_households_and_individuals(province, personas):
    honours_year(province)
    _state, form = _forms(personas.board_officer, province.root)
    assert form.figure("Tổng số", "Tổng số") == 6  # neither the revoked nor the 2024 one
    assert form.figure("Tổng số", "Tập thể", "Bằng khen") == 2  # enterprise and household
    assert form.figure("Tổng số", "Cá nhân", "Bằng khen") == 2
    assert form.figure("Tập thể", "Tổng số") == 2
    assert form.figure("Trong đó: Doanh nghiệp", "Tổng số") == 1
    assert form.figure("Hộ gia đình", "Tổng số") == 1
    assert form.figure("Doanh nhân", "Chiến sĩ thi đua cấp tỉnh") == 1
    assert form.figure("Tập thể", "Cờ thi đua cấp tỉnh") == 1


def test_province_form_counts_unclassified_people_and_says_how_many(province, personas):
    honours_year(province)
    _state, form = _forms(personas.board_officer, province.root)
    assert form.figure("Khác (chưa phân loại)", "Tổng số") == 2
    assert form.figure("Chưa xác định loại hình (nhập tay)", "Tổng số") == 4
    with translation.override("vi"):
        _state, shown = _forms(personas.board_officer, province.root)
    assert any("2" in note for note in shown.notes[1:])


def test_province_form_rows_by_proposer_list_top_units(province, personas):
    honours_year(province)
    _state, form = _forms(personas.board_officer, province.root)
    assert form.figure("Hội Nông dân tỉnh", "Tổng số") == 5
    assert form.figure("Hội Liên hiệp Phụ nữ tỉnh", "Tổng số") == 1


def test_subtree_report_leaves_out_other_units(province, personas):
    honours_year(province)
    _state, form = _forms(personas.board_officer, province.farmers)
    assert form.figure("Tổng số", "Tổng số") == 5
    assert "Hội Liên hiệp Phụ nữ tỉnh" not in [line.label for line in form.lines]


def test_clerk_counts_only_what_he_sees(province, personas):
    honours_year(province)
    _state, form = _forms(personas.unit_clerk, province.root)  # the rule refuses this root
    assert form.figure("Tổng số", "Tổng số") == 5  # the Women's Union's record is not his


def test_empty_year_gives_zeros(province, personas):
    honours_year(province)
    state, form = _forms(personas.board_officer, province.root, year=2019)
    assert form.figure("Tổng số", "Tổng số") == 0
    assert state.figure("Cá nhân", "Cá nhân", "Huân chương") == 0
    assert form.figure("Kháng chiến", "Tổng số") is None  # typed by hand, not a zero


def _queries(user, unit) -> int:
    with CaptureQueriesContext(connection) as context:
        build_report(user, year=YEAR, unit=unit)
    return len(context)


def test_queries_do_not_grow_with_records(province, personas):
    record("bang_khen_tinh", person=province.farmer_people[0])
    _queries(personas.board_officer, province.root)  # the user's grants, read once
    one = _queries(personas.board_officer, province.root)
    honours_year(province)
    assert _queries(personas.board_officer, province.root) == one
