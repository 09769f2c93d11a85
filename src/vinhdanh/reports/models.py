from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField


class SummaryReport(models.Model):
    """The editable text of a group's year-end summary report (báo cáo tổng kết).

    Only what people write is stored: the heading, title, signature and the narrative
    sections. The figures (movements, ranking, honours, handover) are read from the domains
    each time the page or the document is made, so they are never stale.
    """

    group = models.OneToOneField("organisations.EmulationGroup", verbose_name=_("group"),
                                 on_delete=models.CASCADE, related_name="summary_report")
    issuer_upper = NFCCharField(_("superior body"), max_length=255, blank=True)
    issuer = NFCCharField(_("issuing body"), max_length=255)
    number = NFCCharField(_("number"), max_length=16, blank=True,
                          help_text=_("Empty until the report is numbered."))
    symbol = NFCCharField(_("symbol"), max_length=32)
    place = NFCCharField(_("place"), max_length=100)
    dated = models.DateField(_("date of the report"), null=True, blank=True)
    title = NFCCharField(_("title of the report"), max_length=400)
    situation = NFCTextField(_("general situation"), blank=True)
    results = NFCTextField(_("overview of the results"), blank=True)
    pledge = NFCTextField(_("pledge"), blank=True)
    limitations = NFCTextField(_("limitations"), blank=True)
    directions = NFCTextField(_("direction and tasks for next year"), blank=True)
    proposals = NFCTextField(_("proposals and recommendations"), blank=True)
    signer_title = NFCTextField(_("signer's title"))
    signer_name = NFCCharField(_("signer's name"), max_length=200, blank=True)
    recipients = NFCTextField(_("recipients"), blank=True, help_text=_("One per line."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("summary report")
        verbose_name_plural = _("summary reports")

    def __str__(self):
        return str(self.group)

    def get_absolute_url(self):
        return reverse("workspace:summary-report", args=[self.group_id])
