"""The timeliness dashboard (workspace:timeliness), its workbook, and the overdue panel the
main dashboard includes: figures only over what ``visible_to`` gives the user."""

import datetime as dt
import io

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import UserFactory
from tests.nominations.support import at, clerk_for, in_appraisal, submitted
from tests.workspace.ui_support import count_queries, html
from vinhdanh.nominations.enums import NominationState as S
from vinhdanh.nominations.services import deadlines, workflow
from vinhdanh.workspace.views.board.panels import overdue_panel

PAGE = reverse("workspace:timeliness")
EXPORT = reverse("workspace:timeliness-export")
JUNE = dt.date(2025, 6, 2)  # a Monday


@pytest.fixture
def women_clerk(province):
    return clerk_for(province.women, "women-clerk")


@pytest.fixture
def journeys(province, personas, women_clerk):
    """The farmers' dossier was received two working days after it came in (the step
    closed on time) and has been in appraisal since; the women's waits to be received."""
    farmers = submitted(province, personas.unit_clerk, now=at(JUNE))
    workflow.receive(farmers, actor=personas.board_officer, now=at(JUNE + dt.timedelta(days=2)))
    women = submitted(province, women_clerk, now=at(JUNE), year=2024)
    return {"farmers": farmers, "women": women}


def _steps(response) -> dict:
    return {row["state"]: row for row in response.context["steps"]}


def test_dashboard_shows_the_step_figures(personas, client_for, journeys):
    response = client_for(personas.board_officer).get(PAGE)
    assert response.status_code == 200
    submitted_row = _steps(response)[S.SUBMITTED]
    assert (submitted_row["count"], submitted_row["median_days"],
            submitted_row["within_limit"], submitted_row["timed"],
            submitted_row["percent_within"]) == (1, 2, 1, 1, 100)
    assert [row["key"] for row in response.context["by_year"]] == [2024, 2025]
    assert {row["key"] for row in response.context["by_unit"]} == {
        "Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"}


def test_dashboard_lists_the_overdue_dossiers(personas, client_for, journeys):
    response = client_for(personas.board_officer).get(PAGE)
    overdue = {n.pk: n.overdue_days for n in response.context["overdue"]}
    assert set(overdue) == {journeys["farmers"].pk, journeys["women"].pk}
    women = journeys["women"]
    women.refresh_from_db()
    assert overdue[women.pk] == deadlines.days_overdue(women) > 0
    assert response.context["overdue_total"] == 2


def test_the_year_narrows_the_figures(personas, client_for, journeys):
    response = client_for(personas.board_officer).get(PAGE, {"year": 2024})
    assert response.context["year"] == 2024
    assert _steps(response)[S.SUBMITTED]["count"] == 0
    assert [n.pk for n in response.context["overdue"]] == [journeys["women"].pk]
    # Years are compared with each other whatever year is chosen.
    assert len(response.context["by_year"]) == 2


def test_a_clerk_sees_the_figures_of_his_unit_only(client_for, journeys, women_clerk):
    response = client_for(women_clerk).get(PAGE)
    assert response.status_code == 200
    assert [row["key"] for row in response.context["by_unit"]] == ["Hội Liên hiệp Phụ nữ tỉnh"]
    assert [n.pk for n in response.context["overdue"]] == [journeys["women"].pk]
    assert "Hội Nông dân tỉnh" not in html(response)


def test_a_user_without_a_role_is_refused(client_for, journeys):
    assert client_for(UserFactory(username="nobody")).get(PAGE).status_code == 403
    assert client_for(UserFactory(username="nobody2")).get(EXPORT).status_code == 403


def test_the_export_is_a_workbook_with_every_table(personas, client_for, journeys):
    response = client_for(personas.board_officer).get(EXPORT)
    assert response.status_code == 200
    assert "thoi-han-xu-ly.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == 5
    steps, by_unit, _by_honour, by_year, overdue = (book[name] for name in book.sheetnames)
    labels = [row[0] for row in steps.iter_rows(min_row=2, values_only=True)]
    assert len(labels) == 6
    assert steps.cell(row=2, column=2).value == 1  # one closed "submitted" step
    assert {row[0] for row in by_unit.iter_rows(min_row=2, values_only=True)} == {
        "Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"}
    assert [row[0] for row in by_year.iter_rows(min_row=2, values_only=True)] == ["2024", "2025"]
    assert overdue.max_row == 3


def test_the_export_follows_the_year(personas, client_for, journeys):
    response = client_for(personas.board_officer).get(EXPORT, {"year": 2024})
    assert "thoi-han-xu-ly-2024.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book[book.sheetnames[-1]].max_row == 2


def test_dashboard_has_no_n_plus_one(province, personas, client_for, women_clerk):
    client = client_for(personas.board_officer)
    submitted(province, women_clerk, now=at(JUNE))
    one = count_queries(client, PAGE)
    in_appraisal(province, personas.unit_clerk, personas.board_officer, now=at(JUNE))
    submitted(province, women_clerk, now=at(JUNE), year=2024)
    assert count_queries(client, PAGE) == one


def test_overdue_panel_counts_what_the_user_sees(personas, journeys, women_clerk):
    board = overdue_panel(personas.board_officer)
    assert board["overdue_count"] == 2
    assert board["overdue_url"] == reverse("workspace:board-inbox") + "?overdue=on"
    clerk = overdue_panel(women_clerk)
    assert (clerk["overdue_count"], clerk["overdue_url"]) == (1, "")
    page = render_to_string("workspace/board/_overdue_panel.html", board)
    assert 'data-overdue-count="2"' in page
    assert "?overdue=on" in page


def test_overdue_panel_link_opens_the_filtered_inbox(personas, client_for, journeys):
    url = overdue_panel(personas.board_officer)["overdue_url"]
    response = client_for(personas.board_officer).get(url)
    rows = {n.pk for n in response.context["page"].object_list}
    assert rows == {journeys["women"].pk}  # the first tab with rows: submitted
