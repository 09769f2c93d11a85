"""The board's inbox (workspace:board-inbox): who sees which dossiers, the tabs and filters,
the overdue flags, and the bulk actions that move all chosen rows or none."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from tests.nominations.support import at, clerk_for, in_appraisal, submitted
from tests.workspace.ui_support import count_queries, html
from vinhdanh.nominations.enums import NominationState as S
from vinhdanh.nominations.models import Nomination
from vinhdanh.nominations.services import deadlines

INBOX = reverse("workspace:board-inbox")
ACT = reverse("workspace:board-bulk-act")
LONG_AGO = at(dt.date(2025, 6, 2))


@pytest.fixture
def women_clerk(province):
    return clerk_for(province.women, "women-clerk")


@pytest.fixture
def dossiers(province, personas, women_clerk):
    """A submitted dossier of each union; the women's was submitted long ago (overdue)."""
    return {"farmers": submitted(province, personas.unit_clerk),
            "women": submitted(province, women_clerk, now=LONG_AGO)}


def _rows(response) -> set[int]:
    return {n.pk for n in response.context["page"].object_list}


def _act(client, action, nominations, **extra):
    data = {"action": action, "selected": [n.pk for n in nominations],
            **{f"version_{n.pk}": n.version for n in nominations}, **extra}
    return client.post(ACT, data, follow=True)


def test_inbox_shows_every_unit_s_dossier_to_the_board_officer(personas, client_for,
                                                                 dossiers):
    response = client_for(personas.board_officer).get(INBOX)
    assert response.status_code == 200
    assert _rows(response) == {dossiers["farmers"].pk, dossiers["women"].pk}
    assert str(dossiers["farmers"].candidate) in html(response)
    assert f'href="{dossiers["farmers"].get_absolute_url()}"' in html(response)


def test_inbox_refuses_a_unit_clerk(client_for, dossiers, women_clerk, personas):
    assert client_for(women_clerk).get(INBOX).status_code == 403
    assert client_for(personas.unit_clerk).get(INBOX).status_code == 403
    assert client_for(women_clerk).post(ACT, {"action": "receive",
                                              "selected": [dossiers["women"].pk]}
                                        ).status_code == 403


def test_group_leader_sees_only_his_group_s_proposals(province, personas, client_for,
                                                      dossiers):
    proposal = submitted(province, personas.unit_clerk, group=province.bloc)
    response = client_for(personas.group_leader).get(INBOX)
    assert response.status_code == 200
    assert _rows(response) == {proposal.pk}
    # Receiving is the board's: the leader only takes proposals into the group review.
    assert [name for name, _label in response.context["actions"]] == ["start_group_review"]


def test_tabs_count_each_state_and_open_the_first_with_rows(province, personas, client_for,
                                                            dossiers, women_clerk):
    in_appraisal(province, women_clerk, personas.board_officer)
    client = client_for(personas.board_officer)
    response = client.get(INBOX)
    counts = {tab["state"]: tab["count"] for tab in response.context["tabs"]}
    assert counts == {S.SUBMITTED: 2, S.GROUP_REVIEW: 0, S.APPRAISAL: 1, S.PUBLIC_COMMENT: 0,
                      S.READY: 0, S.RETURNED: 0}
    assert response.context["tab"] == S.SUBMITTED
    assert [name for name, _label in response.context["actions"]] == [
        "receive", "start_group_review"]
    appraisal = client.get(INBOX, {"state": S.APPRAISAL})
    assert len(_rows(appraisal)) == 1
    assert [name for name, _label in appraisal.context["actions"]] == ["pass_to_council"]


def test_overdue_filter_and_badge_count_working_days(personas, client_for, dossiers):
    women = dossiers["women"]
    response = client_for(personas.board_officer).get(INBOX, {"overdue": "on"})
    assert _rows(response) == {women.pk}
    late = deadlines.days_overdue(women)
    assert late > 0
    assert f'data-overdue="{late}"' in html(response)


def test_filters_by_unit_honour_and_year(province, personas, client_for, dossiers):
    client = client_for(personas.board_officer)
    assert _rows(client.get(INBOX, {"unit": province.women.pk})) == {dossiers["women"].pk}
    assert _rows(client.get(INBOX, {"year": 2024})) == set()
    other = submitted(province, personas.unit_clerk, honor_code="giay_khen")
    assert _rows(client.get(INBOX, {"honor": other.honor.pk})) == {other.pk}


