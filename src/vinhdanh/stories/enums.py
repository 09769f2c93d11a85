from django.db import models
from django.utils.translation import gettext_lazy as _


class StoryState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


# Photos per story: a gallery, not an album.
MAX_PHOTOS = 12
# Public summaries double as the page's meta description.
SUMMARY_LENGTH = 300
