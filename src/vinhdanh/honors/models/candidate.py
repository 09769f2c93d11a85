from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vinhdanh.honors.enums import SubjectKind


class CandidateFields(models.Model):
    """Exactly one of person, unit (a collective) or household."""

    person = models.ForeignKey("organisations.Person", verbose_name=_("person"), null=True,
                               blank=True, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("organisations.Unit", verbose_name=_("collective"), null=True,
                             blank=True, on_delete=models.PROTECT, related_name="+")
    household = models.ForeignKey("organisations.Household", verbose_name=_("household"),
                                  null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")

    class Meta:
        abstract = True

    @property
    def candidate(self):
        return self.person or self.unit or self.household

    @property
    def subject(self) -> str:
        if self.person_id:
            return SubjectKind.INDIVIDUAL
        return SubjectKind.COLLECTIVE if self.unit_id else SubjectKind.HOUSEHOLD


def one_candidate(name: str) -> models.CheckConstraint:
    single = [Q(**{f"{f}__isnull": f != keep for f in ("person", "unit", "household")})
              for keep in ("person", "unit", "household")]
    return models.CheckConstraint(condition=single[0] | single[1] | single[2], name=name)


def once_per_candidate(fields: list[str], name: str) -> list[models.UniqueConstraint]:
    """``fields`` plus the candidate are unique, for each kind of candidate; ``name`` has a
    ``{}`` for the kind ("registration_{}_once")."""
    return [models.UniqueConstraint(fields=[*fields, kind],
                                    condition=Q(**{f"{kind}__isnull": False}),
                                    name=name.format(kind))
            for kind in ("person", "unit", "household")]
