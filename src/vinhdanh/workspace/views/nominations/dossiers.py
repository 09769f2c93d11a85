"""The page of one dossier (hồ sơ) and its buttons: every transition the user may try posts
to one view, which calls the workflow with the version the page showed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vinhdanh.nominations.enums import EDITABLE_STATES, CommentState
from vinhdanh.nominations.services import deadlines, eligibility, workflow
from vinhdanh.workspace.forms.nominations import ActionForm, DocumentForm, GenerateForm
from vinhdanh.workspace.views.common import recent_history, run
from vinhdanh.workspace.views.nominations.support import (
    ACTION_LABELS,
    form_problems,
    missing_of,
    present_kinds,
    verdict_rows,
    visible_nomination,
)

FUNCTIONS = {"submit": workflow.submit, "receive": workflow.receive,
             "start_group_review": workflow.start_group_review, "forward": workflow.forward,
             "return": workflow.return_nomination, "reject": workflow.reject,
             "withdraw": workflow.withdraw, "pass_to_council": workflow.pass_to_council}
NOTICE_PATH = "/board/notices/new/"


def _notice_url(nomination) -> str:
    """The board's page that publishes candidates for comment (views/board/)."""
    try:
        base = reverse("workspace:notice-create")
    except NoReverseMatch:
        base = NOTICE_PATH
    return f"{base}?nominations={nomination.pk}"


def _buttons(nomination, user) -> list[dict]:
    buttons = []
    for name in workflow.allowed_actions(nomination, user):
        transition = workflow.TRANSITIONS[name]
        buttons.append({"name": name, "label": ACTION_LABELS[name],
                        "needs_reason": transition.needs_reason,
                        "needs_justification": name == "submit",
                        "link": _notice_url(nomination) if name == "publish" else ""})
    return buttons


def _documents(nomination):
    return (nomination.documents.select_related("uploaded_by", "replaced_by")
            .order_by("kind", "-uploaded_at", "-id"))


def _journey(nomination) -> list:
    steps = list(workflow.journey(nomination))
    for step in steps:
        step.overdue = step.on_time is False
    return steps


@login_required
@require_GET
def nomination_detail(request, pk):
    nomination = visible_nomination(request, pk)
    user = request.user
    batch = nomination.batch
    editable = (nomination.state in EDITABLE_STATES
                and user.has_perm("nominations.change_nominationbatch", batch))
    context = {
        "nomination": nomination, "batch": batch,
        "overdue_days": deadlines.days_overdue(nomination),
        "reasons": verdict_rows(nomination),
        "missing": missing_of(nomination, present_kinds(batch)),
        "documents": _documents(nomination),
        "batch_documents": batch.documents.filter(nomination__isnull=True,
                                                  replaced_by__isnull=True),
        "steps": _journey(nomination),
        "comments": nomination.comments.exclude(state=CommentState.REJECTED)
        .select_related("notice"),
        "buttons": _buttons(nomination, user), "editable": editable,
        "history": recent_history(nomination),
    }
    if editable:
        context.update(document_form=DocumentForm(for_batch=False),
                       generate_form=GenerateForm(for_batch=False))
    return render(request, "workspace/nominations/nomination_detail.html", context)


def _act(request, nomination, data):
    action = data["action"]
    kwargs = {"expected_version": data["version"]}
    if workflow.TRANSITIONS[action].needs_reason:
        kwargs["reason"] = data["reason"]
    if action == "submit":
        kwargs["justification"] = data["justification"]
    FUNCTIONS[action](nomination, actor=request.user, **kwargs)


@login_required
@require_POST
def nomination_act(request, pk):
    nomination = visible_nomination(request, pk)
    form = ActionForm(request.POST)
    if not form.is_valid() or form.cleaned_data["action"] not in FUNCTIONS:
        form_problems(request, form)
        if form.is_valid():
            messages.error(request, _("This action is not available here."))
        return redirect(nomination)
    label = ACTION_LABELS[form.cleaned_data["action"]]
    run(request, lambda: _act(request, nomination, form.cleaned_data),
        _("Done: %(action)s.") % {"action": label})
    return redirect(nomination)


@login_required
@require_POST
def nomination_check(request, pk):
    nomination = visible_nomination(request, pk, "change_nominationbatch")
    eligibility.evaluate(nomination, save=True)
    messages.success(request, _("The eligibility of the candidate was checked."))
    return redirect(nomination)
