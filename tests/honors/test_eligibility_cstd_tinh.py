"""Chiến sĩ thi đua cấp tỉnh (Law Art 22) and toàn quốc (Law Art 21): consecutive titles,
initiatives, discipline windows and next-year hints."""

import datetime as dt

import pytest
from django.utils import translation

from tests.factories import PersonFactory
from tests.honors.factories import (
    DisciplineFactory,
    HonorRecordFactory,
    InitiativeFactory,
    give,
)
from vinhdanh.honors.enums import Verdict
from vinhdanh.honors.services.eligibility import evaluate, sweep
from vinhdanh.organisations.models import Person

CSTDCS, CSTD_TINH, CSTD_TQ = ("chien_si_thi_dua_co_so", "chien_si_thi_dua_tinh",
                              "chien_si_thi_dua_toan_quoc")
ELIGIBLE, NOT_ELIGIBLE = Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def person(province):
    return PersonFactory(unit=province.farmers, employment_start=dt.date(2015, 1, 1))


def with_initiative(person, year=2023, level="province"):
    InitiativeFactory(person=person, year=year, level=level)
    return person


# Law Art 22: among holders of 3 consecutive CSTĐ cơ sở, with a province-wide initiative.
@pytest.mark.parametrize(("years", "verdict", "detail"), [
    ((2022, 2023, 2024), ELIGIBLE, "found: 2022, 2023, 2024"),
    ((2022, 2024), NOT_ELIGIBLE, "found: 2022, 2024; lacking: 2023"),
    ((2021, 2022, 2023), NOT_ELIGIBLE, "found: 2022, 2023; lacking: 2024"),
], ids=["art22-three-consecutive", "art22-gap-year", "art22-run-ends-a-year-early"])
def test_three_consecutive_cstd_co_so(person, years, verdict, detail):
    give(with_initiative(person), CSTDCS, *years)
    evaluation = evaluate(person, CSTD_TINH, 2024)
    first = evaluation.lines[0]
    assert (evaluation.verdict, first.detail, first.article) == (
        verdict, detail, "Điều 22 Luật TĐKT 2022")
    assert first.label == "3 consecutive years holding Chiến sĩ thi đua cơ sở (2022–2024)"


def test_a_record_for_a_period_covers_each_of_its_years(person):
    # Law Art 22: a record with first_year covers first_year..year.
    HonorRecordFactory(person=with_initiative(person), code=CSTDCS, first_year=2022,
                       year=2024)
    assert evaluate(person, CSTD_TINH, 2024).verdict == ELIGIBLE


# Law Art 22: the initiative must have a ministry- or province-wide effect (its period is
# unconfirmed: the 3 years of the titles).
@pytest.mark.parametrize(("level", "year", "outcome"), [
    ("province", 2022, "pass"), ("national", 2024, "pass"), ("grassroots", 2024, "fail"),
    ("province", 2021, "fail"),
], ids=["art22-province-initiative", "art22-national-initiative",
        "art22-grassroots-initiative-too-low", "art22-initiative-before-the-run"])
def test_initiative_of_province_level(person, level, year, outcome):
    give(with_initiative(person, year, level), CSTDCS, 2022, 2023, 2024)
    line = evaluate(person, CSTD_TINH, 2024).lines[1]
    assert (line.outcome, line.confirmed) == (outcome, False)


# ND 98 Art 4: after discipline, achievements count from its end.
@pytest.mark.parametrize(("ends", "verdict"), [
    (dt.date(2021, 12, 31), ELIGIBLE), (dt.date(2022, 1, 1), NOT_ELIGIBLE),
], ids=["nd98-art4-ended-the-year-before-the-run", "nd98-art4-ended-inside-the-run"])
def test_discipline_before_the_run(person, ends, verdict):
    give(with_initiative(person), CSTDCS, 2022, 2023, 2024)
    DisciplineFactory(person=person, starts_on=dt.date(2021, 1, 1), ends_on=ends)
    evaluation = evaluate(person, CSTD_TINH, 2024)
    assert evaluation.verdict == verdict


