"""Bonus money: coefficient × base salary on the decision date, rounded up to 10,000 VND.

Each case cites the article its coefficient comes from and the decree of its base salary.
"""

import datetime as dt

import pytest
from django.utils import translation

from vinhdanh.core.errors import DomainError
from vinhdanh.honors.models import HonorRecord
from vinhdanh.honors.services.bonuses import (
    BonusItem,
    base_salary_on,
    compute_bonus,
    compute_bonuses,
    fund_year_totals,
)
from vinhdanh.honors.services.settings import reset_rule_setting, set_rule_setting

pytestmark = pytest.mark.django_db

IND, COL, HH = "individual", "collective", "household"
D = dt.date
ND152 = "law2022-nd152"

# (honour, subject, decision date, amount, coefficient confirmed, base salary confirmed)
CASES = [
    # ND 98 Art 54 (0.3) × 1,800,000 (ND 24/2023): the day before the rise.
    pytest.param("lao_dong_tien_tien", IND, D(2024, 6, 30), 540_000, True, True,
                 id="LĐTT 0.3 × 1.8M on 30/06/2024 (ND 98 Art 54; ND 24/2023)"),
    # ND 98 Art 54 (0.3) × 2,340,000 (ND 73/2024): the rate on the decision date counts.
    # 702,000 (law.md §6 quotes this product) is rounded up to 710,000 like every amount.
    pytest.param("lao_dong_tien_tien", IND, D(2024, 7, 1), 710_000, True, True,
                 id="LĐTT 0.3 × 2.34M = 702,000 → 710,000 on 01/07/2024 (ND 98; ND 73/2024)"),
    pytest.param("chien_si_thi_dua_tinh", IND, D(2025, 7, 1), 7_020_000, True, True,
                 id="CSTĐ tỉnh 3.0 × 2.34M (ND 152 Art 50)"),
    pytest.param("chien_si_thi_dua_co_so", IND, D(2025, 3, 1), 2_340_000, True, True,
                 id="CSTĐCS 1.0 × 2.34M (ND 98 Art 54)"),
    pytest.param("co_thi_dua_tinh", COL, D(2025, 7, 1), 18_720_000, True, True,
                 id="Cờ tỉnh 8.0 × 2.34M (ND 152 Art 50)"),
    pytest.param("bang_khen_tinh", IND, D(2025, 7, 1), 3_510_000, True, True,
                 id="BK tỉnh individual 1.5 × 2.34M (ND 152 Art 54)"),
    # ND 98's BK tỉnh figure was not found: 1.0 (ND 91/2017) is probable, and flagged.
    pytest.param("bang_khen_tinh", IND, D(2025, 6, 30), 2_340_000, False, True,
                 id="BK tỉnh individual 1.0 × 2.34M under ND 98 (unconfirmed)"),
    pytest.param("bang_khen_thu_tuong", IND, D(2025, 7, 1), 8_190_000, True, True,
                 id="BK TTg individual 3.5 × 2.34M (ND 152 Art 54)"),
    pytest.param("bang_khen_tinh", COL, D(2025, 7, 1), 7_020_000, True, True,
                 id="BK tỉnh collective 3.0 × 2.34M (ND 152 Art 54)"),
    # Households: 1.5 × the individual 1.5 = 2.25 × 2.34M = 5,265,000, rounded up.
    pytest.param("bang_khen_tinh", HH, D(2025, 7, 1), 5_270_000, True, True,
                 id="BK tỉnh household 2.25 × 2.34M (ND 152 Art 54)"),
    # Giấy khen collectives get twice the individual amount (ND 98 Art 58.2.c): 0.6 × 2.34M.
    pytest.param("giay_khen", COL, D(2025, 6, 30), 1_410_000, False, True,
                 id="Giấy khen collective 0.6 × 2.34M under ND 98 (Art 58.2.c)"),
    pytest.param("huan_chuong_lao_dong_hang_ba", COL, D(2025, 7, 1), 21_060_000, True, True,
                 id="HCLĐ hạng Ba collective 9.0 × 2.34M (ND 152 Art 51)"),
    # From 01/07/2026 the base salary is 2,530,000 (ND 161/2026, not yet checked).
    pytest.param("lao_dong_tien_tien", IND, D(2026, 7, 1), 760_000, True, False,
                 id="LĐTT 0.3 × 2.53M = 759,000 → 760,000 (ND 152 Art 50; ND 161/2026)"),
    pytest.param("tap_the_lao_dong_tien_tien", COL, D(2026, 7, 1), 2_030_000, True, False,
                 id="TTLĐTT 0.8 × 2.53M = 2,024,000 → 2,030,000 (ND 152 Art 50)"),
    pytest.param("chien_si_thi_dua_tinh", IND, D(2026, 7, 1), 7_590_000, True, False,
                 id="CSTĐ tỉnh 3.0 × 2.53M (ND 152 Art 50)"),
    pytest.param("bang_khen_thu_tuong", IND, D(2026, 7, 1), 8_860_000, True, False,
                 id="BK TTg 3.5 × 2.53M = 8,855,000 → 8,860,000 (ND 152 Art 54)"),
    pytest.param("co_thi_dua_tinh", COL, D(2026, 7, 1), 20_240_000, True, False,
                 id="Cờ tỉnh 8.0 × 2.53M (ND 152 Art 50)"),
    pytest.param("co_thi_dua_chinh_phu", COL, D(2026, 7, 1), 30_360_000, True, False,
                 id="Cờ CP 12.0 × 2.53M (ND 152 Art 50)"),
]


