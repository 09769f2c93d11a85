"""Writing a story: creating the draft and changing its text and links.

The subject kind and the owner unit come from the honour records the story tells of: the
records must all be of individuals, of collectives or of households, and the story belongs
to the unit of the first one's subject, whose staff see it. The readable address (slug) is
made from the folded title and follows the title until the story is first published.
"""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import fold, nfc
from vinhdanh.stories.enums import StoryState
from vinhdanh.stories.models import ExemplaryStory
from vinhdanh.stories.queries import records_for, subject_unit
from vinhdanh.stories.rules import drafts_for_unit
from vinhdanh.stories.services.common import log, require

TEXT_FIELDS = ("title", "summary", "body")
PLANNED = (StoryState.DRAFT, StoryState.REVIEW)
RECORD_RELATED = ("person__unit", "unit", "household__unit", "honor")


def unique_slug(title: str, *, exclude: int | None = None) -> str:
    """"Nông dân sản xuất giỏi" → "nong-dan-san-xuat-gioi" (or "…-2" when taken)."""
    base = slugify(fold(title))[:80].strip("-") or "cau-chuyen"
    taken = set(ExemplaryStory.objects.filter(slug__startswith=base).exclude(pk=exclude)
                .values_list("slug", flat=True))
    number = 2
    slug = base
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def subject_name(record) -> str:
    if record.person_id:
        return record.person.full_name
    return record.unit.name if record.unit_id else record.household.head_name


def _records(actor, records) -> list:
    """The records, checked: at least one, one kind of subject, all within reach."""
    records = list(records)
    if not records:
        raise DomainError({"records": [_("Choose at least one honour record.")]})
    if len({record.subject for record in records}) > 1:
        raise DomainError({"records": [_("The honour records must all be of individuals, "
                                         "all of collectives or all of households.")]})
    if any(record.revoked_on for record in records):
        raise DomainError({"records": [_("A revoked honour cannot be told as an example.")]})
    if actor is not None:
        reachable = records_for(actor).filter(pk__in=[r.pk for r in records]).count()
        if reachable != len(records):
            raise DomainError({"records": [_("You may only write about honours of the "
                                             "units you work for.")]})
    return records


def _texts(values: dict) -> dict:
    cleaned = {name: nfc(values[name] or "") for name in TEXT_FIELDS if name in values}
    missing = {name: [_("This field is required.")] for name, text in cleaned.items()
               if not text}
    if missing:
        raise DomainError(missing)
    return cleaned


def _link(story, *, actor, records, movements) -> None:
    """Sets the subject, unit and links from ``records`` (and ``movements`` if given)."""
    if records is not None:
        records = _records(actor, records)
        story.subject_kind = records[0].subject
        story.unit = subject_unit(records[0])
        if actor is not None and not drafts_for_unit(actor, story.unit):
            raise DomainError({"records": [_("You may not write about this subject.")]})
    story.full_clean(exclude=["slug", "records", "movements"])
    story.save()
    if records is not None:
        story.records.set(records)
    if movements is not None:
        story.movements.set(movements)


def _refresh_search(story) -> None:
    names = [subject_name(r) for r in story.records.select_related(*RECORD_RELATED)]
    story.refresh_search(names)
    type(story).objects.filter(pk=story.pk).update(search_text=story.search_text)


@transaction.atomic
def create_story(*, actor, title: str, summary: str, body: str, records, movements=(),
                 publish_on=None) -> ExemplaryStory:
    """A draft story by ``actor`` about the subject of ``records``."""
    require(actor, "stories.add_story")
    texts = _texts({"title": title, "summary": summary, "body": body})
    story = ExemplaryStory(**texts, publish_on=publish_on, slug=unique_slug(texts["title"]),
                           author=actor)
    _link(story, actor=actor, records=records, movements=movements)
    _refresh_search(story)
    log(story, actor=actor, action="created",
        message=_("Drafted the story “%(title)s”") % {"title": story.title})
    return story


@transaction.atomic
def update_story(story: ExemplaryStory, *, actor, records=None, movements=None,
                 **changes) -> ExemplaryStory:
    """Changes the text, the planned date and the links; the state stays."""
    require(actor, "stories.change_story", story)
    if story.state == StoryState.ARCHIVED:
        raise DomainError(_("An archived story cannot be changed."))
    for name, value in _texts(changes).items():
        setattr(story, name, value)
    # Once published, the date is the publication's own (``workflow.publish`` sets it).
    if "publish_on" in changes and story.state in PLANNED:
        story.publish_on = changes["publish_on"]
    if story.published_at is None:
        story.slug = unique_slug(story.title, exclude=story.pk)
    _link(story, actor=actor, records=records, movements=movements)
    _refresh_search(story)
    log(story, actor=actor, action="updated",
        message=_("Edited the story “%(title)s”") % {"title": story.title})
    return story
