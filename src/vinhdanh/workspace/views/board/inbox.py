"""The board's and the group leaders' work list (the inbox): the dossiers they can act on,
one tab per state, with due dates, overdue flags and actions on several rows at once.

Only ``Nomination.objects.visible_to(user)`` is listed. A group leader who is not the board
sees only his groups' proposals: the unit's own dossiers are not his to move.
"""

import datetime as dt
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, Q
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vinhdanh.core.errors import DomainError
from vinhdanh.core.workdays import Calendar
from vinhdanh.honors.enums import Verdict
from vinhdanh.nominations.enums import NominationState as S
from vinhdanh.nominations.models import Nomination
from vinhdanh.nominations.services import deadlines, workflow
from vinhdanh.organisations.enums import EDITOR_ROLES, GROUP_EDITOR_ROLES
from vinhdanh.organisations.models import EmulationGroup, Unit
from vinhdanh.organisations.queries import scope_of
from vinhdanh.workspace.forms.board import BULK_ACTIONS, BulkActionForm, InboxFilterForm
from vinhdanh.workspace.views.common import vary_on_htmx, wants_fragment

PAGE_SIZE = 50
INBOX = "workspace:board-inbox"
TABS = (S.SUBMITTED, S.GROUP_REVIEW, S.APPRAISAL, S.PUBLIC_COMMENT, S.READY, S.RETURNED)
# The bulk actions offered on each tab (the state they start from).
TAB_ACTIONS = {S.SUBMITTED: ("receive", "start_group_review"),
               S.GROUP_REVIEW: ("forward",),
               S.APPRAISAL: ("pass_to_council",),
               S.PUBLIC_COMMENT: ("pass_to_council",)}
# What a group's reviewer who is not the board may do; the board may do every action.
REVIEW_ACTIONS = frozenset({"start_group_review", "forward"})
FUNCTIONS = {"receive": workflow.receive, "start_group_review": workflow.start_group_review,
             "forward": workflow.forward, "pass_to_council": workflow.pass_to_council}
ROW_RELATED = ("batch", "batch__proposing_unit", "batch__group", "honor", "person", "unit",
               "household")


def reviewed_groups(user):
    """The groups whose proposals ``user`` reviews (rules.reviews_for_group, as a query)."""
    scope = scope_of(user)
    held = [g.group_id for g in scope.grants if g.group_id and g.role in GROUP_EDITOR_ROLES]
    query = Q(pk__in=held)
    for path in scope.paths(EDITOR_ROLES):
        query |= Q(organiser__path__startswith=path)
    return EmulationGroup.objects.filter(query)


def is_board(user) -> bool:
    return user.has_perm("nominations.appraise_nomination")


def works_the_inbox(user) -> bool:
    return is_board(user) or reviewed_groups(user).exists()


def inbox_nominations(user):
    """The dossiers in the user's inbox, in any state (the tabs split them)."""
    nominations = Nomination.objects.visible_to(user).filter(state__in=TABS)
    if is_board(user):
        return nominations
    return nominations.filter(batch__group__in=reviewed_groups(user))


def _require_inbox(user) -> None:
    if not works_the_inbox(user):
        raise PermissionDenied


def _tab(request, counts: dict) -> str:
    asked = request.GET.get("state", "")
    if asked in TABS:
        return asked
    return next((state for state in TABS if counts.get(state)), S.SUBMITTED)


def _counts(nominations) -> dict:
    rows = nominations.order_by().values("state").annotate(n=Count("id"))
    return {row["state"]: row["n"] for row in rows}


def _decorate(rows, today: dt.date) -> None:
    """Overdue working days and the verdict's label, with one calendar for the page."""
    late = [n.due_on for n in rows if n.due_on is not None and n.due_on < today]
    calendar = Calendar.load(min(late), today) if late else None
    for nomination in rows:
        nomination.overdue_days = deadlines.days_overdue(nomination, today, calendar)
        nomination.verdict_label = Verdict(nomination.verdict).label \
            if nomination.verdict in Verdict.values else ""


