"""The province's figures on top of the rule packs, and the base-salary table.

Every change keeps its history: a RuleSettingChange row (old and new value, who, why)
and a readable ActivityLog entry. A setting is never deleted (its changes hang on it);
a reset writes the pack's own value back.
"""

import json
import math
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.changes import apply_changes
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.honors.effective import EffectivePack
from vinhdanh.honors.enums import (
    DisciplineLevel,
    InitiativeKind,
    InitiativeLevel,
    PackStatus,
    TaskRating,
)
from vinhdanh.honors.law.catalogue import BY_CODE
from vinhdanh.honors.law.dossiers import DOCUMENT_KINDS
from vinhdanh.honors.law.model import AnyOf, Pack, Param
from vinhdanh.honors.law.packs import pack_by_code
from vinhdanh.honors.models import BaseSalary, RuleSetting, RuleSettingChange

VOTE_BASES = ("all_members", "present")
# Key prefix -> the Pack attribute holding that kind of figure.
TABLES = {"coefficient": "coefficients", "quota": "quotas", "time_limit": "time_limits",
          "vote": "vote_thresholds", "emulation": "emulation", "dossier": "dossier"}


def get_pack(pack_code: str) -> Pack:
    try:
        pack = pack_by_code(pack_code)
    except LookupError:
        pack = None
    if pack is None:
        raise DomainError(_("Unknown rule pack: %(code)s.") % {"code": pack_code})
    return pack


def _unknown(key: str) -> DomainError:
    return DomainError(_("%(key)s is not a parameter of this rule pack.") % {"key": key})


def criterion_rules(pack: Pack, honor_code: str):
    """The rules of an honour's criteria, those inside "one of" groups included."""
    for entry in pack.criteria.get(honor_code, ()):
        yield from entry.rules if isinstance(entry, AnyOf) else (entry,)


def _criterion_param(pack: Pack, key: str) -> Param:
    parts = key.split(".")
    if len(parts) != 4:
        raise _unknown(key)
    _prefix, honor_code, name, param = parts
    for rule in criterion_rules(pack, honor_code):
        if rule.name == name and param in rule.params:
            return Param(rule.params[param], rule.article, rule.confirmed)
    raise _unknown(key)


def default_param(pack: Pack, key: str) -> Param:
    """The pack's own figure named by ``key`` (see effective.py for the keys)."""
    if key == "status":
        return Param(pack.status, "; ".join(pack.legal_texts))
    if key in ("rounding", "same_period_highest_only"):
        return getattr(pack, key)
    prefix, _dot, name = key.partition(".")
    if prefix == "criterion":
        return _criterion_param(pack, key)
    table = getattr(pack, TABLES[prefix]) if prefix in TABLES else {}
    if name not in table:
        raise _unknown(key)
    return table[name]


def as_json(value):
    """``value`` as it reads back from a JSON column (tuples become lists)."""
    return json.loads(json.dumps(value))


def is_override(setting: RuleSetting | None, default: Param) -> bool:
    """Whether the province's row differs from the pack (a reset row does not)."""
    return setting is not None and (setting.value, setting.confirmed) != (
        as_json(default.value), default.confirmed)


# Validation of a new value: its shape must be the pack value's shape.

# A criterion's text parameter names one of these (a rating, a level, an honour): the new
# value must name one of the same kind, or the eligibility predicates could not read it.
VOCABULARIES = (TaskRating.values, InitiativeLevel.values, InitiativeKind.values,
                DisciplineLevel.values, tuple(BY_CODE), DOCUMENT_KINDS)


def vocabulary_of(default) -> tuple | list | None:
    """The values a text parameter may take, when its pack value belongs to a vocabulary."""
    return next((words for words in VOCABULARIES if default in words), None)


def _invalid(key: str) -> DomainError:
    return DomainError({"value": [_("This value does not fit %(key)s.") % {"key": key}]})


def _number(value, key: str, *, positive: bool) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise _invalid(key)
    number = float(value)
    if not math.isfinite(number) or number < 0 or positive and number == 0:
        raise _invalid(key)
    return number


def _scalar_fits(default, value) -> bool:
    """bool, int and str values of the same type (a bool is no number here)."""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and value >= 0
    return isinstance(default, str) and isinstance(value, str)


def _like(default, value, key: str):
    """``value`` normalised to the shape of ``default``, or a DomainError."""
    if default is None:  # nothing to compare with (no quota): any JSON value
        try:
            return as_json(value)
        except (TypeError, ValueError):
            raise _invalid(key) from None
    if isinstance(default, dict):
        if not isinstance(value, dict) or value.keys() != default.keys():
            raise _invalid(key)
        return {name: _like(default[name], value[name], key) for name in default}
    if isinstance(default, list | tuple):
        if not isinstance(value, list | tuple):
            raise _invalid(key)
        return [_like(default[0], item, key) if default else item for item in value]
    if isinstance(default, float):
        return _number(value, key, positive=False)
    words = vocabulary_of(default) if isinstance(default, str) else None
    if not _scalar_fits(default, value) or words is not None and value not in words:
        raise _invalid(key)
    return nfc(value) if isinstance(value, str) else value


def _coefficients(default: dict, value, key: str) -> dict:
    """{subject: positive number} for each subject the pack pays for this honour: leaving
    one out would silently stop its bonus."""
    if not isinstance(value, dict) or value.keys() != default.keys():
        raise _invalid(key)
    return {subject: _number(number, key, positive=True) for subject, number in value.items()}


