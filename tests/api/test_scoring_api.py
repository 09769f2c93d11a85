"""The scoring API: tables, rounds, score sheets, the blind peer pass, the ranking, proposals
and the year-end review, with the same visibility and rules as the workspace."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils.translation import gettext

from tests.api.conftest import count_queries, ids
from tests.conftest import _persona
from tests.factories import UnitFactory
from vinhdanh.organisations.enums import GroupKind, Role
from vinhdanh.organisations.services.groups import create_group, set_members
from vinhdanh.scoring.enums import CriterionKind, PassKind, ProposalState, RoundState
from vinhdanh.scoring.models import Proposal, ScoringTemplate
from vinhdanh.scoring.queries import pass_of
from vinhdanh.scoring.services import passes, proposals, publication, scores, templates

TEMPLATES = "/api/v1/scoring-templates/"
CRITERIA = "/api/v1/scoring-criteria/"
ROUNDS = "/api/v1/scoring-rounds/"
SCORES = "/api/v1/scores/"
PROPOSALS = "/api/v1/proposals/"


def _table(template):
    """I (section): A 10, B 5; C bonus 2; D penalty 2."""
    section = templates.add_criterion(template, actor=None, kind=CriterionKind.SECTION,
                                      title="Thực hiện nhiệm vụ", max_points=0, code="I")
    rows = [templates.add_criterion(template, actor=None, kind=kind, title=title,
                                    max_points=points, parent=section, code=code)
            for code, title, kind, points in (
                ("1", "Hoàn thành kế hoạch", CriterionKind.STANDARD, 10),
                ("2", "Tuyên truyền", CriterionKind.STANDARD, 5),
                ("3", "Mô hình hay", CriterionKind.BONUS, 2),
                ("4", "Chậm báo cáo", CriterionKind.PENALTY, 2))]
    return section, rows


@pytest.fixture
def bloc(province, personas):
    """The province's bloc with a third member (the veterans), a table, and a clerk of the
    Women's Union beside the Farmers' Union clerk."""
    veterans = UnitFactory(code="HCCB", name="Hội Cựu chiến binh tỉnh", parent=province.root)
    set_members(province.bloc, actor=None, members=[province.farmers, province.women, veterans])
    template = templates.create_template(province.bloc, actor=None)
    section, criteria = _table(template)
    return SimpleNamespace(
        group=province.bloc, template=template, section=section, criteria=criteria,
        farmers=province.farmers, women=province.women, veterans=veterans,
        women_clerk=_persona(Role.UNIT_CLERK, unit=province.women, username="clerk-women"),
    )


@pytest.fixture
def other_group(province):
    """A cluster of the Women's Union sub-unit, with its own table: the farmers see nothing."""
    group = create_group(actor=None, kind=GroupKind.CLUSTER, year=2024, code="CUM-PN",
                         name="Cụm Phụ nữ", members=[province.women_sub],
                         organiser=province.women, leader=province.women_sub)
    template = templates.create_template(group, actor=None)
    _table(template)
    return template


def _rows(criteria, points):
    return [{"criterion": c.pk, "points": str(p)} for c, p in zip(criteria, points, strict=True)]


def _sheet(client, scoring_round, kind, scorer, subject, points, criteria=(), rows=None):
    body = {"pass": kind, "scorer": scorer.pk, "subject": subject.pk,
            "rows": _rows(criteria, points) if rows is None else rows}
    return client.post(f"{ROUNDS}{scoring_round.pk}/sheet/", body, format="json")


def _fill(scoring_round, kind, pairs, criteria, points=(8, 4, 1, 0)):
    """Scores entered through the service (the demo actor) for the arrangement."""
    scoring_pass = pass_of(scoring_round, kind)
    for scorer, subject in pairs:
        scores.record_sheet(scoring_pass, actor=None, scorer=scorer, subject=subject,
                            rows=[{"criterion": c, "points": p}
                                  for c, p in zip(criteria, points, strict=True)])


def _units(bloc):
    return [bloc.farmers, bloc.women, bloc.veterans]


def _to_peer(bloc):
    scoring_round = passes.open_round(bloc.template, actor=None, period="year_end")
    _fill(scoring_round, PassKind.SELF, [(u, u) for u in _units(bloc)], bloc.criteria)
    return passes.advance_round(scoring_round, actor=None)


def _at_leader(bloc):
    scoring_round = _to_peer(bloc)
    units = _units(bloc)
    pairs = [(a, b) for a in units for b in units if a != b]
    _fill(scoring_round, PassKind.PEER, pairs, bloc.criteria, (7, 4, 1, 0))
    return passes.advance_round(scoring_round, actor=None)


def _closed(bloc):
    return passes.advance_round(_at_leader(bloc), actor=None)


