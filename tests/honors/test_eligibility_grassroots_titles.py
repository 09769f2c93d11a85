"""Lao động tiên tiến (Law Art 24, TT 01/2024) and Chiến sĩ thi đua cơ sở (Law Art 23;
Law 06/2026/QH16) through ``evaluate``, on the province of tests/conftest.py."""

import datetime as dt

import pytest
from django.utils import translation

from tests.factories import PersonFactory
from tests.honors.factories import (
    DisciplineFactory,
    InitiativeFactory,
    give,
    rate,
)
from vinhdanh.honors.enums import Verdict
from vinhdanh.honors.services.eligibility import evaluate

LDTT, CSTDCS = "lao_dong_tien_tien", "chien_si_thi_dua_co_so"
ELIGIBLE, NOT_ELIGIBLE, MISSING = Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE, Verdict.MISSING


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def person(province):
    return PersonFactory(unit=province.farmers, employment_start=dt.date(2020, 1, 1))


def outcomes(evaluation) -> list[str]:
    return [line.outcome for line in evaluation.lines]


# Law Art 24.1: task rated "good" or better.
@pytest.mark.parametrize(("rating", "verdict"), [
    ("excellent", ELIGIBLE), ("good", ELIGIBLE), ("completed", NOT_ELIGIBLE),
    ("not_completed", NOT_ELIGIBLE), (None, MISSING),
], ids=["art24-excellent", "art24-good", "art24-completed-instead-of-good",
        "art24-not-completed", "art24-no-rating"])
def test_ldtt_task_rating(person, rating, verdict):
    if rating:
        rate(person, rating, 2024)
    assert evaluate(person, LDTT, 2024).verdict == verdict


# TT 01/2024/TT-BNV: not for staff recruited less than 6 months before the year ends.
@pytest.mark.parametrize(("start", "verdict"), [
    (dt.date(2024, 6, 30), ELIGIBLE), (dt.date(2024, 7, 1), ELIGIBLE),
    (dt.date(2024, 7, 2), NOT_ELIGIBLE), (None, MISSING),
], ids=["tt01-six-months-and-a-day", "tt01-exactly-six-months", "tt01-a-day-short",
        "tt01-no-employment-date"])
def test_ldtt_six_months_of_employment(province, start, verdict):
    person = PersonFactory(unit=province.farmers, employment_start=start)
    rate(person, "good", 2024)
    assert evaluate(person, LDTT, 2024).verdict == verdict


def test_ldtt_lines_cite_their_articles(person):
    # Law Art 24; TT 01/2024; ND 98 Art 4; Law Art 5.
    rate(person, "good", 2024)
    lines = evaluate(person, LDTT, 2024).lines
    assert [(line.article, line.outcome, line.confirmed) for line in lines] == [
        ("Điều 24 Luật TĐKT 2022", "pass", True),
        ("Thông tư 01/2024/TT-BNV", "pass", True),
        ("Điều 4 Nghị định 98/2023/NĐ-CP", "pass", True),
        ("Điều 5 Luật TĐKT 2022", "pass", True),
    ]
    assert lines[0].detail == "ratings: 2024: Completed tasks well"


def test_ldtt_2025_shows_the_six_month_rule_as_unconfirmed(person):
    # TT 15/2025/TT-BNV replaced TT 01/2024; its 6-month rule is unconfirmed (addendum §3).
    rate(person, "good", 2025)
    evaluation = evaluate(person, LDTT, 2025)
    six_months = evaluation.lines[1]
    assert (evaluation.pack_code, six_months.article, six_months.confirmed) == (
        "law2022-nd152", "Thông tư 15/2025/TT-BNV", False)


# ND 98 Art 4: no award while disciplined; achievements count from its end.
@pytest.mark.parametrize(("starts", "ends", "verdict"), [
    (dt.date(2023, 1, 1), dt.date(2023, 12, 31), ELIGIBLE),
    (dt.date(2023, 6, 1), dt.date(2024, 1, 15), NOT_ELIGIBLE),
    (dt.date(2024, 11, 1), dt.date(2025, 1, 31), NOT_ELIGIBLE),
], ids=["nd98-art4-ended-the-year-before", "nd98-art4-ended-early-in-the-year",
        "nd98-art4-began-late-in-the-year"])
def test_ldtt_discipline(person, starts, ends, verdict):
    rate(person, "good", 2024)
    DisciplineFactory(person=person, starts_on=starts, ends_on=ends)
    assert evaluate(person, LDTT, 2024).verdict == verdict


