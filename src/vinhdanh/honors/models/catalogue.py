from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.honors.enums import HonorKind, HonorLevel, SubjectKind


class Honor(models.Model):
    """An emulation title or award form of the catalogue (law/catalogue.py fills it).

    Criteria, coefficients and time limits are not here: they depend on the date, so they
    live in the rule packs (law/packs.py) and the province's settings on top of them.
    """

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = NFCCharField(_("name"), max_length=255)
    short_name = NFCCharField(_("short name"), max_length=64, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=HonorKind.choices)
    level = models.CharField(_("level"), max_length=12, choices=HonorLevel.choices)
    for_individual = models.BooleanField(_("for individuals"), default=False)
    for_collective = models.BooleanField(_("for collectives"), default=False)
    for_household = models.BooleanField(_("for households"), default=False)
    awarded_by = NFCCharField(_("awarded by"), max_length=255)
    legal_basis = NFCTextField(_("legal basis"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("honour")
        verbose_name_plural = _("honours")
        ordering = ["position", "code"]

    def __str__(self):
        return self.name

    def accepts(self, subject: str) -> bool:
        return {
            SubjectKind.INDIVIDUAL: self.for_individual,
            SubjectKind.COLLECTIVE: self.for_collective,
            SubjectKind.HOUSEHOLD: self.for_household,
        }[subject]


class BaseSalary(models.Model):
    """The base salary (mức lương cơ sở) from a date on; bonuses multiply it."""

    valid_from = models.DateField(_("valid from"), unique=True)
    amount = models.PositiveIntegerField(_("amount (VND per month)"))
    legal_basis = NFCCharField(_("legal basis"), max_length=255)
    confirmed = models.BooleanField(_("confirmed"), default=True)
    note = NFCTextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")
        ordering = ["valid_from"]

    def __str__(self):
        return f"{self.amount:,} ({self.valid_from:%d/%m/%Y})".replace(",", ".")