def _published(bloc):
    scoring_round = _closed(bloc)
    publication.publish_round(scoring_round, actor=None, confirmation="CÔNG BỐ")
    return scoring_round


def _message(response, field="non_field_errors"):
    body = response.json()
    return body[field] if isinstance(body, dict) else body


# --- templates -------------------------------------------------------------------------------

def test_template_list_clerk_sees_only_templates_of_own_groups(personas, bloc, other_group,
                                                               api_for):
    response = api_for(personas.unit_clerk).get(TEMPLATES)

    assert response.status_code == 200
    assert ids(response) == {bloc.template.pk}


def test_template_list_filters_by_year(personas, bloc, api_for):
    client = api_for(personas.board_officer)

    assert ids(client.get(TEMPLATES, {"year": 2024})) == {bloc.template.pk}
    assert ids(client.get(TEMPLATES, {"year": 2023})) == set()


def test_template_list_has_constant_queries(personas, province, api_for):
    client = api_for(personas.board_officer)
    group = create_group(actor=None, kind=GroupKind.CLUSTER, year=2024, code="C0", name="Cụm 0",
                         members=[province.farmers_sub], organiser=province.root)
    templates.create_template(group, actor=None)
    one, _ = count_queries(client, TEMPLATES)
    for n in (1, 2):
        group = create_group(actor=None, kind=GroupKind.CLUSTER, year=2024, code=f"C{n}",
                             name=f"Cụm {n}", members=[UnitFactory()], organiser=province.root)
        templates.create_template(group, actor=None)

    three, body = count_queries(client, TEMPLATES)

    assert body["count"] == 3
    assert three == one


def test_template_retrieve_shows_the_tree_in_order(personas, bloc, api_for):
    response = api_for(personas.unit_clerk).get(f"{TEMPLATES}{bloc.template.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert [(row["code"], row["depth"]) for row in body["criteria"]] == [
        ("I", 0), ("1", 1), ("2", 1), ("3", 1), ("4", 1)]
    assert (body["max_total"], body["locked"]) == ("17.00", False)


def test_template_retrieve_other_groups_template_is_404(personas, other_group, api_for):
    response = api_for(personas.unit_clerk).get(f"{TEMPLATES}{other_group.pk}/")

    assert response.status_code == 404


def test_template_create_copies_the_given_table(personas, province, bloc, api_for):
    group = create_group(actor=None, kind=GroupKind.BLOC, year=2025, code="MTTQ-25",
                         name="Khối MTTQ 2025", members=[province.farmers],
                         organiser=province.root)

    response = api_for(personas.board_officer).post(
        TEMPLATES, {"group": group.pk, "copy_from": bloc.template.pk}, format="json")

    assert response.status_code == 201, response.content
    assert [row["code"] for row in response.json()["criteria"]] == ["I", "1", "2", "3", "4"]
    assert ScoringTemplate.objects.get(group=group).copied_from == bloc.template


def test_template_create_by_clerk_is_403(personas, province, api_for):
    response = api_for(personas.unit_clerk).post(TEMPLATES, {"group": province.bloc.pk},
                                                 format="json")

    assert response.status_code == 403


def test_template_create_twice_is_refused(personas, bloc, api_for):
    response = api_for(personas.group_leader).post(TEMPLATES, {"group": bloc.group.pk},
                                                   format="json")

    assert response.status_code == 400
    assert _message(response) == [gettext("This group already has a scoring table.")]


def test_template_partial_update_changes_settings(personas, bloc, api_for):
    response = api_for(personas.group_leader).patch(
        f"{TEMPLATES}{bloc.template.pk}/",
        {"formula": "weighted", "weight_peer": "0.5", "weight_leader": "0.5",
         "tie_breaks": ["more_bonus"], "flag_count": 1}, format="json")

    assert response.status_code == 200, response.content
    bloc.template.refresh_from_db()
    assert (bloc.template.formula, bloc.template.tie_breaks, bloc.template.flag_count) == (
        "weighted", ["more_bonus"], 1)


def test_template_partial_update_refuses_weighted_without_weights(personas, bloc, api_for):
    response = api_for(personas.group_leader).patch(
        f"{TEMPLATES}{bloc.template.pk}/",
        {"formula": "weighted", "weight_self": "0", "weight_peer": "0", "weight_leader": "0"},
        format="json")

    assert response.status_code == 400
    assert _message(response, "formula") == [
        gettext("A weighted final score needs at least one weight above zero.")]


def test_template_partial_update_once_scoring_started_is_403(personas, bloc, api_for):
    passes.open_round(bloc.template, actor=None, period="year_end")

    response = api_for(personas.group_leader).patch(f"{TEMPLATES}{bloc.template.pk}/",
                                                    {"flag_count": 2}, format="json")

    assert response.status_code == 403


