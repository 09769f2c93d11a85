"""The rule packs: the law in force between two dates, as data (see model.py for the shape).

- ``law2022-nd98``: Law 06/2022 with Decree 98/2023 and TT 01/2024, 01/01/2024–30/06/2025;
- ``law2022-nd152``: Law 06/2022 with Decrees 152/2025 and 129/2025 (and TT 15/2025),
  01/07/2025–30/09/2026;
- ``law2026-qh16``: the amending Law 06/2026/QH16, from 01/10/2026, PROBABLE until an
  administrator confirms it (RuleSetting "status" = "confirmed", see effective.py); dossiers
  received before it follow the old pack unless it is kinder (services/eligibility.py).

Criteria come from ../shared/domain/law.md and law-addendum.md (the addendum wins). A rule
whose figure or reading no source confirms has ``confirmed=False`` and is shown so.
Coefficients, rounding, time limits and vote thresholds live in coefficients.py and
procedure.py. Who awards (the commune chairman from 01/07/2025) is catalogue text, not a
criterion. Quotas: none is set; CSTĐ cơ sở has none since 2024 (ND 91/2017's 15% was not
carried over); sector caps found as examples (e.g. TT 02/2024/TT-VKSTC) are not encoded.

``criteria`` is keyed by honour code; where an honour's criteria differ by subject, the
collective's and household's are under "<code>:collective" and "<code>:household" (the
plain code holds the individual's); ``criteria_for`` picks them. A new pack is new data
(plus at most a new named predicate in predicates/): old packs and results stay as they are.
"""

import datetime as dt

from django.utils.translation import gettext as _

from vinhdanh.honors.effective import EffectivePack
from vinhdanh.honors.enums import (
    DisciplineLevel,
    InitiativeLevel,
    PackStatus,
    SubjectKind,
    TaskRating,
)
from vinhdanh.honors.law.coefficients import COEFFICIENTS, ROUNDING, SAME_PERIOD_HIGHEST_ONLY
from vinhdanh.honors.law.dossiers import DOSSIER
from vinhdanh.honors.law.model import AnyOf, Pack, Param, Rule
from vinhdanh.honors.law.procedure import EMULATION, TIME_LIMITS, VOTE_THRESHOLDS

ND98, ND152, QH16 = "law2022-nd98", "law2022-nd152", "law2026-qh16"

LDTT, CSTDCS = "lao_dong_tien_tien", "chien_si_thi_dua_co_so"
CSTD_TINH, CSTD_TQ = "chien_si_thi_dua_tinh", "chien_si_thi_dua_toan_quoc"
TTLDTT, TTLDXS = "tap_the_lao_dong_tien_tien", "tap_the_lao_dong_xuat_sac"
CO_TINH, CO_CP = "co_thi_dua_tinh", "co_thi_dua_chinh_phu"
GDVH, THON_VH, XA_TB = "gia_dinh_van_hoa", "thon_to_dan_pho_van_hoa", "xa_phuong_tieu_bieu"
GIAY_KHEN, BK_TINH, BK_TTG = "giay_khen", "bang_khen_tinh", "bang_khen_thu_tuong"
ORDERS = ("huan_chuong_lao_dong_hang_ba", "huan_chuong_lao_dong_hang_nhi",
          "huan_chuong_lao_dong_hang_nhat", "huan_chuong_dai_doan_ket")

GOOD, EXCELLENT = TaskRating.GOOD.value, TaskRating.EXCELLENT.value
GRASSROOTS = InitiativeLevel.GRASSROOTS.value
PROVINCE, NATIONAL = InitiativeLevel.PROVINCE.value, InitiativeLevel.NATIONAL.value
INITIATIVE_OR_SCIENCE = ("initiative", "science")

LAW = "Luật TĐKT 2022"
LAW_2026 = "Luật 06/2026/QH16"
PRINCIPLES = f"Điều 5 {LAW}"  # "one achievement is never rewarded twice"
ND86 = "Nghị định 86/2023/NĐ-CP"
ORDERS_BASIS = f"Điều 9 {LAW}; Điều 51 Nghị định 152/2025/NĐ-CP"


def art(number: int | str, law: str = LAW) -> str:
    return f"Điều {number} {law}"


class Sources:
    """The texts a pack's criteria cite besides the Law: its decree and circular."""

    def __init__(self, decree: str, circular: str, *, circular_confirmed: bool):
        self.principles = f"Điều 4 {decree}"  # no award while disciplined or under a case
        self.circular, self.circular_confirmed = circular, circular_confirmed


