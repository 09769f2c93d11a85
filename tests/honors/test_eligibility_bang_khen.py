"""Bằng khen tỉnh (Law Art 74) and Bằng khen Thủ tướng (Law Art 73) for individuals,
collectives and households; award forms whose criteria only evidence shows."""

import datetime as dt

import pytest
from django.utils import translation

from tests.factories import PersonFactory, UnitFactory
from tests.honors.factories import InitiativeFactory, give, rate
from vinhdanh.honors.enums import Verdict
from vinhdanh.honors.services.eligibility import evaluate
from vinhdanh.organisations.models import Household

BK_TINH, BK_TTG = "bang_khen_tinh", "bang_khen_thu_tuong"
CSTDCS, TTLDXS = "chien_si_thi_dua_co_so", "tap_the_lao_dong_xuat_sac"
ELIGIBLE, NOT_ELIGIBLE, MISSING = Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE, Verdict.MISSING


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def person(province):
    return PersonFactory(unit=province.farmers, employment_start=dt.date(2010, 1, 1))


def initiatives(candidate, *years):
    for year in years:
        InitiativeFactory(person=candidate, year=year)


# Law Art 74.1: one of (a)–(c) (evidence only: missing) or (d).
@pytest.mark.parametrize(("titles", "ratings", "found", "verdict", "detail"), [
    ((2023, 2024), (), (), ELIGIBLE, "(2) found: 2023, 2024"),
    ((), ("excellent", "excellent"), (2023, 2024), ELIGIBLE,
     "(3) ratings: 2023: Excellently completed tasks, 2024: Excellently completed tasks; "
     "2 of 2 found (2023 grassroots, 2024 grassroots)"),
    ((2022, 2024), (), (), MISSING, None),
    ((), ("excellent", "excellent"), (2024,), MISSING, None),
    ((), ("good", "excellent"), (2023, 2024), MISSING, None),
], ids=["art74-1d-two-consecutive-cstdcs", "art74-1d-htxs-and-two-initiatives",
        "art74-1d-gap-year-leaves-a-to-c", "art74-1d-one-initiative-leaves-a-to-c",
        "art74-1d-good-year-leaves-a-to-c"])
def test_bang_khen_tinh_individual(person, titles, ratings, found, verdict, detail):
    give(person, CSTDCS, *titles)
    for year, rating in zip((2023, 2024), ratings, strict=False):
        rate(person, rating, year)
    initiatives(person, *found)
    evaluation = evaluate(person, BK_TINH, 2024)
    any_of = evaluation.lines[0]
    assert (evaluation.verdict, any_of.article) == (verdict, "Điều 74 khoản 1 Luật TĐKT 2022")
    if detail:
        assert any_of.detail == detail


def test_bang_khen_tinh_a_to_c_asks_the_officer_for_evidence(person):
    # Law Art 74.1(a)–(c): not checkable from data; never a guess.
    any_of = evaluate(person, BK_TINH, 2024).lines[0]
    assert any_of.outcome == "missing"
    assert any_of.detail.startswith("(1) cannot be checked from the data: the officer must "
                                    "attach evidence | (2) found: none; lacking: 2023, 2024")


def test_bang_khen_tinh_hint_prefers_what_data_can_show(person):
    # Law Art 74.1(d): a second CSTĐ cơ sở next year meets it.
    give(person, CSTDCS, 2024)
    assert evaluate(person, BK_TINH, 2024).hints == [
        "Eligible in 2025 if Chiến sĩ thi đua cơ sở is obtained in 2025"]


def test_bang_khen_tinh_not_twice_for_the_same_year(person):
    # Law Art 5.
    give(person, CSTDCS, 2023, 2024)
    give(person, BK_TINH, 2024)
    assert evaluate(person, BK_TINH, 2024).verdict == NOT_ELIGIBLE


