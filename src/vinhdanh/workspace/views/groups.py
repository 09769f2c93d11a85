from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from vinhdanh.organisations.enums import EDITOR_ROLES, GroupKind
from vinhdanh.organisations.models import EmulationGroup, GroupMembership, HandoverRecord, Unit
from vinhdanh.organisations.services import groups as services
from vinhdanh.workspace.access import require_perm, visible_or_404
from vinhdanh.workspace.forms.groups import (
    GroupCreateForm,
    GroupEditForm,
    HandoverForm,
    LeadershipForm,
    MembersForm,
)
from vinhdanh.workspace.views.common import posted, posted_files, recent_history, save_form
from vinhdanh.workspace.views.pledges import pledge_of

SECTIONS = [
    (GroupKind.BLOC, gettext_lazy("Emulation blocs")),
    (GroupKind.CLUSTER, gettext_lazy("Emulation clusters")),
]
MEMBERS = Prefetch("memberships", queryset=GroupMembership.objects.select_related("unit"))


def _year_of(raw, years) -> int:
    if raw and raw.isdigit() and len(raw) == 4:
        return int(raw)
    return years[0] if years else timezone.localdate().year


@login_required
@require_GET
def group_list(request):
    visible = EmulationGroup.objects.visible_to(request.user)
    years = list(visible.order_by("-year").values_list("year", flat=True).distinct())
    year = _year_of(request.GET.get("year"), years)
    groups = list(visible.filter(year=year).select_related("organiser", "leader", "deputy")
                  .prefetch_related(MEMBERS))
    sections = [(label, [g for g in groups if g.kind == kind]) for kind, label in SECTIONS]
    return render(request, "workspace/groups/list.html",
                  {"years": years, "year": year, "sections": sections})


def _group(request, pk):
    related = ("organiser", "leader", "deputy", "copied_from")
    group = visible_or_404(EmulationGroup.objects.select_related(*related), request.user, pk)
    require_perm(request.user, "view_emulationgroup", group)
    return group


def _editable_group(request, pk):
    group = _group(request, pk)
    require_perm(request.user, "change_emulationgroup", group)
    return group


def _handover(group):
    related = ("outgoing_leader", "outgoing_deputy", "incoming_leader", "incoming_deputy",
               "next_group")
    return HandoverRecord.objects.filter(group=group).select_related(*related).first()


@login_required
@require_GET
def group_detail(request, pk):
    group = _group(request, pk)
    user = request.user
    previous = group.copied_from
    return render(request, "workspace/groups/detail.html", {
        "group": group,
        "memberships": group.memberships.select_related("unit"),
        "handover": _handover(group),
        "previous": previous if user.has_perm("organisations.view_emulationgroup", previous)
        else None,
        "copies": EmulationGroup.objects.visible_to(user).filter(copied_from=group),
        "can_change": user.has_perm("organisations.change_emulationgroup", group),
        "history": recent_history(group),
        "pledge": pledge_of(group),
        "can_change_pledge": user.has_perm("movements.change_pledge", group),
    })


@login_required
def group_create(request):
    require_perm(request.user, "add_emulationgroup")
    form = GroupCreateForm(posted(request), units=Unit.objects.visible_to(request.user),
                           organisers=Unit.objects.reached_by(request.user, EDITOR_ROLES))
    group = save_form(request, form,
                      lambda data: services.create_group(actor=request.user, **data))
    if group:
        messages.success(request, _("The group was saved."))
        return redirect(group)
    return render(request, "workspace/groups/create.html", {"form": form})


@login_required
def group_edit(request, pk):
    group = _editable_group(request, pk)
    organisers = Unit.objects.reached_by(request.user, EDITOR_ROLES)
    if group.organiser_id:
        organisers = organisers | Unit.objects.filter(pk=group.organiser_id)
    initial = {"code": group.code, "name": group.name, "organiser": group.organiser_id,
               "notes": group.notes}
    form = GroupEditForm(posted(request), organisers=organisers, initial=initial)
    if save_form(request, form, lambda data: services.update_group(
            group, actor=request.user, **data)):
        messages.success(request, _("The group was saved."))
        return redirect(group)
    return render(request, "workspace/groups/edit.html", {"form": form, "group": group})


@login_required
def group_members(request, pk):
    group = _editable_group(request, pk)
    form = MembersForm(posted(request), units=Unit.objects.visible_to(request.user),
                       group=group)
    if save_form(request, form, lambda data: services.set_members(
            group, actor=request.user, members=data["members"])):
        messages.success(request, _("The members were saved."))
        return redirect(group)
    return render(request, "workspace/groups/members.html", {"form": form, "group": group})


@login_required
def group_leadership(request, pk):
    group = _editable_group(request, pk)
    form = LeadershipForm(posted(request), group=group,
                          initial={"leader": group.leader_id, "deputy": group.deputy_id})
    if save_form(request, form, lambda data: services.set_leadership(
            group, actor=request.user, leader=data["leader"], deputy=data["deputy"])):
        messages.success(request, _("The leadership was saved."))
        return redirect(group)
    return render(request, "workspace/groups/leadership.html", {"form": form, "group": group})


def proposed_leadership(group) -> dict:
    """Next year's leader and deputy as the rotation has them."""
    leader = services.next_in_rotation(group, group.leader)
    deputy = services.next_in_rotation(group, leader, skip={leader})
    return {"leader": leader, "deputy": deputy}


def _handover_initial(group, next_group) -> dict:
    if next_group is not None and next_group.leader_id:
        proposal = {"leader": next_group.leader_id, "deputy": next_group.deputy_id}
    else:
        proposal = proposed_leadership(group)
    return {**proposal, "next_group": next_group}


@login_required
def group_handover(request, pk):
    group = _editable_group(request, pk)
    copies = EmulationGroup.objects.visible_to(request.user).filter(copied_from=group)
    form = HandoverForm(posted(request), posted_files(request), group=group,
                        next_groups=copies, initial=_handover_initial(group, copies.first()))
    if save_form(request, form, lambda data: _record_handover(request, group, data)):
        messages.success(request, _("The handover was recorded."))
        return redirect(group)
    return render(request, "workspace/groups/handover.html", {"form": form, "group": group})


def _record_handover(request, group, data):
    return services.record_handover(
        group, actor=request.user, held_on=data["held_on"], incoming_leader=data["leader"],
        incoming_deputy=data["deputy"], next_group=data["next_group"],
        minutes_file=data["minutes_file"], notes=data["notes"],
    )


@login_required
def group_copy(request, pk):
    group = _editable_group(request, pk)
    require_perm(request.user, "add_emulationgroup")  # the copy is a new group
    form = LeadershipForm(posted(request), group=group, initial=proposed_leadership(group))
    copy = save_form(request, form, lambda data: services.copy_group_to_next_year(
        group, actor=request.user, leader=data["leader"], deputy=data["deputy"]))
    if copy:
        messages.success(request, _("The group was copied to %(year)s.") % {"year": copy.year})
        return redirect(copy)
    return render(request, "workspace/groups/copy.html", {
        "form": form, "group": group, "next_year": group.year + 1,
        "existing": EmulationGroup.objects.visible_to(request.user)
        .filter(year=group.year + 1, code=group.code).first(),
    })


@login_required
@require_GET
def group_minutes(request, pk):
    """The handover minutes, to those who may see the group (media is not served publicly)."""
    group = _group(request, pk)
    record = HandoverRecord.objects.filter(group=group).first()
    if record is None or not record.minutes_file:
        raise Http404
    name = Path(record.minutes_file.name).name
    return FileResponse(record.minutes_file.open("rb"), as_attachment=True, filename=name)
