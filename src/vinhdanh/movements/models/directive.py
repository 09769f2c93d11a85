from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.core.text import fold
from vinhdanh.movements.enums import DirectiveKind
from vinhdanh.movements.queries import DirectiveQuerySet


class Directive(models.Model):
    """A directing document (plan, instruction, letter) that launches or steers movements."""

    number = NFCCharField(_("number"), max_length=64)
    issued_on = models.DateField(_("date issued"))
    issuer = NFCCharField(_("issued by"), max_length=255)
    issuer_unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("issuing unit"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="directives",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DirectiveKind.choices)
    summary = NFCTextField(_("summary"))
    file = models.FileField(_("file"), upload_to="directives/%Y/", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    search_text = models.CharField(max_length=600, editable=False, default="")

    objects = DirectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("directive")
        verbose_name_plural = _("directives")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["number", "issued_on", "issuer"],
                                    name="directive_number_unique"),
        ]

    def __str__(self):
        return f"{self.number} ({self.issued_on:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("workspace:directive-detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.number} {self.issuer} {self.summary}")[:600]
        super().save(*args, **kwargs)
