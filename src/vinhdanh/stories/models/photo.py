"""A story's photo, stored resized and without its EXIF data (``stories.photos``)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField


# Unguessable names: a photo of an unpublished story must not be found by trying.
def image_path(photo, filename: str) -> str:
    return f"stories/{photo.public_id.hex}.jpg"


def thumbnail_path(photo, filename: str) -> str:
    return f"stories/{photo.public_id.hex}-t.jpg"


class StoryPhoto(models.Model):
    story = models.ForeignKey("stories.ExemplaryStory", verbose_name=_("story"),
                              on_delete=models.CASCADE, related_name="photos")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    image = models.FileField(_("photo"), upload_to=image_path)
    thumbnail = models.FileField(_("thumbnail"), upload_to=thumbnail_path)
    caption = NFCCharField(_("caption"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    thumb_width = models.PositiveIntegerField()
    thumb_height = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["position", "id"]

    def __str__(self):
        return self.caption or str(self.public_id)
