"""The member's ballot page (phone-sized): the items open to the member's vote, each with
three buttons, and the other open items with the member's part in them (voted, not taking
part, not present). After a ballot the page says it was recorded, never what was chosen."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vinhdanh.core.errors import DomainError
from vinhdanh.council.enums import Choice, ItemState
from vinhdanh.council.models import (
    AgendaItem,
    BallotReceipt,
    CouncilMember,
    CouncilSession,
    Recusal,
)
from vinhdanh.council.services import ballots
from vinhdanh.workspace.views.council.common import is_member

RELATED = ("session", "nomination__honor", "nomination__person", "nomination__unit",
           "nomination__household", "nomination__batch__proposing_unit")


def _others(user, excluded):
    """Open items of the user's sessions that the user cannot vote on now, with the why."""
    mine = CouncilMember.objects.filter(user=user)
    items = (AgendaItem.objects.filter(state=ItemState.VOTING,
                                       session__attendance__member__in=mine)
             .exclude(pk__in=excluded).select_related(*RELATED).distinct()
             .annotate(has_voted=Exists(BallotReceipt.objects.filter(
                 item=OuterRef("pk"), member__in=mine)),
                 recused=Exists(Recusal.objects.filter(item=OuterRef("pk"), member__in=mine)))
             .order_by("session__held_on", "position"))
    for item in items:
        item.part = "recused" if item.recused else "voted" if item.has_voted else "absent"
    return items


@login_required
@require_GET
def vote_page(request):
    if not is_member(request.user):
        raise PermissionDenied
    open_items = list(ballots.open_items_for(request.user).select_related(
        "nomination__batch__proposing_unit"))
    return render(request, "workspace/council/vote.html", {
        "open_items": open_items, "choices": Choice.choices,
        "others": _others(request.user, [item.pk for item in open_items])})


@login_required
@require_POST
def vote_cast(request, pk):
    seen = CouncilSession.objects.visible_to(request.user)
    item = get_object_or_404(AgendaItem.objects.filter(session__in=seen), pk=pk)
    try:
        ballots.cast_ballot(item, user=request.user, choice=request.POST.get("choice", ""))
    except DomainError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your ballot was recorded."))
    return redirect("workspace:council-vote")
