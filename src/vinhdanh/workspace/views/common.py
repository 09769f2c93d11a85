"""Small helpers the staff UI's views share."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from vinhdanh.core.audit import history_of
from vinhdanh.core.errors import DomainError
from vinhdanh.workspace.forms.fields import add_errors

HISTORY_LIMIT = 50


def posted(request):
    """The POST data for a bound form, or None on GET."""
    return request.POST if request.method == "POST" else None


def posted_files(request):
    return request.FILES if request.method == "POST" else None


def save_form(request, form, action):
    """``action(cleaned_data)`` for a valid POSTed form; a ValidationError lands in the form.

    Returns what ``action`` returned, or None when nothing was saved.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return action(form.cleaned_data)
    except ValidationError as error:
        add_errors(form, error)
        return None


def wants_fragment(request) -> bool:
    """An htmx request for part of a page (a history restore needs the whole page)."""
    return (request.headers.get("HX-Request") == "true"
            and not request.headers.get("HX-History-Restore-Request"))


def vary_on_htmx(response):
    patch_vary_headers(response, ["HX-Request"])
    return response


def recent_history(obj):
    return history_of(obj).select_related("actor")[:HISTORY_LIMIT]


def url_with(name: str, **params) -> str:
    """``reverse(name)`` with a query string, for links that preset a filter or a field."""
    return f"{reverse(name)}?{urlencode(params)}"


def run(request, action, success: str) -> bool:
    """``action()``; a domain refusal becomes an error message (PermissionDenied stays a
    403), success the ``success`` message. Whether it succeeded."""
    try:
        action()
    except DomainError as error:
        messages.error(request, " ".join(str(message) for message in error.messages))
        return False
    messages.success(request, success)
    return True