# --- criteria --------------------------------------------------------------------------------

def test_criterion_create_adds_to_the_section(personas, bloc, api_for):
    data = {"template": bloc.template.pk, "parent": bloc.section.pk, "kind": "standard",
            "code": "5", "title": "Cải cách hành chính", "max_points": "3",
            "evidence_required": True}

    response = api_for(personas.group_leader).post(CRITERIA, data, format="json")

    assert response.status_code == 201, response.content
    assert (response.json()["depth"], response.json()["parent"]) == (1, bloc.section.pk)
    assert bloc.template.criteria.get(code="5").evidence_required is True


def test_criterion_create_refuses_zero_points(personas, bloc, api_for):
    data = {"template": bloc.template.pk, "kind": "standard", "title": "Khác", "max_points": "0"}

    response = api_for(personas.group_leader).post(CRITERIA, data, format="json")

    assert response.status_code == 400
    assert _message(response, "max_points") == [
        gettext("The maximum points must be above zero.")]


def test_criterion_create_by_clerk_is_403(personas, bloc, api_for):
    data = {"template": bloc.template.pk, "kind": "standard", "title": "Khác", "max_points": "1"}

    response = api_for(personas.unit_clerk).post(CRITERIA, data, format="json")

    assert response.status_code == 403


def test_criterion_partial_update_and_destroy(personas, bloc, api_for):
    client = api_for(personas.group_leader)
    first, second = bloc.criteria[:2]

    changed = client.patch(f"{CRITERIA}{first.pk}/", {"title": "Hoàn thành 100% kế hoạch"},
                           format="json")
    deleted = client.delete(f"{CRITERIA}{second.pk}/")

    assert changed.status_code == 200, changed.content
    assert changed.json()["title"] == "Hoàn thành 100% kế hoạch"
    assert deleted.status_code == 204
    assert not bloc.template.criteria.filter(pk=second.pk).exists()


def test_criterion_destroy_once_scoring_started_is_403(personas, bloc, api_for):
    passes.open_round(bloc.template, actor=None, period="year_end")

    response = api_for(personas.group_leader).delete(f"{CRITERIA}{bloc.criteria[0].pk}/")

    assert response.status_code == 403


def test_criterion_of_an_invisible_template_is_404(personas, other_group, api_for):
    criterion = other_group.criteria.exclude(kind=CriterionKind.SECTION).first()

    response = api_for(personas.unit_clerk).patch(f"{CRITERIA}{criterion.pk}/", {"title": "x"},
                                                  format="json")

    assert response.status_code == 404


# --- rounds ----------------------------------------------------------------------------------

