"""Each named predicate on hand-made facts (no database): the boundaries of the law's
criteria, with the article each comes from in the test id."""

import datetime as dt

import pytest
from django.utils import translation

from vinhdanh.honors.law.facts import FactStore
from vinhdanh.honors.law.predicates import FAIL, MISSING, PASS, REGISTRY
from vinhdanh.honors.law.predicates.conduct import latest_start
from vinhdanh.honors.law.predicates.texts import percent

CSTDCS, LDTT, BK = "chien_si_thi_dua_co_so", "lao_dong_tien_tien", "bang_khen_tinh"
AS_OF = dt.date(2025, 3, 1)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def facts(*, titles=None, ratings=None, initiatives=(), restrictions=(), employment=None,
          as_of=AS_OF):
    store = FactStore(as_of=as_of)
    for code, years in (titles or {}).items():
        store.titles[code] = {1: set(years)}
    store.ratings[1] = dict(ratings or {})
    store.initiatives[1] = list(initiatives)
    store.restrictions[1] = list(restrictions)
    store.employment[1] = employment
    return store.facts(1)


def run(name, fact, params, year=2024):
    return REGISTRY[name](fact, year, params)


# Law Art 22: 3 consecutive CSTĐ cơ sở, ending with the year evaluated.
@pytest.mark.parametrize(("years", "status", "detail"), [
    ({2022, 2023, 2024}, PASS, "found: 2022, 2023, 2024"),
    ({2020, 2021, 2022, 2023, 2024}, PASS, "found: 2022, 2023, 2024"),
    ({2022, 2024}, FAIL, "found: 2022, 2024; lacking: 2023"),
    ({2023, 2024}, FAIL, "found: 2023, 2024; lacking: 2022"),
    ({2021, 2022, 2023}, FAIL, "found: 2022, 2023; lacking: 2024"),
    (set(), FAIL, "found: none; lacking: 2022, 2023, 2024"),
], ids=["art22-three-years", "art22-longer-run", "art22-gap-year", "art22-two-years",
        "art22-run-ends-early", "art22-none"])
def test_consecutive_titles(years, status, detail):
    outcome = run("consecutive_titles", facts(titles={CSTDCS: years}),
                  {"title": CSTDCS, "years": 3})
    assert (outcome.status, outcome.text) == (status, detail)


# Law Art 73: 3 CSTĐ cơ sở within the 5 years; Art 23: a title held in the year.
@pytest.mark.parametrize(("years", "params", "status"), [
    ({2020, 2022, 2024}, {"count": 3, "within": 5}, PASS),
    ({2019, 2022, 2024}, {"count": 3, "within": 5}, FAIL),
    ({2024}, {}, PASS),
    ({2023}, {}, FAIL),
], ids=["art73-three-in-five", "art73-one-too-early", "art23-in-year", "art23-year-before"])
def test_holds_title(years, params, status):
    outcome = run("holds_title", facts(titles={CSTDCS: years}), {"title": CSTDCS, **params})
    assert outcome.status == status


# Law Art 73: a Bằng khen tỉnh, then the 5 following years.
@pytest.mark.parametrize(("years", "status"), [({2019}, PASS), ({2015, 2021}, PASS),
                                               ({2020}, FAIL), (set(), FAIL)],
                         ids=["art73-bk-2019", "art73-bk-long-before", "art73-bk-2020",
                              "art73-no-bk"])
def test_held_before(years, status):
    outcome = run("held_before", facts(titles={BK: years}), {"title": BK, "years_before": 5})
    assert outcome.status == status


# Law Art 24 (LĐTT: "good" or better) and Art 73 (5 years "good" or better).
@pytest.mark.parametrize(("ratings", "params", "status"), [
    ({2024: "good"}, {"at_least": "good"}, PASS),
    ({2024: "excellent"}, {"at_least": "good"}, PASS),
    ({2024: "completed"}, {"at_least": "good"}, FAIL),
    ({}, {"at_least": "good"}, MISSING),
    ({2024: "good"}, {"at_least": "excellent"}, FAIL),
    ({y: "good" for y in range(2020, 2025)}, {"at_least": "good", "years": 5}, PASS),
    ({2021: "good", 2022: "good", 2023: "good", 2024: "good"},
     {"at_least": "good", "years": 5}, MISSING),
    ({2020: "completed", 2024: "good"}, {"at_least": "good", "years": 5}, FAIL),
], ids=["art24-good", "art24-excellent", "art24-completed-not-good", "art24-no-rating",
        "art23-good-not-excellent", "art73-five-good-years", "art73-a-year-unrated",
        "art73-completed-beats-unrated"])
