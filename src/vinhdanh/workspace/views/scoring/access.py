"""Finding the scoring objects a user may see, and refusing what they may not do.

Objects outside the user's visibility do not exist (404); visible ones the user may not
act on are refused (403) through the ``scoring.*`` rules.
"""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from vinhdanh.organisations.models import EmulationGroup
from vinhdanh.scoring import queries
from vinhdanh.workspace.access import require_perm

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


require = partial(require_perm, app="scoring")


def group_for(request, pk, perm="organisations.view_emulationgroup"):
    groups = EmulationGroup.objects.visible_to(request.user).select_related("leader")
    group = get_object_or_404(groups, pk=pk)
    if not request.user.has_perm(perm, group):
        raise PermissionDenied
    return group


def template_for(request, pk, perm="view_template"):
    templates = queries.templates_visible_to(request.user).select_related("group__leader")
    template = get_object_or_404(templates, pk=pk)
    require(request.user, perm, template)
    return template


def round_for(request, pk, perm="view_round"):
    rounds = (queries.rounds_visible_to(request.user).select_related("template__group__leader")
              .prefetch_related("passes"))
    scoring_round = get_object_or_404(rounds, pk=pk)
    require(request.user, perm, scoring_round)
    return scoring_round


def attempt(request, action, success) -> bool:
    """Runs a service call without a form; its refusal becomes an error message.

    ``success`` is the message shown after it, or a function of the call's result giving it.
    """
    try:
        result = action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    messages.success(request, success(result) if callable(success) else success)
    return True


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
