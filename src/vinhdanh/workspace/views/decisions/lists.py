"""The list of decisions: tabs by state, a kind filter, search by number or subject."""

import re

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.shortcuts import render
from django.views.decorators.http import require_GET

from vinhdanh.core.text import fold, nfc
from vinhdanh.decisions.enums import DecisionState
from vinhdanh.decisions.models import Decision
from vinhdanh.decisions.queries import sees_drafts
from vinhdanh.workspace.forms.decisions import DecisionFilterForm
from vinhdanh.workspace.views.common import vary_on_htmx, wants_fragment
from vinhdanh.workspace.views.decisions.common import require_role

PAGE_SIZE = 50
NUMBER = re.compile(r"^\s*(\d+)")


def search(decisions, text: str):
    """"12" or "12/QĐ-UBND" finds the number; other text the subject, whatever the case,
    marks or tone placement."""
    number = NUMBER.match(text)
    if number:
        return decisions.filter(number=int(number.group(1)))
    needle = fold(nfc(text))
    # No folded column on decisions (a few hundred a year): fold the subjects here.
    found = [pk for pk, subject in decisions.values_list("pk", "subject")
             if needle in fold(subject)]
    return decisions.filter(pk__in=found)


def _filtered(request, form):
    decisions = Decision.objects.visible_to(request.user)
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("kind"):
        decisions = decisions.filter(kind=data["kind"])
    if data.get("q"):
        decisions = search(decisions, data["q"])
    return decisions


def _tabs(decisions, state: str) -> list[dict]:
    counts = dict(decisions.values_list("state").annotate(count=Count("pk")).order_by())
    return [{"state": code, "label": label, "count": counts.get(code, 0),
             "current": code == state} for code, label in DecisionState.choices]


def _page(request, decisions):
    rows = (decisions.select_related("issuer")
            .annotate(recipients=Count("entries"), total=Sum("entries__bonus_amount"))
            .order_by("-decided_on", "-number", "-id"))
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
@require_GET
def decision_list(request):
    require_role(request.user)
    form = DecisionFilterForm(request.GET or None)
    decisions = _filtered(request, form)
    state = request.GET.get("state", "")
    shown = decisions.filter(state=state) if state in DecisionState.values else decisions
    page = _page(request, shown)
    drafts = sees_drafts(request.user)
    template = "workspace/decisions/decision_list.html"
    if wants_fragment(request):
        template += "#results"
    return vary_on_htmx(render(request, template, {
        "form": form, "page": page, "state": state,
        "tabs": _tabs(decisions, state) if drafts else [],
        "page_range": page.paginator.get_elided_page_range(page.number),
        "can_draft": request.user.has_perm("decisions.draft_decision")}))
