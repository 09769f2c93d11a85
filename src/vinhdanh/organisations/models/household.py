from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField
from vinhdanh.core.text import fold, person_sort_key
from vinhdanh.organisations.queries import HouseholdQuerySet


class Household(models.Model):
    """A family that campaigns and the law commend (e.g. "Gia đình văn hóa")."""

    head_name = NFCCharField(_("head of household"), max_length=200)
    address = NFCCharField(_("address"), max_length=255, blank=True)
    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("commune or village"), on_delete=models.PROTECT,
        related_name="households",
    )
    search_text = models.CharField(max_length=250, editable=False, default="", db_index=True)
    sort_key = models.CharField(max_length=600, editable=False, default="", db_index=True)

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["sort_key", "id"]

    def __str__(self):
        return _("Household of %(name)s") % {"name": self.head_name}

    def get_absolute_url(self):
        return reverse("workspace:household-detail", args=[self.pk])

    def refresh_derived(self):
        self.search_text = fold(f"{self.head_name} {self.address}")
        self.sort_key = person_sort_key(self.head_name)[:600]

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)
