from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField
from vinhdanh.core.text import fold, sort_key
from vinhdanh.organisations.enums import UnitKind, UnitLevel
from vinhdanh.organisations.queries import UnitQuerySet


class Unit(models.Model):
    """An organisation or one of its parts; the tree runs province → … → grassroots."""

    code = NFCCharField(_("code"), max_length=32, unique=True)
    name = NFCCharField(_("name"), max_length=255)
    short_name = NFCCharField(_("short name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    level = models.CharField(_("level"), max_length=20, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    # Materialised path of ids ("/1/7/42/"): a subtree is one indexed prefix match.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_until = models.DateField(_("active until"), null=True, blank=True)
    mostly_direct_workers = models.BooleanField(
        _("mostly direct workers"), default=False,
        help_text=_("Most of its people work directly in production or at the grassroots."),
    )
    search_text = models.CharField(max_length=400, editable=False, default="", db_index=True)
    sort_key = models.CharField(max_length=800, editable=False, default="", db_index=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["sort_key"]
        constraints = [
            # Vinh Danh runs one province: its root is the only unit without a parent.
            models.UniqueConstraint(
                Coalesce("parent", Value(0)), condition=models.Q(parent__isnull=True),
                name="one_province_root",
                violation_error_message=_("There is already a province; a new unit needs a "
                                          "parent unit."),
            ),
            models.CheckConstraint(
                condition=models.Q(active_until__isnull=True)
                | models.Q(active_from__isnull=True)
                | models.Q(active_until__gte=models.F("active_from")),
                name="unit_active_period_ordered",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("workspace:unit-detail", args=[self.pk])

    @property
    def display_name(self):
        return self.short_name or self.name

    def refresh_derived(self):
        """Recomputes the search and sort columns; call before bulk writes."""
        self.search_text = fold(f"{self.name} {self.short_name} {self.code}")
        self.sort_key = sort_key(self.name)[:800]

    def path_below(self, parent_path: str) -> str:
        return f"{parent_path or '/'}{self.pk}/"

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)
        expected = self.path_below(self.parent.path if self.parent_id else "")
        if self.path != expected:
            self.path, self.depth = expected, expected.count("/") - 2
            type(self).objects.filter(pk=self.pk).update(path=self.path, depth=self.depth)

    def is_within(self, root_path: str) -> bool:
        return self.path.startswith(root_path)
