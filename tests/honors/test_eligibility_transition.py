"""Which pack decides: the achievement year's 31 December or the day the dossier was
received; 01/07/2025 (ND 152/2025, ND 129/2025) and 01/10/2026 (Law 06/2026/QH16, with
its transition: dossiers received before it follow the old rules unless the new are kinder).
"""

import datetime as dt

import pytest
from django.utils import translation

from tests.factories import PersonFactory
from tests.honors.factories import InitiativeFactory, rate
from vinhdanh.honors.enums import Verdict
from vinhdanh.honors.models import RuleSetting
from vinhdanh.honors.services import eligibility
from vinhdanh.honors.services.eligibility import evaluate

LDTT, CSTDCS = "lao_dong_tien_tien", "chien_si_thi_dua_co_so"
ELIGIBLE, NOT_ELIGIBLE = Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE
BEFORE_QH16, AFTER_QH16 = dt.date(2026, 9, 30), dt.date(2026, 10, 15)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def today(monkeypatch):
    def set_today(day):
        monkeypatch.setattr(eligibility, "today", lambda: day)

    return set_today


@pytest.fixture
def person(province):
    person = PersonFactory(unit=province.farmers, employment_start=dt.date(2020, 1, 1))
    rate(person, "good", 2024)
    rate(person, "good", 2025)
    return person


# Criteria follow the achievement year (31/12): ND 98 for 2024, ND 152 for 2025, the 2026
# law for 2026.
@pytest.mark.parametrize(("year", "code"), [(2024, "law2022-nd98"), (2025, "law2022-nd152"),
                                            (2026, "law2026-qh16")],
                         ids=["nd98-2024", "nd152-2025", "qh16-2026"])
def test_pack_of_the_achievement_year(person, year, code):
    assert evaluate(person, LDTT, year).pack_code == code


# ND 152 Art 59: in force 01/07/2025; the dossier's day decides when given.
@pytest.mark.parametrize(("received", "code", "circular"), [
    (dt.date(2025, 6, 30), "law2022-nd98", "Thông tư 01/2024/TT-BNV"),
    (dt.date(2025, 7, 1), "law2022-nd152", "Thông tư 15/2025/TT-BNV"),
], ids=["nd98-received-30-06-2025", "nd152-received-01-07-2025"])
def test_pack_switch_on_1_july_2025(person, received, code, circular):
    evaluation = evaluate(person, LDTT, 2024, received_on=received)
    assert (evaluation.pack_code, evaluation.lines[1].article) == (code, circular)


def late_recruit_with_htxs_and_initiative(province):
    """Meets the 2026 CSTĐ cơ sở (HTXS + initiative) but not the LĐTT 6-month rule."""
    person = PersonFactory(unit=province.farmers, employment_start=dt.date(2025, 9, 1))
    rate(person, "excellent", 2025)
    InitiativeFactory(person=person, year=2025)
    return person


def good_with_initiative(province):
    """Meets the 2022 CSTĐ cơ sở (LĐTT standard + initiative) but not the 2026 one."""
    person = PersonFactory(unit=province.farmers, employment_start=dt.date(2020, 1, 1))
    rate(person, "good", 2025)
    InitiativeFactory(person=person, year=2025)
    return person


# Law 06/2026/QH16 (reported): received 30/09/2026 → old rules; 01/10/2026 → new rules.
@pytest.mark.parametrize(("received", "code", "verdict"), [
    (dt.date(2026, 9, 30), "law2022-nd152", ELIGIBLE),
    (dt.date(2026, 10, 1), "law2026-qh16", NOT_ELIGIBLE),
], ids=["qh16-received-30-09-2026-old-rules", "qh16-received-01-10-2026-new-rules"])
def test_pack_switch_on_1_october_2026(province, today, received, code, verdict):
    today(BEFORE_QH16)
    person = good_with_initiative(province)
    evaluation = evaluate(person, CSTDCS, 2025, received_on=received)
    assert (evaluation.pack_code, evaluation.verdict) == (code, verdict)


def test_no_transition_before_the_new_law_is_in_force(province, today):
    # Law 06/2026/QH16: the kinder rule needs the new law in force.
    today(BEFORE_QH16)
    person = late_recruit_with_htxs_and_initiative(province)
    evaluation = evaluate(person, CSTDCS, 2025, received_on=dt.date(2026, 9, 30))
    assert (evaluation.pack_code, evaluation.verdict) == ("law2022-nd152", NOT_ELIGIBLE)
    assert not [line for line in evaluation.lines if line.label.startswith("Transition")]


def test_the_new_law_decides_when_it_is_kinder(province, today):
    # Law 06/2026/QH16 transition: no LĐTT 6-month rule for CSTĐ cơ sở any more.
    today(AFTER_QH16)
    person = late_recruit_with_htxs_and_initiative(province)
    evaluation = evaluate(person, CSTDCS, 2025, received_on=dt.date(2026, 9, 30))
    assert (evaluation.pack_code, evaluation.pack_confirmed, evaluation.verdict) == (
        "law2026-qh16", False, ELIGIBLE)
    transition = evaluation.lines[-1]
    assert (transition.label, transition.outcome, transition.article) == (
        "Transition: the kinder rule applies", "pass", "Luật 06/2026/QH16")
    assert transition.detail == (
        "received on 30/09/2026, before 01/10/2026: law2022-nd152 gives “Not eligible”, "
        "law2026-qh16 gives “Eligible”; the kinder result, law2026-qh16, applies")


def test_the_old_rules_stand_when_the_new_are_not_kinder(province, today):
    # Law 06/2026/QH16 transition: the 2022 rules are kinder to a "good" with an initiative.
    today(AFTER_QH16)
    person = good_with_initiative(province)
    evaluation = evaluate(person, CSTDCS, 2025, received_on=dt.date(2026, 9, 30))
    assert (evaluation.pack_code, evaluation.verdict) == ("law2022-nd152", ELIGIBLE)
    assert evaluation.lines[-1].detail.endswith("the kinder result, law2022-nd152, applies")


def test_no_transition_without_a_dossier_date(province, today):
    # The transition concerns dossiers received before 01/10/2026.
    today(AFTER_QH16)
    evaluation = evaluate(late_recruit_with_htxs_and_initiative(province), CSTDCS, 2025)
    assert (evaluation.pack_code, evaluation.verdict) == ("law2022-nd152", NOT_ELIGIBLE)


def test_the_probable_pack_is_shown_unconfirmed_until_confirmed(person):
    # law-addendum §3: probable until an administrator confirms it.
    rate(person, "good", 2026)
    assert evaluate(person, LDTT, 2026).pack_confirmed is False
    RuleSetting.objects.create(pack_code="law2026-qh16", key="status", value="confirmed")
    assert evaluate(person, LDTT, 2026).pack_confirmed is True


def test_a_year_before_2024_has_no_pack(person):
    # Law 15/2003 is not encoded: an error, not a guess.
    with pytest.raises(eligibility.DomainError):
        evaluate(person, LDTT, 2023)


def test_a_2023_achievement_in_a_dossier_received_in_2024(person):
    # The dossier's day decides: received in 2024, the 2022 law applies.
    rate(person, "good", 2023)
    evaluation = evaluate(person, LDTT, 2023, received_on=dt.date(2024, 2, 1))
    assert (evaluation.pack_code, evaluation.verdict) == ("law2022-nd98", ELIGIBLE)