ND98_SOURCES = Sources("Nghị định 98/2023/NĐ-CP", "Thông tư 01/2024/TT-BNV",
                       circular_confirmed=True)
# TT 15/2025/TT-BNV exists (addendum §3); that it keeps the 6-month rule is unconfirmed.
ND152_SOURCES = Sources("Nghị định 152/2025/NĐ-CP", "Thông tư 15/2025/TT-BNV",
                        circular_confirmed=False)


def clean(src: Sources, within: int = 1) -> Rule:
    return Rule("no_restriction", src.principles, {"within": within})


def once(code: str) -> Rule:
    return Rule("not_already_awarded", PRINCIPLES, {"title": code})


def manual(criterion: str, article: str, *, confirmed: bool = True) -> Rule:
    return Rule("manual", article, {"criterion": criterion}, confirmed=confirmed)


# -- individual titles (Law Art 21–24) ---------------------------------------------------

def ldtt(src: Sources) -> tuple:
    """Art 24: task rated "good" or better; TT 01/2024: not for staff recruited less than
    6 months before the year ends."""
    return (Rule("task_rating", art(24), {"at_least": GOOD}),
            Rule("employed_months", src.circular, {"months": 6},
                 confirmed=src.circular_confirmed),
            clean(src), once(LDTT))


def cstd_co_so(src: Sources) -> tuple:
    """Art 23: the LĐTT standard and one of: HTXS, or an initiative, science work or combat
    ingenuity recognised at grassroots level (no initiative needed since 2024)."""
    return (Rule("title_standard", f"{art(23)}; {art(24)}; {src.circular}",
                 {"title": LDTT, "at_least": GOOD, "months": 6},
                 confirmed=src.circular_confirmed),
            AnyOf((Rule("task_rating", art(23), {"at_least": EXCELLENT}),
                   Rule("initiative", art(23), {"level": GRASSROOTS, "count": 1, "within": 1})),
                  art(23)),
            clean(src), once(CSTDCS))


def cstd_co_so_2026(src: Sources) -> tuple:
    """Law 06/2026/QH16 (probable): HTXS and an initiative or science work, replacing the
    LĐTT standard (so no 6-month rule)."""
    article = f"{art(23)}, sửa đổi bởi {LAW_2026}"
    return (Rule("task_rating", article, {"at_least": EXCELLENT}),
            Rule("initiative", article, {"level": GRASSROOTS, "count": 1, "within": 1,
                                         "kinds": INITIATIVE_OR_SCIENCE}),
            clean(src), once(CSTDCS))


def cstd_higher(src: Sources) -> dict:
    """Art 22 (3 consecutive CSTĐ cơ sở) and Art 21 (2 consecutive CSTĐ tỉnh), each with
    an initiative or science work of province-wide / nationwide effect. The period the
    initiative must fall in is not in our sources: the run of titles is used (unconfirmed).
    """
    return {
        CSTD_TINH: (Rule("consecutive_titles", art(22), {"title": CSTDCS, "years": 3}),
                    Rule("initiative", art(22), {"level": PROVINCE, "count": 1, "within": 3,
                                                 "kinds": INITIATIVE_OR_SCIENCE},
                         confirmed=False),
                    clean(src, 3), once(CSTD_TINH)),
        CSTD_TQ: (Rule("consecutive_titles", art(21), {"title": CSTD_TINH, "years": 2}),
                  Rule("initiative", art(21), {"level": NATIONAL, "count": 1, "within": 2,
                                               "kinds": INITIATIVE_OR_SCIENCE},
                       confirmed=False),
                  clean(src, 2), once(CSTD_TQ)),
    }


# -- collective, household and local titles (Law Art 25–28; Decree 86/2023) -----------------

