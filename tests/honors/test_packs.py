"""The rule packs as data: which is in force when, that every honour of the catalogue has
criteria citing an article, and what is carried as unconfirmed (law.md, law-addendum.md)."""

import datetime as dt

import pytest

from vinhdanh.honors.enums import PackStatus
from vinhdanh.honors.law import coefficients, procedure
from vinhdanh.honors.law.catalogue import CATALOGUE
from vinhdanh.honors.law.model import AnyOf
from vinhdanh.honors.law.packs import (
    MANUAL_ONLY,
    PACKS,
    criteria_for,
    criteria_key,
    effective_pack_for,
    pack_by_code,
    pack_for,
)
from vinhdanh.honors.law.predicates import REGISTRY
from vinhdanh.honors.models import RuleSetting

CODES = ["law2022-nd98", "law2022-nd152", "law2026-qh16"]


def rules(entries):
    for entry in entries:
        yield from entry.rules if isinstance(entry, AnyOf) else (entry,)


def pack_rules(pack):
    for entries in pack.criteria.values():
        yield from rules(entries)


def rule_named(pack, honour, name):
    return next(r for r in rules(pack.criteria[honour]) if r.name == name)


# Law Art 94 and ND 98: 01/01/2024; ND 152 Art 59 and ND 129: 01/07/2025;
# Law 06/2026/QH16 (reported): 01/10/2026.
@pytest.mark.parametrize(("day", "code"), [
    (dt.date(2024, 1, 1), "law2022-nd98"),
    (dt.date(2025, 6, 30), "law2022-nd98"),
    (dt.date(2025, 7, 1), "law2022-nd152"),
    (dt.date(2026, 9, 30), "law2022-nd152"),
    (dt.date(2026, 10, 1), "law2026-qh16"),
    (dt.date(2040, 1, 1), "law2026-qh16"),
], ids=["law2022-first-day", "nd98-last-day", "nd152-first-day", "nd152-last-day",
        "qh16-first-day", "qh16-open-ended"])
def test_pack_for_follows_the_dates_in_force(day, code):
    assert pack_for(day).code == code


def test_no_pack_before_2024():
    # Law 15/2003 (in force until 31/12/2023) is not encoded.
    with pytest.raises(LookupError):
        pack_for(dt.date(2023, 12, 31))


def test_packs_follow_each_other_without_gap_or_overlap():
    for earlier, later in zip(PACKS, PACKS[1:], strict=False):
        assert earlier.valid_until + dt.timedelta(days=1) == later.valid_from


def test_pack_by_code():
    assert [pack_by_code(code).code for code in CODES] == CODES
    with pytest.raises(LookupError):
        pack_by_code("law2003")


def test_the_2026_law_is_probable_with_the_kinder_transition():
    # law-addendum §3: no official page confirms Law 06/2026/QH16.
    statuses = {p.code: (p.status, p.transition) for p in PACKS}
    assert statuses == {"law2022-nd98": (PackStatus.CONFIRMED, ""),
                        "law2022-nd152": (PackStatus.CONFIRMED, ""),
                        "law2026-qh16": (PackStatus.PROBABLE, "kinder")}


def test_the_probable_pack_is_unconfirmed_until_an_administrator_confirms_it(db):
    # law-addendum §3: "treat the pack as probable and let an administrator confirm it".
    day = dt.date(2026, 10, 1)
    assert effective_pack_for(day).confirmed is False
    RuleSetting.objects.create(pack_code="law2026-qh16", key="status", value="confirmed")
    assert effective_pack_for(day).confirmed is True


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.code)
def test_every_honour_has_criteria_for_every_subject_it_accepts(pack):
    for spec in CATALOGUE:
        for subject in spec.subjects:
            assert criteria_key(pack, spec.code, subject) in pack.criteria, (spec.code, subject)
            assert criteria_for(pack, spec.code, subject) is not MANUAL_ONLY


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.code)
def test_every_rule_names_a_predicate_and_cites_an_article(pack):
    for entries in pack.criteria.values():
        for entry in entries:
            assert entry.article.strip()
    for rule in pack_rules(pack):
        assert rule.name in REGISTRY and rule.article.strip(), rule
        REGISTRY[rule.name].label(rule.params, 2024)  # its parameters are complete


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.code)
def test_a_province_setting_names_exactly_one_rule(pack):
    # Settings are keyed criterion.<key>.<predicate>.<parameter> (effective.py).
    for key, entries in pack.criteria.items():
        names = [rule.name for rule in rules(entries)]
        assert len(names) == len(set(names)), key


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.code)
def test_figures_come_from_coefficients_and_procedure(pack):
    # Bonuses and procedure are another module's data; the pack only carries them.
    assert pack.coefficients is coefficients.COEFFICIENTS[pack.code]
    assert pack.rounding is coefficients.ROUNDING[pack.code]
    assert pack.same_period_highest_only is coefficients.SAME_PERIOD_HIGHEST_ONLY[pack.code]
    assert pack.time_limits is procedure.TIME_LIMITS[pack.code]
    assert pack.vote_thresholds is procedure.VOTE_THRESHOLDS[pack.code]


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.code)
def test_no_cap_on_cstd_co_so_and_no_other_quota(pack):
    # law-addendum §1: ND 91/2017's 15% was not carried into Law 2022, ND 98 or ND 152;
    # sector caps (TT 02/2024/TT-VKSTC) are examples, not encoded.
    assert {code: q.value for code, q in pack.quotas.items()} == {
        "chien_si_thi_dua_co_so": None}