@pytest.mark.parametrize(("honor", "subject", "day", "amount", "coefficient_confirmed",
                          "salary_confirmed"), CASES)
def test_compute_bonus_matches_the_law(honor, subject, day, amount, coefficient_confirmed,
                                       salary_confirmed):
    bonus = compute_bonus(honor, subject, day)

    assert (bonus.amount, bonus.paid) == (amount, True)
    assert (bonus.coefficient_confirmed, bonus.base_salary_confirmed) == (
        coefficient_confirmed, salary_confirmed)


def test_compute_bonus_explains_the_calculation_with_its_article():
    with translation.override("en"):
        bonus = compute_bonus("bang_khen_tinh", IND, D(2025, 7, 1))

    assert bonus.explanation == ("1,5 × 2.340.000 = 3.510.000 đ (Điều 54 Nghị định "
                                 "152/2025/NĐ-CP) → rounded up to 3.510.000 đ")
    assert (bonus.pack_code, bonus.base_salary) == (ND152, 2_340_000)


def test_compute_bonus_household_gets_one_and_a_half_times_the_individual():
    individual = compute_bonus("bang_khen_thu_tuong", IND, D(2025, 7, 1))
    household = compute_bonus("bang_khen_thu_tuong", HH, D(2025, 7, 1))

    assert household.coefficient == individual.coefficient * 3 / 2


def test_compute_bonus_under_the_probable_2026_pack_is_flagged():
    bonus = compute_bonus("chien_si_thi_dua_co_so", IND, D(2026, 10, 1))

    assert (bonus.pack_code, bonus.amount, bonus.pack_confirmed) == (
        "law2026-qh16", 2_530_000, False)


@pytest.mark.parametrize(("honor", "subject", "day"), [
    pytest.param("gia_dinh_van_hoa", HH, D(2025, 7, 1), id="Gia đình văn hóa: no source"),
    pytest.param("lao_dong_tien_tien", COL, D(2025, 7, 1), id="LĐTT is for individuals"),
    pytest.param("khong_co", IND, D(2025, 7, 1), id="unknown honour"),
    pytest.param("lao_dong_tien_tien", "robot", D(2025, 7, 1), id="unknown subject"),
    pytest.param("lao_dong_tien_tien", IND, D(2023, 12, 31), id="before the 2022 Law"),
])
def test_compute_bonus_refuses_what_it_cannot_compute(honor, subject, day):
    with pytest.raises(DomainError):
        compute_bonus(honor, subject, day)


@pytest.mark.parametrize(("day", "amount"), [
    (D(2023, 7, 1), 1_800_000), (D(2024, 6, 30), 1_800_000), (D(2024, 7, 1), 2_340_000),
    (D(2026, 6, 30), 2_340_000), (D(2026, 7, 1), 2_530_000),
])
def test_base_salary_on_takes_the_row_in_force(day, amount):
    assert base_salary_on(day).amount == amount


def test_base_salary_on_refuses_a_day_before_any_row():
    with pytest.raises(DomainError):
        base_salary_on(D(2000, 1, 1))


def _items(*rows):
    return [BonusItem(key, honor, IND, year) for key, honor, year in rows]


def _paid(sheet):
    return [(item.honor_code, bonus.paid, bonus.amount) for item, bonus in sheet.lines]


def test_same_period_titles_are_each_paid_under_nd98():
    # ND 98: the same-period rule did not exist; 710,000 + 2,340,000.
    sheet = compute_bonuses(_items(("p1", "lao_dong_tien_tien", 2024),
                                   ("p1", "chien_si_thi_dua_co_so", 2024)), D(2025, 6, 30))

    assert _paid(sheet) == [("lao_dong_tien_tien", True, 710_000),
                            ("chien_si_thi_dua_co_so", True, 2_340_000)]
    assert sheet.total == 3_050_000


