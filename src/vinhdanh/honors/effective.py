"""A rule pack as it applies in this province: the pack's figures with the province's
settings (RuleSetting rows) on top. One query per pack reads the settings.

Keys of the settings:
- ``status`` — "confirmed" once an administrator confirms a probable pack;
- ``coefficient.<honour>`` — {subject: coefficient};
- ``rounding``, ``same_period_highest_only``;
- ``quota.<honour>``, ``time_limit.<step>``, ``vote.<honour>``;
- ``emulation.registration.<honour>``, ``emulation.group_flags``,
  ``emulation.group_merit_certificates`` — registration expected, a group's proposals;
- ``dossier.documents.<procedure>``, ``dossier.documents.initiative.<honour>``,
  ``dossier.simplified.<honour>``, ``dossier.public_comment.<honour>`` — documents,
  simplified procedure, days of public comment (law/dossiers.py);
- ``criterion.<honour>.<predicate>.<parameter>`` — a parameter of one criterion.
"""

from dataclasses import dataclass, replace
from functools import cached_property

from django.utils.translation import gettext as _

from vinhdanh.honors.enums import PackStatus
from vinhdanh.honors.law.model import Pack, Param, Rule


@dataclass
class EffectivePack:
    pack: Pack

    @cached_property
    def settings(self) -> dict:
        from vinhdanh.honors.models import RuleSetting

        return {s.key: s for s in RuleSetting.objects.filter(pack_code=self.pack.code)}

    @property
    def code(self) -> str:
        return self.pack.code

    @property
    def status(self) -> str:
        setting = self.settings.get("status")
        return setting.value if setting else self.pack.status

    @property
    def confirmed(self) -> bool:
        return self.status == PackStatus.CONFIRMED

    def param(self, key: str, default: Param) -> Param:
        """The pack's figure under ``key``, or the province's value when it set one."""
        setting = self.settings.get(key)
        # A reset writes the pack's own value back: that is no province setting any more.
        if setting is None or (setting.value, setting.confirmed) == (default.value,
                                                                     default.confirmed):
            return default
        article = _("%(article)s; province setting") % {"article": default.article}
        return Param(setting.value, article, confirmed=setting.confirmed)

    def coefficient(self, honor_code: str) -> Param | None:
        default = self.pack.coefficients.get(honor_code)
        return self.param(f"coefficient.{honor_code}", default) if default else None

    def emulation(self, name: str) -> Param | None:
        default = self.pack.emulation.get(name)
        return self.param(f"emulation.{name}", default) if default else None

    def dossier(self, name: str) -> Param | None:
        default = self.pack.dossier.get(name)
        return self.param(f"dossier.{name}", default) if default else None

    def time_limit(self, step: str) -> Param | None:
        default = self.pack.time_limits.get(step)
        return self.param(f"time_limit.{step}", default) if default else None

    def registration_required(self, honor_code: str) -> Param:
        """Whether a candidate for ``honor_code`` should have registered for the year."""
        return self.emulation(f"registration.{honor_code}") or Param(False, "")

    def rule(self, honor_code: str, rule: Rule) -> Rule:
        """``rule`` with the parameters the province changed."""
        prefix = f"criterion.{honor_code}.{rule.name}."
        changed = {key[len(prefix):]: s for key, s in self.settings.items()
                   if key.startswith(prefix)}
        if not changed:
            return rule
        params = {**rule.params, **{name: s.value for name, s in changed.items()}}
        confirmed = rule.confirmed and all(s.confirmed for s in changed.values())
        return replace(rule, params=params, confirmed=confirmed)
