"""A whole scoring year walked through the pages: table → round → self → peer → leader →
close → publish → ranking → proposals."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from tests.workspace.scoring_ui_support import persona, round_url, sheet_url
from tests.workspace.ui_support import html
from vinhdanh.organisations.enums import Role
from vinhdanh.scoring.enums import CriterionKind, RoundState
from vinhdanh.scoring.models import Proposal, RankingRevision, ScoringTemplate

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.workspace.scoring_fixtures"]

SELF = {"HND": ["9", "18"], "HLHPN": ["8", "19"], "DTN": ["7", "12"]}
PEER = {"HND": ["8", "17"], "HLHPN": ["8", "16"], "DTN": ["6", "10"]}  # what a unit receives


def _build_table(client, group):
    client.post(reverse("workspace:scoring-table-create", args=[group.pk]), {"copy_from": ""})
    template = ScoringTemplate.objects.get(group=group)
    add = reverse("workspace:scoring-criterion-create", args=[template.pk])
    client.post(add, {"kind": CriterionKind.SECTION, "code": "I", "title": "Nhiệm vụ chính",
                      "max_points": "0"})
    section = template.criteria.get()
    for code, points in (("1", "10"), ("2", "20")):
        client.post(add, {"parent": section.pk, "kind": CriterionKind.STANDARD, "code": code,
                          "title": f"Tiêu chí {code}", "max_points": points})
    return template, list(template.criteria.filter(kind=CriterionKind.STANDARD))


def _sheet(criteria, values, **extra):
    return {**{f"points_{c.pk}": v for c, v in zip(criteria, values, strict=True)}, **extra}


def _advance(client, scoring_round, state):
    response = client.post(round_url("round-advance", scoring_round), {"missing_reason": ""})
    assert response.status_code == 302, html(response)
    scoring_round.refresh_from_db()
    assert scoring_round.state == state


def test_a_scoring_year_runs_through_the_pages(personas, client_for, bloc, women_clerk):
    leader = client_for(personas.group_leader)
    clerks = {"HND": client_for(personas.unit_clerk), "HLHPN": client_for(women_clerk),
              "DTN": client_for(persona(Role.UNIT_CLERK, unit=bloc.youth, username="doan"))}
    units = {"HND": bloc.farmers, "HLHPN": bloc.women, "DTN": bloc.youth}
    template, criteria = _build_table(leader, bloc.bloc)

    leader.post(reverse("workspace:scoring-round-open", args=[template.pk]),
                {"period": "year_end"})
    scoring_round = template.rounds.get()
    for code, client in clerks.items():
        unit = units[code]
        client.post(sheet_url(scoring_round, unit, unit), _sheet(criteria, SELF[code]))
    _advance(leader, scoring_round, RoundState.PEER)

    for scorer_code, client in clerks.items():
        for subject_code, subject in units.items():
            if subject_code != scorer_code:
                client.post(sheet_url(scoring_round, units[scorer_code], subject),
                            _sheet(criteria, PEER[subject_code]))
    _advance(leader, scoring_round, RoundState.LEADER)

    first = criteria[0]
    reason = {f"reason_{first.pk}": "Thiếu minh chứng"}
    leader.post(sheet_url(scoring_round, bloc.farmers, bloc.youth),
                _sheet(criteria, ["6", SELF["DTN"][1]], **reason))
    _advance(leader, scoring_round, RoundState.CLOSED)

    preview = leader.get(round_url("ranking", scoring_round))
    assert preview.context["preview"] is True
    assert [row["unit"].code for row in preview.context["rows"]] == ["HND", "HLHPN", "DTN"]
    assert clerks["HND"].get(round_url("ranking", scoring_round)).status_code == 403

    publish = round_url("publish", scoring_round)
    wrong = leader.post(publish, {"confirmation": "đồng ý"})
    assert wrong.status_code == 200
    assert leader.post(publish, {"confirmation": "công bố"}).status_code == 302

    scoring_round.refresh_from_db()
    assert scoring_round.state == RoundState.PUBLISHED
    assert RankingRevision.objects.filter(round=scoring_round).count() == 1
    ranking = clerks["HLHPN"].get(round_url("ranking", scoring_round))
    assert ranking.status_code == 200
    assert [row["result"].rank for row in ranking.context["rows"]] == [1, 2, 3]

    proposals = clerks["DTN"].get(reverse("workspace:scoring-proposals", args=[bloc.bloc.pk]))
    assert proposals.status_code == 200
    assert Proposal.objects.filter(revision__round=scoring_round).exists()
    assert bloc.farmers.name in html(proposals)
    assert gettext("Proposals for commendation") in html(proposals)
