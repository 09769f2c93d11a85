from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCTextField


class RuleSetting(models.Model):
    """A province's value for something the law leaves to it, on top of a rule pack.

    ``key`` names a pack parameter (e.g. ``coefficient.bang_khen_tinh``,
    ``time_limit.board_appraisal``, ``status``); the pack's own value applies when there is
    no row. Every change is kept in RuleSettingChange.
    """

    pack_code = models.CharField(_("rule pack"), max_length=64)
    key = models.CharField(_("parameter"), max_length=128)
    value = models.JSONField(_("value"))
    confirmed = models.BooleanField(_("confirmed"), default=True)
    note = NFCTextField(_("note"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("province rule setting")
        verbose_name_plural = _("province rule settings")
        constraints = [
            models.UniqueConstraint(fields=["pack_code", "key"], name="one_setting_per_key")
        ]

    def __str__(self):
        return f"{self.pack_code} · {self.key}"


class RuleSettingChange(models.Model):
    """One change of a RuleSetting: who, when, why, and the values before and after."""

    setting = models.ForeignKey(RuleSetting, on_delete=models.CASCADE, related_name="changes")
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    old_value = models.JSONField(null=True)
    new_value = models.JSONField()
    old_confirmed = models.BooleanField(null=True)
    new_confirmed = models.BooleanField()
    reason = NFCTextField(_("reason"))

    class Meta:
        verbose_name = _("rule setting change")
        verbose_name_plural = _("rule setting changes")
        ordering = ["-changed_at", "-id"]
