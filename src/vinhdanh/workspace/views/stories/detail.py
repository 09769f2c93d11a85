"""One story's page: its state and dates, the text, the honours and movements, the photos
with their forms, the buttons the user's permissions and the story's state allow, and the
action log."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from vinhdanh.stories.enums import StoryState
from vinhdanh.stories.services.editing import RECORD_RELATED
from vinhdanh.workspace.forms.stories import (
    PhotoArrangeForm,
    PhotoUploadForm,
    PublishForm,
    ReturnStoryForm,
    record_label,
)
from vinhdanh.workspace.views.common import recent_history
from vinhdanh.workspace.views.stories.common import visible_story


def permissions(user, story) -> dict:
    state = story.state
    return {
        "can_edit": user.has_perm("stories.change_story", story),
        "can_submit": state == StoryState.DRAFT and user.has_perm("stories.submit_story",
                                                                  story),
        "can_review": state == StoryState.REVIEW and user.has_perm("stories.review_story",
                                                                   story),
        "can_publish": user.has_perm("stories.publish_story", story),
    }


def _forms(story, photos, allowed: dict) -> dict:
    forms = {}
    if allowed["can_edit"]:
        forms["upload_form"] = PhotoUploadForm()
        forms["arrange_form"] = PhotoArrangeForm(photos=photos) if photos else None
    if allowed["can_review"]:
        forms["return_form"] = ReturnStoryForm()
    if allowed["can_publish"] and (story.state in (StoryState.REVIEW, StoryState.ARCHIVED)
                                   or story.is_scheduled):
        forms["publish_form"] = PublishForm(initial={"publish_on": story.publish_on})
    return forms


@login_required
@require_GET
def story_detail(request, pk):
    story = visible_story(request, pk)
    allowed = permissions(request.user, story)
    photos = list(story.photos.all())
    records = story.records.select_related(*RECORD_RELATED).order_by("-year", "id")
    return render(request, "workspace/stories/story_detail.html", {
        "story": story, "photos": photos,
        "records": [(record, record_label(record)) for record in records],
        "movements": story.movements.order_by("-starts_on", "id"),
        "history": recent_history(story), **allowed, **_forms(story, photos, allowed)})
