"""The statistics page (workspace:statistics): charts from json_script blocks beside their
tables, numbers the Vietnamese way, Excel exports holding the table's numbers, visibility,
the empty year and a query-count guard."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import UserFactory
from tests.reports import statistics_support as support
from tests.workspace.ui_support import count_queries, html
from vinhdanh.reports.tables import Share

PAGE = reverse("workspace:statistics")
YEAR = support.YEAR


@pytest.fixture
def honours(province):
    support.honours(province)


def _book(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def test_page_draws_each_chart_from_a_json_script_block(personas, client_for, honours):
    response = client_for(personas.board_officer).get(PAGE, {"year": YEAR})
    assert response.status_code == 200
    page = html(response)
    keys = ["by_kind", "by_unit", "by_gender", "direct_workers"]
    for key in keys:
        assert f'<canvas id="chart-{key}" data-chart="chart-data-{key}"' in page
        assert f'<script id="chart-data-{key}" type="application/json">' in page
    # Timeliness: no dossier was decided, nothing to draw, but its table is there.
    assert 'id="chart-timeliness"' not in page and 'data-table="timeliness"' in page
    scripts = re.findall(r"<script([^>]*)>", page)
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs in scripts)
    assert "vinhdanh/charts" in page and "vendor/chartjs/chart.umd.min" in page
    assert " style=" not in page


def test_the_default_is_the_latest_year_with_data_and_the_top_unit(personas, province,
                                                                   client_for, honours):
    response = client_for(personas.board_officer).get(PAGE)
    board = response.context["board"]
    assert (board.year, board.unit) == (YEAR, province.root)


def test_numbers_are_written_the_vietnamese_way(personas, province, client_for, honours):
    response = client_for(personas.board_officer).get(
        PAGE, {"year": YEAR, "unit": province.farmers.pk})
    page = html(response)
    assert "66,7 %" in page  # the women's share of individuals honoured
    assert "33,3 %" in page


def test_large_counts_get_a_thousands_dot():
    from vinhdanh.workspace.templatetags.statistics_tags import stat_cell

    assert [stat_cell(1234567), stat_cell(Share(0.456)), stat_cell(12.25), stat_cell(None),
            stat_cell(Share(1))] == ["1.234.567", "45,6 %", "12,2", "—", "100 %"]


def test_a_clerk_choosing_the_province_sees_only_his_union(personas, province, client_for,
                                                          honours):
    response = client_for(personas.unit_clerk).get(PAGE, {"year": YEAR,
                                                         "unit": province.root.pk})
    assert response.status_code == 200
    board = response.context["board"]
    assert board.unit == province.farmers
    assert list(board.chart("by_kind").table.totals)[-1] == 9
    assert "Hội Liên hiệp Phụ nữ tỉnh" not in html(response)


def test_a_unit_row_links_to_that_units_figures(personas, province, client_for, honours):
    response = client_for(personas.board_officer).get(PAGE, {"year": YEAR})
    assert f'href="?year={YEAR}&amp;unit={province.farmers.pk}"' in html(response)


def test_an_empty_year_says_so_instead_of_drawing(personas, client_for, honours):
    response = client_for(personas.board_officer).get(PAGE, {"year": YEAR - 3})
    page = html(response)
    assert response.context["board"].year == YEAR - 3
    assert f'data-empty-year="{YEAR - 3}"' in page
    assert "<canvas" not in page and "chart.umd" not in page


def test_one_table_exports_with_its_title_year_unit_and_numbers(personas, province,
                                                               client_for, honours):
    client = client_for(personas.board_officer)
    params = {"year": YEAR, "unit": province.farmers.pk}
    table = client.get(PAGE, params).context["board"].chart("direct_workers").table
    response = client.get(PAGE, params | {"export": "direct_workers"})
    assert f'thong-ke-direct-workers-{YEAR}.xlsx' in response["Content-Disposition"]
    book = _book(response)
    sheet = book[book.sheetnames[0]]
    assert len(book.sheetnames) == 1
    assert sheet["A1"].value == table.title
    assert str(YEAR) in sheet["A2"].value and province.farmers.name in sheet["A2"].value
    values = [row for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert list(values[0]) == list(table.columns)
    body = [list(row) for row in values[1:1 + len(table.rows) + 1]]
    assert body == [list(row) for row in [*table.rows, table.totals]]
    share_cell = sheet.cell(row=5, column=4)
    assert share_cell.number_format == "0.0%"


def test_export_all_has_one_sheet_per_chart(personas, client_for, honours):
    response = client_for(personas.board_officer).get(PAGE, {"year": YEAR, "export": "all"})
    assert f'thong-ke-{YEAR}.xlsx' in response["Content-Disposition"]
    book = _book(response)
    assert len(book.sheetnames) == 5
    by_unit = book[book.sheetnames[1]]
    totals = [row for row in by_unit.iter_rows(values_only=True) if row[1:] == (3, 12)]
    assert len(totals) == 1


def test_an_unknown_export_is_not_found(personas, client_for, honours):
    response = client_for(personas.board_officer).get(PAGE, {"export": "salaries"})
    assert response.status_code == 404


def test_a_user_without_a_role_is_refused(db, client_for):
    assert client_for(UserFactory(username="nobody")).get(PAGE).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    assert client.get(PAGE).status_code == 302


def test_the_page_has_no_n_plus_one(personas, province, client_for):
    client = client_for(personas.board_officer)
    url = f"{PAGE}?year={YEAR}"
    support.record("lao_dong_tien_tien", person=support.person(province.farmers, "male"))
    one = count_queries(client, url)
    for index in range(20):
        unit = province.women if index % 2 else province.farmers_sub
        support.record("bang_khen_tinh", person=support.person(unit, "female", direct=True))
    assert count_queries(client, url) == one


def test_a_group_leader_sees_his_member_units_and_no_honour(personas, province, client_for,
                                                           honours):
    # A group's role sees its member units, not their people nor their honours.
    response = client_for(personas.group_leader).get(PAGE, {"year": YEAR})
    assert response.status_code == 200
    board = response.context["board"]
    assert board.unit is None and not board.has_data
    assert response.context["form"].fields["unit"].empty_label is not None
