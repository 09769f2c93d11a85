from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCTextField
from vinhdanh.nominations.enums import NominationState


class NominationStep(models.Model):
    """One stay of a nomination in a state: when it entered and left, by whose action, the
    deadline then in force and the working days it took (services/deadlines.py).

    The rows of a nomination are its journey; timeliness statistics read them.
    """

    nomination = models.ForeignKey("nominations.Nomination", on_delete=models.CASCADE,
                                   related_name="steps")
    state = models.CharField(_("state"), max_length=16, choices=NominationState.choices)
    action = models.CharField(_("action"), max_length=32)
    entered_at = models.DateTimeField(_("entered at"))
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    reason = NFCTextField(_("reason"), blank=True)
    limit_days = models.PositiveSmallIntegerField(_("time limit (working days)"), null=True,
                                                  blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    working_days = models.PositiveSmallIntegerField(_("working days taken"), null=True,
                                                    blank=True)

    class Meta:
        verbose_name = _("step of a nomination")
        verbose_name_plural = _("steps of nominations")
        ordering = ["nomination", "entered_at", "id"]
        indexes = [models.Index(fields=["state", "left_at"])]

    def __str__(self):
        return f"{self.nomination_id}: {self.get_state_display()}"

    @property
    def on_time(self) -> bool | None:
        if self.left_at is None or self.due_on is None:
            return None
        from django.utils import timezone

        return timezone.localdate(self.left_at) <= self.due_on
