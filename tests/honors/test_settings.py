"""The province's settings on top of the rule packs, with their history, and base salaries."""

import datetime as dt

import pytest

from vinhdanh.core.audit import history_of
from vinhdanh.core.errors import DomainError
from vinhdanh.honors.effective import EffectivePack
from vinhdanh.honors.enums import TaskRating
from vinhdanh.honors.law.packs import pack_by_code
from vinhdanh.honors.models import BaseSalary, RuleSetting, RuleSettingChange
from vinhdanh.honors.services.settings import (
    confirm_pack,
    criterion_rules,
    reset_rule_setting,
    set_base_salary,
    set_rule_setting,
)

pytestmark = pytest.mark.django_db

ND98, ND152, QH16 = "law2022-nd98", "law2022-nd152", "law2026-qh16"
KEY = "coefficient.bang_khen_tinh"
NEW = {"individual": 2.0, "collective": 4.0, "household": 3.0}


def _set(actor, key=KEY, value=None, *, pack=ND152, confirmed=True, reason="QĐ 12/QĐ-UBND"):
    return set_rule_setting(pack, key, actor=actor, value=NEW if value is None else value,
                            confirmed=confirmed, reason=reason)


def test_set_rule_setting_creates_the_row_and_its_history(personas):
    setting = _set(personas.admin, confirmed=False)

    change = setting.changes.get()
    assert (setting.value, setting.confirmed) == (NEW, False)
    assert (change.old_value, change.old_confirmed) == (
        {"individual": 1.5, "collective": 3.0, "household": 2.25}, True)
    assert (change.new_value, change.new_confirmed) == (NEW, False)
    assert (change.changed_by, change.reason) == (personas.admin, "QĐ 12/QĐ-UBND")
    assert history_of(setting).get().action == "rule_setting.changed"
    assert EffectivePack(pack_by_code(ND152)).coefficient("bang_khen_tinh").value == NEW


def test_set_rule_setting_updates_the_row_and_keeps_each_change(personas):
    _set(personas.admin)
    second = {"individual": 1.6, "collective": 3.2, "household": 2.4}
    setting = _set(personas.admin, value=second, reason="Sửa lần hai")

    assert RuleSetting.objects.count() == 1
    assert [(c.old_value, c.new_value) for c in setting.changes.order_by("id")] == [
        ({"individual": 1.5, "collective": 3.0, "household": 2.25}, NEW),
        (NEW, second),
    ]


def test_set_rule_setting_accepts_each_kind_of_figure(personas):
    _set(personas.admin, "time_limit.board_appraisal", 15)
    _set(personas.admin, "vote.co_thi_dua_tinh", {"share": 0.75, "of": "present",
                                                  "secret": True})
    _set(personas.admin, "vote.quorum", {"share": 0.5})
    _set(personas.admin, "rounding", 1_000)
    _set(personas.admin, "same_period_highest_only", False)
    _set(personas.admin, "status", "probable")

    effective = EffectivePack(pack_by_code(ND152))
    assert effective.settings["time_limit.board_appraisal"].value == 15
    assert effective.status == "probable"


def _a_criterion(pack_code):
    """Some parameter of some criterion of the pack, whatever the criteria are."""
    pack = pack_by_code(pack_code)
    for code in pack.criteria:
        for rule in criterion_rules(pack, code):
            for name, value in rule.params.items():
                if isinstance(value, int | float) and not isinstance(value, bool):
                    return f"criterion.{code}.{rule.name}.{name}", value
    pytest.skip("the pack has no numeric criterion parameter")


def test_set_rule_setting_changes_a_criterion_parameter(personas):
    key, value = _a_criterion(ND152)

    setting = _set(personas.admin, key, value + 1)

    assert setting.value == value + 1


def test_a_quota_the_pack_leaves_empty_takes_any_json_value(personas):
    # ND 152 sets no cap on CSTĐ cơ sở (addendum §1); a province may set one.
    assert _set(personas.admin, "quota.chien_si_thi_dua_co_so", {"share": 0.15}).value == {
        "share": 0.15}
    with pytest.raises(DomainError):
        _set(personas.admin, "quota.chien_si_thi_dua_co_so", {1, 2})


def _a_rating_criterion(pack_code):
    pack = pack_by_code(pack_code)
    for code in pack.criteria:
        for rule in criterion_rules(pack, code):
            for name, value in rule.params.items():
                if value in TaskRating.values:
                    return f"criterion.{code}.{rule.name}.{name}"
    pytest.skip("the pack has no criterion reading a task rating")


def test_a_text_criterion_parameter_keeps_to_its_vocabulary(personas):
    key = _a_rating_criterion(ND152)

    assert _set(personas.admin, key, TaskRating.COMPLETED.value).value == "completed"
    with pytest.raises(DomainError):
        _set(personas.admin, key, "rất tốt")


@pytest.mark.parametrize("key", [
    "coefficient.gia_dinh_van_hoa",  # no coefficient in the pack
    "coefficient.khong_co", "time_limit.khong_co", "vote.lao_dong_tien_tien", "quota",
    "bogus", "criterion.lao_dong_tien_tien", "criterion.khong_co.quy_tac.tham_so",
])
def test_set_rule_setting_refuses_unknown_keys(personas, key):
    with pytest.raises(DomainError):
        _set(personas.admin, key, 1)
    assert not RuleSetting.objects.exists()


def test_set_rule_setting_refuses_an_unknown_criterion_parameter(personas):
    key, _value = _a_criterion(ND152)

    with pytest.raises(DomainError):
        _set(personas.admin, key.rsplit(".", 1)[0] + ".khong_co", 1)


def test_set_rule_setting_refuses_an_unknown_pack(personas):
    with pytest.raises(DomainError):
        _set(personas.admin, pack="law1990")


