from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.scoring.enums import PassKind, ProposalState, RoundPeriod, RoundState


class ScoringRound(models.Model):
    """One scoring of a group's units against its template: mid-year or year-end."""

    template = models.ForeignKey("scoring.ScoringTemplate", on_delete=models.CASCADE,
                                 related_name="rounds")
    period = models.CharField(_("period"), max_length=10, choices=RoundPeriod.choices)
    state = models.CharField(_("state"), max_length=10, choices=RoundState.choices,
                             default=RoundState.DRAFT)
    # Published results are never changed: a correction starts the next revision.
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)

    class Meta:
        verbose_name = _("scoring round")
        verbose_name_plural = _("scoring rounds")
        ordering = ["template", "period"]
        constraints = [
            models.UniqueConstraint(fields=["template", "period"], name="one_round_per_period"),
        ]

    def __str__(self):
        return f"{self.template} – {self.get_period_display()}"


class ScoringPass(models.Model):
    """The self, peer or leader pass of a round, with its deadline and how it closed."""

    round = models.ForeignKey(ScoringRound, on_delete=models.CASCADE, related_name="passes")
    kind = models.CharField(_("pass"), max_length=6, choices=PassKind.choices)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    # Why the pass closed with scores missing (the leader must say).
    missing_reason = NFCTextField(_("reason for missing scores"), blank=True)
    missing_count = models.PositiveIntegerField(default=0)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)

    class Meta:
        verbose_name = _("scoring pass")
        verbose_name_plural = _("scoring passes")
        ordering = ["round", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "kind"], name="one_pass_of_each_kind"),
        ]

    def __str__(self):
        return f"{self.round} – {self.get_kind_display()}"


class Score(models.Model):
    """Points a scorer unit gives a subject unit on one criterion in one pass."""

    scoring_pass = models.ForeignKey(ScoringPass, on_delete=models.CASCADE,
                                     related_name="scores")
    scorer = models.ForeignKey("organisations.Unit", verbose_name=_("scorer"),
                               on_delete=models.PROTECT, related_name="+")
    subject = models.ForeignKey("organisations.Unit", verbose_name=_("scored unit"),
                                on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey("scoring.Criterion", on_delete=models.CASCADE,
                                  related_name="scores")
    # Copied from the pass so that the database can check who scores whom.
    kind = models.CharField(max_length=6, choices=PassKind.choices, editable=False)
    points = models.DecimalField(_("points"), max_digits=7, decimal_places=2, null=True,
                                 blank=True)
    abstained = models.BooleanField(_("abstained"), default=False)
    # The abstention's reason, or the leader's reason for changing the self-score.
    reason = NFCCharField(_("reason"), max_length=500, blank=True)
    evidence = models.FileField(_("evidence"), upload_to="scoring-evidence/%Y/", blank=True)
    note = NFCTextField(_("note"), blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["scoring_pass", "scorer", "subject", "criterion"],
                                    name="one_score_per_criterion"),
            models.CheckConstraint(
                condition=~models.Q(kind=PassKind.PEER) | ~models.Q(scorer=models.F("subject")),
                name="no_peer_score_of_oneself",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=PassKind.SELF) | models.Q(scorer=models.F("subject")),
                name="self_score_is_of_oneself",
            ),
            models.CheckConstraint(
                condition=models.Q(abstained=False) | models.Q(points__isnull=True),
                name="abstention_has_no_points",
            ),
        ]
        indexes = [
            models.Index(fields=["scoring_pass", "subject"]),
            # Covers the ranking's aggregate (services/ranking.py): the sums are read from
            # the index alone, about 2.4× faster over 468,000 scores (bench/scoring.py).
            models.Index(fields=["scoring_pass", "scorer", "subject", "criterion", "points",
                                 "abstained"], name="score_ranking_covering"),
        ]

    def save(self, *args, **kwargs):
        self.kind = self.scoring_pass.kind
        super().save(*args, **kwargs)


class RankingRevision(models.Model):
    """A published ranking: the computed results, frozen. A correction adds a revision."""

    round = models.ForeignKey(ScoringRound, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveSmallIntegerField(_("revision"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    # Why a revision after the first was needed.
    reason = NFCTextField(_("reason for the correction"), blank=True)
    # The engine's full output (ranks, scores, breakdowns, flags), as published.
    results = models.JSONField(_("results"))

    class Meta:
        verbose_name = _("published ranking")
        verbose_name_plural = _("published rankings")
        ordering = ["round", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="revision_number_unique"),
        ]

    def __str__(self):
        return f"{self.round} – {self.number}"


class RankingEntry(models.Model):
    """One unit's place in a published revision (queryable; the detail is in ``results``)."""

    revision = models.ForeignKey(RankingRevision, on_delete=models.CASCADE,
                                 related_name="entries")
    unit = models.ForeignKey("organisations.Unit", on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"))
    final_score = models.DecimalField(_("final score"), max_digits=9, decimal_places=3,
                                      null=True)
    flags = models.JSONField(_("flags"), default=list)

    class Meta:
        ordering = ["revision", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "unit"], name="entry_unit_once"),
            models.UniqueConstraint(fields=["revision", "rank"], name="entry_rank_once"),
        ]


class Proposal(models.Model):
    """A unit the published ranking proposes for an honour (Cờ thi đua, Bằng khen)."""

    revision = models.ForeignKey(RankingRevision, on_delete=models.CASCADE,
                                 related_name="proposals")
    unit = models.ForeignKey("organisations.Unit", verbose_name=_("unit"),
                             on_delete=models.PROTECT, related_name="+")
    honor = models.ForeignKey("honors.Honor", verbose_name=_("honour"),
                              on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"))
    state = models.CharField(_("state"), max_length=10, choices=ProposalState.choices,
                             default=ProposalState.PROPOSED)
    note = NFCCharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["revision", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "unit", "honor"],
                                    name="proposal_unit_honour_once"),
        ]
