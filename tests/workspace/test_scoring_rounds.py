"""Round pages: the list, opening a round, its steps and progress, closing passes."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tests.workspace.scoring_ui_support import fill_self, members, pass_of, round_url
from tests.workspace.ui_support import count_queries, html
from vinhdanh.organisations.services.groups import create_group
from vinhdanh.scoring.enums import PassKind, RoundPeriod, RoundState
from vinhdanh.scoring.services import passes
from vinhdanh.scoring.services import templates as template_services

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.workspace.scoring_fixtures"]

ROUND_LIST = reverse("workspace:scoring-round-list")


def test_round_pages_status_by_persona(personas, client_for, scoring_round, women_clerk,
                                       outsider):
    detail = round_url("round", scoring_round)
    advance = round_url("round-advance", scoring_round)
    expected = [(personas.group_leader, 200, 200), (personas.board_officer, 200, 200),
                (personas.unit_clerk, 200, 403), (women_clerk, 200, 403),
                (personas.viewer, 200, 403), (outsider, 404, 404)]
    for user, detail_status, advance_status in expected:
        client = client_for(user)
        assert client.get(detail).status_code == detail_status, user
        assert client.get(advance).status_code == advance_status, user


def test_open_round_from_the_table(personas, client_for, table):
    response = client_for(personas.group_leader).post(
        reverse("workspace:scoring-round-open", args=[table.pk]),
        {"period": RoundPeriod.MID_YEAR, "deadline_self": "30/06/2099",
         "deadline_peer": "", "deadline_leader": ""})

    scoring_round = table.rounds.get()
    assert response.status_code == 302
    assert scoring_round.state == RoundState.SELF
    assert pass_of(scoring_round, PassKind.SELF).deadline == dt.date(2099, 6, 30)


def test_open_round_refused_to_unit_clerk(personas, client_for, table):
    url = reverse("workspace:scoring-round-open", args=[table.pk])

    assert client_for(personas.unit_clerk).get(url).status_code == 403


def test_round_page_shows_steps_and_who_has_finished(personas, client_for, scoring_round,
                                                     bloc):
    fill_self(scoring_round, [bloc.farmers])

    response = client_for(personas.group_leader).get(round_url("round", scoring_round))

    progress = {row["unit"].code: row["done"] for row in response.context["progress"]}
    assert progress == {"HND": True, "HLHPN": False, "DTN": False}
    assert [s["status"] for s in response.context["steps"]] == [
        "current", "todo", "todo", "todo", "todo"]


def test_round_page_lists_the_clerks_own_sheet_only(personas, client_for, scoring_round, bloc):
    response = client_for(personas.unit_clerk).get(round_url("round", scoring_round))

    sheets = response.context["my_sheets"]
    assert [block["scorer"] for block in sheets] == [bloc.farmers]
    assert [sheet["subject"] for sheet in sheets[0]["sheets"]] == [bloc.farmers]


def test_closing_a_pass_with_missing_scores_asks_why(personas, client_for, scoring_round):
    client = client_for(personas.group_leader)
    url = round_url("round-advance", scoring_round)

    refused = client.post(url, {"missing_reason": ""})
    closed = client.post(url, {"missing_reason": "Đơn vị chưa gửi, đã nhắc hai lần"})

    assert refused.status_code == 200
    assert gettext("%(count)s required scores are still missing: record why before closing "
                   "the pass.") % {"count": 12} in html(refused)
    assert closed.status_code == 302
    scoring_round.refresh_from_db()
    assert scoring_round.state == RoundState.PEER


def test_deadline_set_from_the_round_page(personas, client_for, scoring_round):
    self_pass = pass_of(scoring_round, PassKind.SELF)
    day = timezone.localdate() + dt.timedelta(days=10)

    response = client_for(personas.group_leader).post(
        reverse("workspace:scoring-pass-deadline", args=[self_pass.pk]),
        {"deadline": day.strftime("%d/%m/%Y")})

    self_pass.refresh_from_db()
    assert response.status_code == 302
    assert self_pass.deadline == day


def test_reminders_sent_from_the_round_page(personas, client_for, scoring_round, women_clerk):
    women_clerk.email = "vanthu@hoiphunu.example"
    women_clerk.save()
    self_pass = pass_of(scoring_round, PassKind.SELF)
    url = reverse("workspace:scoring-pass-remind", args=[self_pass.pk])

    response = client_for(personas.group_leader).post(url, follow=True)

    self_pass.refresh_from_db()
    assert self_pass.reminded_at is not None
    assert gettext("%(count)s unit clerks were reminded.") % {"count": 1} in html(response)
    assert client_for(personas.unit_clerk).post(url).status_code == 403


def test_round_list_shows_visible_rounds_only(personas, client_for, scoring_round, outsider):
    assert scoring_round in client_for(personas.unit_clerk).get(ROUND_LIST).context["rounds"]
    assert list(client_for(outsider).get(ROUND_LIST).context["rounds"]) == []


def _another_round(province, n):
    group = create_group(actor=None, kind="bloc", year=2025 + n, code=f"K{n}", name=f"Khối {n}",
                         members=[province.farmers], organiser=province.root)
    template = template_services.create_template(group, actor=None)
    section = template_services.add_criterion(template, actor=None, kind="section",
                                              title="Mục", max_points=0)
    template_services.add_criterion(template, actor=None, kind="standard", title="Tiêu chí",
                                    max_points=5, parent=section)
    return passes.open_round(template, actor=None, period=RoundPeriod.MID_YEAR)


def test_round_list_queries_do_not_grow(personas, client_for, scoring_round, bloc):
    client = client_for(personas.board_officer)
    before = count_queries(client, ROUND_LIST)
    for n in range(2):
        _another_round(bloc, n)

    assert count_queries(client, ROUND_LIST) == before


def test_round_page_queries_do_not_grow_with_scores(personas, client_for, scoring_round, bloc):
    client = client_for(personas.group_leader)
    url = round_url("round", scoring_round)
    fill_self(scoring_round, [bloc.farmers])
    before = count_queries(client, url)
    fill_self(scoring_round, members(bloc)[1:])

    assert count_queries(client, url) == before
