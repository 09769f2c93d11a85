import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.nominations.enums import CommentState


class PublicNotice(models.Model):
    """A list of candidates published on the public site for comment (lấy ý kiến nhân dân)
    from ``opens_on`` to ``closes_on`` inclusive (dates in Asia/Ho_Chi_Minh)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = NFCCharField(_("title"), max_length=300)
    intro = NFCTextField(_("introduction"), blank=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    nominations = models.ManyToManyField("nominations.Nomination", verbose_name=_("nominations"),
                                         related_name="notices")
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)

    class Meta:
        verbose_name = _("public notice")
        verbose_name_plural = _("public notices")
        ordering = ["-opens_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_on__gte=models.F("opens_on")),
                                   name="notice_closes_after_opening"),
        ]

    def __str__(self):
        return self.title


class PublicComment(models.Model):
    """A citizen's comment on a published candidate; moderated, then answered."""

    notice = models.ForeignKey(PublicNotice, on_delete=models.PROTECT, related_name="comments")
    nomination = models.ForeignKey("nominations.Nomination", verbose_name=_("nomination"),
                                   on_delete=models.PROTECT, related_name="comments")
    name = NFCCharField(_("name"), max_length=120)
    contact = NFCCharField(_("phone or email"), max_length=120)
    text = NFCTextField(_("comment"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    # A keyed hash of the sender's address: enough to rate-limit, useless to identify.
    client_key = models.CharField(max_length=64, db_index=True)
    state = models.CharField(_("state"), max_length=10, choices=CommentState.choices,
                             default=CommentState.PENDING)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    answer = NFCTextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("public comment")
        verbose_name_plural = _("public comments")
        ordering = ["submitted_at", "id"]

    def __str__(self):
        return f"{self.name}: {self.text[:40]}"
