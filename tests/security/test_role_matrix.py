"""The role matrix: every role against every staff page and API operation, with the other
side's data present (the table: matrix.py; the world: world.py)."""

import pytest
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from tests.security.expect import ALLOWED, ANON, DENIED, HIDDEN, LOGIN, kwargs_for
from tests.security.matrix import API_ROWS, WORKSPACE_ROWS
from tests.security.world import B_MARK, ROLES
from vinhdanh.core.models import ActivityLog

ROWS = {row.name: row for row in WORKSPACE_ROWS + API_ROWS}
NAMESPACES = ("workspace", "v1")
A_SCOPED = {"group_leader", "unit_clerk", "viewer"}  # roles that must never see side B


def _patterns(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def _routed():
    """Every URL name of the staff and API namespaces, with the API's methods."""
    found = {}
    for name, pattern in _patterns():
        if name.split(":")[0] in NAMESPACES:
            actions = getattr(pattern.callback, "actions", None) or {}
            # DRF adds "head" to a view's actions once it has served a GET.
            found.setdefault(name, set()).update(set(actions) - {"head", "options"})
    return found


def test_role_matrix_has_a_row_for_every_url_and_api_method():
    routed = _routed()
    missing = sorted(set(routed) - set(ROWS))
    stale = sorted(set(ROWS) - set(routed))
    methods = {name: (sorted(actions), sorted(ROWS[name].methods()))
               for name, actions in routed.items()
               if name in ROWS and actions
               and set(actions) - set(ROWS[name].unrouted) != set(ROWS[name].methods())}

    assert missing == [], f"add a row to tests/security/matrix.py for {missing}"
    assert stale == [], f"rows of URLs that no longer exist: {stale}"
    assert methods == {}, f"API methods (routed, in the row) differ: {methods}"


def _clients(world, api: bool):
    clients = {}
    for role in ROLES:
        client = APIClient() if api else Client()
        user = getattr(world.personas, role, None)
        if user is not None:
            client.force_authenticate(user) if api else client.force_login(user)
        clients[role] = client
    return clients


def _send(client, method, url, api):
    if api:
        return getattr(client, method)(url, {}, format="json")
    return getattr(client, method)(url, {} if method == "post" else None)


def _body(response) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return content.decode("utf-8", errors="ignore")


def _to_login(response) -> bool:
    return response["Location"].split("?")[0] == resolve_url(settings.LOGIN_URL)


def _outcome(response, role, method, api) -> str:
    code = response.status_code
    if code == 401 or (code == 302 and _to_login(response)):
        return LOGIN
    if code == 403:
        return LOGIN if api and role == ANON else DENIED
    if code == 404:
        return HIDDEN
    if code >= 500 or code == 405 or (method == "get" and code >= 400):
        return f"status {code}"
    body = _body(response)  # read every body: a file response closes its file at the end
    if role in A_SCOPED and B_MARK in body:
        return "leak of side B"
    return ALLOWED


def _try(client, role, method, url, api) -> tuple[str, bool]:
    """The outcome of one request and whether it wrote to the action log; rolled back."""
    with transaction.atomic():
        logged = ActivityLog.objects.count()
        try:
            found = _outcome(_send(client, method, url, api), role, method, api)
        except Exception as error:  # noqa: BLE001 - a crash is one more outcome to report
            found = f"raised {type(error).__name__}: {error}"[:200]
        changed = ActivityLog.objects.count() != logged
        transaction.set_rollback(True)
    return found, changed


def _mismatches(row, world):
    api = row.name.startswith("v1:")
    clients, wrong = _clients(world, api), []
    for side in row.sides():
        url = reverse(row.name, kwargs=kwargs_for(row, world, side))
        for method in row.methods():
            for role in ROLES:
                expected = row.expected(role, method, side)
                found, changed = _try(clients[role], role, method, url, api)
                if row.invalid_ok and expected == ALLOWED and found == "status 400":
                    found = ALLOWED
                if found != expected:
                    wrong.append(f"{method.upper()} {side} {role}: expected {expected}, "
                                 f"got {found}")
                elif changed and expected != ALLOWED:
                    wrong.append(f"{method.upper()} {side} {role}: refused but logged a change")
    return wrong


@pytest.mark.parametrize("name", sorted(ROWS))
def test_role_matrix(name, world, db):
    wrong = _mismatches(ROWS[name], world)

    assert not wrong, "\n".join([f"{name}:", *wrong])

