from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.movements.queries import PledgeQuerySet


class Pledge(models.Model):
    """The pledge (giao ước thi đua) a group's units sign at the start of its year."""

    group = models.OneToOneField("organisations.EmulationGroup", verbose_name=_("group"),
                                 on_delete=models.CASCADE, related_name="pledge")
    text = NFCTextField(_("pledge text"))
    signed_on = models.DateField(_("date signed"), null=True, blank=True)
    file = models.FileField(_("signed document"), upload_to="pledges/%Y/", blank=True)

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")

    def __str__(self):
        return str(self.group)


class PledgeSignatory(models.Model):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="signatories")
    unit = models.ForeignKey("organisations.Unit", verbose_name=_("unit"),
                             on_delete=models.PROTECT, related_name="+")
    representative = NFCCharField(_("representative"), max_length=255)
    position = NFCCharField(_("position"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "unit"], name="pledge_unit_signs_once"),
        ]
