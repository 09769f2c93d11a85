"""Moving a story: the drafter submits it, the board returns, publishes (or schedules) and
archives it. The services check permissions and states again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.stories.services import workflow
from vinhdanh.workspace.forms.stories import PublishForm, ReturnStoryForm
from vinhdanh.workspace.views.common import run
from vinhdanh.workspace.views.stories.common import require, visible_story


def form_problem(request, form) -> None:
    messages.error(request, " ".join(str(error) for errors in form.errors.values()
                                     for error in errors))


@login_required
@require_POST
def story_submit(request, pk):
    story = visible_story(request, pk)
    require(request.user, "submit_story", story)
    run(request, lambda: workflow.submit_for_review(story, actor=request.user),
        _("The story was submitted for review."))
    return redirect(story)


@login_required
@require_POST
def story_return(request, pk):
    story = visible_story(request, pk)
    require(request.user, "review_story", story)
    form = ReturnStoryForm(request.POST)
    if not form.is_valid():
        form_problem(request, form)
    else:
        run(request, lambda: workflow.return_to_draft(
            story, actor=request.user, reason=form.cleaned_data["reason"]),
            _("The story was returned to its drafter."))
    return redirect(story)


@login_required
@require_POST
def story_publish(request, pk):
    story = visible_story(request, pk)
    require(request.user, "publish_story", story)
    form = PublishForm(request.POST)
    if not form.is_valid():
        form_problem(request, form)
    elif run(request, lambda: workflow.publish(
            story, actor=request.user, publish_on=form.cleaned_data["publish_on"]),
            _("The story was published.")) and story.is_scheduled:
        messages.info(request, _("It appears on the public site on %(day)s.") % {
            "day": story.publish_on.strftime("%d/%m/%Y")})
    return redirect(story)


@login_required
@require_POST
def story_archive(request, pk):
    story = visible_story(request, pk)
    require(request.user, "publish_story", story)
    run(request, lambda: workflow.archive(story, actor=request.user),
        _("The story was archived: it is no longer on the public site."))
    return redirect(story)
