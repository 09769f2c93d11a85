from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.core import citizen_id
from vinhdanh.core.fields import NFCCharField
from vinhdanh.core.text import fold, person_sort_key
from vinhdanh.organisations.enums import CadreCategory, Gender
from vinhdanh.organisations.queries import PersonQuerySet

CITIZEN_ID_MESSAGES = {
    "format": _("A citizen ID has exactly 12 digits."),
    "province": _("The first three digits are not a province code."),
    "birth_year": _("Digits 4 to 6 do not match the year of birth."),
    "gender": _("Digit 4 does not match the gender."),
}


class Person(models.Model):
    """Someone who works in a unit and may be proposed for an honour."""

    full_name = NFCCharField(_("full name"), max_length=200)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    citizen_id = models.CharField(
        _("citizen ID"), max_length=12, unique=True, null=True, blank=True
    )
    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("unit"), on_delete=models.PROTECT,
        related_name="people",
    )
    position = NFCCharField(_("position"), max_length=200, blank=True)
    is_direct_worker = models.BooleanField(_("direct worker"), default=False)
    cadre_category = models.CharField(
        _("leadership category"), max_length=20, choices=CadreCategory.choices, blank=True,
        help_text=_("For the statutory report forms; leave empty when none applies."),
    )
    employment_start = models.DateField(_("employment start date"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    search_text = models.CharField(max_length=250, editable=False, default="", db_index=True)
    sort_key = models.CharField(max_length=600, editable=False, default="", db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_key", "id"]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("workspace:person-detail", args=[self.pk])

    def refresh_derived(self):
        """Recomputes the search and sort columns; call before bulk writes."""
        self.search_text = fold(self.full_name)
        self.sort_key = person_sort_key(self.full_name)[:600]

    def clean(self):
        if self.citizen_id == "":
            self.citizen_id = None
        if self.citizen_id:
            found = citizen_id.problems(
                self.citizen_id, gender=self.gender, born=self.date_of_birth
            )
            if found:
                raise ValidationError({"citizen_id": [CITIZEN_ID_MESSAGES[k] for k in found]})

    def save(self, *args, **kwargs):
        self.citizen_id = self.citizen_id or None
        self.refresh_derived()
        super().save(*args, **kwargs)
