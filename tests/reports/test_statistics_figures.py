"""The dashboard's figures (reports.statistics) on a fixture with known counts: honours by
kind and level, by unit, by gender, to direct workers, compared with the year before; only
what the user sees, within the chosen subtree, never revoked records."""

import pytest

from tests.reports import statistics_support as support
from vinhdanh.reports.statistics import dashboard, topmost_units, years_with_data
from vinhdanh.reports.tables import Share

YEAR = support.YEAR


@pytest.fixture
def honours(province):
    support.honours(province)


def _rows(board, key) -> dict:
    return {str(row[0]): list(row[1:]) for row in board.chart(key).table.rows}


def _totals(board, key) -> list:
    return list(board.chart(key).table.totals[1:])


def test_by_kind_counts_each_kind_level_and_candidate(personas, province, honours):
    board = dashboard(personas.board_officer, year=YEAR, unit=province.farmers)
    rows = list(board.chart("by_kind").table.rows)
    # Columns: individuals, collectives, households (2025), total 2024, total 2025.
    assert [list(row[1:]) for row in rows] == [
        [4, 1, 0, 1, 5],  # titles, grassroots
        [1, 0, 0, 0, 1],  # titles, province
        [0, 0, 0, 0, 0],  # titles, state
        [0, 1, 0, 0, 1],  # awards, grassroots
        [1, 0, 1, 1, 2],  # awards, province
        [0, 0, 0, 0, 0],  # awards, state
    ]
    assert _totals(board, "by_kind") == [6, 2, 1, 2, 9]
    assert board.has_data


def test_the_province_adds_the_other_union(personas, province, honours):
    board = dashboard(personas.board_officer, year=YEAR, unit=province.root)
    assert _totals(board, "by_kind")[-2:] == [3, 12]


def test_a_clerk_counts_nothing_of_another_union_even_for_the_province(personas, province,
                                                                       honours):
    board = dashboard(personas.unit_clerk, year=YEAR, unit=province.root)
    assert _totals(board, "by_kind")[-2:] == [2, 9]
    assert _rows(board, "by_unit") == {"Hội Nông dân tỉnh": [2, 9]}


def test_a_clerk_of_the_other_union_sees_only_its_own(personas, province, honours):
    women_clerk = support.clerk_for(province.women, "women-clerk")
    board = dashboard(women_clerk, year=YEAR, unit=province.women)
    assert _totals(board, "by_kind")[-2:] == [1, 3]


def test_revoked_records_never_count(personas, province, honours):
    board = dashboard(personas.board_officer, year=YEAR, unit=province.farmers)
    province_awards = list(board.chart("by_kind").table.rows[4])
    assert province_awards[-1] == 2  # three Bằng khen tỉnh in 2025, one of them revoked


def test_by_unit_sums_each_child_subtree(personas, province, honours):
    board = dashboard(personas.board_officer, year=YEAR, unit=province.root)
    assert _rows(board, "by_unit") == {"Hội Nông dân tỉnh": [2, 9],
                                       "Hội Liên hiệp Phụ nữ tỉnh": [1, 3]}
    assert _totals(board, "by_unit") == [3, 12]


def test_by_unit_gives_the_unit_itself_a_row(personas, province, honours):
    board = dashboard(personas.board_officer, year=YEAR, unit=province.farmers)
    rows = _rows(board, "by_unit")
    assert rows["Văn phòng Hội Nông dân"] == [1, 4]
    assert [value for label, value in rows.items() if "Hội Nông dân tỉnh" in label] == [[1, 5]]
    chart = board.chart("by_unit")
    assert chart.row_units == (province.farmers_sub.pk, None)


def test_by_unit_shows_fifteen_and_sums_the_others(personas, province):
    from tests.factories import UnitFactory

    for index in range(17):
        unit = UnitFactory(parent=province.root, name=f"Sở số {index:02d}")
        for _ in range(index + 1):
            support.record("tap_the_lao_dong_tien_tien", unit=unit)
    rows = list(dashboard(personas.board_officer, year=YEAR, unit=province.root)
                .chart("by_unit").table.rows)
    assert len(rows) == 16
    assert rows[0][0] == "Sở số 16" and rows[0][2] == 17
    assert rows[-1][1:] == [0, 1 + 2]  # "others": the two units with fewest honours


def test_gender_counts_and_the_share_of_women(personas, province, honours):
    board = dashboard(personas.board_officer, year=YEAR, unit=province.farmers)
    rows = _rows(board, "by_gender")
    # Columns: individuals 2024, share 2024, individuals 2025, share 2025.
    assert rows["Nam"] == [1, 0.5, 2, pytest.approx(1 / 3)]
    assert rows["Nữ"] == [1, 0.5, 4, pytest.approx(2 / 3)]
    assert isinstance(rows["Nữ"][3], Share)
    assert _totals(board, "by_gender") == [2, 1.0, 6, 1.0]


def test_direct_workers_share_per_level(personas, province, honours):
    board = dashboard(personas.board_officer, year=YEAR, unit=province.farmers)
    rows = _rows(board, "direct_workers")
    # Columns: individuals, direct workers, share (2024), then the same for 2025.
    assert rows["Cơ sở"] == [1, 1, 1.0, 4, 1, 0.25]
    assert rows["Bộ, ngành, tỉnh"] == [1, 0, 0.0, 2, 1, 0.5]
    assert rows["Nhà nước"] == [0, 0, None, 0, 0, None]
    assert _totals(board, "direct_workers") == [2, 1, 0.5, 6, 2, pytest.approx(1 / 3)]


def test_the_previous_year_is_its_own_year(personas, province, honours):
    board = dashboard(personas.board_officer, year=YEAR - 1, unit=province.farmers)
    assert _totals(board, "by_kind")[-2:] == [0, 2]
    assert board.chart("by_kind").table.columns[-1].endswith(str(YEAR - 1))


def test_an_empty_year_has_no_data(personas, province, honours):
    board = dashboard(personas.board_officer, year=2010, unit=province.root)
    assert not board.has_data
    assert all(chart.is_empty for chart in board.charts)


def test_years_with_data_and_topmost_units(personas, province, honours):
    assert years_with_data(personas.board_officer) == [2025, 2024]
    assert topmost_units(personas.board_officer) == [province.root]
    assert topmost_units(personas.unit_clerk) == [province.farmers]
    assert years_with_data(personas.group_leader) == []


def test_chart_data_draws_the_chosen_series(personas, province, honours):
    data = dashboard(personas.board_officer, year=YEAR, unit=province.farmers).chart(
        "direct_workers").data()
    assert data["percent"] is True
    assert [d["data"] for d in data["datasets"]] == [[100.0, 0.0, None], [25.0, 50.0, None]]
    assert data["labels"] == ["Cơ sở", "Bộ, ngành, tỉnh", "Nhà nước"]


def test_the_figures_take_a_bounded_number_of_queries(personas, province,
                                                      django_assert_max_num_queries):
    support.record("lao_dong_tien_tien", person=support.person(province.farmers, "male"))
    officer = personas.board_officer
    dashboard(officer, year=YEAR, unit=province.root)  # reads the user's grants once
    with django_assert_max_num_queries(8) as one:
        dashboard(officer, year=YEAR, unit=province.root)
    for _ in range(20):
        support.record("lao_dong_tien_tien", person=support.person(province.women, "female"))
    with django_assert_max_num_queries(8) as twenty:
        dashboard(officer, year=YEAR, unit=province.root)
    assert len(twenty.captured_queries) == len(one.captured_queries)
