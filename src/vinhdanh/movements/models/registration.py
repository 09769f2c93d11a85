from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.honors.models.candidate import (
    CandidateFields,
    once_per_candidate,
    one_candidate,
)
from vinhdanh.movements.queries import RegistrationPeriodQuerySet, RegistrationQuerySet


class RegistrationPeriod(models.Model):
    """The board's deadline for a year's registrations (đăng ký thi đua)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    opens_on = models.DateField(_("opens on"))
    deadline = models.DateField(_("deadline"))
    notes = NFCTextField(_("notes"), blank=True)

    objects = RegistrationPeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration period")
        verbose_name_plural = _("registration periods")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(condition=models.Q(deadline__gte=models.F("opens_on")),
                                   name="registration_deadline_after_opening"),
        ]

    def __str__(self):
        return str(self.year)


class Registration(CandidateFields):
    """A unit, person or household registers a title or award it aims for in a year."""

    year = models.PositiveSmallIntegerField(_("year"))
    honor = models.ForeignKey("honors.Honor", verbose_name=_("honour"),
                              on_delete=models.PROTECT, related_name="registrations")
    # The unit that registered (for a person: their unit), for lists and visibility.
    registering_unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("registering unit"), on_delete=models.PROTECT,
        related_name="registrations",
    )
    registered_at = models.DateTimeField(_("registered at"))
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    late_reason = NFCCharField(_("reason for late registration"), max_length=500, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-year", "honor__position", "id"]
        constraints = [
            one_candidate("registration_one_candidate"),
            *once_per_candidate(["year", "honor"], "registration_{}_once"),
        ]

    def __str__(self):
        return f"{self.candidate} – {self.honor} ({self.year})"
