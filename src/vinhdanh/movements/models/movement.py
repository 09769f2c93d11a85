from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.core.text import fold, sort_key
from vinhdanh.movements.enums import MovementKind, ReportPeriod
from vinhdanh.movements.queries import MovementQuerySet, ProgressReportQuerySet


class Movement(models.Model):
    """An emulation movement or a campaign, launched by an authority for a period."""

    kind = models.CharField(_("kind"), max_length=10, choices=MovementKind.choices)
    name = NFCCharField(_("name"), max_length=400)
    directive = models.ForeignKey(
        "movements.Directive", verbose_name=_("directive"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="movements",
    )
    launched_by = models.ForeignKey(
        "organisations.Unit", verbose_name=_("launched by"), on_delete=models.PROTECT,
        related_name="launched_movements",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    goals = NFCTextField(_("goals"), blank=True)
    criteria = NFCTextField(_("criteria"), blank=True)
    # Sending to a unit also reaches its sub-units when this is set.
    cascade = models.BooleanField(_("cascade to sub-units"), default=True)
    participants = models.ManyToManyField(
        "organisations.Unit", verbose_name=_("participating units"), blank=True,
        related_name="movements",
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    search_text = models.CharField(max_length=600, editable=False, default="")
    sort_key = models.CharField(max_length=800, editable=False, default="")

    objects = MovementQuerySet.as_manager()

    class Meta:
        verbose_name = _("movement")
        verbose_name_plural = _("movements")
        ordering = ["-starts_on", "sort_key"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="movement_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("workspace:movement-detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.search_text = fold(self.name)[:600]
        self.sort_key = sort_key(self.name)[:800]
        super().save(*args, **kwargs)


class CampaignManager(models.Manager.from_queryset(MovementQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(kind=MovementKind.CAMPAIGN)


class Campaign(Movement):
    """A campaign (cuộc vận động): a movement of kind "campaign", with the same reports."""

    objects = CampaignManager()

    class Meta:
        proxy = True
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def save(self, *args, **kwargs):
        self.kind = MovementKind.CAMPAIGN
        super().save(*args, **kwargs)


class MovementTarget(models.Model):
    """A measurable target of a movement (e.g. 20 houses built), reported against."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="targets")
    name = NFCCharField(_("target"), max_length=255)
    measure = NFCCharField(_("unit of measure"), max_length=64, blank=True)
    target_value = models.DecimalField(_("target value"), max_digits=14, decimal_places=2,
                                       null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("movement target")
        verbose_name_plural = _("movement targets")
        ordering = ["position", "id"]

    def __str__(self):
        return self.name


class ProgressReport(models.Model):
    """A unit's report on a movement for half a year or a year."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey("organisations.Unit", verbose_name=_("unit"),
                             on_delete=models.PROTECT, related_name="movement_reports")
    year = models.PositiveSmallIntegerField(_("year"))
    period = models.CharField(_("period"), max_length=10, choices=ReportPeriod.choices)
    summary = NFCTextField(_("results"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"))

    objects = ProgressReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-year", "period", "unit__sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["movement", "unit", "year", "period"],
                                    name="one_report_per_unit_and_period"),
        ]

    def __str__(self):
        return f"{self.unit} – {self.movement} ({self.year})"

    def get_absolute_url(self):
        return reverse("workspace:movement-report-detail", args=[self.pk])


class ProgressFigure(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="figures")
    target = models.ForeignKey(MovementTarget, on_delete=models.CASCADE, related_name="figures")
    value = models.DecimalField(_("achieved"), max_digits=14, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "target"], name="one_figure_per_target"),
        ]


class ReportEvidence(models.Model):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to="movement-evidence/%Y/")
    title = NFCCharField(_("title"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