def test_task_rating(ratings, params, status):
    assert run("task_rating", facts(ratings=ratings), params).status == status


def test_task_rating_names_the_ratings_found_and_the_years_without():
    # Law Art 24: the line says what was read.
    outcome = run("task_rating", facts(ratings={2023: "good"}), {"at_least": "good", "years": 2})
    assert outcome.text == "ratings: 2023: Completed tasks well; no rating entered for 2024"


# Law Art 22 (province-level initiative), Art 23 (grassroots), Art 74.1(d) (2 initiatives).
@pytest.mark.parametrize(("found", "params", "status"), [
    ([("grassroots", 2024, "initiative")], {"level": "grassroots"}, PASS),
    ([("province", 2024, "science")], {"level": "grassroots"}, PASS),
    ([("grassroots", 2023, "initiative")], {"level": "grassroots"}, FAIL),
    ([("grassroots", 2023, "initiative")], {"level": "province", "within": 3}, FAIL),
    ([("province", 2022, "initiative")], {"level": "province", "within": 3}, PASS),
    ([("grassroots", 2024, "combat")], {"level": "grassroots",
                                        "kinds": ("initiative", "science")}, FAIL),
    ([("grassroots", 2023, "initiative"), ("grassroots", 2024, "initiative")],
     {"level": "grassroots", "count": 2, "within": 2}, PASS),
], ids=["art23-grassroots", "art23-higher-level-counts", "art23-year-before",
        "art22-grassroots-too-low", "art22-within-three-years", "qh16-combat-not-counted",
        "art74-1d-two-initiatives"])
def test_initiative(found, params, status):
    assert run("initiative", facts(initiatives=found), params).status == status


# Law Art 74.1(d), second branch: 2 consecutive years HTXS with 2 grassroots initiatives.
@pytest.mark.parametrize(("ratings", "count", "status"), [
    ({2023: "excellent", 2024: "excellent"}, 2, PASS),
    ({2023: "excellent", 2024: "excellent"}, 1, FAIL),
    ({2023: "good", 2024: "excellent"}, 2, FAIL),
    ({2024: "excellent"}, 2, MISSING),
], ids=["art74-1d-met", "art74-1d-one-initiative", "art74-1d-good-year", "art74-1d-unrated"])
def test_rating_with_initiatives(ratings, count, status):
    found = [("grassroots", 2023 + i % 2, "initiative") for i in range(count)]
    params = {"at_least": "excellent", "years": 2, "count": 2, "level": "grassroots"}
    assert run("rating_with_initiatives", facts(ratings=ratings, initiatives=found),
               params).status == status


# TT 01/2024/TT-BNV: not for staff recruited less than 6 months before the year ends.
@pytest.mark.parametrize(("start", "status"), [
    (dt.date(2024, 6, 30), PASS),
    (dt.date(2024, 7, 1), PASS),
    (dt.date(2024, 7, 2), FAIL),
    (dt.date(2025, 1, 1), FAIL),
    (None, MISSING),
], ids=["tt01-more-than-6-months", "tt01-exactly-6-months", "tt01-a-day-short",
        "tt01-after-the-year", "tt01-no-date"])
def test_employed_months(start, status):
    assert run("employed_months", facts(employment=start), {"months": 6}).status == status


@pytest.mark.parametrize(("year", "months", "latest"), [
    (2024, 6, dt.date(2024, 7, 1)), (2024, 12, dt.date(2024, 1, 1)),
    (2024, 1, dt.date(2024, 12, 1)), (2025, 18, dt.date(2024, 7, 1))])
def test_latest_start(year, months, latest):
    # TT 01/2024: the latest first day of work that still gives the months by 31/12.
    assert latest_start(year, months) == latest


