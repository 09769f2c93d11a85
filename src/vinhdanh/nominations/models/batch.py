from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.core.text import fold
from vinhdanh.honors.models.candidate import (
    CandidateFields,
    once_per_candidate,
    one_candidate,
)
from vinhdanh.nominations.enums import CommendationType, NominationState, Procedure
from vinhdanh.nominations.queries import BatchQuerySet, NominationQuerySet


class NominationBatch(models.Model):
    """A submission (tờ trình) of a proposing unit: one letter covering its nominations.

    A batch with a ``group`` is a group's proposal: the group leader reviews it before the
    board. The state lives on each nomination, so the board can return one candidate and
    pass the others.
    """

    year = models.PositiveSmallIntegerField(_("achievement year"))
    title = NFCCharField(_("subject"), max_length=300)
    proposing_unit = models.ForeignKey("organisations.Unit", verbose_name=_("proposing unit"),
                                       on_delete=models.PROTECT, related_name="batches")
    group = models.ForeignKey("organisations.EmulationGroup", verbose_name=_("emulation group"),
                              null=True, blank=True, on_delete=models.PROTECT,
                              related_name="batches")
    movement = models.ForeignKey("movements.Movement", verbose_name=_("movement"), null=True,
                                 blank=True, on_delete=models.PROTECT, related_name="batches")
    commendation_type = models.CharField(_("commendation type"), max_length=16,
                                         choices=CommendationType.choices,
                                         default=CommendationType.ANNUAL)
    procedure = models.CharField(_("procedure"), max_length=12, choices=Procedure.choices,
                                 default=Procedure.NORMAL)
    # The letter's own number and date ("Số: 15/TTr-HND"), typed when it is signed.
    letter_number = NFCCharField(_("letter number"), max_length=64, blank=True)
    letter_date = models.DateField(_("letter date"), null=True, blank=True)
    signer_name = NFCCharField(_("signed by"), max_length=200, blank=True)
    signer_title = NFCCharField(_("signer's title"), max_length=200, blank=True)
    notes = NFCTextField(_("notes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    search_text = models.CharField(max_length=600, editable=False, default="")

    objects = BatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission batch")
        verbose_name_plural = _("submission batches")
        ordering = ["-year", "-created_at", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workspace:batch-detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.title} {self.letter_number}")[:600]
        super().save(*args, **kwargs)


class Nomination(CandidateFields):
    """A dossier proposing ``honor`` for one candidate (hồ sơ đề nghị khen thưởng).

    ``version`` grows with every transition: a service given the version its caller saw
    refuses to act on a dossier someone else has moved since.
    """

    batch = models.ForeignKey(NominationBatch, verbose_name=_("submission batch"),
                              on_delete=models.PROTECT, related_name="nominations")
    honor = models.ForeignKey("honors.Honor", verbose_name=_("honour"),
                              on_delete=models.PROTECT, related_name="nominations")
    state = models.CharField(_("state"), max_length=16, choices=NominationState.choices,
                             default=NominationState.DRAFT, db_index=True)
    version = models.PositiveIntegerField(default=1)
    summary = NFCTextField(_("summary of achievements"), blank=True)
    proposal = models.OneToOneField("scoring.Proposal", verbose_name=_("group proposal"),
                                    null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="nomination")
    # The eligibility verdict as last evaluated (services/eligibility.py).
    verdict = models.CharField(_("eligibility verdict"), max_length=16, blank=True)
    verdict_lines = models.JSONField(_("eligibility reasons"), default=list, blank=True)
    verdict_pack = models.CharField(_("rule pack"), max_length=32, blank=True)
    verdict_at = models.DateTimeField(_("evaluated at"), null=True, blank=True)
    verdict_stale = models.BooleanField(_("history changed since evaluated"), default=False)
    justification = NFCTextField(_("justification for a candidate not found eligible"),
                                 blank=True)
    registration_warning = NFCCharField(_("registration warning"), max_length=500, blank=True)
    submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    received_on = models.DateField(_("received by the board on"), null=True, blank=True)
    # The current step: when it started and when it is due (working days, services/deadlines).
    step_started_at = models.DateTimeField(_("step started at"), null=True, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["batch", "honor__position", "id"]
        constraints = [
            one_candidate("nomination_one_candidate"),
            *once_per_candidate(["batch", "honor"], "nomination_{}_once_per_batch"),
        ]

    def __str__(self):
        return f"{self.candidate} – {self.honor}"

    def get_absolute_url(self):
        return reverse("workspace:nomination-detail", args=[self.pk])

    @property
    def year(self) -> int:
        return self.batch.year
