"""Cookies, session expiry and password hashing as a browser and the database see them.

The test settings are the production settings with DEBUG off, so the cookies here are the
production cookies. (The lockout after five failures: tests/workspace/test_auth.py and
tests/api/test_auth.py.)
"""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.hashers import identify_hasher
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD
from vinhdanh import settings as production

LOGIN = "workspace:login"


@pytest.fixture
def clerk(personas):
    user = personas.unit_clerk
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return user


def _log_in(client):
    return client.post(reverse(LOGIN), {"username": "clerk", "password": PASSWORD})


def test_session_cookie_is_secure_http_only_and_same_site(client, clerk):
    response = _log_in(client)

    cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert response.status_code == 302
    assert (cookie["secure"], cookie["httponly"], cookie["samesite"]) == (True, True, "Lax")
    # Closing the browser ends the session: no lasting expiry date in the cookie.
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""


def test_csrf_cookie_is_secure(client, db):
    response = client.get(reverse(LOGIN))

    cookie = response.cookies[django_settings.CSRF_COOKIE_NAME]
    assert (cookie["secure"], cookie["samesite"]) == (True, "Lax")


def test_session_lasts_at_most_a_working_day(client, clerk):
    _log_in(client)

    session = Session.objects.get()
    lifetime = session.expire_date - timezone.now()
    assert timedelta(hours=7, minutes=59) < lifetime <= timedelta(hours=8)


def test_expired_session_is_sent_back_to_log_in(client, clerk):
    _log_in(client)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))

    response = client.get(reverse("workspace:dashboard"))

    assert response.status_code == 302
    assert response.url.startswith(reverse(LOGIN))


def test_passwords_are_hashed_with_argon2(settings, clerk, client):
    # The suite swaps in a fast hasher; put the production list back.
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    clerk.set_password(PASSWORD)
    clerk.save(update_fields=["password"])

    assert identify_hasher(clerk.password).algorithm == "argon2"
    assert _log_in(client).status_code == 302
