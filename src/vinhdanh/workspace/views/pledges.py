"""A group's pledge: the form that records it and its signed document."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.movements.models import Pledge
from vinhdanh.movements.services.pledges import save_pledge
from vinhdanh.organisations.models import EmulationGroup, Unit
from vinhdanh.workspace.access import visible_or_404
from vinhdanh.workspace.forms.movements import PledgeForm
from vinhdanh.workspace.views.common import posted, posted_files, save_form
from vinhdanh.workspace.views.movements import download, require


def pledge_of(group):
    """The group's pledge with its signatories, or None."""
    return (Pledge.objects.filter(group=group)
            .prefetch_related("signatories__unit").first())


def _group(request, pk, perm):
    group = visible_or_404(EmulationGroup.objects, request.user, pk)
    require(request.user, perm, group)
    return group


def _initial(pledge) -> dict:
    if pledge is None:
        return {}
    initial = {"text": pledge.text, "signed_on": pledge.signed_on}
    for signatory in pledge.signatories.all():
        initial[f"representative_{signatory.unit_id}"] = signatory.representative
        initial[f"position_{signatory.unit_id}"] = signatory.position
    return initial


@login_required
def pledge_edit(request, pk):
    group = _group(request, pk, "change_pledge")
    members = Unit.objects.filter(memberships__group=group).order_by(
        "memberships__rotation_position")
    form = PledgeForm(posted(request), posted_files(request), members=members,
                      initial=_initial(pledge_of(group)))
    if save_form(request, form, lambda data: save_pledge(
            group, actor=request.user, text=data["text"], signed_on=data["signed_on"],
            file=data["file"], signatories=form.signatories())):
        messages.success(request, _("The pledge was saved."))
        return redirect(group)
    return render(request, "workspace/movements/pledge_form.html",
                  {"form": form, "group": group})


@login_required
@require_GET
def pledge_file(request, pk):
    pledge = pledge_of(_group(request, pk, "view_pledge"))
    if pledge is None:
        raise Http404
    return download(pledge.file)