def _page(request, nominations, today):
    rows = nominations.select_related(*ROW_RELATED).order_by(
        F("due_on").asc(nulls_last=True), "id")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    _decorate(page.object_list, today)
    return page


@login_required
@require_GET
def inbox(request):
    user = request.user
    _require_inbox(user)
    today = timezone.localdate()
    form = InboxFilterForm(request.GET or None, units=Unit.objects.visible_to(user))
    nominations = form.apply(inbox_nominations(user), today)
    counts = _counts(nominations)
    tab = _tab(request, counts)
    page = _page(request, nominations.filter(state=tab), today)
    template = "_inbox_results.html" if wants_fragment(request) else "inbox.html"
    return vary_on_htmx(render(request, f"workspace/board/{template}", {
        "form": form, "tab": tab, "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "tabs": _tabs(request, counts), "actions": _actions(user, tab),
        "can_publish": tab == S.APPRAISAL and user.has_perm("nominations.moderate_comment"),
        "back": _query(request.GET),
    }))


def _tabs(request, counts: dict) -> list[dict]:
    return [{"state": state, "label": S(state).label, "count": counts.get(state, 0),
             "query": _query(request.GET, state=state)} for state in TABS]


def _actions(user, tab: str) -> list[tuple[str, str]]:
    """The bulk actions of ``tab`` that ``user`` may run (the service checks each row)."""
    offered = TAB_ACTIONS.get(tab, ())
    if not is_board(user):
        offered = [name for name in offered if name in REVIEW_ACTIONS]
    return [(name, label) for name, label in BULK_ACTIONS if name in offered]


def _query(params, **changes) -> str:
    """The filters of ``params`` with ``changes``, without the page number."""
    query = params.copy()
    query.pop("page", None)
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


# -- the bulk actions -----------------------------------------------------------------------

def _run(action: str, chosen: list[int], versions: dict, user) -> tuple[int, list[str]]:
    """Runs ``action`` on each chosen dossier in one transaction; any refusal undoes all.

    Returns how many moved and the refusals, each naming its candidate."""
    found = {n.pk: n for n in inbox_nominations(user).filter(pk__in=chosen)
             .select_related(*ROW_RELATED)}
    problems = []
    with transaction.atomic():
        for pk in chosen:
            nomination = found.get(pk)
            if nomination is None:
                problems.append(_("A chosen dossier is no longer in your list; reload the "
                                  "page."))
                continue
            try:
                FUNCTIONS[action](nomination, actor=user, expected_version=versions.get(pk))
            except (DomainError, PermissionDenied) as error:
                problems.append(_problem(nomination, error))
        if problems:
            transaction.set_rollback(True)
    return (0 if problems else len(chosen)), problems


def _problem(nomination, error) -> str:
    text = " ".join(error.messages) if isinstance(error, DomainError) else (
        str(error) or _("You may not do this on this dossier."))
    return _("%(candidate)s: %(problem)s") % {"candidate": nomination.candidate,
                                              "problem": text}


def _back(request) -> str:
    query = QueryDict(request.POST.get("back", "")).urlencode()
    return f"{reverse(INBOX)}?{query}" if query else reverse(INBOX)


@login_required
@require_POST
def bulk_act(request):
    _require_inbox(request.user)
    form = BulkActionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_back(request))
    action = form.cleaned_data["action"]
    moved, problems = _run(action, form.cleaned_data["selected"], form.versions(), request.user)
    for problem in problems:
        messages.error(request, problem)
    if problems:
        messages.warning(request, _("Nothing was changed: correct the dossiers above or "
                                    "leave them out, then try again."))
    else:
        messages.success(request, _("%(action)s: %(count)s dossiers.")
                         % {"action": dict(BULK_ACTIONS)[action], "count": moved})
    return redirect(_back(request))


def overdue_url() -> str:
    return f"{reverse(INBOX)}?{urlencode({'overdue': 'on'})}"
