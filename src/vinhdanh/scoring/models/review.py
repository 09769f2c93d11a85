from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField


class YearEndReview(models.Model):
    """A group's year-end review meeting (hội nghị tổng kết): results, votes, handover."""

    group = models.OneToOneField("organisations.EmulationGroup", verbose_name=_("group"),
                                 on_delete=models.CASCADE, related_name="review")
    held_on = models.DateField(_("date"))
    venue = NFCCharField(_("venue"), max_length=255, blank=True)
    chaired_by = NFCCharField(_("chaired by"), max_length=255, blank=True)
    participants = models.ManyToManyField("organisations.Unit",
                                          verbose_name=_("participating units"), blank=True,
                                          related_name="+")
    guests = NFCTextField(_("guests"), blank=True)
    results = NFCTextField(_("results of the year"), blank=True)
    directions = NFCTextField(_("direction for next year"), blank=True)
    handover = models.ForeignKey("organisations.HandoverRecord", verbose_name=_("handover"),
                                 null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    minutes = models.FileField(_("minutes"), upload_to="reviews/%Y/", blank=True)

    class Meta:
        verbose_name = _("year-end review")
        verbose_name_plural = _("year-end reviews")

    def __str__(self):
        return str(self.group)


class ProposalVote(models.Model):
    """The review meeting's vote on one proposal (counts only: the vote is by show of
    hands or secret ballot among member units, recorded by the secretary)."""

    review = models.ForeignKey(YearEndReview, on_delete=models.CASCADE, related_name="votes")
    proposal = models.OneToOneField("scoring.Proposal", on_delete=models.CASCADE,
                                    related_name="vote")
    agree = models.PositiveSmallIntegerField(_("agree"))
    disagree = models.PositiveSmallIntegerField(_("disagree"), default=0)
    abstain = models.PositiveSmallIntegerField(_("abstain"), default=0)
    approved = models.BooleanField(_("approved"))

    class Meta:
        verbose_name = _("vote on a proposal")
        verbose_name_plural = _("votes on proposals")
