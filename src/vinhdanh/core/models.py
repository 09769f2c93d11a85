from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.enums import HolidayKind
from vinhdanh.core.fields import NFCCharField, NFCTextField


class ActivityLog(models.Model):
    """A sentence a person can read ("Ban TĐKT trả lại hồ sơ: thiếu biên bản"), per action."""

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("actor"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    action = models.CharField(_("action"), max_length=64)
    message = NFCTextField(_("message"))
    content_type = models.ForeignKey(ContentType, null=True, on_delete=models.SET_NULL)
    object_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("activity log entry")
        verbose_name_plural = _("activity log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.message


class Holiday(models.Model):
    """A day that breaks the Monday–Friday rule: a holiday, a day off, or a worked weekend day.

    Working days (time limits in ``workdays``) are Monday to Friday, minus ``holiday`` and
    ``day_off`` rows, plus ``working_day`` rows. Statutory rows come from the Labour Code;
    swaps come from the yearly announcement and are confirmed by the province.
    """

    day = models.DateField(_("day"), unique=True)
    name = NFCCharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=HolidayKind.choices,
                            default=HolidayKind.HOLIDAY)
    source = NFCCharField(_("source"), max_length=200, blank=True)
    confirmed = models.BooleanField(_("confirmed"), default=False)

    class Meta:
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")
        ordering = ["day"]

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.name}"