def collective_titles(src: Sources) -> dict:
    """Art 27 (confirmed by Bắc Ninh 2025) and Art 28 (TT 01/2024/TT-VPCP wording: ≥70%;
    the Law's own percentage was not seen and the 2003 Law said >50%, so unconfirmed)."""
    lead = (LDTT, CSTDCS)  # a CSTĐ cơ sở holder meets the LĐTT standard (Art 23)
    return {
        TTLDTT: (Rule("task_rating", art(28), {"at_least": GOOD}),
                 Rule("members_share", art(28), {"titles": lead, "at_least": 70},
                      confirmed=False),
                 Rule("members_no_discipline", art(28),
                      {"at_least_level": DisciplineLevel.WARNING.value}),
                 clean(src), once(TTLDTT)),
        TTLDXS: (Rule("task_rating", art(27), {"at_least": EXCELLENT}),
                 Rule("members_all_completed", art(27)),
                 Rule("members_share", art(27), {"titles": lead, "at_least": 70}),
                 Rule("members_count", art(27), {"title": CSTDCS, "at_least": 1}),
                 clean(src), once(TTLDXS)),
        # Art 26 is known only through implementing texts (addendum §2).
        CO_TINH: (manual("bloc_leader", art(26), confirmed=False), clean(src), once(CO_TINH)),
        CO_CP: (manual("government_flag", art(25)), clean(src), once(CO_CP)),
        GDVH: (manual("cultural_family", ND86), once(GDVH)),
        THON_VH: (manual("cultural_village", ND86), once(THON_VH)),
        XA_TB: (manual("model_commune", ND86), once(XA_TB)),
    }


# -- award forms (Law Art 73–75) -------------------------------------------------------------

def bang_khen_tinh(src: Sources) -> dict:
    """Art 74.1: one of (a)–(c) (evidence only) or (d) 2 consecutive CSTĐ cơ sở, or 2
    consecutive years HTXS with 2 grassroots initiatives. Art 74.2 (collectives) and 74.4
    (households) as mirrored by Bắc Ninh 2025 (verbatim text unconfirmed). The discipline
    window is the 2 years of (d)."""
    d_ind, d_col = f"Điều 74 khoản 1 điểm d {LAW}", f"Điều 74 khoản 2 điểm d {LAW}"
    individual = AnyOf((
        manual("achievements", f"Điều 74 khoản 1 điểm a–c {LAW}"),
        Rule("consecutive_titles", d_ind, {"title": CSTDCS, "years": 2}),
        Rule("rating_with_initiatives", d_ind,
             {"at_least": EXCELLENT, "years": 2, "count": 2, "level": GRASSROOTS}),
    ), f"Điều 74 khoản 1 {LAW}")
    collective = AnyOf((
        manual("achievements", f"Điều 74 khoản 2 điểm a–c {LAW}", confirmed=False),
        Rule("task_rating", d_col, {"at_least": EXCELLENT, "years": 2}, confirmed=False),
        Rule("consecutive_titles", d_col, {"title": TTLDXS, "years": 2}, confirmed=False),
    ), f"Điều 74 khoản 2 {LAW}")
    return {
        BK_TINH: (individual, clean(src, 2), once(BK_TINH)),
        f"{BK_TINH}:{SubjectKind.COLLECTIVE}": (collective, clean(src, 2), once(BK_TINH)),
        f"{BK_TINH}:{SubjectKind.HOUSEHOLD}": (
            manual("household_contribution", f"Điều 74 khoản 4 {LAW}", confirmed=False),
            once(BK_TINH)),
    }


def bang_khen_thu_tuong(src: Sources) -> dict:
    """Art 73: holds a BK bộ/tỉnh and, in the 5 or more years that follow ("05 năm tiếp
    theo"; the fact sheet does not say "following", so that rule is unconfirmed), rated
    "good" or better every year with 3 CSTĐ cơ sở. Collectives and households: criteria
    not in our sources."""
    return {
        BK_TTG: (Rule("held_before", art(73), {"title": BK_TINH, "years_before": 5},
                      confirmed=False),
                 Rule("task_rating", art(73), {"at_least": GOOD, "years": 5}),
                 Rule("holds_title", art(73), {"title": CSTDCS, "count": 3, "within": 5}),
                 clean(src, 5), once(BK_TTG)),
        f"{BK_TTG}:{SubjectKind.COLLECTIVE}": (manual("unknown", art(73)),),
        f"{BK_TTG}:{SubjectKind.HOUSEHOLD}": (manual("unknown", art(73)),),
    }


def other_forms() -> dict:
    """Giấy khen: criteria set by each ministry, sector or province (Art 75.2); orders:
    criteria not in our sources."""
    forms = {GIAY_KHEN: (manual("local_criteria", f"Điều 75 khoản 2 {LAW}"),)}
    return forms | {code: (manual("unknown", ORDERS_BASIS),) for code in ORDERS}


def criteria_2022(src: Sources) -> dict:
    return {LDTT: ldtt(src), CSTDCS: cstd_co_so(src), **cstd_higher(src),
            **collective_titles(src), **bang_khen_tinh(src), **bang_khen_thu_tuong(src),
            **other_forms()}


