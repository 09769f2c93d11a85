from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.queries import scope_of

# Roles that follow every import in the province, not only their own.
IMPORT_OVERSEER_ROLES = frozenset({Role.ADMIN, Role.BOARD_OFFICER})


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    VALIDATING = "validating", _("Checking the file")
    REJECTED = "rejected", _("Rejected")
    WRITING = "writing", _("Importing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


FINISHED_STATUSES = frozenset({ImportStatus.REJECTED, ImportStatus.DONE, ImportStatus.FAILED})


class ImportJobQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A user's own imports; administrators and board officers see all of them."""
        scope = scope_of(user)
        if scope.everything or scope.roles() & IMPORT_OVERSEER_ROLES:
            return self.all()
        return self.filter(created_by=user) if user.is_authenticated else self.none()


class ImportJob(models.Model):
    """One uploaded workbook of units and people, checked and imported as a whole."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True,
        on_delete=models.SET_NULL, related_name="import_jobs",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/", blank=True)
    original_name = NFCCharField(_("file name"), max_length=255)  # macOS uploads NFD names
    # Which importer the job is for: "organisations" here; higher floors add their own
    # (e.g. "history"), so each import page lists its own jobs.
    kind = models.CharField(max_length=20, default="organisations", editable=False,
                            db_index=True)
    status = models.CharField(_("status"), max_length=12, choices=ImportStatus.choices,
                              default=ImportStatus.QUEUED)
    total = models.PositiveIntegerField(_("rows in all"), default=0)
    done = models.PositiveIntegerField(_("rows done"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)  # CellError.as_dict()s
    result = models.JSONField(_("result"), default=dict, blank=True)  # ImportResult.as_dict()
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("workspace:import-job", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    @property
    def percent(self) -> int:
        return min(100, self.done * 100 // self.total) if self.total else 0