def test_round_create_opens_the_self_pass(personas, bloc, api_for):
    data = {"template": bloc.template.pk, "period": "year_end",
            "deadlines": {"self": "20/12/2099"}}

    response = api_for(personas.group_leader).post(ROUNDS, data, format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == RoundState.SELF
    assert [(p["kind"], p["deadline"]) for p in body["passes"]] == [
        ("self", "2099-12-20"), ("peer", None), ("leader", None)]
    assert body["passes"][0]["progress"] == {"entered": 0, "expected": 12}
    assert len(body["missing"]) == 3


def test_round_create_twice_is_refused(personas, bloc, api_for):
    passes.open_round(bloc.template, actor=None, period="year_end")

    response = api_for(personas.group_leader).post(
        ROUNDS, {"template": bloc.template.pk, "period": "year_end"}, format="json")

    assert response.status_code == 400
    assert _message(response, "period") == [gettext("This round has already been opened.")]


def test_round_create_by_clerk_is_403(personas, bloc, api_for):
    response = api_for(personas.unit_clerk).post(
        ROUNDS, {"template": bloc.template.pk, "period": "year_end"}, format="json")

    assert response.status_code == 403


def test_round_list_clerk_sees_only_rounds_of_own_groups(personas, bloc, other_group, api_for):
    mine = passes.open_round(bloc.template, actor=None, period="year_end")
    passes.open_round(other_group, actor=None, period="year_end")

    response = api_for(personas.unit_clerk).get(ROUNDS)

    assert ids(response) == {mine.pk}


def test_round_list_has_constant_queries(personas, province, bloc, api_for):
    client = api_for(personas.board_officer)
    passes.open_round(bloc.template, actor=None, period="year_end")
    one, _ = count_queries(client, ROUNDS)
    passes.open_round(bloc.template, actor=None, period="mid_year")
    group = create_group(actor=None, kind=GroupKind.CLUSTER, year=2024, code="C9", name="Cụm 9",
                         members=[UnitFactory()], organiser=province.root)
    template = templates.create_template(group, actor=None)
    _table(template)
    passes.open_round(template, actor=None, period="year_end")

    three, body = count_queries(client, ROUNDS)

    assert body["count"] == 3
    assert three == one


def test_round_list_filters_by_state(personas, bloc, api_for):
    passes.open_round(bloc.template, actor=None, period="year_end")
    client = api_for(personas.board_officer)

    assert ids(client.get(ROUNDS, {"state": "self"})) != set()
    assert ids(client.get(ROUNDS, {"state": "published"})) == set()


def test_round_advance_with_scores_missing_needs_a_reason(personas, bloc, api_for):
    scoring_round = passes.open_round(bloc.template, actor=None, period="year_end")
    client = api_for(personas.group_leader)

    refused = client.post(f"{ROUNDS}{scoring_round.pk}/advance/", {}, format="json")
    advanced = client.post(f"{ROUNDS}{scoring_round.pk}/advance/",
                           {"missing_reason": "Tỉnh đoàn xin lùi hạn"}, format="json")

    assert refused.status_code == 400
    assert _message(refused, "missing_reason") == [gettext(
        "%(count)s required scores are still missing: record why before closing the pass."
    ) % {"count": 12}]
    assert advanced.status_code == 200, advanced.content
    assert advanced.json()["state"] == RoundState.PEER
    assert advanced.json()["passes"][0]["missing_count"] == 12


def test_round_advance_by_clerk_is_403(personas, bloc, api_for):
    scoring_round = passes.open_round(bloc.template, actor=None, period="year_end")

    response = api_for(personas.unit_clerk).post(f"{ROUNDS}{scoring_round.pk}/advance/",
                                                 {"missing_reason": "x"}, format="json")

    assert response.status_code == 403


def test_round_reminders_mail_the_clerks_of_late_units(personas, bloc, api_for, mailoutbox,
                                                        django_capture_on_commit_callbacks):
    personas.unit_clerk.email = "vanthu@hnd.example"
    personas.unit_clerk.save()
    scoring_round = passes.open_round(bloc.template, actor=None, period="year_end")

    with django_capture_on_commit_callbacks(execute=True):
        response = api_for(personas.group_leader).post(f"{ROUNDS}{scoring_round.pk}/reminders/")

    assert response.status_code == 200, response.content
    assert response.json()["sent"] >= 1
    assert "vanthu@hnd.example" in [to for mail in mailoutbox for to in mail.to]


# --- score sheets and the blind peer pass ----------------------------------------------------

def test_sheet_clerk_self_scores_own_unit(personas, bloc, api_for):
    scoring_round = passes.open_round(bloc.template, actor=None, period="year_end")

    response = _sheet(api_for(personas.unit_clerk), scoring_round, "self", bloc.farmers,
                      bloc.farmers, (9, 4.5, 2, 0), criteria=bloc.criteria)

    assert response.status_code == 200, response.content
    assert [row["points"] for row in response.json()] == ["9.00", "4.50", "2.00", "0.00"]


def test_sheet_clerk_cannot_score_for_another_unit(personas, bloc, api_for):
    scoring_round = passes.open_round(bloc.template, actor=None, period="year_end")

    response = _sheet(api_for(personas.unit_clerk), scoring_round, "self", bloc.women,
                      bloc.women, (9, 4, 1, 0), criteria=bloc.criteria)

    assert response.status_code == 400
    assert _message(response) == [
        gettext("You may not enter scores for %(unit)s.") % {"unit": bloc.women}]


def test_sheet_refuses_points_above_the_maximum(personas, bloc, api_for):
    scoring_round = passes.open_round(bloc.template, actor=None, period="year_end")

    response = _sheet(api_for(personas.unit_clerk), scoring_round, "self", bloc.farmers,
                      bloc.farmers, (11,), criteria=bloc.criteria[:1])

    assert response.status_code == 400
    message = gettext("The points must be between 0 and %(max)s.") % {
        "max": bloc.criteria[0].max_points}
    assert any(message in text for text in _message(response))


def test_sheet_refuses_a_pass_that_is_not_open(personas, bloc, api_for):
    scoring_round = passes.open_round(bloc.template, actor=None, period="year_end")

    response = _sheet(api_for(personas.unit_clerk), scoring_round, "peer", bloc.farmers,
                      bloc.women, (7, 4, 1, 0), criteria=bloc.criteria)

    assert response.status_code == 400
    assert _message(response) == [gettext("This scoring pass is not open.")]


def test_sheet_refuses_peer_scoring_oneself(personas, bloc, api_for):
    scoring_round = _to_peer(bloc)

    response = _sheet(api_for(personas.unit_clerk), scoring_round, "peer", bloc.farmers,
                      bloc.farmers, (7, 4, 1, 0), criteria=bloc.criteria)

    assert response.status_code == 400
    assert _message(response) == [gettext("A unit never scores itself in the peer pass.")]


def test_sheet_abstention_needs_a_reason(personas, bloc, api_for):
    scoring_round = _to_peer(bloc)
    rows = [{"criterion": bloc.criteria[0].pk, "abstained": True}]

    response = _sheet(api_for(personas.unit_clerk), scoring_round, "peer", bloc.farmers,
                      bloc.women, (), rows=rows)

    assert response.status_code == 400
    assert any(gettext("Say why the unit abstains.") in text for text in _message(response))


def test_sheet_by_a_viewer_is_403(personas, bloc, api_for):
    scoring_round = passes.open_round(bloc.template, actor=None, period="year_end")

    response = _sheet(api_for(personas.viewer), scoring_round, "self", bloc.farmers,
                      bloc.farmers, (9, 4, 1, 0), criteria=bloc.criteria)

    assert response.status_code == 403


def test_scores_during_the_peer_pass_are_blind(personas, bloc, api_for):
    scoring_round = _to_peer(bloc)
    _sheet(api_for(bloc.women_clerk), scoring_round, "peer", bloc.women, bloc.farmers,
           (6, 3, 1, 0), criteria=bloc.criteria)
    _sheet(api_for(bloc.women_clerk), scoring_round, "peer", bloc.women, bloc.veterans,
           (6, 3, 1, 0), criteria=bloc.criteria)
    _sheet(api_for(personas.unit_clerk), scoring_round, "peer", bloc.farmers, bloc.women,
           (7, 4, 1, 0), criteria=bloc.criteria)
    url = f"{SCORES}?round={scoring_round.pk}&pass=peer"

    clerk = api_for(personas.unit_clerk).get(url).json()["results"]
    leader = api_for(personas.group_leader).get(url).json()["results"]
    board = api_for(personas.board_officer).get(url).json()["results"]
    women = api_for(bloc.women_clerk).get(url).json()["results"]

    assert {row["scorer"] for row in clerk} == {bloc.farmers.pk}
    assert (leader, board) == ([], [])
    assert {row["scorer"] for row in women} == {bloc.women.pk}


def test_scores_after_the_peer_pass_show_what_the_unit_received(personas, bloc, api_for):
    scoring_round = _closed(bloc)

    rows = api_for(personas.unit_clerk).get(
        SCORES, {"round": scoring_round.pk, "pass": "peer"}).json()["results"]

    assert {(r["scorer"], r["subject"]) for r in rows} == {
        (bloc.farmers.pk, bloc.women.pk), (bloc.farmers.pk, bloc.veterans.pk),
        (bloc.women.pk, bloc.farmers.pk), (bloc.veterans.pk, bloc.farmers.pk)}


def test_scores_of_an_invisible_round_are_refused(personas, other_group, api_for):
    scoring_round = passes.open_round(other_group, actor=None, period="year_end")

    response = api_for(personas.unit_clerk).get(SCORES, {"round": scoring_round.pk})

    assert response.status_code == 400
    assert "round" in response.json()


def test_scores_list_has_constant_queries(personas, bloc, api_for):
    scoring_round = passes.open_round(bloc.template, actor=None, period="year_end")
    client = api_for(personas.board_officer)
    _fill(scoring_round, PassKind.SELF, [(bloc.farmers, bloc.farmers)], bloc.criteria[:1], (5,))
    one, _ = count_queries(client, f"{SCORES}?round={scoring_round.pk}")
    _fill(scoring_round, PassKind.SELF, [(bloc.farmers, bloc.farmers)], bloc.criteria[:3],
          (5, 4, 1))

    three, body = count_queries(client, f"{SCORES}?round={scoring_round.pk}")

    assert body["count"] == 3
    assert three == one


def test_sheet_leader_change_needs_a_reason(personas, bloc, api_for):
    scoring_round = _at_leader(bloc)
    client = api_for(personas.group_leader)

    refused = _sheet(client, scoring_round, "leader", bloc.farmers, bloc.women, (5,),
                     criteria=bloc.criteria[:1])
    changed = _sheet(client, scoring_round, "leader", bloc.farmers, bloc.women, (),
                     rows=[{"criterion": bloc.criteria[0].pk, "points": "5",
                            "reason": "Thiếu minh chứng"}])

    assert refused.status_code == 400
    assert any(gettext("Give a reason for changing the unit's self-score.") in text
               for text in _message(refused))
    assert changed.status_code == 200, changed.content


# --- ranking, publication, corrections -------------------------------------------------------

def test_ranking_before_publication_is_403_for_units(personas, bloc, api_for):
    scoring_round = _closed(bloc)

    response = api_for(personas.unit_clerk).get(f"{ROUNDS}{scoring_round.pk}/ranking/")

    assert response.status_code == 403


def test_ranking_preview_for_the_group_leader(personas, bloc, api_for):
    scoring_round = _closed(bloc)

    response = api_for(personas.group_leader).get(f"{ROUNDS}{scoring_round.pk}/ranking/")

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["preview"], body["revision"]) == (True, None)
    assert sorted(row["rank"] for row in body["results"]) == [1, 2, 3]
    assert all(row["steps"] for row in body["results"])


