from django.db import models
from django.utils.translation import gettext_lazy as _


class CriterionKind(models.TextChoices):
    SECTION = "section", _("Section")
    STANDARD = "standard", _("Criterion")
    BONUS = "bonus", _("Bonus item")
    PENALTY = "penalty", _("Penalty item")


class RoundPeriod(models.TextChoices):
    MID_YEAR = "mid_year", _("Mid-year")
    YEAR_END = "year_end", _("Year-end")


class PassKind(models.TextChoices):
    SELF = "self", _("Self-scoring")
    PEER = "peer", _("Peer scoring")
    LEADER = "leader", _("Leader consolidation")


class RoundState(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    SELF = "self", _("Self-scoring open")
    PEER = "peer", _("Peer scoring open")
    LEADER = "leader", _("Leader consolidating")
    CLOSED = "closed", _("Scoring closed")
    PUBLISHED = "published", _("Published")


class FinalFormula(models.TextChoices):
    CONSOLIDATED = "consolidated", _("The leader's consolidated score")
    WEIGHTED = "weighted", _("Weighted self, peer and leader scores")


class TieBreak(models.TextChoices):
    FEWER_PENALTY = "fewer_penalty", _("Fewer penalty points")
    MORE_BONUS = "more_bonus", _("More bonus points")
    HIGHER_PEER = "higher_peer", _("Higher peer mean")
    HIGHER_SELF = "higher_self", _("Higher self-score")


DEFAULT_TIE_BREAKS = [TieBreak.FEWER_PENALTY.value, TieBreak.MORE_BONUS.value,
                      TieBreak.HIGHER_PEER.value]


class ProposalState(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    NOMINATED = "nominated", _("Turned into a nomination")