def test_bulk_receive_moves_every_selected_dossier(personas, client_for, dossiers):
    chosen = [dossiers["farmers"], dossiers["women"]]
    response = _act(client_for(personas.board_officer), "receive", chosen)
    assert response.status_code == 200
    assert set(Nomination.objects.values_list("state", flat=True)) == {S.APPRAISAL}
    assert set(Nomination.objects.values_list("received_on", flat=True)) != {None}


def test_one_stale_row_makes_none_move(personas, client_for, dossiers):
    farmers, women = dossiers["farmers"], dossiers["women"]
    data = {"action": "receive", "selected": [farmers.pk, women.pk],
            f"version_{farmers.pk}": farmers.version, f"version_{women.pk}": women.version - 1}
    response = client_for(personas.board_officer).post(ACT, data, follow=True)
    assert set(Nomination.objects.values_list("state", flat=True)) == {S.SUBMITTED}
    problems = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert len(problems) == 1
    assert problems[0].startswith(f"{women.candidate}: ")


def test_a_row_the_action_does_not_fit_makes_none_move(province, personas, client_for,
                                                       dossiers):
    proposal = submitted(province, personas.unit_clerk, group=province.bloc)
    response = _act(client_for(personas.board_officer), "receive",
                    [dossiers["farmers"], proposal])
    assert set(Nomination.objects.values_list("state", flat=True)) == {S.SUBMITTED}
    problems = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert [p.split(": ")[0] for p in problems] == [str(proposal.candidate)]


def test_bulk_action_ignores_dossiers_outside_the_user_s_list(province, personas, client_for,
                                                              dossiers):
    proposal = submitted(province, personas.unit_clerk, group=province.bloc)
    response = _act(client_for(personas.group_leader), "start_group_review",
                    [proposal, dossiers["farmers"]])
    assert Nomination.objects.get(pk=proposal.pk).state == S.SUBMITTED
    assert gettext("A chosen dossier is no longer in your list; reload the page.") in [
        str(m) for m in response.context["messages"]]


def test_group_leader_moves_his_group_s_proposals_in_bulk(province, personas, client_for):
    proposals = [submitted(province, personas.unit_clerk, group=province.bloc)
                 for _ in range(2)]
    client = client_for(personas.group_leader)
    _act(client, "start_group_review", proposals)
    for n in proposals:
        n.refresh_from_db()
    _act(client, "forward", proposals)
    assert set(Nomination.objects.values_list("state", flat=True)) == {S.APPRAISAL}


def test_bulk_action_without_rows_says_so(personas, client_for, dossiers):
    response = client_for(personas.board_officer).post(ACT, {"action": "receive"}, follow=True)
    assert gettext("Choose at least one dossier.") in [str(m) for m in
                                                       response.context["messages"]]


def test_inbox_has_no_n_plus_one(province, personas, client_for, women_clerk):
    client = client_for(personas.board_officer)
    submitted(province, women_clerk, now=LONG_AGO)
    one = count_queries(client, INBOX)
    submitted(province, personas.unit_clerk, now=LONG_AGO)
    submitted(province, personas.unit_clerk, group=province.bloc)
    assert count_queries(client, INBOX) == one


def test_passing_to_the_council_waits_for_public_comment(province, personas, client_for,
                                                         women_clerk):
    provincial = in_appraisal(province, women_clerk, personas.board_officer)
    national = in_appraisal(province, personas.unit_clerk, personas.board_officer,
                            honor_code="bang_khen_thu_tuong", justification="Đề nghị xét.")
    client = client_for(personas.board_officer)
    response = _act(client, "pass_to_council", [provincial, national])
    problems = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert [p.split(": ")[0] for p in problems] == [str(national.candidate)]
    assert set(Nomination.objects.values_list("state", flat=True)) == {S.APPRAISAL}
    provincial.refresh_from_db()
    _act(client, "pass_to_council", [provincial])
    assert Nomination.objects.get(pk=provincial.pk).state == S.READY


def test_pages_of_the_inbox_come_as_a_fragment_for_htmx(personas, client_for, dossiers):
    response = client_for(personas.board_officer).get(INBOX, HTTP_HX_REQUEST="true")
    assert "<html" not in html(response)
    assert f'data-nomination="{dossiers["farmers"].pk}"' in html(response)