# Law Art 74.2(d) (as mirrored by Bắc Ninh 2025; unconfirmed): 2 consecutive years HTXS or
# TTLĐXS.
@pytest.mark.parametrize(("ratings", "titles", "verdict"), [
    (("excellent", "excellent"), (), ELIGIBLE),
    ((), (2023, 2024), ELIGIBLE),
    (("good", "excellent"), (2024,), MISSING),
], ids=["art74-2d-two-years-htxs", "art74-2d-two-ttldxs", "art74-2d-not-met-leaves-a-to-c"])
def test_bang_khen_tinh_collective(province, ratings, titles, verdict):
    unit = UnitFactory(parent=province.farmers)
    for year, rating in zip((2023, 2024), ratings, strict=False):
        rate(unit, rating, year)
    give(unit, TTLDXS, *titles)
    evaluation = evaluate(unit, BK_TINH, 2024)
    assert (evaluation.verdict, evaluation.lines[0].article) == (
        verdict, "Điều 74 khoản 2 Luật TĐKT 2022")


def test_bang_khen_tinh_household_is_evidence_only(province):
    # Law Art 74.4 (households gave effort, land or assets): evidence only.
    household = Household.objects.create(head_name="Nguyễn Văn An", unit=province.farmers)
    evaluation = evaluate(household, BK_TINH, 2024)
    assert [(line.outcome, line.article) for line in evaluation.lines] == [
        ("missing", "Điều 74 khoản 4 Luật TĐKT 2022"), ("pass", "Điều 5 Luật TĐKT 2022")]


def bk_ttg_history(person, *, bk_year=2019, ratings=("good",) * 5, titles=(2020, 2022, 2024)):
    give(person, BK_TINH, bk_year)
    for year, rating in zip(range(2020, 2025), ratings, strict=False):
        rate(person, rating, year)
    give(person, CSTDCS, *titles)


# Law Art 73: a BK tỉnh, then 5 years rated "good" or better with 3 CSTĐ cơ sở.
@pytest.mark.parametrize(("history", "verdict", "failing"), [
    ({}, ELIGIBLE, []),
    ({"bk_year": 2020}, NOT_ELIGIBLE, [0]),
    ({"ratings": ("good", "good", "completed", "good", "good")}, NOT_ELIGIBLE, [1]),
    ({"ratings": ("good",) * 4}, MISSING, []),
    ({"titles": (2020, 2024)}, NOT_ELIGIBLE, [2]),
    ({"titles": (2019, 2022, 2024)}, NOT_ELIGIBLE, [2]),
], ids=["art73-met", "art73-bk-inside-the-five-years", "art73-completed-instead-of-good",
        "art73-a-year-unrated", "art73-two-cstdcs", "art73-cstdcs-before-the-five-years"])
def test_bang_khen_thu_tuong(person, history, verdict, failing):
    bk_ttg_history(person, **history)
    evaluation = evaluate(person, BK_TTG, 2024)
    fails = [i for i, line in enumerate(evaluation.lines) if line.outcome == "fail"]
    assert (evaluation.verdict, fails) == (verdict, failing)


def test_bang_khen_thu_tuong_following_years_rule_is_unconfirmed(person):
    # Law Art 73 ("05 năm tiếp theo"): the fact sheet does not say "following".
    bk_ttg_history(person)
    assert [line.confirmed for line in evaluate(person, BK_TTG, 2024).lines] == [
        False, True, True, True, True]


# Law Art 73 (collectives), Art 75.2 (Giấy khen), orders (Art 9): criteria not encoded.
@pytest.mark.parametrize("code", ["giay_khen", "huan_chuong_lao_dong_hang_ba"],
                         ids=["art75-2-giay-khen", "art9-order"])
def test_forms_without_encoded_criteria_are_missing_with_an_explanation(person, code):
    evaluation = evaluate(person, code, 2024)
    assert evaluation.verdict == MISSING
    assert [line.detail for line in evaluation.lines] == [
        "cannot be checked from the data: the officer must attach evidence"]
