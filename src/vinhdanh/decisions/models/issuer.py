"""Who issues decisions, and the counters that number them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField
from vinhdanh.decisions.enums import CounterKind


class Issuer(models.Model):
    """An authority that signs commendation decisions, e.g. the provincial People's
    Committee: its heading on documents, its document symbol and its place name."""

    name = NFCCharField(_("name"), max_length=255, unique=True)
    parent_heading = NFCCharField(
        _("governing body"), max_length=255, blank=True,
        help_text=_("First heading line when the issuer has a governing body; often empty."))
    heading = NFCCharField(_("heading"), max_length=255,
                           help_text=_("The issuer's name as printed, e.g. ỦY BAN NHÂN DÂN "
                                       "TỈNH HÀ GIANG; a line break splits it."))
    authority = NFCCharField(
        _("deciding authority"), max_length=255,
        help_text=_("Who decides, e.g. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG; printed above "
                    "the legal bases and as the certificate's issuer line."))
    abbreviation = NFCCharField(_("abbreviation"), max_length=30,
                                help_text=_("Used in the document symbol: QĐ-UBND."))
    place = NFCCharField(_("place name"), max_length=100,
                         help_text=_("Printed before the date: Hà Giang, ngày …"))
    unit = models.ForeignKey("organisations.Unit", verbose_name=_("unit"), null=True,
                             blank=True, on_delete=models.PROTECT, related_name="+")
    default_legal_bases = models.TextField(_("default legal bases"), blank=True,
                                           help_text=_("One per line."))
    default_copies_to = models.TextField(_("default recipients of copies"), blank=True,
                                         help_text=_("One per line."))
    # Printing onto pre-printed certificate forms: the printer's own shift, measured once.
    print_offset_x_mm = models.DecimalField(_("print offset across (mm)"), max_digits=5,
                                            decimal_places=1, default=0)
    print_offset_y_mm = models.DecimalField(_("print offset up (mm)"), max_digits=5,
                                            decimal_places=1, default=0)
    print_page = models.CharField(_("form paper size"), max_length=2,
                                  choices=[("A4", "A4"), ("A3", "A3")], default="A4")

    class Meta:
        verbose_name = _("issuer")
        verbose_name_plural = _("issuers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def symbol(self) -> str:
        return f"QĐ-{self.abbreviation}"


class NumberCounter(models.Model):
    """The last number given, per issuer, year and kind. Numbers are taken inside the issuing
    transaction with the row locked, so a rolled-back issue gives its number back: no gaps,
    no duplicates."""

    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="counters")
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12, choices=CounterKind.choices)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "year", "kind"],
                                               name="one_counter_per_issuer_year_kind")]

    def __str__(self):
        return f"{self.issuer} {self.year} {self.kind}: {self.last}"
