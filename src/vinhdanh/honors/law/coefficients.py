"""Bonus figures per rule pack: coefficients of the base salary, rounding, same-period rule.

Sources: ../shared/domain/law.md §2 and §6, law-addendum.md §1 (the addendum wins).
A bonus is coefficient × the base salary in force on the decision date, rounded up
(services/bonuses.py). Values are {subject: coefficient} for the subjects the honour
accepts (law/catalogue.py); numbers are plain floats so that a province setting (JSON)
and the pack's value have the same shape.

Gia đình văn hóa has no coefficient in any pack: no source we found gives its bonus
(law.md §2 and §9), so the calculator refuses it rather than guess.
"""

from vinhdanh.honors.law.model import Param

ND98, ND152, QH16 = "law2022-nd98", "law2022-nd152", "law2026-qh16"

IND, COL, HH = "individual", "collective", "household"

ND98_TITLES = "Điều 54 Nghị định 98/2023/NĐ-CP"
ND152_PRINCIPLES = "Điều 49 Nghị định 152/2025/NĐ-CP"
ND152_TITLES = "Điều 50 Nghị định 152/2025/NĐ-CP"
ND152_ORDERS = "Điều 51 Nghị định 152/2025/NĐ-CP"
ND152_FORMS = "Điều 54 Nghị định 152/2025/NĐ-CP"
ND98_GIAY_KHEN = "Điều 58.2.c Nghị định 98/2023/NĐ-CP"


def _individual(value: float) -> dict:
    return {IND: value}


def _collective(value: float) -> dict:
    return {COL: value}


def _form(individual: float, *, collective: float) -> dict:
    """A commendation form: households get 1.5× the individual amount (ND 152 Art 54)."""
    return {IND: individual, COL: collective, HH: round(individual * 1.5, 4)}


def _order(individual: float) -> dict:
    """Orders: a collective gets twice the individual amount (ND 152 Art 51.2)."""
    return {IND: individual, COL: individual * 2}


def _titles(article: str) -> dict[str, Param]:
    """Title coefficients (law.md §2); ND 152 Art 50 confirms the same figures as ND 98."""
    figures = {
        "chien_si_thi_dua_toan_quoc": _individual(4.5),
        "chien_si_thi_dua_tinh": _individual(3.0),
        "chien_si_thi_dua_co_so": _individual(1.0),
        "lao_dong_tien_tien": _individual(0.3),
        "co_thi_dua_chinh_phu": _collective(12.0),
        "co_thi_dua_tinh": _collective(8.0),
        "tap_the_lao_dong_xuat_sac": _collective(1.5),
        "tap_the_lao_dong_tien_tien": _collective(0.8),
        "xa_phuong_tieu_bieu": _collective(2.0),
        "thon_to_dan_pho_van_hoa": _collective(1.5),
    }
    return {code: Param(value, article) for code, value in figures.items()}


def _orders(article: str, *, confirmed: bool) -> dict[str, Param]:
    """Orders (Art 51 ND 152): Lao động 1st 9.0, 2nd 7.5, 3rd 4.5; Đại đoàn kết 7.5."""
    figures = {
        "huan_chuong_lao_dong_hang_nhat": _order(9.0),
        "huan_chuong_lao_dong_hang_nhi": _order(7.5),
        "huan_chuong_lao_dong_hang_ba": _order(4.5),
        # The catalogue gives Đại đoàn kết to individuals only.
        "huan_chuong_dai_doan_ket": _individual(7.5),
    }
    return {code: Param(value, article, confirmed) for code, value in figures.items()}


def _nd152_forms() -> dict[str, Param]:
    """Art 54 gives collective amounts; individuals get half (addendum §1)."""
    return {
        "bang_khen_thu_tuong": Param(_form(3.5, collective=7.0), ND152_FORMS),
        "bang_khen_tinh": Param(_form(1.5, collective=3.0), ND152_FORMS),
        # Art 54.1.e: the same 0.3 for all four issuers of Law Art 75.1 (a–d).
        "giay_khen": Param(_form(0.3, collective=0.6), ND152_FORMS),
    }


def _nd98_forms() -> dict[str, Param]:
    """ND 98's figures for Bằng khen and non-commune Giấy khen were not found (law.md §9).

    The probable values are ND 91/2017's (BK TTg 3.5, BK tỉnh 1.0, Giấy khen 0.3), which
    ND 152 kept for BK TTg. Households only became award subjects in 2024 and their
    1.5× is ND 152's rule, so it is probable here too. The commune chairman's Giấy khen
    was 0.15 under ND 98 (confirmed); the catalogue has one Giấy khen for every issuer,
    so a province whose Giấy khen come from commune chairmen sets 0.15 here.
    """
    probable = "Nghị định 98/2023/NĐ-CP (chưa xác nhận; theo Nghị định 91/2017/NĐ-CP)"
    return {
        "bang_khen_thu_tuong": Param(_form(3.5, collective=7.0), probable, confirmed=False),
        "bang_khen_tinh": Param(_form(1.0, collective=2.0), probable, confirmed=False),
        # Collectives get twice the individual amount for Giấy khen (Art 58.2.c, confirmed).
        "giay_khen": Param(_form(0.3, collective=0.6), ND98_GIAY_KHEN, confirmed=False),
    }


# ND 98 gives no order figures that we found; ND 152 Art 51's are the probable values
# (a province pays the President's orders it proposed, so the calculator needs them).
ND98_ORDERS = "Nghị định 98/2023/NĐ-CP (chưa xác nhận; theo Điều 51 Nghị định 152/2025/NĐ-CP)"

_ND152 = {**_titles(ND152_TITLES), **_nd152_forms(),
          **_orders(ND152_ORDERS, confirmed=True)}

COEFFICIENTS: dict[str, dict[str, Param]] = {
    ND98: {**_titles(ND98_TITLES), **_nd98_forms(),
           **_orders(ND98_ORDERS, confirmed=False)},
    ND152: _ND152,
    # The 2026 amendment law changes no bonus figure that we know of; ND 152 still details
    # the Law, so its figures carry over.
    QH16: dict(_ND152),
}

# Round up to the next 10,000 VND (law.md §6 for ND 98, whose article number we do not
# have; ND 152 Art 49 confirms it).
ROUNDING: dict[str, Param] = {
    ND98: Param(10_000, "Nghị định 98/2023/NĐ-CP (nguyên tắc tiền thưởng)"),
    ND152: Param(10_000, ND152_PRINCIPLES),
    QH16: Param(10_000, ND152_PRINCIPLES),
}

# ND 98 paid every title; ND 152 Art 49 is new: for one period only the highest title is
# paid (a title plus a form are both paid). Titles for different periods are always paid.
SAME_PERIOD_HIGHEST_ONLY: dict[str, Param] = {
    ND98: Param(False, "Nghị định 98/2023/NĐ-CP (nguyên tắc tiền thưởng)"),
    ND152: Param(True, ND152_PRINCIPLES),
    QH16: Param(True, ND152_PRINCIPLES),
}
