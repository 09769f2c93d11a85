"""The provincial emulation and commendation council: its members per term, its sessions,
the dossiers on a session's agenda and the secret ballot on each.

Secrecy by construction: who voted (``BallotReceipt``: member, time) and what was voted (the
three counters on ``AgendaItem``) are stored apart, and no row ever holds one member's
choice. The counters are read only once voting on the item has closed (services/ballots.py).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.council.enums import ItemState, MemberRole, SessionState
from vinhdanh.council.queries import CouncilSessionQuerySet


class CouncilMember(models.Model):
    """A member of the council for a term; ``unit`` is the member's own organisation, whose
    nominees the member may not vote on (automatic recusal)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("account"),
                             on_delete=models.PROTECT, related_name="council_memberships")
    name = NFCCharField(_("name"), max_length=200)
    position = NFCCharField(_("position"), max_length=255, blank=True)
    role = models.CharField(_("role in the council"), max_length=12,
                            choices=MemberRole.choices, default=MemberRole.MEMBER)
    unit = models.ForeignKey("organisations.Unit", verbose_name=_("own unit"), null=True,
                             blank=True, on_delete=models.PROTECT, related_name="+")
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"), null=True, blank=True)

    class Meta:
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        ordering = ["term_start", "role", "name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "term_start"], name="member_once_per_term"),
            models.CheckConstraint(condition=Q(term_end__isnull=True)
                                   | Q(term_end__gte=models.F("term_start")),
                                   name="member_term_ends_after_start"),
        ]

    def __str__(self):
        return self.name


class CouncilSession(models.Model):
    title = NFCCharField(_("title"), max_length=300)
    held_on = models.DateField(_("held on"))
    place = NFCCharField(_("place"), max_length=255, blank=True)
    secretary = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("secretary"),
                                  on_delete=models.PROTECT, related_name="+")
    state = models.CharField(_("state"), max_length=8, choices=SessionState.choices,
                             default=SessionState.DRAFT)
    members = models.ManyToManyField(CouncilMember, through="Attendance",
                                     related_name="sessions")

    objects = CouncilSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{self.title} ({self.held_on:%d/%m/%Y})"


class Attendance(models.Model):
    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE,
                                related_name="attendance")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField(_("present"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["session", "member"],
                                               name="attendance_once")]


class AgendaItem(models.Model):
    """One dossier before the council, with its ballot's outcome once voting closed."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="items")
    nomination = models.ForeignKey("nominations.Nomination", on_delete=models.PROTECT,
                                   related_name="agenda_items")
    position = models.PositiveSmallIntegerField(default=0)
    state = models.CharField(_("state"), max_length=8, choices=ItemState.choices,
                             default=ItemState.PENDING)
    # The tally: incremented as ballots are cast, never tied to a member; read after closing.
    agree = models.PositiveSmallIntegerField(default=0)
    disagree = models.PositiveSmallIntegerField(default=0)
    abstain = models.PositiveSmallIntegerField(default=0)
    # The rule applied, as it stood when voting closed.
    voters = models.PositiveSmallIntegerField(_("members counted"), null=True, blank=True)
    needed = models.PositiveSmallIntegerField(_("votes needed"), null=True, blank=True)
    rule = NFCTextField(_("rule applied"), blank=True)
    approved = models.BooleanField(_("approved"), null=True, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["session", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "nomination"],
                                               name="agenda_dossier_once")]


class Recusal(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="recusals")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    reason = NFCCharField(_("reason"), max_length=300)
    automatic = models.BooleanField(_("automatic"), default=False)

    class Meta:
        verbose_name = _("recusal")
        verbose_name_plural = _("recusals")
        constraints = [models.UniqueConstraint(fields=["item", "member"], name="recusal_once")]


class BallotReceipt(models.Model):
    """That ``member`` voted on ``item`` (in person, or in writing through the secretary);
    never what."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="receipts")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    written = models.BooleanField(_("written vote of an absent member"), default=False)

    class Meta:
        verbose_name = _("ballot receipt")
        verbose_name_plural = _("ballot receipts")
        constraints = [models.UniqueConstraint(fields=["item", "member"],
                                               name="one_ballot_per_member")]
