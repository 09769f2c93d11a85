from django.db import models
from django.utils.translation import gettext_lazy as _


class CommendationType(models.TextChoices):
    """Loại hình khen thưởng (Law 2022 Art 2; the ND 152 report forms follow these)."""

    ANNUAL = "annual", _("Annual (year-end)")
    THEMATIC = "thematic", _("By movement or theme")
    AD_HOC = "ad_hoc", _("Ad hoc (irregular achievement)")
    LONG_SERVICE = "long_service", _("For long service and contribution")
    FOREIGN = "foreign", _("For foreigners")


class Procedure(models.TextChoices):
    NORMAL = "normal", _("Normal procedure")
    SIMPLIFIED = "simplified", _("Simplified procedure")


class NominationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    GROUP_REVIEW = "group_review", _("Group review")
    APPRAISAL = "appraisal", _("Board appraisal")
    PUBLIC_COMMENT = "public_comment", _("Public comment")
    READY = "ready", _("Ready for council")
    # Set by the council and decision steps (issue 6); no transition here leads to them.
    APPROVED = "approved", _("Approved by the council")
    DECIDED = "decided", _("Decided")
    RETURNED = "returned", _("Returned")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# States in which the proposing unit may still change the dossier.
EDITABLE_STATES = frozenset({NominationState.DRAFT, NominationState.RETURNED})
# States that end the journey: nothing moves a nomination out of them.
FINAL_STATES = frozenset({NominationState.DECIDED, NominationState.REJECTED,
                          NominationState.WITHDRAWN})
# States in which the dossier waits on the board or the group (counted for timeliness).
IN_PROGRESS_STATES = frozenset({NominationState.SUBMITTED, NominationState.GROUP_REVIEW,
                                NominationState.APPRAISAL, NominationState.PUBLIC_COMMENT,
                                NominationState.READY, NominationState.APPROVED})


class DocumentKind(models.TextChoices):
    SUBMISSION_LETTER = "submission_letter", _("Submission letter")
    REVIEW_MINUTES = "review_minutes", _("Minutes of the review meeting")
    ACHIEVEMENT_REPORT = "achievement_report", _("Achievement report")
    BRIEF_REPORT = "brief_report", _("Brief achievement report")
    INITIATIVE_PROOF = "initiative_proof", _("Proof of an initiative or scientific work")
    OTHER = "other", _("Other document")


# Documents of the whole batch; the others belong to one nomination.
BATCH_DOCUMENTS = frozenset({DocumentKind.SUBMISSION_LETTER, DocumentKind.REVIEW_MINUTES})


class CommentState(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected as spam or abuse")