NO_CSTDCS_CAP = {CSTDCS: Param(
    None, "Không giới hạn tỷ lệ: tỷ lệ 15% của Nghị định 91/2017/NĐ-CP không được giữ lại "
          "trong Luật TĐKT 2022, Nghị định 98/2023/NĐ-CP và Nghị định 152/2025/NĐ-CP")}


def _pack(code: str, **fields) -> Pack:
    return Pack(code=code, coefficients=COEFFICIENTS[code], rounding=ROUNDING[code],
                same_period_highest_only=SAME_PERIOD_HIGHEST_ONLY[code],
                time_limits=TIME_LIMITS[code], vote_thresholds=VOTE_THRESHOLDS[code],
                emulation=EMULATION[code], dossier=DOSSIER,
                quotas=NO_CSTDCS_CAP, **fields)


PACKS: tuple[Pack, ...] = (
    _pack(ND98, title="Luật TĐKT 2022 và Nghị định 98/2023/NĐ-CP",
          valid_from=dt.date(2024, 1, 1), valid_until=dt.date(2025, 6, 30),
          status=PackStatus.CONFIRMED.value,
          legal_texts=("Luật Thi đua, khen thưởng 06/2022/QH15", "Nghị định 98/2023/NĐ-CP",
                       "Thông tư 01/2024/TT-BNV", "Nghị định 86/2023/NĐ-CP"),
          criteria=criteria_2022(ND98_SOURCES)),
    _pack(ND152, title="Luật TĐKT 2022, Nghị định 152/2025/NĐ-CP và 129/2025/NĐ-CP",
          valid_from=dt.date(2025, 7, 1), valid_until=dt.date(2026, 9, 30),
          status=PackStatus.CONFIRMED.value,
          legal_texts=("Luật Thi đua, khen thưởng 06/2022/QH15", "Nghị định 152/2025/NĐ-CP",
                       "Nghị định 129/2025/NĐ-CP", "Thông tư 15/2025/TT-BNV",
                       "Nghị định 86/2023/NĐ-CP"),
          criteria=criteria_2022(ND152_SOURCES)),
    _pack(QH16, title="Luật 06/2026/QH16 sửa đổi Luật TĐKT (dự kiến)",
          valid_from=dt.date(2026, 10, 1), valid_until=None,
          status=PackStatus.PROBABLE.value,
          legal_texts=("Luật 06/2026/QH16", "Luật Thi đua, khen thưởng 06/2022/QH15",
                       "Nghị định 152/2025/NĐ-CP", "Thông tư 15/2025/TT-BNV"),
          criteria=criteria_2022(ND152_SOURCES) | {CSTDCS: cstd_co_so_2026(ND152_SOURCES)},
          transition="kinder",
          notes="Chưa có nguồn chính thức xác nhận; quản trị viên xác nhận khi có Công báo. "
                "Hồ sơ nhận trước 01/10/2026 theo luật cũ, trừ khi luật mới có lợi hơn."),
)

_BY_CODE = {pack.code: pack for pack in PACKS}
MANUAL_ONLY = (Rule("manual", "", {"criterion": "unknown"}),)


def pack_for(day: dt.date) -> Pack:
    """The pack in force on ``day``; LookupError before 01/01/2024 (Law 15/2003 is not
    encoded)."""
    for pack in PACKS:
        if pack.in_force_on(day):
            return pack
    raise LookupError(_("No rule pack is in force on %(date)s.")
                      % {"date": day.strftime("%d/%m/%Y")})


def pack_by_code(code: str) -> Pack:
    """The pack named ``code``; KeyError (a LookupError) when there is none."""
    return _BY_CODE[code]


def effective_pack_for(day: dt.date) -> EffectivePack:
    """The pack in force on ``day`` with the province's settings on top."""
    return EffectivePack(pack_for(day))


def criteria_key(pack: Pack, honor_code: str, subject: str) -> str:
    """The key of ``pack.criteria`` (and of the province's criterion settings) that holds
    the criteria of ``honor_code`` for ``subject``."""
    specific = f"{honor_code}:{subject}"
    return specific if specific in pack.criteria else honor_code


def criteria_for(pack: Pack, honor_code: str, subject: str) -> tuple:
    """The criteria of ``honor_code`` for ``subject``; a single "manual" rule when the
    pack knows none (an honour added after the pack was written)."""
    return pack.criteria.get(criteria_key(pack, honor_code, subject), MANUAL_ONLY)