def test_ranking_published_is_shown_to_units_with_steps_and_flags(personas, bloc, api_for):
    scoring_round = _published(bloc)

    response = api_for(personas.unit_clerk).get(f"{ROUNDS}{scoring_round.pk}/ranking/")

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["preview"], body["revision"]) == (False, 1)
    first = body["results"][0]
    assert first["rank"] == 1
    assert {"unit", "final", "peer_scores", "steps", "flags"} <= set(first)
    assert {row["unit"]["id"] for row in body["results"]} == {u.pk for u in _units(bloc)}
    # The same sentences as the staff page: the final step names the consolidated total.
    final = next(step for step in first["steps"] if step["key"] == "formula_consolidated")
    assert final["text"].startswith(
        gettext("Final score = the leader's consolidated total %(leader_total)s (bonus "
                "%(bonus)s, penalty %(penalty)s) = %(final)s").split("%(")[0])


def test_ranking_of_an_invisible_round_is_404(personas, other_group, api_for):
    scoring_round = passes.open_round(other_group, actor=None, period="year_end")

    response = api_for(personas.unit_clerk).get(f"{ROUNDS}{scoring_round.pk}/ranking/")

    assert response.status_code == 404


def test_publish_needs_the_confirmation_word(personas, bloc, api_for):
    scoring_round = _closed(bloc)

    response = api_for(personas.group_leader).post(f"{ROUNDS}{scoring_round.pk}/publish/",
                                                   {"confirmation": "đồng ý"}, format="json")

    assert response.status_code == 400
    assert _message(response, "confirmation") == [
        gettext('Type "%(word)s" to confirm the publication.') % {"word": "CÔNG BỐ"}]


