"""An exemplary story (gương điển hình tiên tiến): a text about an honoured person,
collective or household, with its photos, linked to the honour records and movements it
tells of."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.fields import NFCCharField, NFCTextField
from vinhdanh.core.text import fold
from vinhdanh.honors.enums import SubjectKind
from vinhdanh.stories.enums import SUMMARY_LENGTH, StoryState
from vinhdanh.stories.queries import StoryQuerySet


class ExemplaryStory(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Readable address for sharing; fixed once the story has been published.
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    title = NFCCharField(_("story title"), max_length=300)
    summary = NFCCharField(_("story summary"), max_length=SUMMARY_LENGTH,
                           help_text=_("At most 300 characters; shown in lists and when the "
                                       "page is shared."))
    body = NFCTextField(_("story text"), help_text=_("Plain text; a blank line starts a new "
                                                "paragraph."))
    subject_kind = models.CharField(_("subject"), max_length=10, choices=SubjectKind.choices)
    records = models.ManyToManyField("honors.HonorRecord", verbose_name=_("honour records"),
                                     related_name="stories")
    movements = models.ManyToManyField("movements.Movement", verbose_name=_("movements"),
                                       related_name="stories", blank=True)
    # The subject's unit: whose staff see and draft the story.
    unit = models.ForeignKey("organisations.Unit", verbose_name=_("unit"),
                             on_delete=models.PROTECT, related_name="stories")
    state = models.CharField(_("state"), max_length=10, choices=StoryState.choices,
                             default=StoryState.DRAFT)
    publish_on = models.DateField(_("publishing date"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    return_reason = NFCTextField(_("reason returned"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Counted by ``services.reads.record_read`` with an UPDATE that leaves updated_at alone.
    read_count = models.PositiveIntegerField(_("reads"), default=0)
    search_text = models.CharField(max_length=1200, editable=False, default="", db_index=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("exemplary story")
        verbose_name_plural = _("exemplary stories")
        ordering = ["-published_at", "-created_at", "-id"]
        indexes = [models.Index(fields=["state", "published_at"]),
                   models.Index(fields=["publish_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workspace:story-detail", args=[self.pk])

    def get_public_url(self):
        return reverse("public:story", args=[self.slug])

    @property
    def is_scheduled(self) -> bool:
        """Published for a day still to come: not public yet."""
        return (self.state == StoryState.PUBLISHED and self.published_at is not None
                and self.published_at > timezone.now())

    @property
    def is_public(self) -> bool:
        return self.state == StoryState.PUBLISHED and not self.is_scheduled

    def refresh_search(self, subject_names) -> None:
        """The folded search column: title, summary and the subjects' names."""
        self.search_text = fold(" ".join([self.title, self.summary, *subject_names]))[:1200]
