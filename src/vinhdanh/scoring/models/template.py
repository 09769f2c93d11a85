from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.scoring.enums import DEFAULT_TIE_BREAKS, CriterionKind, FinalFormula


def _default_tie_breaks():
    return list(DEFAULT_TIE_BREAKS)


class ScoringTemplate(models.Model):
    """A group's scoring table for its year, and how its ranking is computed."""

    group = models.OneToOneField("organisations.EmulationGroup", verbose_name=_("group"),
                                 on_delete=models.CASCADE, related_name="scoring_template")
    copied_from = models.ForeignKey("self", verbose_name=_("copied from"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    formula = models.CharField(_("final score"), max_length=12, choices=FinalFormula.choices,
                               default=FinalFormula.CONSOLIDATED)
    weight_self = models.DecimalField(_("weight of the self-score"), max_digits=5,
                                      decimal_places=2, default=Decimal(0))
    weight_peer = models.DecimalField(_("weight of the peer mean"), max_digits=5,
                                      decimal_places=2, default=Decimal(0))
    weight_leader = models.DecimalField(_("weight of the consolidated score"), max_digits=5,
                                        decimal_places=2, default=Decimal(1))
    normalise_peers = models.BooleanField(_("normalise peer scorers (z-score)"), default=False)
    tie_breaks = models.JSONField(_("tie-break order"), default=_default_tie_breaks)
    # Flags: a scorer off the others' mean by more than this many standard deviations, and a
    # self-score above the peer mean by more than this share of the maximum points.
    deviation_threshold = models.DecimalField(_("scorer deviation flag (standard deviations)"),
                                              max_digits=4, decimal_places=2,
                                              default=Decimal("2.00"))
    self_gap_threshold = models.DecimalField(_("self-score gap flag (share of the maximum)"),
                                             max_digits=4, decimal_places=3,
                                             default=Decimal("0.100"))
    # Proposals from the published ranking; blank means "as the rule pack says".
    flag_count = models.PositiveSmallIntegerField(_("units proposed for the Cờ thi đua"),
                                                  null=True, blank=True)
    merit_count = models.PositiveSmallIntegerField(_("units proposed for the Bằng khen"),
                                                   null=True, blank=True)
    notes = NFCTextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("scoring template")
        verbose_name_plural = _("scoring templates")

    def __str__(self):
        return str(self.group)


class Criterion(models.Model):
    """A node of the scoring tree: a section, a criterion, a bonus or a penalty item."""

    template = models.ForeignKey(ScoringTemplate, on_delete=models.CASCADE,
                                 related_name="criteria")
    parent = models.ForeignKey("self", verbose_name=_("section"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="children")
    position = models.PositiveIntegerField(_("order"), default=0)
    code = NFCCharField(_("number"), max_length=16, blank=True)
    title = NFCTextField(_("criterion"))
    kind = models.CharField(_("kind"), max_length=10, choices=CriterionKind.choices,
                            default=CriterionKind.STANDARD)
    # For a section: the sum its children may reach; for a penalty: the most it deducts.
    max_points = models.DecimalField(_("maximum points"), max_digits=7, decimal_places=2,
                                     default=Decimal(0))
    evidence_required = models.BooleanField(_("evidence required"), default=False)
    guidance = NFCTextField(_("guidance"), blank=True)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["template", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(max_points__gte=0),
                                   name="criterion_max_points_not_negative"),
        ]

    def __str__(self):
        return f"{self.code} {self.title}".strip()

    @property
    def is_scored(self) -> bool:
        return self.kind != CriterionKind.SECTION