def test_same_period_only_the_highest_title_is_paid_under_nd152():
    # ND 152 Art 49: for one period only the highest title.
    sheet = compute_bonuses(_items(("p1", "lao_dong_tien_tien", 2024),
                                   ("p1", "chien_si_thi_dua_co_so", 2024)), D(2025, 7, 1))

    assert _paid(sheet) == [("lao_dong_tien_tien", False, 0),
                            ("chien_si_thi_dua_co_so", True, 2_340_000)]
    assert sheet.total == 2_340_000


def test_same_period_rule_spares_other_years_other_candidates_and_forms():
    # ND 152 Art 49: different periods each paid; a title plus a form both paid.
    sheet = compute_bonuses(_items(
        ("p1", "chien_si_thi_dua_co_so", 2024), ("p1", "lao_dong_tien_tien", 2023),
        ("p2", "lao_dong_tien_tien", 2024), ("p1", "bang_khen_tinh", 2024),
    ), D(2025, 7, 1))

    assert all(bonus.paid for _item, bonus in sheet.lines)
    assert sheet.total == 2_340_000 + 710_000 + 710_000 + 3_510_000


def test_same_period_rule_compares_periods_of_several_years():
    items = [BonusItem("p1", "chien_si_thi_dua_tinh", IND, 2024, first_year=2022),
             BonusItem("p1", "chien_si_thi_dua_co_so", IND, 2024)]

    sheet = compute_bonuses(items, D(2025, 7, 1))

    assert sheet.total == 7_020_000 + 2_340_000


def test_province_coefficient_changes_the_amount_and_is_marked(personas):
    setting = set_rule_setting(ND152, "coefficient.bang_khen_tinh", actor=personas.admin,
                               value={IND: 2.0, COL: 4.0, HH: 3.0}, confirmed=True,
                               reason="Quyết định của UBND tỉnh")

    bonus = compute_bonus("bang_khen_tinh", IND, D(2025, 7, 1))

    assert (bonus.amount, bonus.province_setting) == (4_680_000, True)
    with translation.override("en"):
        assert "province setting" in compute_bonus("bang_khen_tinh", IND,
                                                   D(2025, 7, 1)).explanation

    reset_rule_setting(setting, actor=personas.admin, reason="Trở lại mức của Nghị định")
    bonus = compute_bonus("bang_khen_tinh", IND, D(2025, 7, 1))
    assert (bonus.amount, bonus.province_setting) == (3_510_000, False)


def test_province_rounding_and_same_period_settings_apply(personas):
    set_rule_setting(ND152, "same_period_highest_only", actor=personas.admin, value=False,
                     confirmed=True, reason="Thử nghiệm")
    set_rule_setting(ND152, "rounding", actor=personas.admin, value=1_000_000,
                     confirmed=True, reason="Thử nghiệm")

    sheet = compute_bonuses(_items(("p1", "lao_dong_tien_tien", 2024),
                                   ("p1", "chien_si_thi_dua_co_so", 2024)), D(2025, 7, 1))

    assert sheet.total == 1_000_000 + 3_000_000


def _record(honor_code, year, decision_date, **candidate):
    from vinhdanh.honors.models import Honor

    return HonorRecord.objects.create(honor=Honor.objects.get(code=honor_code), year=year,
                                      decision_date=decision_date, **candidate)


def test_fund_year_totals_sum_bonuses_by_the_decision_year(province):
    person, other = province.farmer_people
    _record("lao_dong_tien_tien", 2024, D(2024, 12, 20), person=person)  # 710,000
    _record("chien_si_thi_dua_co_so", 2024, D(2025, 3, 15), person=person)  # 2,340,000
    _record("bang_khen_tinh", 2025, D(2025, 12, 1), person=other)  # 3,510,000
    _record("tap_the_lao_dong_tien_tien", 2025, D(2026, 1, 10), unit=province.farmers)
    _record("lao_dong_tien_tien", 2025, None, person=other)  # no decision date: left out
    _record("gia_dinh_van_hoa", 2025, D(2025, 12, 1), unit=province.women)  # no bonus known

    totals = fund_year_totals(HonorRecord.objects.all())

    assert totals == {2024: 710_000, 2025: 5_850_000, 2026: 1_880_000}


def test_fund_year_totals_apply_the_same_period_rule(province):
    person = province.farmer_people[0]
    _record("lao_dong_tien_tien", 2025, D(2025, 12, 20), person=person)
    _record("chien_si_thi_dua_co_so", 2025, D(2025, 12, 20), person=person)

    assert fund_year_totals(HonorRecord.objects.all()) == {2025: 2_340_000}
