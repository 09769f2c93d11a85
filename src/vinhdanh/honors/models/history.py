"""What the law's criteria read: honours received, task ratings, initiatives, discipline."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.honors.enums import (
    DisciplineLevel,
    InitiativeKind,
    InitiativeLevel,
    RecordSource,
    RestrictionKind,
    TaskRating,
)
from vinhdanh.honors.models.candidate import CandidateFields, one_candidate
from vinhdanh.honors.queries import HistoryQuerySet


class HonorRecord(CandidateFields):
    """One honour a candidate received (sổ vàng): the history eligibility reads."""

    honor = models.ForeignKey("honors.Honor", verbose_name=_("honour"),
                              on_delete=models.PROTECT, related_name="records")
    year = models.PositiveSmallIntegerField(_("year of the achievement"))
    first_year = models.PositiveSmallIntegerField(
        _("first year of the period"), null=True, blank=True,
        help_text=_("For an honour that covers several years; empty for one year."))
    decision_number = NFCCharField(_("decision number"), max_length=64, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    issuer = NFCCharField(_("issued by"), max_length=255, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=RecordSource.choices,
                              default=RecordSource.ENTERED)
    notes = NFCTextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Revoked (Law Ch. VII): the row stays, so the history shows what was granted and undone.
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revocation = NFCCharField(_("revoked by"), max_length=300, blank=True)

    objects = HistoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("honour record")
        verbose_name_plural = _("honour records")
        ordering = ["-year", "honor__position"]
        constraints = [one_candidate("honor_record_one_candidate")]
        indexes = [
            models.Index(fields=["honor", "year"]),
            models.Index(fields=["person", "year"]),
            models.Index(fields=["unit", "year"]),
        ]

    def __str__(self):
        return f"{self.honor} {self.year}: {self.candidate}"


class TaskRatingRecord(CandidateFields):
    """The yearly task rating (mức độ hoàn thành nhiệm vụ) of a person or collective."""

    year = models.PositiveSmallIntegerField(_("year"))
    rating = models.CharField(_("rating"), max_length=16, choices=TaskRating.choices)
    source = models.CharField(_("source"), max_length=10, choices=RecordSource.choices,
                              default=RecordSource.ENTERED)

    objects = HistoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("task rating")
        verbose_name_plural = _("task ratings")
        ordering = ["-year"]
        constraints = [
            one_candidate("task_rating_one_candidate"),
            models.UniqueConstraint(fields=["person", "year"], name="one_rating_per_person_year",
                                    condition=models.Q(person__isnull=False)),
            models.UniqueConstraint(fields=["unit", "year"], name="one_rating_per_unit_year",
                                    condition=models.Q(unit__isnull=False)),
        ]

    def __str__(self):
        return f"{self.year}: {self.get_rating_display()}"


class Initiative(CandidateFields):
    """An initiative, scientific work or combat ingenuity, recognised at a level."""

    title = NFCCharField(_("title"), max_length=500)
    kind = models.CharField(_("kind"), max_length=12, choices=InitiativeKind.choices,
                            default=InitiativeKind.INITIATIVE)
    level = models.CharField(_("recognised at"), max_length=12, choices=InitiativeLevel.choices)
    year = models.PositiveSmallIntegerField(_("year recognised"))
    recognised_by = NFCCharField(_("recognised by"), max_length=255, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=RecordSource.choices,
                              default=RecordSource.ENTERED)

    objects = HistoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-year"]
        constraints = [one_candidate("initiative_one_candidate")]

    def __str__(self):
        return self.title


class DisciplinePeriod(CandidateFields):
    """Discipline, or a pending investigation, inspection or complaint, for a period."""

    kind = models.CharField(_("kind"), max_length=16, choices=RestrictionKind.choices)
    level = models.CharField(_("discipline level"), max_length=12, blank=True,
                             choices=DisciplineLevel.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True,
                               help_text=_("Empty while it lasts."))
    notes = NFCTextField(_("notes"), blank=True)
    source = models.CharField(_("source"), max_length=10, choices=RecordSource.choices,
                              default=RecordSource.ENTERED)

    objects = HistoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("discipline or pending case")
        verbose_name_plural = _("discipline and pending cases")
        ordering = ["-starts_on"]
        constraints = [
            one_candidate("discipline_one_candidate"),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="discipline_period_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.starts_on:%d/%m/%Y}"
