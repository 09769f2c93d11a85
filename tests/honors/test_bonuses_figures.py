"""The figure tables per rule pack (law/coefficients.py, law/procedure.py), read directly."""

import pytest

from vinhdanh.honors.law.catalogue import BY_CODE, CATALOGUE
from vinhdanh.honors.law.coefficients import COEFFICIENTS, ROUNDING, SAME_PERIOD_HIGHEST_ONLY
from vinhdanh.honors.law.procedure import TIME_LIMITS, VOTE_THRESHOLDS

PACKS = ["law2022-nd98", "law2022-nd152", "law2026-qh16"]
FORMS = ["giay_khen", "bang_khen_tinh", "bang_khen_thu_tuong"]


@pytest.mark.parametrize("pack", PACKS)
def test_every_catalogue_honour_but_the_family_title_has_a_coefficient(pack):
    # Gia đình văn hóa: no source gives its bonus (law.md §9).
    expected = {spec.code for spec in CATALOGUE} - {"gia_dinh_van_hoa"}

    assert set(COEFFICIENTS[pack]) == expected


@pytest.mark.parametrize("pack", PACKS)
def test_coefficients_cover_only_subjects_the_honour_accepts(pack):
    for code, param in COEFFICIENTS[pack].items():
        assert set(param.value) <= set(BY_CODE[code].subjects), code
        assert all(value > 0 for value in param.value.values()), code
        assert param.article, code


@pytest.mark.parametrize("pack", PACKS)
def test_forms_pay_households_one_and_a_half_times_the_individual(pack):
    for code in FORMS:
        value = COEFFICIENTS[pack][code].value
        assert value["household"] == pytest.approx(value["individual"] * 1.5), code


@pytest.mark.parametrize("pack", PACKS)
def test_collectives_get_twice_the_individual_for_giay_khen_and_orders(pack):
    # ND 98 Art 58.2.c (Giấy khen); ND 152 Art 51.2 (orders); Art 54 (collective amounts).
    for code in ["giay_khen", "huan_chuong_lao_dong_hang_nhat",
                 "huan_chuong_lao_dong_hang_nhi", "huan_chuong_lao_dong_hang_ba"]:
        value = COEFFICIENTS[pack][code].value
        assert value["collective"] == value["individual"] * 2, code


@pytest.mark.parametrize(("code", "individual", "collective"), [
    ("bang_khen_thu_tuong", 3.5, 7.0), ("bang_khen_tinh", 1.5, 3.0), ("giay_khen", 0.3, 0.6),
    ("huan_chuong_lao_dong_hang_nhat", 9.0, 18.0), ("huan_chuong_lao_dong_hang_nhi", 7.5, 15.0),
    ("huan_chuong_lao_dong_hang_ba", 4.5, 9.0),
])
def test_nd152_forms_and_orders_are_confirmed(code, individual, collective):
    param = COEFFICIENTS["law2022-nd152"][code]

    assert (param.value["individual"], param.value["collective"], param.confirmed) == (
        individual, collective, True)


def test_nd98_bang_khen_and_giay_khen_are_probable():
    nd98 = COEFFICIENTS["law2022-nd98"]

    assert [(nd98[code].value["individual"], nd98[code].confirmed) for code in FORMS] == [
        (0.3, False), (1.0, False), (3.5, False)]


@pytest.mark.parametrize(("code", "value"), [
    ("chien_si_thi_dua_toan_quoc", 4.5), ("chien_si_thi_dua_tinh", 3.0),
    ("chien_si_thi_dua_co_so", 1.0), ("lao_dong_tien_tien", 0.3),
    ("co_thi_dua_chinh_phu", 12.0), ("co_thi_dua_tinh", 8.0),
    ("tap_the_lao_dong_xuat_sac", 1.5), ("tap_the_lao_dong_tien_tien", 0.8),
    ("xa_phuong_tieu_bieu", 2.0), ("thon_to_dan_pho_van_hoa", 1.5),
])
@pytest.mark.parametrize("pack", PACKS)
def test_title_coefficients_are_the_same_and_confirmed_in_every_pack(pack, code, value):
    param = COEFFICIENTS[pack][code]

    assert (list(param.value.values()), param.confirmed) == ([value], True)


def test_the_2026_pack_keeps_nd152s_figures():
    assert COEFFICIENTS["law2026-qh16"] == COEFFICIENTS["law2022-nd152"]


def test_rounding_and_same_period_rule_per_pack():
    assert {pack: ROUNDING[pack].value for pack in PACKS} == dict.fromkeys(PACKS, 10_000)
    assert [SAME_PERIOD_HIGHEST_ONLY[pack].value for pack in PACKS] == [False, True, True]
    assert "Điều 49" in SAME_PERIOD_HIGHEST_ONLY["law2022-nd152"].article


def test_vote_thresholds_follow_nd98_art_30_7():
    nd98 = VOTE_THRESHOLDS["law2022-nd98"]

    assert {code: param.value["share"] for code, param in nd98.items() if code != "quorum"} == {
        "chien_si_thi_dua_toan_quoc": 0.9, "chien_si_thi_dua_tinh": 0.9,
        "chien_si_thi_dua_co_so": 0.8, "co_thi_dua_tinh": 0.8, "co_thi_dua_chinh_phu": 0.8}
    assert nd98["chien_si_thi_dua_tinh"].value == {"share": 0.9, "of": "all_members",
                                                  "secret": True}
    assert nd98["quorum"].value == {"share": 2 / 3}


def test_nd152_vote_thresholds_are_a_configurable_unconfirmed_default():
    nd152 = VOTE_THRESHOLDS["law2022-nd152"]

    assert not any(param.confirmed for param in nd152.values())
    assert nd152["co_thi_dua_tinh"].value["share"] == 0.8


def test_time_limits_take_the_addendum_corrections():
    nd152 = TIME_LIMITS["law2022-nd152"]

    # Addendum §1: commune appraisal of CSTĐ cơ sở 20 WD; central level 20 WD + 10 after
    # the agencies' opinions; ineligible dossiers returned within 5 WD.
    assert {step: (p.value, p.confirmed) for step, p in nd152.items() if step in {
        "cstdcs_appraisal", "central_submission", "central_after_consultation",
        "return_ineligible"}} == {"cstdcs_appraisal": (20, True),
                                  "central_submission": (20, True),
                                  "central_after_consultation": (10, True),
                                  "return_ineligible": (5, True)}
    assert not TIME_LIMITS["law2022-nd98"]["board_appraisal"].confirmed