@pytest.mark.parametrize(("key", "value"), [
    (KEY, {"individual": 0}), (KEY, {"individual": -1}), (KEY, {"individual": "1,5"}),
    (KEY, {"individual": True}), (KEY, {}), (KEY, 1.5), (KEY, {"robot": 1.0}),
    (KEY, {"individual": 2.0}),  # leaving subjects out would stop their bonus
    ("coefficient.lao_dong_tien_tien", {"collective": 0.3}),  # LĐTT is for individuals
    ("status", "maybe"), ("time_limit.board_appraisal", 0),
    ("time_limit.board_appraisal", "10"), ("time_limit.board_appraisal", True),
    ("vote.co_thi_dua_tinh", {"share": 1.5, "of": "all_members", "secret": True}),
    ("vote.co_thi_dua_tinh", {"share": 0.8, "of": "someone", "secret": True}),
    ("vote.co_thi_dua_tinh", {"share": 0.8}), ("same_period_highest_only", "yes"),
    ("rounding", 0),
])
def test_set_rule_setting_refuses_values_of_the_wrong_shape(personas, key, value):
    with pytest.raises(DomainError):
        _set(personas.admin, key, value)
    assert not RuleSetting.objects.exists()


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_set_rule_setting_requires_a_reason(personas, reason):
    with pytest.raises(DomainError) as error:
        _set(personas.admin, reason=reason)

    assert "reason" in error.value.error_dict
    assert not RuleSettingChange.objects.exists()


def test_set_rule_setting_refuses_a_change_that_changes_nothing(personas):
    _set(personas.admin)

    with pytest.raises(DomainError):
        _set(personas.admin)
    assert RuleSettingChange.objects.count() == 1


def test_confirm_pack_confirms_the_probable_pack_with_history(personas):
    setting = confirm_pack(QH16, actor=personas.admin, reason="Công báo số 123")

    assert EffectivePack(pack_by_code(QH16)).confirmed
    assert setting.changes.get().old_value == "probable"
    with pytest.raises(DomainError):
        confirm_pack(QH16, actor=personas.admin, reason="Lần hai")


def test_confirm_pack_refuses_a_pack_already_confirmed(personas):
    with pytest.raises(DomainError):
        confirm_pack(ND152, actor=personas.admin, reason="Thừa")
    assert not RuleSetting.objects.exists()


def test_reset_rule_setting_restores_the_pack_value_and_keeps_history(personas):
    setting = _set(personas.admin)

    reset_rule_setting(setting, actor=personas.admin, reason="Theo Nghị định")

    setting.refresh_from_db()
    assert (setting.value, setting.confirmed) == (
        {"individual": 1.5, "collective": 3.0, "household": 2.25}, True)
    last = setting.changes.first()
    assert (last.old_value, last.new_value["individual"]) == (NEW, 1.5)
    assert "Theo Nghị định" in last.reason
    assert setting.changes.count() == 2
    with pytest.raises(DomainError):  # already the pack's value
        reset_rule_setting(setting, actor=personas.admin, reason="Lần hai")


def test_reset_rule_setting_requires_a_reason(personas):
    setting = _set(personas.admin)

    with pytest.raises(DomainError):
        reset_rule_setting(setting, actor=personas.admin, reason=" ")


@pytest.mark.parametrize("perm", ["honors.change_rulesetting", "honors.change_basesalary"])
def test_only_administrators_change_figures(personas, perm):
    allowed = {name for name, user in vars(personas).items() if user.has_perm(perm)}

    assert allowed == {"admin"}


def test_every_officer_reads_figures_but_not_a_user_without_role(personas, django_user_model):
    nobody = django_user_model.objects.create_user("nobody", password="x")

    assert all(user.has_perm("honors.view_rulesetting") for user in vars(personas).values())
    assert not nobody.has_perm("honors.view_rulesetting")


def test_a_superuser_changes_figures(django_user_model):
    root = django_user_model.objects.create_superuser("root", password="x")

    assert root.has_perm("honors.change_rulesetting")


def test_set_base_salary_adds_a_row_and_logs_it(personas):
    row = set_base_salary(dt.date(2027, 1, 1), actor=personas.admin, amount=2_700_000,
                          legal_basis="Nghị định 1/2027/NĐ-CP", confirmed=False, note="Dự kiến")

    assert (row.amount, row.confirmed) == (2_700_000, False)
    assert history_of(row).get().action == "base_salary.added"


def test_set_base_salary_changes_a_row_and_logs_old_and_new(personas):
    row = BaseSalary.objects.get(valid_from=dt.date(2026, 7, 1))

    set_base_salary(row.valid_from, actor=personas.admin, amount=2_530_000,
                    legal_basis="Nghị định 161/2026/NĐ-CP", confirmed=True, note="Công báo")

    row.refresh_from_db()
    entry = history_of(row).get()
    assert (row.confirmed, entry.action, entry.data["fields"]) == (
        True, "base_salary.changed", ["confirmed", "note"])
    assert entry.data["before"]["confirmed"] is False


@pytest.mark.parametrize("amount", [0, -1, "2000000", True])
def test_set_base_salary_refuses_a_non_positive_amount(personas, amount):
    with pytest.raises(DomainError):
        set_base_salary(dt.date(2027, 1, 1), actor=personas.admin, amount=amount,
                        legal_basis="Nghị định", confirmed=True)
    assert not BaseSalary.objects.filter(valid_from=dt.date(2027, 1, 1)).exists()


def test_set_base_salary_requires_a_legal_basis(personas):
    with pytest.raises(DomainError):
        set_base_salary(dt.date(2027, 1, 1), actor=personas.admin, amount=1,
                        legal_basis="  ", confirmed=True)
