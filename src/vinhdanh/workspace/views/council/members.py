"""The council's members per term: the list, adding a member, ending a term (the board)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.council.models import CouncilMember
from vinhdanh.council.services import members as member_services
from vinhdanh.workspace.forms.council import EndTermForm, MemberForm
from vinhdanh.workspace.views.common import posted, run, save_form
from vinhdanh.workspace.views.council.common import require_manager


def _add(request, data):
    return member_services.add_member(actor=request.user, **data)


def _terms(today):
    """The members grouped by the day their term started, the latest term first."""
    rows = CouncilMember.objects.select_related("user", "unit").order_by(
        "-term_start", "role", "name")
    terms: dict = {}
    for member in rows:
        member.in_office = member.term_end is None or member.term_end >= today
        terms.setdefault(member.term_start, []).append(member)
    return list(terms.items())


@login_required
def member_list(request):
    require_manager(request.user)
    form = MemberForm(posted(request))
    member = save_form(request, form, lambda data: _add(request, data))
    if member:
        messages.success(request, _("%(name)s was added to the council.") % {"name": member})
        return redirect("workspace:council-members")
    today = timezone.localdate()
    return render(request, "workspace/council/members.html", {
        "form": form, "terms": _terms(today), "end_form": EndTermForm(
            initial={"term_end": today})})


@login_required
@require_POST
def member_end(request, pk):
    require_manager(request.user)
    member = get_object_or_404(CouncilMember, pk=pk)
    form = EndTermForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the day the term ends (dd/mm/yyyy)."))
    else:
        run(request, lambda: member_services.end_term(
            member, actor=request.user, term_end=form.cleaned_data["term_end"]),
            _("The term of %(name)s ends on %(day)s.") % {
                "name": member, "day": f"{form.cleaned_data['term_end']:%d/%m/%Y}"})
    return redirect("workspace:council-members")
