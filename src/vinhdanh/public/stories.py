"""What the public site may show of an exemplary story, and nothing more.

Pages get the frozen records built here — titles, texts, photo addresses, the subjects'
names, the honours' names, years and decision numbers — never a story, a Person or an
honour record, so a template cannot reach a citizen ID, a date of birth or an internal
note. Everything is read from ``read_db()`` (the replica when there is one) and only what
``published()`` lets through: a draft, a story in review, an archived one or one scheduled
for later does not exist here, nor do its photos.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from vinhdanh.core.db import read_db
from vinhdanh.organisations.models import Unit
from vinhdanh.organisations.queries import search_q
from vinhdanh.stories.models import ExemplaryStory, StoryPhoto
from vinhdanh.stories.services.editing import subject_name

RECORD_RELATED = ("honor", "person__unit", "unit", "household__unit")


@dataclass(frozen=True)
class PublicPhoto:
    url: str
    thumb_url: str
    caption: str
    width: int
    height: int
    thumb_width: int
    thumb_height: int


@dataclass(frozen=True)
class PublicHonour:
    holder: str
    honour: str
    year: int
    decision_number: str
    decision_date: dt.date | None


@dataclass(frozen=True)
class PublicStory:
    url: str
    title: str
    summary: str
    body: str
    subject_kind: str
    subjects: tuple[str, ...]
    unit: str
    published_on: dt.date
    read_count: int
    photos: tuple[PublicPhoto, ...]
    honours: tuple[PublicHonour, ...]
    movements: tuple[str, ...]


@dataclass(frozen=True)
class StoryCard:
    url: str
    title: str
    summary: str
    unit: str
    published_on: dt.date
    read_count: int
    thumb_url: str


def published_stories():
    return ExemplaryStory.objects.using(read_db()).published()


def _by_key(stories, key: str):
    """A story by its readable address, or by its public id (a link that outlived a title
    change)."""
    found = stories.filter(slug=key).first()
    if found is None:
        try:
            found = stories.filter(public_id=uuid.UUID(key)).first()
        except ValueError:
            found = None
    if found is None:
        raise Http404
    return found


def find_story(key: str) -> ExemplaryStory:
    """The published story at ``key`` with only what the page needs before its cache: its
    id, address and last change (one query)."""
    return _by_key(published_stories().only("pk", "slug", "updated_at"), key)


def photo_url(photo_id: uuid.UUID, *, thumbnail: bool = False) -> str:
    name = "public:story-thumb" if thumbnail else "public:story-photo"
    return reverse(name, args=[photo_id])


def _photo(photo: StoryPhoto) -> PublicPhoto:
    return PublicPhoto(url=photo_url(photo.public_id),
                       thumb_url=photo_url(photo.public_id, thumbnail=True),
                       caption=photo.caption, width=photo.width, height=photo.height,
                       thumb_width=photo.thumb_width, thumb_height=photo.thumb_height)


def _honour(record) -> PublicHonour:
    return PublicHonour(holder=subject_name(record), honour=record.honor.name,
                        year=record.year, decision_number=record.decision_number,
                        decision_date=record.decision_date)


def public_story(pk: int) -> PublicStory:
    """The page's data for the published story ``pk`` (four queries)."""
    story = published_stories().select_related("unit").get(pk=pk)
    records = list(story.records.filter(revoked_on__isnull=True)
                   .select_related(*RECORD_RELATED).order_by("-year", "honor__position"))
    return PublicStory(
        url=story.get_public_url(), title=story.title, summary=story.summary,
        body=story.body, subject_kind=story.get_subject_kind_display(),
        subjects=tuple(dict.fromkeys(subject_name(record) for record in records)),
        unit=story.unit.name, published_on=timezone.localdate(story.published_at),
        read_count=story.read_count,
        photos=tuple(_photo(photo) for photo in story.photos.all()),
        honours=tuple(_honour(record) for record in records),
        movements=tuple(story.movements.order_by("-starts_on").values_list("name", flat=True)))


def _first_photo():
    return Subquery(StoryPhoto.objects.filter(story=OuterRef("pk"))
                    .order_by("position", "id").values("public_id")[:1])


def filtered(*, text: str = "", year: int | None = None, unit_id: int | None = None):
    """Published stories, newest first, matching the public list's filters."""
    stories = published_stories()
    if text:
        stories = stories.filter(search_q(text))
    if year:
        stories = stories.filter(published_at__year=year)
    if unit_id:
        stories = stories.filter(unit_id=unit_id)
    return (stories.select_related("unit").annotate(first_photo=_first_photo())
            .only("slug", "title", "summary", "published_at", "read_count", "unit__name")
            .order_by("-published_at", "-id"))


def cards(stories) -> list[StoryCard]:
    return [StoryCard(url=story.get_public_url(), title=story.title, summary=story.summary,
                      unit=story.unit.name, published_on=timezone.localdate(story.published_at),
                      read_count=story.read_count,
                      thumb_url=photo_url(story.first_photo, thumbnail=True)
                      if story.first_photo else "")
            for story in stories]


def story_years() -> list[int]:
    return sorted({moment.year for moment in
                   published_stories().datetimes("published_at", "year")}, reverse=True)


def story_units():
    """Units owning a published story: the list's unit filter."""
    return (Unit.objects.using(read_db())
            .filter(pk__in=published_stories().values("unit_id")).order_by("sort_key"))


def published_photo(public_id: uuid.UUID) -> StoryPhoto:
    """A photo of a published story, else 404: no other photo is ever served publicly."""
    photo = (StoryPhoto.objects.using(read_db())
             .filter(public_id=public_id, story__in=published_stories()).first())
    if photo is None:
        raise Http404
    return photo
