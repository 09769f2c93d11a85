import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PersonFactory, UnitFactory
from vinhdanh.honors.enums import (
    InitiativeLevel,
    PackStatus,
    RestrictionKind,
    TaskRating,
    Verdict,
)
from vinhdanh.honors.law.catalogue import CATALOGUE
from vinhdanh.honors.law.packs import PACKS
from vinhdanh.honors.models import RuleSetting
from vinhdanh.honors.services.bonuses import compute_bonus
from vinhdanh.honors.services.history import (
    add_honor_record,
    add_initiative,
    add_restriction,
    set_task_rating,
)
from vinhdanh.honors.services.sweeps import SYSTEM, run_sweep

HONOR = "lao_dong_tien_tien"
YEAR = 2024
EVALUATE = "/api/v1/eligibility/evaluate/"
SWEEP = "/api/v1/eligibility/sweep/"
BONUSES = "/api/v1/bonuses/"


def _sweep_body(**extra) -> dict:
    return {"honor": HONOR, "year": YEAR, **extra}


def _result_ids(response) -> set[int]:
    return {row["candidate"]["id"] for row in response.json()["results"]}


# Catalogue and packs


def test_honors_lists_the_catalogue(personas, api_for):
    response = api_for(personas.viewer).get("/api/v1/honors/")

    assert response.status_code == 200
    rows = {row["code"]: row for row in response.json()}
    assert list(rows) == [spec.code for spec in CATALOGUE]
    assert rows["giay_khen"]["subjects"] == ["individual", "collective", "household"]
    assert rows["chien_si_thi_dua_tinh"]["level"] == "province"
    assert rows["chien_si_thi_dua_tinh"]["legal_basis"] == "Điều 22 Luật TĐKT 2022"


def test_honors_need_authentication(db):
    from rest_framework.test import APIClient

    assert APIClient().get("/api/v1/honors/").status_code == 401


def test_rule_packs_list_every_pack_with_the_province_status(personas, api_for):
    probable = next(pack for pack in PACKS if pack.status == PackStatus.PROBABLE)
    RuleSetting.objects.create(pack_code=probable.code, key="status",
                               value=PackStatus.CONFIRMED)

    rows = api_for(personas.viewer).get("/api/v1/rule-packs/").json()

    assert [row["code"] for row in rows] == [pack.code for pack in PACKS]
    by_code = {row["code"]: row for row in rows}
    assert by_code[probable.code]["status"] == PackStatus.CONFIRMED
    assert by_code[probable.code]["legal_texts"] == list(probable.legal_texts)
    assert by_code[PACKS[0].code]["valid_from"] == PACKS[0].valid_from.isoformat()


# Evaluation of one candidate


def test_evaluate_person_returns_verdict_lines_and_hints(personas, province, api_for):
    person = province.farmer_people[0]
    set_task_rating(person, actor=None, year=YEAR, rating=TaskRating.EXCELLENT)

    response = api_for(personas.unit_clerk).post(
        EVALUATE, {"person": person.pk, "honor": HONOR, "year": YEAR}, format="json")

    assert response.status_code == 200, response.content
    body = response.json()
    expected = run_sweep(SYSTEM, HONOR, YEAR, unit=province.farmers).evaluations
    mine = next(e for e in expected if e.candidate == person)
    assert body["verdict"] == mine.verdict
    assert body["candidate"] == {"type": "person", "id": person.pk, "name": person.full_name,
                                 "unit": province.farmers.pk, "unit_name": province.farmers.name}
    assert [line["label"] for line in body["lines"]] == [line.label for line in mine.lines]
    assert set(body["lines"][0]) == {"label", "outcome", "detail", "article", "confirmed"}
    assert body["hints"] == mine.hints
    assert body["pack_code"] == mine.pack_code


def test_evaluate_person_outside_visibility_is_404(personas, province, api_for):
    response = api_for(personas.unit_clerk).post(
        EVALUATE, {"person": province.women_people[0].pk, "honor": HONOR, "year": YEAR},
        format="json")

    assert response.status_code == 404