def test_discipline_line_says_when_achievements_count_again(person):
    # ND 98 Art 4.
    give(with_initiative(person), CSTDCS, 2022, 2023, 2024)
    DisciplineFactory(person=person, level="warning", starts_on=dt.date(2021, 6, 1),
                      ends_on=dt.date(2022, 5, 31))
    line = evaluate(person, CSTD_TINH, 2024).lines[2]
    assert line.detail == ("Discipline (warning) from 01/06/2021 to 31/05/2022; "
                           "achievements count from 01/06/2022")


def test_not_already_awarded_cstd_tinh(person):
    # Law Art 5: one achievement is rewarded once.
    give(with_initiative(person), CSTDCS, 2022, 2023, 2024)
    give(person, CSTD_TINH, 2024)
    assert evaluate(person, CSTD_TINH, 2024).lines[-1].outcome == "fail"


# Hints (Law Art 22): what is still lacking to be eligible next year.
@pytest.mark.parametrize(("years", "hint"), [
    ((2023, 2024), "Eligible in 2025 if Chiến sĩ thi đua cơ sở is obtained in 2025"),
    ((2024,), "Cannot be eligible in 2025: 3 consecutive years holding Chiến sĩ thi đua "
              "cơ sở (2023–2025)"),
    ((2022, 2024), "Cannot be eligible in 2025: 3 consecutive years holding Chiến sĩ thi "
                   "đua cơ sở (2023–2025)"),
], ids=["art22-one-more-year", "art22-two-more-years", "art22-gap-year-restarts-the-run"])
def test_hint_for_next_year(person, years, hint):
    give(with_initiative(person, 2024), CSTDCS, *years)
    assert evaluate(person, CSTD_TINH, 2024).hints == [hint]


def test_hint_lists_every_condition(person):
    # Law Art 22: a title next year and an initiative in the window.
    give(person, CSTDCS, 2023, 2024)
    assert evaluate(person, CSTD_TINH, 2024).hints == [
        "Eligible in 2025 if Chiến sĩ thi đua cơ sở is obtained in 2025; 1 more initiatives "
        "are recognised at ministry or province level or above in 2025"]


def test_a_line_reads_like_the_officer_expects(person):
    # Law Art 22: "3 năm liên tục đạt CSTĐ cơ sở (Điều 22…): có 2022, 2023, 2024 → đạt".
    give(with_initiative(person), CSTDCS, 2022, 2023, 2024)
    assert str(evaluate(person, CSTD_TINH, 2024).lines[0]) == (
        "3 consecutive years holding Chiến sĩ thi đua cơ sở (2022–2024) (Điều 22 Luật TĐKT "
        "2022): found: 2022, 2023, 2024 → Met")


def test_no_hints_for_the_eligible(person):
    give(with_initiative(person), CSTDCS, 2022, 2023, 2024)
    assert evaluate(person, CSTD_TINH, 2024).hints == []


# Law Art 21: among holders of 2 consecutive CSTĐ tỉnh, with a nationwide initiative.
@pytest.mark.parametrize(("years", "level", "verdict"), [
    ((2023, 2024), "national", ELIGIBLE),
    ((2022, 2024), "national", NOT_ELIGIBLE),
    ((2023, 2024), "province", NOT_ELIGIBLE),
], ids=["art21-two-consecutive", "art21-gap-year", "art21-province-initiative-too-low"])
def test_cstd_toan_quoc(person, years, level, verdict):
    give(with_initiative(person, 2024, level), CSTD_TINH, *years)
    assert evaluate(person, CSTD_TQ, 2024).verdict == verdict


def test_farmers_union_sweep(province, personas):
    # The officer's question: who in the Farmers' Union is eligible for CSTĐ tỉnh for 2024?
    # Law Art 22. The Women's Union's people (other units' data) are not the clerk's.
    ready = with_initiative(PersonFactory(unit=province.farmers_sub))
    give(ready, CSTDCS, 2022, 2023, 2024)
    almost = PersonFactory(unit=province.farmers)
    give(almost, CSTDCS, 2023, 2024)
    for woman in province.women_people:
        give(with_initiative(woman), CSTDCS, 2022, 2023, 2024)
    people = Person.objects.visible_to(personas.unit_clerk)
    verdicts = {e.candidate: e.verdict for e in sweep(people, CSTD_TINH, 2024)}
    assert verdicts == {ready: ELIGIBLE, almost: NOT_ELIGIBLE,
                        **dict.fromkeys(province.farmer_people, NOT_ELIGIBLE)}
