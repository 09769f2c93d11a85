"""Collective titles read their members' records (Law Art 27 TTLĐXS, Art 28 TTLĐTT).
Members are the active people of the unit and of its sub-units."""

import pytest
from django.utils import translation

from tests.factories import PersonFactory, UnitFactory
from tests.honors.factories import DisciplineFactory, give, rate
from vinhdanh.honors.enums import Verdict
from vinhdanh.honors.models import RuleSetting
from vinhdanh.honors.services.eligibility import evaluate

LDTT, CSTDCS = "lao_dong_tien_tien", "chien_si_thi_dua_co_so"
TTLDTT, TTLDXS = "tap_the_lao_dong_tien_tien", "tap_the_lao_dong_xuat_sac"
ELIGIBLE, NOT_ELIGIBLE, MISSING = Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE, Verdict.MISSING


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def unit(province):
    return UnitFactory(parent=province.farmers, name="Ban Kinh tế Hội Nông dân")


def staff(unit, count, *, sub_unit_share=0):
    """``count`` people, the first ``sub_unit_share`` of them in a sub-unit."""
    sub = UnitFactory(parent=unit) if sub_unit_share else None
    return [PersonFactory(unit=sub if i < sub_unit_share else unit) for i in range(count)]


def line(evaluation, article_start):
    return next(x for x in evaluation.lines if x.label.startswith(article_start))


# Law Art 28 (TT 01/2024/TT-VPCP wording, unconfirmed): at least 70% of members hold LĐTT.
@pytest.mark.parametrize(("holders", "outcome", "detail"), [
    (70, "pass", "70 of 100 members (70%)"),
    (69, "fail", "69 of 100 members (69%)"),
], ids=["art28-exactly-70-percent", "art28-69-percent"])
def test_ttldtt_share_boundary(unit, holders, outcome, detail):
    people = staff(unit, 100, sub_unit_share=30)
    rate(unit, "good", 2024)
    for person in people[:holders]:
        give(person, LDTT, 2024)
    share = line(evaluate(unit, TTLDTT, 2024), "At least 70%")
    assert (share.outcome, share.detail, share.confirmed) == (outcome, detail, False)


def test_ttldtt_eligible_and_every_line_passes(unit):
    # Law Art 28: task rated "good", ≥70% LĐTT, no member disciplined at "cảnh cáo".
    people = staff(unit, 10)
    rate(unit, "good", 2024)
    for person in people[:7]:
        give(person, LDTT, 2024)
    evaluation = evaluate(unit, TTLDTT, 2024)
    assert (evaluation.verdict, [x.outcome for x in evaluation.lines]) == (
        ELIGIBLE, ["pass"] * 5)


def test_cstd_co_so_holders_count_as_ldtt(unit):
    # Law Art 23: a CSTĐ cơ sở meets the LĐTT standard.
    people = staff(unit, 10)
    for person in people[:5]:
        give(person, LDTT, 2024)
    for person in people[5:7]:
        give(person, CSTDCS, 2024)
    assert line(evaluate(unit, TTLDTT, 2024), "At least 70%").detail == (
        "7 of 10 members (70%)")


def test_members_are_active_people_of_the_subtree_only(province, unit):
    # Law Art 28: the unit's own people, its sub-units', not other organisations'.
    people = staff(unit, 7, sub_unit_share=3)
    for person in people:
        give(person, LDTT, 2024)
    PersonFactory(unit=unit, is_active=False)  # left the unit: not counted
    give(province.women_people[0], LDTT, 2024)
    assert line(evaluate(unit, TTLDTT, 2024), "At least 70%").detail == (
        "7 of 7 members (100%)")


# Law Art 28: no member disciplined at "cảnh cáo" (warning) or heavier.
@pytest.mark.parametrize(("level", "outcome"), [
    ("warning", "fail"), ("dismissal", "fail"), ("reprimand", "pass"), ("", "missing"),
], ids=["art28-warning", "art28-heavier", "art28-reprimand-is-lighter",
        "art28-level-not-entered"])
def test_ttldtt_member_discipline(unit, level, outcome):
    people = staff(unit, 3)
    DisciplineFactory(person=people[0], level=level)
    assert line(evaluate(unit, TTLDTT, 2024), "No member").outcome == outcome


def test_a_province_setting_changes_the_share(unit):
    # Law Art 28 leaves it open (2003 Law: >50%): the province may set its own figure.
    people = staff(unit, 10)
    for person in people[:6]:
        give(person, LDTT, 2024)
    RuleSetting.objects.create(pack_code="law2022-nd98", value=60, confirmed=True,
                               key=f"criterion.{TTLDTT}.members_share.at_least")
    share = line(evaluate(unit, TTLDTT, 2024), "At least 60%")
    assert (share.outcome, share.confirmed) == ("pass", False)  # the pack's rule is not


def ttldxs_unit(unit, *, own="excellent", ratings=("good",) * 10, holders=7, cstdcs=1):
    people = staff(unit, 10)
    rate(unit, own, 2024)
    for person, rating in zip(people, ratings, strict=False):
        rate(person, rating, 2024)
    for person in people[:holders]:
        give(person, LDTT, 2024)
    for person in people[holders:holders + cstdcs]:
        give(person, CSTDCS, 2024)


# Law Art 27: HTXS; 100% complete their tasks; ≥70% LĐTT; at least one CSTĐ cơ sở.
@pytest.mark.parametrize(("history", "verdict"), [
    ({}, ELIGIBLE),
    ({"ratings": ("good",) * 9 + ("not_completed",)}, NOT_ELIGIBLE),
    ({"ratings": ("good",) * 9}, MISSING),
    ({"cstdcs": 0}, NOT_ELIGIBLE),
    ({"holders": 5, "cstdcs": 1}, NOT_ELIGIBLE),
], ids=["art27-met", "art27-a-member-did-not-complete", "art27-a-member-unrated",
        "art27-no-cstd-co-so", "art27-60-percent"])
def test_ttldxs(unit, history, verdict):
    ttldxs_unit(unit, **history)
    assert evaluate(unit, TTLDXS, 2024).verdict == verdict


def test_ttldxs_needs_the_collective_rated_excellent(unit):
    # Law Art 27: the collective's own task rating.
    ttldxs_unit(unit, own="good")
    assert evaluate(unit, TTLDXS, 2024).verdict == NOT_ELIGIBLE


def test_a_collective_without_members_is_missing_information(unit):
    # Law Art 27: nothing to count.
    rate(unit, "excellent", 2024)
    evaluation = evaluate(unit, TTLDXS, 2024)
    assert evaluation.verdict == MISSING
    assert line(evaluation, "At least 70%").detail == "no members on record"


def test_collective_hint_names_the_members_needed(unit):
    # Law Art 28: 70% of 10 members next year.
    staff(unit, 10)
    rate(unit, "good", 2024)
    assert evaluate(unit, TTLDTT, 2024).hints == [
        "Eligible in 2025 if the task rating of 2025 is at least “Completed tasks well”; at "
        "least 7 members hold Lao động tiên tiến / Chiến sĩ thi đua cơ sở in 2025"]
