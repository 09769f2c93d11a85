from django.db import models
from django.utils.translation import gettext_lazy as _


class DecisionKind(models.TextChoices):
    AWARD = "award", _("Commendation")
    REVOCATION = "revocation", _("Revocation")


class DecisionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_SIGNATURE = "awaiting", _("Awaiting signature")
    ISSUED = "issued", _("Issued")


class RevocationGround(models.TextChoices):
    """Law on Emulation and Commendation 2022, Chapter VII: the four grounds for revoking."""

    DISHONEST = "dishonest", _("Dishonest declaration of achievements")
    FORGED = "forged", _("False or forged documents in the dossier")
    UNLAWFUL = "unlawful", _("Unlawful appraisal or review of the dossier")
    NOT_MET = "not_met", _("A later conclusion or judgment shows the standards were not met")


class JobState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Generating")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class CounterKind(models.TextChoices):
    DECISION = "decision", _("Decision number")
    GOLDEN_BOOK = "golden_book", _("Golden-book number")


# How a revocation decision states each ground (document text, always Vietnamese).
GROUND_TEXT = {
    RevocationGround.DISHONEST: "gian dối trong việc kê khai thành tích",
    RevocationGround.FORGED: "làm giả hồ sơ, giấy tờ cho bản thân hoặc cho người khác",
    RevocationGround.UNLAWFUL: "thẩm định, xét duyệt, đề nghị khen thưởng trái pháp luật",
    RevocationGround.NOT_MET: "có kết luận, bản án xác định không đủ tiêu chuẩn trong "
                              "thời gian được tính để khen thưởng",
}
