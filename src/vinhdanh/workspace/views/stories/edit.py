"""Writing a story: the new-story form, editing, and the honour-record search of the form
(htmx: typing a name lists that subject's records to tick)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.organisations.queries import search_q
from vinhdanh.stories.enums import StoryState
from vinhdanh.stories.queries import records_for
from vinhdanh.stories.services import editing
from vinhdanh.workspace.forms.stories import StoryForm, record_choices
from vinhdanh.workspace.views.common import posted, save_form
from vinhdanh.workspace.views.stories.common import require, visible_story

SEARCH_LIMIT = 30
PLANNED = (StoryState.DRAFT, StoryState.REVIEW)


@login_required
def story_create(request):
    require(request.user, "add_story")
    form = StoryForm(posted(request), user=request.user)
    story = save_form(request, form, lambda data: editing.create_story(
        actor=request.user, **data))
    if story is not None:
        messages.success(request, _("The story was saved as a draft."))
        return redirect(story)
    return render(request, "workspace/stories/story_form.html", {"form": form})


def _initial(story) -> dict:
    return {"title": story.title, "summary": story.summary, "body": story.body,
            "publish_on": story.publish_on, "records": list(story.records.all()),
            "movements": list(story.movements.all())}


@login_required
def story_edit(request, pk):
    story = visible_story(request, pk)
    require(request.user, "change_story", story)
    form = StoryForm(posted(request), user=request.user, initial=_initial(story),
                     planned=story.state in PLANNED)
    if save_form(request, form, lambda data: editing.update_story(
            story, actor=request.user, **data)):
        messages.success(request, _("The story was saved."))
        return redirect(story)
    return render(request, "workspace/stories/story_form.html",
                  {"form": form, "story": story})


def _subject_matches(text: str):
    return (search_q(text, "person__search_text") | search_q(text, "unit__search_text")
            | search_q(text, "household__search_text"))


@login_required
@require_GET
def record_search(request):
    """Checkboxes for the records of the subjects whose names match ``?find=``."""
    text = request.GET.get("find", "").strip()
    chosen = {int(pk) for pk in request.GET.getlist("records") if pk.isdigit()}
    records = records_for(request.user).none()
    if len(text) >= 2:
        records = (records_for(request.user).filter(_subject_matches(text))
                   .exclude(pk__in=chosen).order_by("-year", "id")[:SEARCH_LIMIT])
    return render(request, "workspace/stories/_record_results.html",
                  {"choices": record_choices(records), "find": text})