def test_publish_an_open_round_is_refused(personas, bloc, api_for):
    scoring_round = _to_peer(bloc)

    response = api_for(personas.group_leader).post(f"{ROUNDS}{scoring_round.pk}/publish/",
                                                   {"confirmation": "CÔNG BỐ"}, format="json")

    assert response.status_code == 400
    assert _message(response) == [
        gettext("Close the leader's consolidation before publishing the ranking.")]


def test_publish_by_clerk_is_403(personas, bloc, api_for):
    scoring_round = _closed(bloc)

    response = api_for(personas.unit_clerk).post(f"{ROUNDS}{scoring_round.pk}/publish/",
                                                 {"confirmation": "CÔNG BỐ"}, format="json")

    assert response.status_code == 403


def test_correction_makes_a_second_revision(personas, bloc, api_for):
    scoring_round = _published(bloc)
    client = api_for(personas.group_leader)

    corrected = client.post(f"{ROUNDS}{scoring_round.pk}/correction/",
                            {"reason": "Sai sót khi cộng điểm thưởng"}, format="json")
    closed = client.post(f"{ROUNDS}{scoring_round.pk}/advance/", {}, format="json")
    published = client.post(f"{ROUNDS}{scoring_round.pk}/publish/", {"confirmation": "công bố"},
                            format="json")
    revisions = api_for(personas.unit_clerk).get(f"{ROUNDS}{scoring_round.pk}/revisions/")

    assert (corrected.json()["state"], corrected.json()["revision"]) == ("leader", 2)
    assert closed.json()["state"] == RoundState.CLOSED
    assert published.status_code == 201, published.content
    assert [(r["number"], r["reason"]) for r in revisions.json()] == [
        (2, "Sai sót khi cộng điểm thưởng"), (1, "")]


def test_correction_without_a_reason_is_refused(personas, bloc, api_for):
    scoring_round = _published(bloc)

    response = api_for(personas.group_leader).post(f"{ROUNDS}{scoring_round.pk}/correction/",
                                                   {"reason": " "}, format="json")

    assert response.status_code == 400


def test_published_round_refuses_new_scores(personas, bloc, api_for):
    scoring_round = _published(bloc)

    response = _sheet(api_for(personas.group_leader), scoring_round, "leader", bloc.farmers,
                      bloc.women, (5,), criteria=bloc.criteria[:1])

    assert response.status_code == 400
    assert _message(response) == [
        gettext("The ranking is published: nothing in this round can change.")]


# --- proposals and the review ----------------------------------------------------------------