def test_evaluate_unit_as_collective(personas, province, api_for):
    response = api_for(personas.unit_clerk).post(
        EVALUATE, {"unit": province.farmers_sub.pk, "honor": "tap_the_lao_dong_tien_tien",
                   "year": YEAR}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["candidate"]["unit"] == province.farmers.pk
    assert response.json()["verdict"] in Verdict.values


def test_evaluate_needs_exactly_one_candidate(personas, province, api_for):
    client = api_for(personas.board_officer)
    both = {"person": province.farmer_people[0].pk, "unit": province.farmers.pk}

    for candidates in ({}, both):
        response = client.post(EVALUATE, {**candidates, "honor": HONOR, "year": YEAR},
                               format="json")
        assert response.status_code == 400


def test_evaluate_refuses_an_honour_for_another_kind_of_candidate(personas, province,
                                                                   api_for):
    response = api_for(personas.board_officer).post(
        EVALUATE, {"unit": province.farmers.pk, "honor": HONOR, "year": YEAR}, format="json")

    assert response.status_code == 400


def test_evaluate_unknown_honour_is_400(personas, province, api_for):
    response = api_for(personas.board_officer).post(
        EVALUATE, {"person": province.farmer_people[0].pk, "honor": "nope", "year": YEAR},
        format="json")

    assert response.status_code == 400
    assert "honor" in response.json()


# Sweeps


def test_sweep_as_clerk_returns_only_farmers_people(personas, province, api_for):
    response = api_for(personas.unit_clerk).post(SWEEP, _sweep_body(), format="json")

    assert response.status_code == 200, response.content
    assert _result_ids(response) == {p.pk for p in province.farmer_people}
    assert sum(response.json()["counts"].values()) == 2


def test_sweep_gives_the_verdicts_of_run_sweep(personas, province, api_for):
    person = province.women_people[0]
    set_task_rating(person, actor=None, year=YEAR, rating=TaskRating.GOOD)
    person.employment_start = dt.date(2015, 1, 1)
    person.save()
    expected = run_sweep(SYSTEM, HONOR, YEAR)
    assert expected.counts_by_verdict[Verdict.ELIGIBLE] == 1

    body = api_for(personas.board_officer).post(SWEEP, _sweep_body(), format="json").json()

    assert {r["candidate"]["id"]: r["verdict"] for r in body["results"]} == {
        e.candidate.pk: e.verdict for e in expected.evaluations}
    assert body["counts"] == expected.counts_by_verdict
    assert body["pack_code"] == expected.pack_code


def test_sweep_unit_and_group_filters(personas, province, api_for):
    PersonFactory(unit=UnitFactory(parent=province.root))
    client = api_for(personas.board_officer)

    by_unit = client.post(SWEEP, _sweep_body(unit=province.women.pk), format="json")
    by_group = client.post(SWEEP, _sweep_body(group=province.bloc.pk), format="json")

    assert _result_ids(by_unit) == {p.pk for p in province.women_people}
    assert len(_result_ids(by_group)) == 4


def test_sweep_unit_outside_visibility_is_400(personas, province, api_for):
    response = api_for(personas.unit_clerk).post(
        SWEEP, _sweep_body(unit=province.women.pk), format="json")

    assert response.status_code == 400
    assert "unit" in response.json()


def test_sweep_pages_with_limit_and_offset(personas, province, api_for):
    client = api_for(personas.board_officer)

    first = client.post(SWEEP, _sweep_body(limit=3), format="json").json()
    rest = client.post(SWEEP, _sweep_body(limit=3, offset=3), format="json").json()

    assert (len(first["results"]), len(rest["results"]), first["count"]) == (3, 1, 4)
    ids = [r["candidate"]["id"] for r in first["results"] + rest["results"]]
    assert len(set(ids)) == 4


def test_sweep_before_the_first_rule_pack_is_400(personas, province, api_for):
    client = api_for(personas.board_officer)
    empty = UnitFactory(parent=province.root)

    for body in (_sweep_body(year=2020), _sweep_body(year=2020, unit=empty.pk)):
        response = client.post(SWEEP, body, format="json")
        assert response.status_code == 400, body


def test_sweep_limit_is_at_most_1000(personas, province, api_for):
    response = api_for(personas.board_officer).post(SWEEP, _sweep_body(limit=1001),
                                                    format="json")

    assert response.status_code == 400


def test_sweep_verdict_filter(personas, province, api_for):
    client = api_for(personas.board_officer)
    counts = client.post(SWEEP, _sweep_body(), format="json").json()["counts"]

    for verdict in Verdict.values:
        body = client.post(SWEEP, _sweep_body(verdict=verdict), format="json").json()
        assert body["count"] == counts[verdict]
        assert {row["verdict"] for row in body["results"]} <= {verdict}


def _sweep_queries(client, unit) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(SWEEP, _sweep_body(unit=unit.pk), format="json")
    assert response.status_code == 200, response.content
    return len(queries)


def test_sweep_queries_do_not_grow_with_candidates(personas, province, api_for):
    unit = UnitFactory(parent=province.farmers)
    set_task_rating(PersonFactory(unit=unit), actor=None, year=YEAR, rating=TaskRating.GOOD)
    client = api_for(personas.unit_clerk)
    one = _sweep_queries(client, unit)

    for person in PersonFactory.create_batch(20, unit=unit):
        set_task_rating(person, actor=None, year=YEAR, rating=TaskRating.EXCELLENT)

    assert _sweep_queries(client, unit) == one


# Bonuses


def test_bonuses_total_of_a_two_line_sheet(personas, api_for):
    day = dt.date(2025, 9, 1)
    items = [
        {"key": "a", "honor": "bang_khen_tinh", "subject": "individual", "year": 2024},
        {"key": "b", "honor": "giay_khen", "subject": "collective", "year": 2024},
    ]

    response = api_for(personas.viewer).post(
        BONUSES, {"decision_date": "01/09/2025", "items": items}, format="json")

    assert response.status_code == 200, response.content
    body = response.json()
    expected = [compute_bonus("bang_khen_tinh", "individual", day),
                compute_bonus("giay_khen", "collective", day)]
    assert [line["amount"] for line in body["lines"]] == [b.amount for b in expected]
    assert body["total"] == sum(b.amount for b in expected)
    assert [line["key"] for line in body["lines"]] == ["a", "b"]
    assert Decimal(body["lines"][0]["coefficient"]) == expected[0].coefficient
    assert body["lines"][0]["base_salary"] == expected[0].base_salary


def test_bonuses_refuse_an_honour_for_another_subject(personas, api_for):
    items = [{"key": "a", "honor": "lao_dong_tien_tien", "subject": "collective", "year": 2024}]

    response = api_for(personas.viewer).post(
        BONUSES, {"decision_date": "2025-09-01", "items": items}, format="json")

    assert response.status_code == 400


def test_bonuses_need_items(personas, api_for):
    response = api_for(personas.viewer).post(
        BONUSES, {"decision_date": "2025-09-01", "items": []}, format="json")

    assert response.status_code == 400


# History


def _history_of(candidate):
    add_honor_record(candidate, actor=None, honor_code="giay_khen", year=2023,
                     decision_number="12/QĐ-UBND", decision_date=dt.date(2024, 2, 5))
    set_task_rating(candidate, actor=None, year=2023, rating=TaskRating.EXCELLENT)
    add_initiative(candidate, actor=None, title="Sổ tay số", kind="initiative",
                   level=InitiativeLevel.GRASSROOTS, year=2023)
    add_restriction(candidate, actor=None, kind=RestrictionKind.COMPLAINT,
                    starts_on=dt.date(2024, 3, 1))


def test_person_history_lists_honours_ratings_initiatives_restrictions(personas, province,
                                                                        api_for):
    person = province.farmer_people[1]
    _history_of(person)

    response = api_for(personas.unit_clerk).get(f"/api/v1/people/{person.pk}/history/")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["candidate"]["id"] == person.pk
    assert [(h["honor"], h["year"], h["decision_number"]) for h in body["honors"]] == [
        ("giay_khen", 2023, "12/QĐ-UBND")]
    assert body["ratings"] == [{"year": 2023, "rating": "excellent", "source": "entered"}]
    assert [i["title"] for i in body["initiatives"]] == ["Sổ tay số"]
    assert [(r["kind"], r["starts_on"], r["ends_on"]) for r in body["restrictions"]] == [
        ("complaint", "2024-03-01", None)]


def test_person_history_outside_visibility_is_404(personas, province, api_for):
    person = province.women_people[0]

    response = api_for(personas.unit_clerk).get(f"/api/v1/people/{person.pk}/history/")

    assert response.status_code == 404


def test_unit_history_lists_the_collective_s_records(personas, province, api_for):
    _history_of(province.farmers_sub)

    response = api_for(personas.unit_clerk).get(f"/api/v1/units/{province.farmers_sub.pk}/history/")

    assert response.status_code == 200
    assert [h["honor"] for h in response.json()["honors"]] == ["giay_khen"]


def test_unit_history_outside_visibility_is_404(personas, province, api_for):
    response = api_for(personas.unit_clerk).get(f"/api/v1/units/{province.women.pk}/history/")

    assert response.status_code == 404


def test_group_leader_reads_member_unit_history_but_not_its_people(personas, province,
                                                                    api_for):
    client = api_for(personas.group_leader)

    unit = client.get(f"/api/v1/units/{province.farmers.pk}/history/")
    person = client.get(f"/api/v1/people/{province.farmer_people[0].pk}/history/")

    assert (unit.status_code, person.status_code) == (200, 404)


def test_bonus_request_with_a_nul_character_in_the_honour_code_is_refused(client_for,
                                                                          personas):
    # PostgreSQL cannot compare text holding NUL: the lookup must not reach the database.
    response = client_for(personas.board_officer).post(
        "/api/v1/bonuses/", {"decision_date": "2026-01-05", "items": [
            {"key": "a", "honor": "bang_khen\x00tinh", "subject": "individual",
             "year": 2025}]}, content_type="application/json")

    assert response.status_code == 400