# Law Art 23: the LĐTT standard — the title itself, or its checkable criteria.
@pytest.mark.parametrize(("titles", "ratings", "start", "status"), [
    ({LDTT: {2024}}, {}, None, PASS),
    ({}, {2024: "good"}, dt.date(2020, 1, 1), PASS),
    ({}, {2024: "completed"}, dt.date(2020, 1, 1), FAIL),
    ({}, {2024: "good"}, dt.date(2024, 9, 1), FAIL),
    ({}, {2024: "good"}, None, MISSING),
], ids=["art23-holds-ldtt", "art23-meets-ldtt-criteria", "art23-completed",
        "art23-recruited-late", "art23-no-employment-date"])
def test_title_standard(titles, ratings, start, status):
    fact = facts(titles=titles, ratings=ratings, employment=start)
    params = {"title": LDTT, "at_least": "good", "months": 6}
    assert run("title_standard", fact, params).status == status


def _period(starts, ends, kind="discipline", level="warning"):
    return (kind, level, starts, ends)


# ND 98/152 Art 4: no award while disciplined or under a pending case; achievements count
# from the end of a discipline.
@pytest.mark.parametrize(("periods", "within", "as_of", "status"), [
    ([], 1, AS_OF, PASS),
    ([_period(dt.date(2023, 1, 1), dt.date(2023, 12, 31))], 1, AS_OF, PASS),
    ([_period(dt.date(2023, 1, 1), dt.date(2024, 1, 1))], 1, AS_OF, FAIL),
    ([_period(dt.date(2021, 1, 1), dt.date(2021, 12, 31))], 3, AS_OF, PASS),
    ([_period(dt.date(2022, 1, 1), dt.date(2022, 6, 30))], 3, AS_OF, FAIL),
    ([_period(dt.date(2025, 1, 10), None, "investigation", "")], 1, AS_OF, FAIL),
    ([_period(dt.date(2025, 1, 10), dt.date(2025, 2, 1), "complaint", "")], 1, AS_OF, PASS),
    ([_period(dt.date(2025, 1, 10), dt.date(2025, 2, 1), "inspection", "")], 1,
     dt.date(2025, 1, 20), FAIL),
], ids=["decree-art4-clean", "decree-art4-ended-year-before", "decree-art4-ended-in-year",
        "decree-art4-ended-before-window", "decree-art4-inside-window",
        "decree-art4-pending-investigation", "decree-art4-complaint-closed-before-dossier",
        "decree-art4-inspection-on-dossier-day"])
def test_no_restriction(periods, within, as_of, status):
    fact = facts(restrictions=periods, as_of=as_of)
    assert run("no_restriction", fact, {"within": within}).status == status


def test_no_restriction_says_when_achievements_count_again():
    # ND 98 Art 4: after discipline, achievements count from its end.
    fact = facts(restrictions=[_period(dt.date(2023, 3, 1), dt.date(2024, 2, 29))])
    outcome = run("no_restriction", fact, {"within": 1})
    assert outcome.text == ("Discipline (warning) from 01/03/2023 to 29/02/2024; "
                              "achievements count from 01/03/2024")


# Law Art 5: one achievement is not rewarded twice.
@pytest.mark.parametrize(("years", "status"), [({2024}, FAIL), ({2023}, PASS), (set(), PASS)],
                         ids=["art5-already-2024", "art5-only-2023", "art5-never"])
def test_not_already_awarded(years, status):
    assert run("not_already_awarded", facts(titles={BK: years}), {"title": BK}).status == status


def test_manual_is_always_missing_and_asks_for_evidence():
    # Law Art 74.1(a)–(c): not checkable from data.
    outcome = run("manual", facts(), {"criterion": "achievements"})
    assert outcome == (MISSING, "cannot be checked from the data: the officer must attach "
                                "evidence")


@pytest.mark.parametrize(("part", "whole", "text"), [(69, 100, "69"), (7, 10, "70"),
                                                      (2, 3, "66.6"), (699, 1000, "69.9")])
def test_percent_rounds_down_so_a_failing_share_never_reads_70(part, whole, text):
    # Law Art 27/28: "at least 70%" — 69.96% must not be shown as 70%.
    assert percent(part, whole) == text


def test_every_predicate_has_a_label_and_a_hint():
    assert all(callable(p.label) and callable(p.hint) for p in REGISTRY.values())
