from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField
from vinhdanh.organisations.enums import Role


class User(AbstractUser):
    full_name = NFCCharField(_("full name"), max_length=200, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.full_name or self.username


class RoleAssignment(models.Model):
    """A role held for a unit (and its subtree) or for an emulation group."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("unit"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="role_assignments",
    )
    group = models.ForeignKey(
        "organisations.EmulationGroup", verbose_name=_("emulation group"), null=True,
        blank=True, on_delete=models.CASCADE, related_name="role_assignments",
    )

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(unit__isnull=True, group__isnull=False)
                | models.Q(unit__isnull=False, group__isnull=True),
                name="role_scope_is_unit_or_group",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "unit"], condition=models.Q(unit__isnull=False),
                name="role_unit_unique",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "group"], condition=models.Q(group__isnull=False),
                name="role_group_unique",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_role_display()} — {self.unit or self.group}"
