from django.db import models
from django.utils.translation import gettext_lazy as _


class HonorKind(models.TextChoices):
    TITLE = "title", _("Emulation title")
    AWARD = "award", _("Award form")


class HonorLevel(models.TextChoices):
    GRASSROOTS = "grassroots", _("Grassroots")
    PROVINCE = "province", _("Ministry or province")
    STATE = "state", _("State")


class SubjectKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")
    HOUSEHOLD = "household", _("Household")


class TaskRating(models.TextChoices):
    """Yearly rating of how a person or collective fulfilled its tasks, best first."""

    EXCELLENT = "excellent", _("Excellently completed tasks")
    GOOD = "good", _("Completed tasks well")
    COMPLETED = "completed", _("Completed tasks")
    NOT_COMPLETED = "not_completed", _("Did not complete tasks")


# Higher is better: "at least good" compares ranks.
RATING_RANK = {
    TaskRating.EXCELLENT: 3, TaskRating.GOOD: 2, TaskRating.COMPLETED: 1,
    TaskRating.NOT_COMPLETED: 0,
}


class RecordSource(models.TextChoices):
    ENTERED = "entered", _("Entered")
    IMPORTED = "imported", _("Imported")
    ISSUED = "issued", _("Issued by Vinh Danh")


class InitiativeLevel(models.TextChoices):
    GRASSROOTS = "grassroots", _("Grassroots")
    PROVINCE = "province", _("Ministry or province")
    NATIONAL = "national", _("Nationwide")


INITIATIVE_RANK = {InitiativeLevel.GRASSROOTS: 1, InitiativeLevel.PROVINCE: 2,
                   InitiativeLevel.NATIONAL: 3}


class InitiativeKind(models.TextChoices):
    INITIATIVE = "initiative", _("Initiative")
    SCIENCE = "science", _("Scientific work")
    COMBAT = "combat", _("Combat ingenuity")


class RestrictionKind(models.TextChoices):
    """What blocks commendation while it lasts (Decree principles: no award meanwhile)."""

    DISCIPLINE = "discipline", _("Discipline")
    INVESTIGATION = "investigation", _("Investigation")
    INSPECTION = "inspection", _("Inspection")
    COMPLAINT = "complaint", _("Complaint or denunciation")


class DisciplineLevel(models.TextChoices):
    REPRIMAND = "reprimand", _("Reprimand")
    WARNING = "warning", _("Warning")
    DEMOTION = "demotion", _("Salary demotion or lowering of rank")
    REMOVAL = "removal", _("Removal from post")
    DISMISSAL = "dismissal", _("Dismissal")


DISCIPLINE_RANK = {DisciplineLevel.REPRIMAND: 1, DisciplineLevel.WARNING: 2,
                   DisciplineLevel.DEMOTION: 3, DisciplineLevel.REMOVAL: 4,
                   DisciplineLevel.DISMISSAL: 5}


class PackStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    PROBABLE = "probable", _("Probable, to be confirmed")


class Verdict(models.TextChoices):
    ELIGIBLE = "eligible", _("Eligible")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")
    MISSING = "missing", _("Information missing")
