"""Certificates issued with a decision, and the background jobs that print them."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.decisions.enums import JobState


class Certificate(models.Model):
    """The certificate of one decision line. ``public_id`` is what its QR code carries: the
    public page shows whether it is genuine, still valid and signed."""

    entry = models.OneToOneField("decisions.DecisionEntry", on_delete=models.PROTECT,
                                 related_name="certificate")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(_("PDF file"), upload_to="certificates/%Y/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    signed = models.BooleanField(_("digitally signed"), default=False)
    generated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return str(self.entry)

    def get_absolute_url(self):
        return reverse("public:certificate", args=[self.public_id])


class CertificateJob(models.Model):
    """One bulk generation of a decision's certificates, with its progress and its zip."""

    decision = models.ForeignKey("decisions.Decision", on_delete=models.CASCADE,
                                 related_name="certificate_jobs")
    state = models.CharField(_("state"), max_length=8, choices=JobState.choices,
                             default=JobState.QUEUED)
    preprinted = models.BooleanField(_("print on pre-printed forms"), default=False)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    archive = models.FileField(_("zip of separate PDFs"), upload_to="certificates/jobs/",
                               blank=True)
    print_file = models.FileField(_("combined print file"), upload_to="certificates/jobs/",
                                  blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("certificate job")
        verbose_name_plural = _("certificate jobs")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.decision} ({self.get_state_display()})"

    @property
    def percent(self) -> int:
        return min(100, self.done * 100 // self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)
