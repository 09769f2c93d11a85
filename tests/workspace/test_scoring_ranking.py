"""The ranking page (preview, published revisions, explanations) and the publication."""

from html import escape

import pytest
from django.utils.translation import gettext

from tests.workspace.scoring_ui_support import fill, fill_self, members, round_url
from tests.workspace.ui_support import count_queries, html
from vinhdanh.scoring.enums import PassKind, RoundState
from vinhdanh.scoring.services import passes

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.workspace.scoring_fixtures"]


def test_preview_only_for_managers_while_closed(personas, client_for, closed_round,
                                                women_clerk):
    url = round_url("ranking", closed_round)

    assert client_for(personas.group_leader).get(url).status_code == 200
    assert client_for(personas.board_officer).get(url).status_code == 200
    for user in (personas.unit_clerk, women_clerk, personas.viewer):
        assert client_for(user).get(url).status_code == 403, user


def test_no_preview_while_the_peer_pass_is_open(personas, client_for, scoring_round, bloc):
    passes.advance_round(scoring_round, actor=None, missing_reason="Thử")
    fill(scoring_round, PassKind.PEER, bloc.farmers, bloc.women, ["9.75", "19.25", "1", "0"])

    response = client_for(personas.group_leader).get(round_url("ranking", scoring_round))

    assert response.status_code == 403
    assert "19,25" not in html(response)


def test_ranking_explains_each_final(personas, client_for, closed_round):
    response = client_for(personas.group_leader).get(round_url("ranking", closed_round))

    rows = response.context["rows"]
    assert [row["result"].rank for row in rows] == [1, 2, 3]
    assert all(row["steps"] for row in rows)
    assert gettext("How this was computed") in html(response)


def test_ranking_flags_the_scorer_far_below_the_others(personas, client_for, closed_round,
                                                       bloc):
    response = client_for(personas.group_leader).get(round_url("ranking", closed_round))

    youth = next(row for row in response.context["rows"] if row["unit"] == bloc.youth)
    assert "scorers_disagree" in [flag["code"] for flag in youth["flags"]]
    assert gettext("Scorers disagree") in html(response)


def test_publication_needs_the_confirmation_word(personas, client_for, closed_round):
    url = round_url("publish", closed_round)
    client = client_for(personas.group_leader)

    wrong = client.post(url, {"confirmation": "xác nhận"})
    right = client.post(url, {"confirmation": "CÔNG BỐ"})

    message = gettext('Type "%(word)s" to confirm the publication.') % {"word": "CÔNG BỐ"}
    assert escape(message) in html(wrong)
    assert right.status_code == 302
    closed_round.refresh_from_db()
    assert closed_round.state == RoundState.PUBLISHED


def test_publication_refused_to_unit_clerk(personas, client_for, closed_round):
    response = client_for(personas.unit_clerk).post(round_url("publish", closed_round),
                                                    {"confirmation": "CÔNG BỐ"})

    assert response.status_code == 403


def test_published_ranking_shows_peer_scores_the_viewer_may_read(
        personas, client_for, published_round, bloc, women_clerk):
    response = client_for(women_clerk).get(round_url("ranking", published_round))

    rows = {row["unit"].code: row for row in response.context["rows"]}
    assert [p["unit"] for p in rows["HLHPN"]["peer_scorers"]] == [bloc.farmers.name,
                                                                   bloc.youth.name]
    assert [p["unit"] for p in rows["DTN"]["peer_scorers"]] == [bloc.women.name]
    assert response.context["preview"] is False


def test_correction_starts_a_new_revision(personas, client_for, published_round):
    client = client_for(personas.group_leader)

    response = client.post(round_url("correct", published_round),
                           {"reason": "Sai điểm tiêu chí 2 của Tỉnh đoàn"})

    published_round.refresh_from_db()
    assert response.status_code == 302
    assert (published_round.state, published_round.revision) == (RoundState.LEADER, 2)
    assert client_for(personas.unit_clerk).get(
        round_url("ranking", published_round)).status_code == 200


def test_ranking_page_queries_do_not_grow_with_scores(personas, client_for, scoring_round,
                                                      bloc):
    units = members(bloc)
    fill_self(scoring_round, units[:1])
    passes.advance_round(scoring_round, actor=None, missing_reason="Thử")
    passes.advance_round(scoring_round, actor=None, missing_reason="Thử")
    client = client_for(personas.group_leader)
    url = round_url("ranking", scoring_round)
    before = count_queries(client, url)
    fill_self_as_leader(scoring_round, bloc.farmers, units[1:])

    assert count_queries(client, url) == before


def fill_self_as_leader(scoring_round, leader, units):
    for unit in units:
        fill(scoring_round, PassKind.LEADER, leader, unit, ["5", "5", "1", "0"],
             reason="Đơn vị không tự chấm")
