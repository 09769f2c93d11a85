from django.urls import reverse

from tests.factories import PersonFactory, UnitFactory
from tests.workspace.ui_support import count_queries, html

# Fixtures shared by the staff-UI tests.

DASHBOARD = reverse("workspace:dashboard")


def test_dashboard_renders_for_board_officer(personas, client_for, province):
    response = client_for(personas.board_officer).get(DASHBOARD)

    assert response.status_code == 200
    assert response.context["unit_count"] == 5
    assert response.context["person_count"] == 4
    assert list(response.context["groups"]) == [province.bloc]
    assert province.root.name in html(response)


def test_dashboard_counts_only_what_the_clerk_sees(personas, client_for):
    response = client_for(personas.unit_clerk).get(DASHBOARD)

    assert response.context["unit_count"] == 2
    assert response.context["person_count"] == 2
    assert response.context["group_count"] == 1


def test_dashboard_shows_the_groups_leader(personas, client_for, province):
    response = client_for(personas.unit_clerk).get(DASHBOARD)

    assert response.context["year"] == 2024
    assert province.farmers.display_name in html(response)


def test_dashboard_query_count_does_not_grow_with_rows(personas, client_for, province):
    client = client_for(personas.board_officer)
    one = count_queries(client, DASHBOARD)
    for _ in range(29):
        PersonFactory(unit=UnitFactory(parent=province.farmers))

    thirty = count_queries(client, DASHBOARD)

    assert one == thirty
