"""Procedure figures per rule pack: time limits (working days), council vote thresholds, and
the emulation figures (registration, a bloc's proposals).

Sources: ../shared/domain/law.md §5 and law-addendum.md §1 (the addendum wins). Most
time limits come from older administrative procedures or from central-level procedure
sheets, so they are marked unconfirmed: a province sets its own (RuleSetting).
"""

from vinhdanh.honors.law.model import Param

ND98, ND152, QH16 = "law2022-nd98", "law2022-nd152", "law2026-qh16"

OLD_PROCEDURES = "Thủ tục hành chính trước năm 2024 (chưa xác nhận)"
MCST_2024 = "Thủ tục của Bộ Văn hóa, Thể thao và Du lịch năm 2024 (chưa xác nhận)"
QD_311 = "Quyết định 311/QĐ-BNV năm 2025 (thủ tục cấp trung ương)"
QD_638 = "Quyết định 638/QĐ-BNV năm 2025 (thủ tục cấp xã)"
PROVINCIAL_PRACTICE = "Quy chế của tỉnh (chưa có quy định chung; chưa xác nhận)"
ND98_VOTES = "Điều 30.7 Nghị định 98/2023/NĐ-CP"


def _time_limits(*, after_2025: bool) -> dict[str, Param]:
    """Working days per step. ``after_2025``: the 2025 procedure sheets confirm some."""
    central = QD_311 if after_2025 else f"{QD_311} (chưa xác nhận cho giai đoạn này)"
    return {
        # LĐTT and other grassroots titles at commune level: an old value, none since.
        "commune_appraisal": Param(10, OLD_PROCEDURES, confirmed=False),
        # CSTĐ cơ sở: 20 days at district level before, at commune level since 1/7/2025.
        "cstdcs_appraisal": Param(20, QD_638 if after_2025 else OLD_PROCEDURES,
                                  confirmed=after_2025),
        # The board's appraisal of a bloc's or unit's dossier: a ministry's example only.
        "board_appraisal": Param(25, MCST_2024, confirmed=False),
        "return_ineligible": Param(5, central, confirmed=after_2025),
        "central_submission": Param(20, central, confirmed=after_2025),
        # After the last agency opinion (hiệp y) arrives.
        "central_after_consultation": Param(10, central, confirmed=after_2025),
        "forward_decision": Param(10, central, confirmed=after_2025),
        "issue_insignia": Param(10, central, confirmed=after_2025),
        # The steps of a dossier at the province that no source times: defaults a province
        # sets for itself (nominations/services/deadlines.py).
        "receipt": Param(3, PROVINCIAL_PRACTICE, confirmed=False),
        "group_review": Param(10, PROVINCIAL_PRACTICE, confirmed=False),
        "council": Param(20, PROVINCIAL_PRACTICE, confirmed=False),
        "resubmission": Param(10, PROVINCIAL_PRACTICE, confirmed=False),
    }


def _vote(share: float, article: str, confirmed: bool) -> Param:
    return Param({"share": share, "of": "all_members", "secret": True}, article, confirmed)


def _vote_thresholds(article: str, *, confirmed: bool) -> dict[str, Param]:
    """Secret ballot: 90% of all members for CSTĐTQ and CSTĐ tỉnh, 80% for the others."""
    return {
        "chien_si_thi_dua_toan_quoc": _vote(0.9, article, confirmed),
        "chien_si_thi_dua_tinh": _vote(0.9, article, confirmed),
        "chien_si_thi_dua_co_so": _vote(0.8, article, confirmed),
        "co_thi_dua_tinh": _vote(0.8, article, confirmed),
        "co_thi_dua_chinh_phu": _vote(0.8, article, confirmed),
        # 2/3 of the members: the Central Council's rule (ND 98 Art 47.4.b) and provincial
        # practice (Bắc Ninh 2025); no source gives it for provincial councils.
        "quorum": Param({"share": 2 / 3}, "Điều 47.4.b Nghị định 98/2023/NĐ-CP; "
                        "thực tiễn cấp tỉnh (chưa xác nhận)", confirmed=False),
    }


# ND 152's own article on votes was not found (Art 6.2.c may leave them to provinces):
# ND 98's 90%/80% stay as the default a province can change.
ND152_VOTES = f"{ND98_VOTES} (giữ làm mặc định; chưa thấy quy định trong Nghị định 152/2025)"

TIME_LIMITS: dict[str, dict[str, Param]] = {
    ND98: _time_limits(after_2025=False),
    ND152: _time_limits(after_2025=True),
    QH16: _time_limits(after_2025=True),
}

VOTE_THRESHOLDS: dict[str, dict[str, Param]] = {
    ND98: _vote_thresholds(ND98_VOTES, confirmed=True),
    ND152: _vote_thresholds(ND152_VOTES, confirmed=False),
    QH16: _vote_thresholds(ND152_VOTES, confirmed=False),
}


# "No registration, no title" (đăng ký thi đua): an older rule; law.md §1 marks its status
# for 2024+ UNCONFIRMED, so it is on (a warning, not a refusal) for the emulation titles and
# a province can switch it per title.
REGISTRATION_BASIS = "HD 1479/HD-BTĐKT năm 2016; quy định cũ, chưa xác nhận từ năm 2024"
REGISTERED_TITLES = ("lao_dong_tien_tien", "chien_si_thi_dua_co_so", "chien_si_thi_dua_tinh",
                     "tap_the_lao_dong_tien_tien", "tap_the_lao_dong_xuat_sac",
                     "co_thi_dua_tinh")
# Practice (law.md §4, addendum §6): one Cờ tỉnh to the bloc's leading unit, Bằng khen to
# other strong units; no national number is confirmed, so a group may set its own counts.
GROUP_PROPOSALS_BASIS = "Thực tiễn các khối, cụm thi đua cấp tỉnh (chưa xác nhận)"


def _emulation() -> dict[str, Param]:
    figures = {f"registration.{code}": Param(True, REGISTRATION_BASIS, confirmed=False)
               for code in REGISTERED_TITLES}
    figures["group_flags"] = Param(1, GROUP_PROPOSALS_BASIS, confirmed=False)
    figures["group_merit_certificates"] = Param(2, GROUP_PROPOSALS_BASIS, confirmed=False)
    return figures


EMULATION: dict[str, dict[str, Param]] = {code: _emulation() for code in (ND98, ND152, QH16)}
