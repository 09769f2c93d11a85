"""A commendation (or revocation) decision and the lines of its annex."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.decisions.enums import DecisionKind, DecisionState, RevocationGround
from vinhdanh.decisions.queries import DecisionQuerySet
from vinhdanh.honors.models.candidate import CandidateFields, one_candidate


class Decision(models.Model):
    issuer = models.ForeignKey("decisions.Issuer", verbose_name=_("issuer"),
                               on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField(_("kind"), max_length=10, choices=DecisionKind.choices,
                            default=DecisionKind.AWARD)
    state = models.CharField(_("state"), max_length=8, choices=DecisionState.choices,
                             default=DecisionState.DRAFT)
    version = models.PositiveIntegerField(default=1)
    # Given at issuing, from NumberCounter: unique per issuer and year, gapless.
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year of the number"), null=True, blank=True)
    decided_on = models.DateField(
        _("decision date"),
        help_text=_("The signing date; bonuses use the base salary and rules in force on it."))
    subject = NFCCharField(_("subject"), max_length=500,
                           help_text=_("Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân "
                                       "tỉnh"))
    legal_bases = NFCTextField(_("legal bases"), help_text=_("One per line."))
    proposal = NFCTextField(
        _("proposal"), blank=True,
        help_text=_("Xét đề nghị của Trưởng Ban Thi đua - Khen thưởng tỉnh tại Tờ trình …"))
    citation = NFCCharField(
        _("citation"), max_length=500, blank=True,
        help_text=_("Đã có thành tích xuất sắc trong … (the default achievement text)"))
    copies_to = NFCTextField(_("recipients of copies"), blank=True,
                             help_text=_("One per line."))
    council_session = models.ForeignKey("council.CouncilSession", verbose_name=_("council session"),
                                        null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="decisions")
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("signer"), null=True,
                               blank=True, on_delete=models.PROTECT, related_name="+")
    signer_authority = NFCCharField(_("signing capacity"), max_length=100, blank=True,
                                    help_text=_("KT. CHỦ TỊCH, TM. ỦY BAN NHÂN DÂN, or empty"))
    signer_title = NFCCharField(_("signer's title"), max_length=100)
    signer_name = NFCCharField(_("signer's name"), max_length=200)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    return_reason = NFCTextField(_("reason returned"), blank=True)
    word_file = models.FileField(_("Word file"), upload_to="decisions/%Y/", blank=True)
    pdf_file = models.FileField(_("PDF file"), upload_to="decisions/%Y/", blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    pdf_signed = models.BooleanField(_("digitally signed"), default=False)
    # Folded subject, reference, authority, recipients and honours (services/search.py):
    # filled when the decision is issued, since only issued decisions are searched.
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_on", "-number", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "year", "number"],
                                    name="decision_number_unique_per_issuer_year"),
            models.CheckConstraint(
                condition=Q(state=DecisionState.ISSUED, number__isnull=False,
                            year__isnull=False)
                | ~Q(state=DecisionState.ISSUED) & Q(number__isnull=True),
                name="decision_number_iff_issued"),
        ]

    def __str__(self):
        return self.reference or _("Draft decision: %(subject)s") % {"subject": self.subject}

    def get_absolute_url(self):
        return reverse("workspace:decision-detail", args=[self.pk])

    @property
    def reference(self) -> str:
        """"123/QĐ-UBND" once issued; empty for a draft."""
        return f"{self.number}/{self.issuer.symbol}" if self.number else ""

    @property
    def is_issued(self) -> bool:
        return self.state == DecisionState.ISSUED


class DecisionEntry(CandidateFields):
    """One line of the annex: a recipient, the honour, the bonus; or, in a revocation
    decision, the honour revoked (``revokes``) and the ground."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="entries")
    position = models.PositiveIntegerField(default=0)
    nomination = models.ForeignKey("nominations.Nomination", verbose_name=_("dossier"),
                                   null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="decision_entries")
    honor = models.ForeignKey("honors.Honor", verbose_name=_("honour"),
                              on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year of the achievement"))
    first_year = models.PositiveSmallIntegerField(null=True, blank=True)
    recipient_name = NFCCharField(_("recipient as printed"), max_length=300)
    recipient_detail = NFCCharField(_("position and unit"), max_length=500, blank=True)
    achievement = NFCCharField(_("achievement"), max_length=600, blank=True)
    bonus_amount = models.PositiveBigIntegerField(_("bonus (VND)"), default=0)
    bonus_paid = models.BooleanField(default=True)
    bonus_confirmed = models.BooleanField(default=True)
    bonus_explanation = NFCCharField(max_length=500, blank=True)
    golden_book_number = models.PositiveIntegerField(_("golden-book number"), null=True,
                                                     blank=True)
    honor_record = models.OneToOneField("honors.HonorRecord", null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="decision_entry")
    revokes = models.ForeignKey("self", verbose_name=_("revokes"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="revocations")
    ground = models.CharField(_("ground"), max_length=10, choices=RevocationGround.choices,
                              blank=True)
    reason = NFCTextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("decision line")
        verbose_name_plural = _("decision lines")
        ordering = ["decision", "honor__position", "position", "id"]
        constraints = [
            one_candidate("decision_entry_one_candidate"),
            models.UniqueConstraint(fields=["decision", "nomination"],
                                    name="nomination_once_per_decision"),
        ]

    def __str__(self):
        return f"{self.honor}: {self.recipient_name}"
