"""The issuers' settings (the board): heading, symbol, place, default legal bases and
copies, and the printer's offsets for pre-printed certificate forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.core.audit import log_action
from vinhdanh.decisions.models import Issuer
from vinhdanh.workspace.forms.decisions import IssuerForm
from vinhdanh.workspace.views.common import posted, posted_files, save_form
from vinhdanh.workspace.views.decisions.common import require, require_role


def _require_board(user) -> None:
    require_role(user)
    require(user, "draft_decision")


def save_issuer(form, *, actor) -> Issuer:
    """Saves the settings (the model validates them) and logs who changed what."""
    creating = form.instance.pk is None
    issuer = form.save()
    log_action(issuer, actor=actor, action="decisions.issuer_saved",
               message=_("Created the issuer") if creating else _("Changed the issuer"),
               fields=sorted(form.changed_data))
    return issuer


@login_required
@require_GET
def issuer_list(request):
    _require_board(request.user)
    return render(request, "workspace/decisions/issuer_list.html",
                  {"issuers": Issuer.objects.all()})


def _form_page(request, issuer=None):
    form = IssuerForm(posted(request), posted_files(request), instance=issuer)
    if save_form(request, form, lambda _data: save_issuer(form, actor=request.user)):
        messages.success(request, _("The issuer was saved."))
        return redirect("workspace:issuer-list")
    return render(request, "workspace/decisions/issuer_form.html",
                  {"form": form, "issuer": issuer})


@login_required
def issuer_create(request):
    _require_board(request.user)
    return _form_page(request)


@login_required
def issuer_edit(request, pk):
    _require_board(request.user)
    return _form_page(request, get_object_or_404(Issuer, pk=pk))
