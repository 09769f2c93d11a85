from django.db import models
from django.utils.translation import gettext_lazy as _


class DirectiveKind(models.TextChoices):
    PLAN = "plan", _("Plan")
    INSTRUCTION = "instruction", _("Instruction")
    DECISION = "decision", _("Decision")
    GUIDANCE = "guidance", _("Guidance")
    OFFICIAL_LETTER = "official_letter", _("Official letter")
    RESOLUTION = "resolution", _("Resolution")


class MovementKind(models.TextChoices):
    REGULAR = "regular", _("Regular movement")
    THEMATIC = "thematic", _("Thematic or phased movement")
    CAMPAIGN = "campaign", _("Campaign")


class ReportPeriod(models.TextChoices):
    MID_YEAR = "mid_year", _("First six months")
    YEAR_END = "year_end", _("Whole year")
