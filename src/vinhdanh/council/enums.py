from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    MEMBER = "member", _("Member")


class SessionState(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    OPEN = "open", _("In session")
    CLOSED = "closed", _("Session closed")


class ItemState(models.TextChoices):
    PENDING = "pending", _("Not voted yet")
    VOTING = "voting", _("Voting open")
    CLOSED = "closed", _("Voting closed")


class Choice(models.TextChoices):
    AGREE = "agree", _("Agree")
    DISAGREE = "disagree", _("Disagree")
    ABSTAIN = "abstain", _("Abstain")