def _vote(default: dict, value, key: str) -> dict:
    vote = _like(default, value, key)
    if not 0 < vote["share"] <= 1 or vote.get("of", VOTE_BASES[0]) not in VOTE_BASES:
        raise _invalid(key)
    return vote


def validated_value(key: str, default: Param, value):
    """The value to store for ``key``; a DomainError when it does not fit."""
    prefix = key.partition(".")[0]
    if key == "status":
        if value not in PackStatus.values:
            raise _invalid(key)
        return str(value)
    if prefix == "coefficient":
        return _coefficients(default.value, value, key)
    if prefix == "vote":
        return _vote(default.value, value, key)
    value = _like(default.value, value, key)
    if prefix in ("time_limit", "rounding") and value <= 0:
        raise _invalid(key)
    return value


def _reason(reason: str) -> str:
    reason = nfc(reason or "").strip()
    if not reason:
        raise DomainError({"reason": [_("Give the reason for the change.")]})
    return reason


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _shown(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _record(setting, *, actor, old: tuple, reason: str) -> None:
    RuleSettingChange.objects.create(
        setting=setting, changed_by=_user(actor), old_value=old[0], new_value=setting.value,
        old_confirmed=old[1], new_confirmed=setting.confirmed, reason=reason)
    message = _("Changed %(key)s of rule pack %(pack)s: %(old)s → %(new)s (%(reason)s)") % {
        "key": setting.key, "pack": setting.pack_code, "old": _shown(old[0]),
        "new": _shown(setting.value), "reason": reason}
    log_action(setting, actor=actor, action="rule_setting.changed", message=message,
               pack=setting.pack_code, key=setting.key, old=old[0], new=setting.value)


@transaction.atomic
def _write(pack_code, key, default: Param, *, actor, value, confirmed, reason) -> RuleSetting:
    setting = (RuleSetting.objects.select_for_update()
               .filter(pack_code=pack_code, key=key).first())
    old = (setting.value, setting.confirmed) if setting else (as_json(default.value),
                                                              default.confirmed)
    if old == (as_json(value), confirmed):
        raise DomainError(_("Nothing changed: the value and its confirmation are the same."))
    setting = setting or RuleSetting(pack_code=pack_code, key=key)
    setting.value, setting.confirmed = value, confirmed
    setting.save()
    _record(setting, actor=actor, old=old, reason=reason)
    return setting


def set_rule_setting(pack_code: str, key: str, *, actor, value, confirmed: bool,
                     reason: str) -> RuleSetting:
    """Sets the province's value of ``key`` in a pack: creates or updates the RuleSetting,
    adds a RuleSettingChange (old → new, who, why) and an ActivityLog entry."""
    reason = _reason(reason)
    default = default_param(get_pack(pack_code), key)
    value = validated_value(key, default, value)
    return _write(pack_code, key, default, actor=actor, value=value,
                  confirmed=bool(confirmed), reason=reason)


def confirm_pack(pack_code: str, *, actor, reason: str) -> RuleSetting:
    """Marks a probable pack confirmed (its "status" setting), with history."""
    if EffectivePack(get_pack(pack_code)).confirmed:
        raise DomainError(_("This rule pack is already confirmed."))
    return set_rule_setting(pack_code, "status", actor=actor, value=PackStatus.CONFIRMED.value,
                            confirmed=True, reason=reason)


def reset_rule_setting(setting: RuleSetting, *, actor, reason: str) -> RuleSetting:
    """Writes the pack's own value back into ``setting``; the row and its history stay."""
    reason = _("Reset to the rule pack's value: %(reason)s") % {"reason": _reason(reason)}
    default = default_param(get_pack(setting.pack_code), setting.key)
    return _write(setting.pack_code, setting.key, default, actor=actor,
                  value=as_json(default.value), confirmed=default.confirmed, reason=reason)


SALARY_FIELDS = {"amount", "legal_basis", "confirmed", "note"}


def _salary_state(row: BaseSalary) -> dict:
    return {name: getattr(row, name) for name in sorted(SALARY_FIELDS)}


@transaction.atomic
def set_base_salary(valid_from, *, actor, amount: int, legal_basis: str, confirmed: bool,
                    note: str = "") -> BaseSalary:
    """Adds the base salary from ``valid_from`` or changes that row; logs old → new."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise DomainError({"amount": [_("The base salary must be a positive amount.")]})
    legal_basis = nfc(legal_basis or "").strip()
    if not legal_basis:
        raise DomainError({"legal_basis": [_("Give the legal basis of the base salary.")]})
    row = BaseSalary.objects.select_for_update().filter(valid_from=valid_from).first()
    before = _salary_state(row) if row else None
    row = row or BaseSalary(valid_from=valid_from)
    changed = apply_changes(row, {"amount": amount, "legal_basis": legal_basis,
                                  "confirmed": bool(confirmed), "note": nfc(note or "")},
                            allowed=SALARY_FIELDS)
    _log_salary(row, actor=actor, before=before, changed=changed)
    return row


def _log_salary(row: BaseSalary, *, actor, before, changed) -> None:
    names = {"date": f"{row.valid_from:%d/%m/%Y}", "salary": row}
    message = (_("Changed the base salary from %(date)s: %(salary)s") if before
               else _("Added the base salary from %(date)s: %(salary)s")) % names
    log_action(row, actor=actor, action="base_salary.changed" if before else "base_salary.added",
               message=message, fields=changed, before=before, after=_salary_state(row))