def test_proposals_list_shows_the_published_proposals(personas, bloc, api_for):
    templates.update_template(bloc.template, actor=None, flag_count=1, merit_count=1)
    scoring_round = _published(bloc)

    response = api_for(personas.unit_clerk).get(PROPOSALS, {"round": scoring_round.pk})

    assert response.status_code == 200
    assert [(row["rank"], row["honor"]) for row in response.json()["results"]] == [
        (1, "co_thi_dua_tinh"), (2, "bang_khen_tinh")]


def test_proposals_list_hides_other_groups(personas, bloc, other_group, api_for):
    scoring_round = passes.open_round(other_group, actor=None, period="year_end")
    unit = other_group.group.memberships.get().unit
    _fill(scoring_round, PassKind.SELF, [(unit, unit)], list(
        other_group.criteria.exclude(kind=CriterionKind.SECTION)))
    for _ in range(3):
        passes.advance_round(scoring_round, actor=None)
    publication.publish_round(scoring_round, actor=None, confirmation="CÔNG BỐ")

    response = api_for(personas.unit_clerk).get(PROPOSALS)

    assert response.status_code == 200
    assert response.json()["results"] == []
    assert Proposal.objects.exists()


def test_proposals_list_has_constant_queries(personas, bloc, api_for):
    templates.update_template(bloc.template, actor=None, flag_count=1, merit_count=2)
    scoring_round = _published(bloc)
    client = api_for(personas.unit_clerk)
    url = f"{PROPOSALS}?round={scoring_round.pk}&state=proposed"
    three, body = count_queries(client, url)
    for proposal in Proposal.objects.filter(revision__round=scoring_round, rank__gt=1):
        proposals.withdraw_proposal(proposal, actor=None, reason="Thử")

    one, _ = count_queries(client, url)

    assert body["count"] == 3
    assert one == three


def test_proposal_withdraw_by_the_group_leader(personas, bloc, api_for):
    scoring_round = _published(bloc)
    proposal = Proposal.objects.filter(revision__round=scoring_round).first()

    refused = api_for(personas.unit_clerk).post(f"{PROPOSALS}{proposal.pk}/withdraw/",
                                                {"reason": "x"}, format="json")
    response = api_for(personas.group_leader).post(
        f"{PROPOSALS}{proposal.pk}/withdraw/", {"reason": "Đơn vị có cán bộ bị kỷ luật"},
        format="json")

    assert refused.status_code == 403
    assert response.status_code == 200, response.content
    assert response.json()["state"] == ProposalState.WITHDRAWN


def test_review_not_recorded_is_404(personas, bloc, api_for):
    response = api_for(personas.unit_clerk).get(f"/api/v1/reviews/{bloc.group.pk}/")

    assert response.status_code == 404


def test_review_put_by_clerk_is_403(personas, bloc, api_for):
    response = api_for(personas.unit_clerk).put(f"/api/v1/reviews/{bloc.group.pk}/",
                                                {"held_on": "2024-11-29"}, format="json")

    assert response.status_code == 403


def test_review_of_an_invisible_group_is_404(personas, other_group, api_for):
    response = api_for(personas.unit_clerk).get(f"/api/v1/reviews/{other_group.group_id}/")

    assert response.status_code == 404


# --- a whole year ----------------------------------------------------------------------------

def _year_table(client, template_id):
    section = client.post(CRITERIA, {"template": template_id, "kind": "section", "code": "I",
                                     "title": "Nhiệm vụ chính trị", "max_points": "0"},
                          format="json").json()
    made = [client.post(CRITERIA, {"template": template_id, "parent": section["id"],
                                   "kind": kind, "code": code, "title": title,
                                   "max_points": points}, format="json").json()
            for code, title, kind, points in (("1", "Kế hoạch", "standard", "12"),
                                              ("2", "Tuyên truyền", "standard", "8"),
                                              ("3", "Điểm thưởng", "bonus", "2"))]
    return [row["id"] for row in made]


def _year_sheet(client, round_id, kind, scorer, subject, points, reasons=None):
    rows = [{"criterion": c, "points": str(p), "reason": (reasons or {}).get(c, "")}
            for c, p in points.items()]
    response = client.post(f"{ROUNDS}{round_id}/sheet/", {
        "pass": kind, "scorer": scorer.pk, "subject": subject.pk, "rows": rows}, format="json")
    assert response.status_code == 200, response.content