def test_ldtt_pending_investigation_on_the_day_of_the_dossier(person):
    # ND 98 Art 4: no award while an investigation is pending (here, opened after the year).
    rate(person, "good", 2024)
    DisciplineFactory(person=person, kind="investigation", starts_on=dt.date(2025, 1, 10),
                      ends_on=dt.date(2025, 3, 1))
    during = evaluate(person, LDTT, 2024, received_on=dt.date(2025, 2, 1))
    after = evaluate(person, LDTT, 2024, received_on=dt.date(2025, 3, 2))
    assert (during.verdict, after.verdict) == (NOT_ELIGIBLE, ELIGIBLE)
    assert during.lines[2].detail == "Investigation from 10/01/2025 to 01/03/2025"


def test_ldtt_not_already_awarded(person):
    # Law Art 5: one achievement is never rewarded twice.
    rate(person, "good", 2024)
    give(person, LDTT, 2024)
    evaluation = evaluate(person, LDTT, 2024)
    assert (evaluation.verdict, evaluation.lines[-1].detail) == (
        NOT_ELIGIBLE, "already awarded for 2024")


# Law Art 23 (2022): the LĐTT standard and one of HTXS or a grassroots initiative.
@pytest.mark.parametrize(("rating", "initiative", "verdict"), [
    ("excellent", None, ELIGIBLE),
    ("good", ("grassroots", 2024, "initiative"), ELIGIBLE),
    ("good", ("province", 2024, "science"), ELIGIBLE),
    ("good", ("grassroots", 2024, "combat"), ELIGIBLE),
    ("good", None, NOT_ELIGIBLE),
    ("good", ("grassroots", 2023, "initiative"), NOT_ELIGIBLE),
    ("completed", ("grassroots", 2024, "initiative"), NOT_ELIGIBLE),
], ids=["art23-htxs-without-initiative", "art23-initiative", "art23-science-work",
        "art23-combat-ingenuity", "art23-good-only", "art23-initiative-year-before",
        "art23-below-ldtt-standard"])
def test_cstd_co_so_2024(person, rating, initiative, verdict):
    rate(person, rating, 2024)
    if initiative:
        level, year, kind = initiative
        InitiativeFactory(person=person, level=level, year=year, kind=kind)
    assert evaluate(person, CSTDCS, 2024).verdict == verdict


def test_cstd_co_so_ldtt_title_meets_the_standard_of_a_late_recruit(province):
    # Law Art 23: the standard is met by holding LĐTT for the year.
    person = PersonFactory(unit=province.farmers, employment_start=dt.date(2024, 9, 1))
    rate(person, "excellent", 2024)
    assert evaluate(person, CSTDCS, 2024).verdict == NOT_ELIGIBLE
    give(person, LDTT, 2024)
    assert evaluate(person, CSTDCS, 2024).verdict == ELIGIBLE


# Law 06/2026/QH16 (probable): HTXS AND an initiative or science work; no LĐTT standard.
@pytest.mark.parametrize(("rating", "kind", "verdict"), [
    ("excellent", "initiative", ELIGIBLE),
    ("excellent", "science", ELIGIBLE),
    ("excellent", "combat", NOT_ELIGIBLE),
    ("excellent", None, NOT_ELIGIBLE),
    ("good", "initiative", NOT_ELIGIBLE),
], ids=["qh16-htxs-and-initiative", "qh16-htxs-and-science", "qh16-combat-not-listed",
        "qh16-htxs-alone", "qh16-initiative-alone"])
def test_cstd_co_so_2026(province, rating, kind, verdict):
    person = PersonFactory(unit=province.farmers, employment_start=dt.date(2026, 9, 1))
    rate(person, rating, 2026)
    if kind:
        InitiativeFactory(person=person, year=2026, kind=kind)
    evaluation = evaluate(person, CSTDCS, 2026)
    assert (evaluation.pack_code, evaluation.pack_confirmed, evaluation.verdict) == (
        "law2026-qh16", False, verdict)


def test_ldtt_hint_for_next_year(person):
    # Law Art 24: a "completed" year can be followed by a "good" one.
    rate(person, "completed", 2024)
    assert evaluate(person, LDTT, 2024).hints == [
        "Eligible in 2025 if the task rating of 2025 is at least “Completed tasks well”"]
