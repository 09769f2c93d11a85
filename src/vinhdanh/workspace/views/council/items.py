"""The secretary's actions on one agenda item: open and close voting, a declared recusal,
the written vote of an absent member. The services check permissions and states."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.council.models import AgendaItem, CouncilMember, CouncilSession
from vinhdanh.council.services import ballots
from vinhdanh.council.services import sessions as session_services
from vinhdanh.workspace.forms.council import RecusalForm, WrittenVoteForm
from vinhdanh.workspace.views.common import run
from vinhdanh.workspace.views.council.common import require_manager


def _item(request, pk) -> AgendaItem:
    require_manager(request.user)
    seen = CouncilSession.objects.visible_to(request.user)
    return get_object_or_404(AgendaItem.objects.filter(session__in=seen)
                             .select_related("session", "nomination"), pk=pk)


def _back(item):
    return redirect(reverse("workspace:council-session-detail", args=[item.session_id])
                    + f"#item-{item.pk}")


def _session_members(item):
    return CouncilMember.objects.filter(pk__in=item.session.attendance.values("member_id"))


def _form_problem(request, form) -> None:
    messages.error(request, " ".join(" ".join(errors) for errors in form.errors.values()))


@login_required
@require_POST
def item_open(request, pk):
    item = _item(request, pk)
    run(request, lambda: ballots.open_voting(item, actor=request.user),
        _("Voting is open on %(candidate)s.") % {"candidate": item.nomination.candidate})
    return _back(item)


@login_required
@require_POST
def item_close(request, pk):
    item = _item(request, pk)
    run(request, lambda: ballots.close_voting(item, actor=request.user),
        _("Voting on %(candidate)s is closed.") % {"candidate": item.nomination.candidate})
    return _back(item)


@login_required
@require_POST
def item_recusal(request, pk):
    item = _item(request, pk)
    form = RecusalForm(request.POST, members=_session_members(item))
    if not form.is_valid():
        _form_problem(request, form)
        return _back(item)
    member = form.cleaned_data["member"]
    run(request, lambda: session_services.declare_recusal(
        item, member, reason=form.cleaned_data["reason"], actor=request.user),
        _("%(member)s does not take part in this vote.") % {"member": member})
    return _back(item)


@login_required
@require_POST
def item_written_vote(request, pk):
    item = _item(request, pk)
    form = WrittenVoteForm(request.POST, members=_session_members(item))
    if not form.is_valid():
        _form_problem(request, form)
        return _back(item)
    member = form.cleaned_data["member"]
    # The message names the member, never the choice.
    run(request, lambda: ballots.record_written_vote(
        item, member, choice=form.cleaned_data["choice"], actor=request.user),
        _("The written vote of %(member)s was recorded.") % {"member": member})
    return _back(item)
