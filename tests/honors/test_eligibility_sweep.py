"""``sweep`` in bulk: the same queries for 1 or 30 candidates, order kept, one kind of
candidate per call, honours that refuse a kind; ``quota_check``; ``consecutive_holders``."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories import PersonFactory, UnitFactory
from tests.honors.factories import DisciplineFactory, InitiativeFactory, give, rate
from vinhdanh.core.errors import DomainError
from vinhdanh.honors.enums import Verdict
from vinhdanh.honors.models import RuleSetting
from vinhdanh.honors.services import facts
from vinhdanh.honors.services.eligibility import evaluate, quota_check, sweep
from vinhdanh.honors.services.facts import consecutive_holders
from vinhdanh.organisations.models import Household, Person

LDTT, CSTDCS, CSTD_TINH = "lao_dong_tien_tien", "chien_si_thi_dua_co_so", "chien_si_thi_dua_tinh"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def people_with_history(unit, count):
    people = PersonFactory.create_batch(count, unit=unit, employment_start=dt.date(2020, 1, 1))
    for person in people:
        give(person, CSTDCS, 2022, 2023, 2024)
        rate(person, "excellent", 2024)
        InitiativeFactory(person=person, year=2023, level="province")
        DisciplineFactory(person=person, starts_on=dt.date(2019, 1, 1),
                          ends_on=dt.date(2019, 6, 30))
    return people


def units_with_members(parent, count):
    units = UnitFactory.create_batch(count, parent=parent)
    for unit in units:
        rate(unit, "excellent", 2024)
        member = PersonFactory(unit=unit)
        give(member, LDTT, 2024)
        rate(member, "good", 2024)
    return units


def queries(candidates, code):
    with CaptureQueriesContext(connection) as captured:
        sweep(candidates, code, 2024)
    return len(captured.captured_queries)


# The N+1 guard (STYLE.md): every honour and pack, 1 or 30 candidates, same queries.
@pytest.mark.parametrize("code", [LDTT, CSTDCS, CSTD_TINH, "chien_si_thi_dua_toan_quoc",
                                  "bang_khen_tinh", "bang_khen_thu_tuong"],
                         ids=["art24", "art23", "art22", "art21", "art74-1", "art73"])
def test_same_queries_for_1_or_30_people(province, code):
    people = people_with_history(province.farmers, 30)
    assert queries(people[:1], code) == queries(people, code)


@pytest.mark.parametrize("code", ["tap_the_lao_dong_tien_tien", "tap_the_lao_dong_xuat_sac",
                                  "bang_khen_tinh"], ids=["art28", "art27", "art74-2"])
def test_same_queries_for_1_or_30_collectives(province, code):
    units = units_with_members(province.farmers, 30)
    assert queries(units[:1], code) == queries(units, code)


def test_a_queryset_costs_one_more_query_than_a_list(province):
    people_with_history(province.farmers, 5)
    queryset = Person.objects.filter(unit=province.farmers)
    assert queries(queryset, CSTD_TINH) == queries(list(queryset), CSTD_TINH) + 1


def test_sweep_keeps_the_order_and_matches_evaluate(province):
    # Law Art 22: each candidate's verdict is the same alone or in a sweep.
    people = [*people_with_history(province.farmers, 2), *province.farmer_people]
    evaluations = sweep(people, CSTD_TINH, 2024)
    assert [e.candidate for e in evaluations] == people
    assert [e.verdict for e in evaluations] == [evaluate(p, CSTD_TINH, 2024).verdict
                                                for p in people]
    assert [e.verdict for e in evaluations] == ["eligible", "eligible", "not_eligible",
                                                "not_eligible"]


@pytest.mark.parametrize(("count", "as_queryset"), [(4, False), (6, False), (4, True)],
                         ids=["in-lists-of-chunk-ids", "one-scan-for-many-ids", "subquery"])
def test_large_sweeps_read_the_same_facts(province, monkeypatch, count, as_queryset):
    # Beyond CHUNK ids: IN lists, a scan, or the candidates' queryset as a subquery.
    people = people_with_history(province.farmers, count - 1) + [province.farmer_people[0]]
    expected = [evaluate(p, CSTD_TINH, 2024).verdict for p in people]
    monkeypatch.setattr(facts, "CHUNK", 2)
    monkeypatch.setattr(facts, "SCAN_AT", 5)
    candidates = Person.objects.filter(pk__in=[p.pk for p in people]).order_by("pk")
    candidates = candidates if as_queryset else list(candidates)
    verdicts = {e.candidate.pk: e.verdict for e in sweep(candidates, CSTD_TINH, 2024)}
    assert [verdicts[p.pk] for p in people] == expected


def test_sweep_of_nobody():
    assert sweep([], CSTD_TINH, 2024) == []


def test_one_kind_of_candidate_per_call(province):
    with pytest.raises(ValueError):
        sweep([province.farmer_people[0], province.farmers], "bang_khen_tinh", 2024)


def test_an_honour_refuses_a_kind_of_candidate(province):
    # Law Art 22: CSTĐ tỉnh is for individuals.
    evaluation = evaluate(province.farmers, CSTD_TINH, 2024)
    assert (evaluation.verdict, [line.outcome for line in evaluation.lines]) == (
        Verdict.NOT_ELIGIBLE, ["fail"])
    assert evaluation.lines[0].detail == (
        "Chiến sĩ thi đua cấp tỉnh is not awarded to this kind of candidate (Collective)")


def test_unknown_honour(province):
    with pytest.raises(DomainError):
        evaluate(province.farmer_people[0], "huy_chuong_khong_co", 2024)


def test_households_get_family_criteria(province):
    # Decree 86/2023: the cultured family standard is reviewed by the village (evidence).
    household = Household.objects.create(head_name="Trần Thị Lan", unit=province.farmers_sub)
    evaluation = evaluate(household, "gia_dinh_van_hoa", 2024)
    assert (evaluation.verdict, evaluation.lines[0].article) == (
        Verdict.MISSING, "Nghị định 86/2023/NĐ-CP")


# -- quotas ---------------------------------------------------------------------------------

def eligible_cstdcs(unit, count):
    people = PersonFactory.create_batch(count, unit=unit, employment_start=dt.date(2020, 1, 1))
    for person in people:
        rate(person, "excellent", 2024)
    return sweep(people, CSTDCS, 2024)


def test_no_quota_on_cstd_co_so_since_2024(province):
    # law-addendum §1: ND 91/2017's 15% cap was not carried into Law 2022 / ND 98.
    assert quota_check(province.farmers, CSTDCS, 2024, eligible_cstdcs(province.farmers, 3)) \
        is None


@pytest.mark.parametrize(("value", "outcome", "detail"), [
    ({"percent": 15, "of": LDTT}, "fail",
     "3 eligible, at most 1 allowed (15% of the 10 holders of Lao động tiên tiến)"),
    ({"percent": 15, "of": LDTT, "minimum": 3}, "pass",
     "3 eligible, at most 3 allowed (15% of the 10 holders of Lao động tiên tiến)"),
    (50, "fail", "3 eligible, at most 1 allowed (50% of the 3 candidates)"),
    ({"max": 5}, "pass", "3 eligible, at most 5 allowed (at most 5)"),
], ids=["nd91-style-15-percent-of-ldtt", "sector-minimum", "percent-of-candidates", "max"])
def test_a_quota_the_province_sets(province, value, outcome, detail):
    evaluations = eligible_cstdcs(province.farmers_sub, 3)
    for person in PersonFactory.create_batch(10, unit=province.farmers):
        give(person, LDTT, 2024)
    give(province.women_people[0], LDTT, 2024)  # another organisation: not in the base
    RuleSetting.objects.create(pack_code="law2022-nd98", key=f"quota.{CSTDCS}", value=value,
                               confirmed=False)
    line = quota_check(province.farmers, CSTDCS, 2024, evaluations)
    assert (line.outcome, line.detail, line.confirmed) == (outcome, detail, False)


def test_a_quota_counts_only_the_units_candidates(province):
    evaluations = eligible_cstdcs(province.women, 2) + eligible_cstdcs(province.farmers, 1)
    RuleSetting.objects.create(pack_code="law2022-nd98", key=f"quota.{CSTDCS}",
                               value={"max": 1})
    assert quota_check(province.farmers, CSTDCS, 2024, evaluations).outcome == "pass"


# -- the benchmark hook -----------------------------------------------------------------------

def test_consecutive_holders(province):
    # Law Art 22: holders of 3 consecutive CSTĐ cơ sở up to 2024.
    holder, gap, other = PersonFactory.create_batch(3, unit=province.farmers)
    give(holder, CSTDCS, 2022, 2023, 2024)
    give(gap, CSTDCS, 2022, 2024)
    give(other, CSTDCS, 2022, 2023, 2024)
    ids = [holder.pk, gap.pk]
    assert consecutive_holders(ids, CSTDCS, 3, 2024) == {holder.pk}
    everyone = Person.objects.values_list("pk", flat=True)
    assert consecutive_holders(everyone, CSTDCS, 3, 2024) == {holder.pk, other.pk}
