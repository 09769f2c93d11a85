"""Public comment (lấy ý kiến nhân dân) on the staff side: publishing candidates in
appraisal, the list of notices, one notice with its comments to moderate and answer.

A notice is shown when one of its candidates is visible to the user; the board, who holds
``nominations.moderate_comment``, sees them all.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vinhdanh.core.errors import DomainError
from vinhdanh.nominations.enums import CommentState
from vinhdanh.nominations.enums import NominationState as S
from vinhdanh.nominations.models import Nomination, PublicComment, PublicNotice
from vinhdanh.nominations.services import comments
from vinhdanh.nominations.services.requirements import public_comment_days
from vinhdanh.workspace.access import require_perm
from vinhdanh.workspace.forms.board import AnswerForm, NoticeForm
from vinhdanh.workspace.views.common import (
    posted,
    run,
    save_form,
    vary_on_htmx,
    wants_fragment,
)

PAGE_SIZE = 50
CANDIDATE_RELATED = ("batch", "batch__proposing_unit", "honor", "person", "unit", "household")


def _require(user) -> None:
    require_perm(user, "moderate_comment", app="nominations")


def visible_notices(user):
    seen = Nomination.objects.visible_to(user).values("pk")
    return PublicNotice.objects.filter(
        pk__in=PublicNotice.objects.filter(nominations__in=seen).values("pk"))


@login_required
@require_GET
def notice_list(request):
    _require(request.user)
    notices = visible_notices(request.user).annotate(
        candidate_count=Count("nominations", distinct=True),
        pending_count=Count("comments", filter=Q(comments__state=CommentState.PENDING),
                            distinct=True),
        unanswered_count=Count("comments", filter=Q(comments__state=CommentState.ACCEPTED,
                                                    comments__answered_at__isnull=True),
                               distinct=True)).order_by("-opens_on", "-id")
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    for notice in page.object_list:
        notice.open = comments.is_open(notice, today)
    template = "workspace/board/notice_list.html"
    if wants_fragment(request):
        template += "#results"
    return vary_on_htmx(render(request, template, {
        "page": page, "page_range": page.paginator.get_elided_page_range(page.number)}))


# -- publishing ----------------------------------------------------------------------------

def _chosen_ids(request) -> list[int]:
    """``?nominations=1,2`` (a link) or ``?selected=1&selected=2`` (the inbox's rows)."""
    raw = ",".join([request.GET.get("nominations", ""), *request.GET.getlist("selected")])
    return [int(part) for part in raw.split(",") if part.strip().isdigit()]


def needed_days(nominations, day=None):
    """The longest public comment the rule pack asks for these candidates' honours (a Param
    with its article), or None without candidates."""
    figures = [public_comment_days(n.honor, day) for n in nominations]
    return max(figures, key=lambda figure: int(figure.value or 0), default=None)


def _publish(request, data):
    return comments.publish_notice(list(data["nominations"]), actor=request.user,
                                   title=data["title"], days=data["days"], intro=data["intro"])


@login_required
def notice_create(request):
    _require(request.user)
    candidates = (Nomination.objects.visible_to(request.user).filter(state=S.APPRAISAL)
                  .select_related(*CANDIDATE_RELATED).order_by("batch__year", "honor__position",
                                                                "id"))
    wanted = set(_chosen_ids(request))
    chosen = [n for n in candidates if n.pk in wanted]
    needed = needed_days(chosen)
    initial = {"nominations": chosen, "days": max(int(needed.value or 0), 1) if needed else None}
    form = NoticeForm(posted(request), nominations=candidates, initial=initial)
    notice = save_form(request, form, lambda data: _publish(request, data))
    if notice:
        messages.success(request, _("The candidates were published for public comment until "
                                    "%(day)s.") % {"day": f"{notice.closes_on:%d/%m/%Y}"})
        return redirect("workspace:notice-detail", pk=notice.pk)
    if form.is_bound and getattr(form, "cleaned_data", {}).get("nominations"):
        needed = needed_days(form.cleaned_data["nominations"])
    return render(request, "workspace/board/notice_form.html", {
        "form": form, "needed": needed, "has_candidates": bool(candidates)})


# -- one notice, its comments ----------------------------------------------------------------

def _notice(request, pk) -> PublicNotice:
    return get_object_or_404(visible_notices(request.user), pk=pk)


def _candidates(request, notice) -> list:
    seen = Nomination.objects.visible_to(request.user)
    rows = list(seen.filter(notices=notice).select_related(*CANDIDATE_RELATED).prefetch_related(
        Prefetch("comments", queryset=PublicComment.objects.filter(notice=notice)
                 .select_related("answered_by", "moderated_by"), to_attr="notice_comments"))
        .order_by("honor__position", "id"))
    for nomination in rows:
        for comment in nomination.notice_comments:
            comment.needs_moderation = comment.state == CommentState.PENDING
            comment.needs_answer = (comment.state != CommentState.REJECTED
                                    and comment.answered_at is None)
    return rows


@login_required
@require_GET
def notice_detail(request, pk):
    _require(request.user)
    notice = _notice(request, pk)
    public_url = request.build_absolute_uri(
        reverse("public:notice-detail", args=[notice.public_id]))
    return render(request, "workspace/board/notice_detail.html", {
        "notice": notice, "is_open": comments.is_open(notice),
        "candidates": _candidates(request, notice), "public_url": public_url,
        "answer_form": AnswerForm()})


def _comment(request, pk) -> PublicComment:
    seen = Nomination.objects.visible_to(request.user).values("pk")
    return get_object_or_404(PublicComment.objects.filter(nomination__in=seen)
                             .select_related("nomination", "notice"), pk=pk)


def _after(comment) -> str:
    return f"{reverse('workspace:notice-detail', args=[comment.notice_id])}#comment-{comment.pk}"


@login_required
@require_POST
def comment_moderate(request, pk):
    _require(request.user)
    comment = _comment(request, pk)
    accept = request.POST.get("accept") == "1"
    run(request, lambda: comments.moderate(comment, actor=request.user, accept=accept),
        _("The comment was accepted; it now needs an answer.") if accept
        else _("The comment was rejected."))
    return redirect(_after(comment))


@login_required
@require_POST
def comment_answer(request, pk):
    _require(request.user)
    comment = _comment(request, pk)
    form = AnswerForm(request.POST)

    def answer():
        if not form.is_valid():
            raise DomainError(_("Write the answer."))
        comments.answer(comment, actor=request.user, text=form.cleaned_data["text"])

    run(request, answer, _("The answer was saved."))
    return redirect(_after(comment))