def test_a_whole_scoring_year_through_the_api(personas, province, api_for):
    veterans = UnitFactory(code="HCCB", name="Hội Cựu chiến binh tỉnh", parent=province.root)
    set_members(province.bloc, actor=None, members=[province.farmers, province.women, veterans])
    clerks = {province.farmers: api_for(personas.unit_clerk),
              province.women: api_for(_persona(Role.UNIT_CLERK, unit=province.women,
                                               username="w")),
              veterans: api_for(_persona(Role.UNIT_CLERK, unit=veterans, username="v"))}
    leader = api_for(personas.group_leader)
    units = list(clerks)
    quality = {province.farmers: 11, province.women: 10, veterans: 9}

    template = leader.post(TEMPLATES, {"group": province.bloc.pk}, format="json").json()
    leader.patch(f"{TEMPLATES}{template['id']}/", {"flag_count": 1, "merit_count": 1},
                 format="json")
    first, second, bonus = _year_table(leader, template["id"])
    scoring_round = leader.post(ROUNDS, {"template": template["id"], "period": "year_end"},
                                format="json").json()
    round_id = scoring_round["id"]
    for unit, client in clerks.items():
        _year_sheet(client, round_id, "self", unit, unit,
                    {first: quality[unit], second: 7, bonus: 1})
    assert leader.post(f"{ROUNDS}{round_id}/advance/", {}, format="json").status_code == 200
    for scorer, client in clerks.items():
        for subject in units:
            if subject != scorer:
                _year_sheet(client, round_id, "peer", scorer, subject,
                            {first: quality[subject] - 1, second: 6, bonus: 1})
    assert leader.post(f"{ROUNDS}{round_id}/advance/", {}, format="json").status_code == 200
    _year_sheet(leader, round_id, "leader", province.farmers, veterans, {bonus: 2},
                {bonus: "Mô hình được tỉnh nhân rộng"})
    closed = leader.post(f"{ROUNDS}{round_id}/advance/", {}, format="json").json()
    published = leader.post(f"{ROUNDS}{round_id}/publish/", {"confirmation": "CÔNG BỐ"},
                            format="json")
    ranking = clerks[province.women].get(f"{ROUNDS}{round_id}/ranking/").json()
    proposed = clerks[veterans].get(PROPOSALS, {"group": province.bloc.pk}).json()["results"]
    review = leader.put(f"/api/v1/reviews/{province.bloc.pk}/", {
        "held_on": "29/11/2024", "venue": "Hội trường Hội Nông dân tỉnh",
        "participants": [u.pk for u in units], "results": "Hoàn thành tốt nhiệm vụ"},
        format="json")
    vote = leader.post(f"/api/v1/reviews/{province.bloc.pk}/votes/",
                       {"proposal": proposed[0]["id"], "agree": 3}, format="json")
    seen = clerks[veterans].get(f"/api/v1/reviews/{province.bloc.pk}/").json()

    assert closed["state"] == RoundState.CLOSED
    assert published.status_code == 201, published.content
    # The veterans tie with the women (18 points) and win it on more bonus points.
    assert [(row["unit"]["id"], row["final"]) for row in ranking["results"]] == [
        (province.farmers.pk, "19.000"), (veterans.pk, "18.000"), (province.women.pk, "18.000")]
    assert [(p["unit"], p["honor"]) for p in proposed] == [
        (province.farmers.pk, "co_thi_dua_tinh"), (veterans.pk, "bang_khen_tinh")]
    assert review.status_code == 200, review.content
    assert review.json()["held_on"] == dt.date(2024, 11, 29).isoformat()
    assert vote.status_code == 200, vote.content
    assert vote.json()["votes"] == [{"proposal": proposed[0]["id"], "agree": 3, "disagree": 0,
                                     "abstain": 0, "approved": True}]
    assert (seen["venue"], len(seen["participants"])) == ("Hội trường Hội Nông dân tỉnh", 3)


def test_review_put_refuses_a_date_outside_the_groups_year(personas, bloc, api_for):
    response = api_for(personas.group_leader).put(f"/api/v1/reviews/{bloc.group.pk}/",
                                                  {"held_on": "2022-12-01"}, format="json")

    assert response.status_code == 400
    assert _message(response, "held_on") == [
        gettext("The review must take place at the end of the group's year.")]


def test_review_vote_on_a_withdrawn_proposal_is_refused(personas, bloc, api_for):
    scoring_round = _published(bloc)
    proposal = Proposal.objects.filter(revision__round=scoring_round).first()
    proposals.withdraw_proposal(proposal, actor=None, reason="Rút theo đề nghị của đơn vị")
    client = api_for(personas.group_leader)
    client.put(f"/api/v1/reviews/{bloc.group.pk}/",
               {"held_on": "2024-12-01", "participants": [u.pk for u in _units(bloc)]},
               format="json")

    response = client.post(f"/api/v1/reviews/{bloc.group.pk}/votes/",
                           {"proposal": proposal.pk, "agree": 3}, format="json")

    assert response.status_code == 400
    assert _message(response) == [gettext("A withdrawn proposal is not voted on.")]
