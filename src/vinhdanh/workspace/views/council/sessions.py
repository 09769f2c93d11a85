"""Council sessions: the list, a new session, and one session's page with attendance, the
quorum and the agenda (rows built in ``agenda.py``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Exists, OuterRef
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vinhdanh.core.errors import DomainError
from vinhdanh.council.enums import ItemState, SessionState
from vinhdanh.council.models import AgendaItem, CouncilSession
from vinhdanh.council.services import sessions as session_services
from vinhdanh.council.services.minutes import minutes_docx
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination
from vinhdanh.workspace.access import visible_or_404
from vinhdanh.workspace.forms.council import AgendaForm, SessionForm
from vinhdanh.workspace.views.common import posted, run, save_form
from vinhdanh.workspace.views.council import agenda
from vinhdanh.workspace.views.council.common import (
    is_member,
    manages,
    require_council_user,
    require_manager,
)

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CANDIDATE_RELATED = ("honor", "person", "unit", "household", "batch__proposing_unit")


@login_required
@require_GET
def session_list(request):
    require_council_user(request.user)
    rows = (CouncilSession.objects.visible_to(request.user).select_related("secretary")
            .annotate(item_count=Count("items")))
    return render(request, "workspace/council/session_list.html", {
        "sessions": rows, "can_manage": manages(request.user),
        "votes": is_member(request.user)})


@login_required
def session_create(request):
    require_manager(request.user)
    form = SessionForm(posted(request), initial={"secretary": request.user})
    session = save_form(request, form, lambda data: session_services.create_session(
        actor=request.user, **data))
    if session:
        messages.success(request, _("The session was prepared with the members in office "
                                    "on its attendance list."))
        return redirect("workspace:council-session-detail", pk=session.pk)
    return render(request, "workspace/council/session_form.html", {"form": form})


def ready_dossiers(user):
    """Dossiers ready for the council and not waiting on another session's agenda."""
    waiting = AgendaItem.objects.filter(
        nomination=OuterRef("pk"), state__in=[ItemState.PENDING, ItemState.VOTING],
        session__state__in=[SessionState.DRAFT, SessionState.OPEN])
    return (Nomination.objects.visible_to(user).filter(state=NominationState.READY)
            .exclude(Exists(waiting)).select_related(*CANDIDATE_RELATED)
            .order_by("honor__position", "id"))


def _session(request, pk) -> CouncilSession:
    return visible_or_404(CouncilSession.objects.select_related("secretary"), request.user, pk)


@login_required
@require_GET
def session_detail(request, pk):
    require_council_user(request.user)
    session = _session(request, pk)
    can_manage = manages(request.user)
    attendance = agenda.attendance_of(session)
    context = {
        "session": session, "can_manage": can_manage, "attendance": attendance,
        "quorum": session_services.quorum(session),
        "rows": agenda.rows(session, request.user, attendance, CANDIDATE_RELATED),
        "editable": session.state != SessionState.CLOSED, "votes": is_member(request.user),
    }
    if can_manage and context["editable"]:
        context["agenda_form"] = AgendaForm(nominations=ready_dossiers(request.user))
    return render(request, "workspace/council/session_detail.html", context)


@login_required
@require_POST
def session_attendance(request, pk):
    require_manager(request.user)
    session = _session(request, pk)
    present = set(request.POST.getlist("present"))

    def record():
        for row in session.attendance.select_related("member"):
            wanted = str(row.member_id) in present
            if wanted != row.present:
                session_services.record_attendance(session, row.member, present=wanted,
                                                   actor=request.user)

    run(request, record, _("The attendance was saved."))
    return redirect("workspace:council-session-detail", pk=session.pk)


@login_required
@require_POST
def session_open(request, pk):
    require_manager(request.user)
    session = _session(request, pk)
    run(request, lambda: session_services.open_session(session, actor=request.user),
        _("The session is open."))
    return redirect("workspace:council-session-detail", pk=session.pk)


@login_required
@require_POST
def session_agenda(request, pk):
    require_manager(request.user)
    session = _session(request, pk)
    form = AgendaForm(request.POST, nominations=ready_dossiers(request.user))
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("nominations", [])))
    else:
        run(request, lambda: session_services.add_to_agenda(
            session, list(form.cleaned_data["nominations"]), actor=request.user),
            _("The dossiers were put on the agenda."))
    return redirect("workspace:council-session-detail", pk=session.pk)


@login_required
@require_GET
def session_minutes(request, pk):
    """The session's minutes as Word, for those who see the session, once no vote is open."""
    session = visible_or_404(CouncilSession.objects, request.user, pk)
    try:
        filename, content = minutes_docx(session)
    except DomainError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("workspace:council-session-detail", pk=session.pk)
    response = HttpResponse(content, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
