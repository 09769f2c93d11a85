from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.core.text import fold, sort_key
from vinhdanh.organisations.enums import GroupKind
from vinhdanh.organisations.queries import GroupQuerySet


class EmulationGroup(models.Model):
    """A bloc (by function) or cluster (by area) of units that emulate together for a year."""

    kind = models.CharField(_("kind"), max_length=10, choices=GroupKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    code = NFCCharField(_("code"), max_length=32)
    name = NFCCharField(_("name"), max_length=255)
    organiser = models.ForeignKey(
        "organisations.Unit", verbose_name=_("organised by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="organised_groups",
    )
    leader = models.ForeignKey(
        "organisations.Unit", verbose_name=_("leader unit"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    deputy = models.ForeignKey(
        "organisations.Unit", verbose_name=_("deputy unit"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    copied_from = models.ForeignKey(
        "self", verbose_name=_("copied from"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="copies",
    )
    notes = NFCTextField(_("notes"), blank=True)
    search_text = models.CharField(max_length=300, editable=False, default="")
    sort_key = models.CharField(max_length=600, editable=False, default="")

    objects = GroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("emulation group")
        verbose_name_plural = _("emulation groups")
        ordering = ["-year", "kind", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["year", "code"], name="group_code_unique_per_year"),
            models.CheckConstraint(
                condition=~models.Q(leader=models.F("deputy")) | models.Q(leader__isnull=True),
                name="group_leader_is_not_deputy",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.year})"

    def get_absolute_url(self):
        return reverse("workspace:group-detail", args=[self.pk])

    def refresh_derived(self):
        self.search_text = fold(f"{self.name} {self.code}")
        self.sort_key = sort_key(self.name)[:600]

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)


class GroupMembership(models.Model):
    """A unit's place in a group for the group's year, with its turn in the rotation."""

    group = models.ForeignKey(EmulationGroup, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(
        "organisations.Unit", on_delete=models.PROTECT, related_name="memberships"
    )
    # Copied from the group so the database itself can refuse a second bloc in one year.
    year = models.PositiveSmallIntegerField(editable=False)
    kind = models.CharField(max_length=10, choices=GroupKind.choices, editable=False)
    rotation_position = models.PositiveSmallIntegerField(_("rotation order"))

    class Meta:
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        ordering = ["rotation_position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "unit"], name="membership_unit_once"),
            models.UniqueConstraint(
                fields=["unit", "year", "kind"], name="one_group_of_each_kind_per_year"
            ),
        ]

    def save(self, *args, **kwargs):
        self.year, self.kind = self.group.year, self.group.kind
        super().save(*args, **kwargs)


class HandoverRecord(models.Model):
    """The leadership handover at a group's year-end review."""

    group = models.OneToOneField(
        EmulationGroup, verbose_name=_("group"), on_delete=models.CASCADE, related_name="handover"
    )
    held_on = models.DateField(_("date of the review"))
    outgoing_leader = models.ForeignKey(
        "organisations.Unit", verbose_name=_("outgoing leader"), on_delete=models.PROTECT,
        related_name="+",
    )
    outgoing_deputy = models.ForeignKey(
        "organisations.Unit", verbose_name=_("outgoing deputy"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    incoming_leader = models.ForeignKey(
        "organisations.Unit", verbose_name=_("incoming leader"), on_delete=models.PROTECT,
        related_name="+",
    )
    incoming_deputy = models.ForeignKey(
        "organisations.Unit", verbose_name=_("incoming deputy"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    next_group = models.ForeignKey(
        EmulationGroup, verbose_name=_("next year's group"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="handed_over_from",
    )
    minutes_file = models.FileField(_("minutes"), upload_to="handover/%Y/", blank=True)
    notes = NFCTextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("handover record")
        verbose_name_plural = _("handover records")

    def __str__(self):
        return f"{self.group}: {self.outgoing_leader} → {self.incoming_leader}"
