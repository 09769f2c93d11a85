"""A story's photos: adding (resized, without EXIF), removing, ordering and captions.

Every change renews the story's ``updated_at``, so its public page is built again.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.stories import photos
from vinhdanh.stories.enums import MAX_PHOTOS
from vinhdanh.stories.models import ExemplaryStory, StoryPhoto
from vinhdanh.stories.services.common import log, require, touch

REFUSALS = {
    "size": gettext_lazy("The photo is larger than 20 MB."),
    "pixels": gettext_lazy("The photo has more than 40 megapixels."),
    "format": gettext_lazy("The file is not a photo (JPEG, PNG, WebP or GIF)."),
}


def refusal(upload) -> str | None:
    """Why ``upload`` cannot be a photo, or None; a cheap check for forms (no resizing)."""
    try:
        photos.check(upload)
    except photos.PhotoRefused as refused:
        return str(REFUSALS[refused.reason])
    return None


def _processed(upload) -> photos.ProcessedPhoto:
    try:
        return photos.process(upload)
    except photos.PhotoRefused as refused:
        raise DomainError({"photos": [_("%(name)s: %(problem)s") % {
            "name": upload.name, "problem": REFUSALS[refused.reason]}]}) from None


def _stored(story, processed: photos.ProcessedPhoto, *, caption: str, position: int):
    photo = StoryPhoto(story=story, caption=nfc(caption), position=position,
                       width=processed.image.width, height=processed.image.height,
                       thumb_width=processed.thumbnail.width,
                       thumb_height=processed.thumbnail.height)
    photo.image.save("photo.jpg", ContentFile(processed.image.data), save=False)
    photo.thumbnail.save("thumb.jpg", ContentFile(processed.thumbnail.data), save=False)
    photo.save()
    return photo


@transaction.atomic
def add_photos(story: ExemplaryStory, *, actor, uploads, caption: str = "") -> list:
    """Adds ``uploads`` after the story's photos (all or none)."""
    require(actor, "stories.change_story", story)
    ExemplaryStory.objects.select_for_update().filter(pk=story.pk).first()
    present = story.photos.count()
    if present + len(uploads) > MAX_PHOTOS:
        raise DomainError({"photos": [_("A story has at most %(max)s photos; it has "
                                        "%(count)s.") % {"max": MAX_PHOTOS, "count": present}]})
    processed = [_processed(upload) for upload in uploads]
    start = (story.photos.aggregate(last=Max("position"))["last"] or 0) + 1
    added = [_stored(story, item, caption=caption, position=start + index)
             for index, item in enumerate(processed)]
    touch(story)
    log(story, actor=actor, action="photos_added",
        message=_("Added %(count)s photos") % {"count": len(added)})
    return added


def _delete_files(names) -> None:
    from django.core.files.storage import default_storage

    for name in names:
        default_storage.delete(name)


@transaction.atomic
def remove_photo(photo: StoryPhoto, *, actor) -> None:
    """Removes the photo; its files go once the removal is committed."""
    story = photo.story
    require(actor, "stories.change_story", story)
    names = [photo.image.name, photo.thumbnail.name]
    photo.delete()
    transaction.on_commit(lambda: _delete_files(names))
    touch(story)
    log(story, actor=actor, action="photo_removed",
        message=_("Removed a photo: %(caption)s") % {"caption": photo.caption or "–"})


@transaction.atomic
def arrange_photos(story: ExemplaryStory, *, actor, captions: dict, order: list) -> None:
    """Sets each photo's caption (``{photo id: text}``) and their order (ids, first first)."""
    require(actor, "stories.change_story", story)
    rows = {photo.pk: photo for photo in story.photos.all()}
    ranked = [pk for pk in order if pk in rows] + [pk for pk in rows if pk not in order]
    for position, pk in enumerate(ranked, start=1):
        rows[pk].position = position
        rows[pk].caption = nfc(captions.get(pk, rows[pk].caption) or "")
    StoryPhoto.objects.bulk_update(rows.values(), ["position", "caption"])
    touch(story)
    log(story, actor=actor, action="photos_arranged", message=_("Arranged the photos"))