@pytest.mark.parametrize(("code", "confirmed"), [("law2022-nd98", True),
                                                 ("law2022-nd152", False),
                                                 ("law2026-qh16", False)],
                         ids=["tt01-2024-confirmed", "tt15-2025-unconfirmed",
                              "tt15-2025-unconfirmed-in-2026"])
def test_the_six_month_rule_is_unconfirmed_after_tt_01_2024(code, confirmed):
    # TT 01/2024: not for staff recruited < 6 months; TT 15/2025 keeps it? (addendum §3)
    rule = rule_named(pack_by_code(code), "lao_dong_tien_tien", "employed_months")
    assert (rule.params, rule.confirmed) == ({"months": 6}, confirmed)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.code)
def test_ttldtt_share_is_70_percent_and_unconfirmed(pack):
    # Law Art 28 as worded by TT 01/2024/TT-VPCP: ≥70%; the 2003 Law said >50%.
    rule = rule_named(pack, "tap_the_lao_dong_tien_tien", "members_share")
    assert (rule.params["at_least"], rule.confirmed) == (70, False)


@pytest.mark.parametrize(("code", "names"), [
    ("law2022-nd98", ["title_standard", "task_rating", "initiative", "no_restriction",
                      "not_already_awarded"]),
    ("law2022-nd152", ["title_standard", "task_rating", "initiative", "no_restriction",
                       "not_already_awarded"]),
    ("law2026-qh16", ["task_rating", "initiative", "no_restriction", "not_already_awarded"]),
], ids=["art23-ldtt-and-one-of", "art23-unchanged-in-2025", "qh16-htxs-and-initiative"])
def test_cstd_co_so_needs_an_initiative_only_under_the_2026_law(code, names):
    entries = pack_by_code(code).criteria["chien_si_thi_dua_co_so"]
    assert [r.name for r in rules(entries)] == names
    assert any(isinstance(e, AnyOf) for e in entries) is (code != "law2026-qh16")


def test_only_the_cstd_co_so_criteria_change_in_2026():
    # A new pack is data: the 2026 law changes Art 23, the rest is the 2025 pack.
    before, after = pack_by_code("law2022-nd152"), pack_by_code("law2026-qh16")
    changed = {code for code in before.criteria if before.criteria[code] != after.criteria[code]}
    assert changed == {"chien_si_thi_dua_co_so"}


def test_decree_principles_follow_the_decree_in_force():
    # ND 98 Art 4 until 30/06/2025, then ND 152 Art 4.
    articles = [rule_named(p, "lao_dong_tien_tien", "no_restriction").article for p in PACKS]
    assert articles == ["Điều 4 Nghị định 98/2023/NĐ-CP", "Điều 4 Nghị định 152/2025/NĐ-CP",
                        "Điều 4 Nghị định 152/2025/NĐ-CP"]


@pytest.mark.parametrize("key", ["bang_khen_tinh", "bang_khen_tinh:collective",
                                 "bang_khen_tinh:household"])
def test_bang_khen_tinh_has_criteria_per_subject(key):
    # Law Art 74.1 (individuals), 74.2 (collectives), 74.4 (households).
    entries = pack_by_code("law2022-nd98").criteria[key]
    assert entries[0].article.startswith("Điều 74 khoản")
