"""Behind nginx every request comes from 127.0.0.1; login throttling must still tell
visitors apart, by the address the proxy saw, and not by what a visitor claims."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.conftest import PASSWORD
from vinhdanh.core.proxy import client_ip


def _request(forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", **extra)


@pytest.mark.parametrize(("count", "forwarded", "expected"), [
    (0, "203.0.113.9", "127.0.0.1"),
    (1, "203.0.113.9", "203.0.113.9"),
    (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),
    (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
    (2, "203.0.113.9", "127.0.0.1"),
    (1, None, "127.0.0.1"),
])
def test_client_ip_is_the_address_the_first_trusted_proxy_saw(settings, count, forwarded,
                                                               expected):
    settings.PROXY_COUNT = count

    assert client_ip(_request(forwarded)) == expected


@pytest.fixture
def clerk(personas):
    personas.unit_clerk.set_password(PASSWORD)
    personas.unit_clerk.save(update_fields=["password"])
    return personas.unit_clerk


def _log_in(address, password):
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address).post(
        reverse("workspace:login"), {"username": "clerk", "password": password})


def test_lockout_behind_a_proxy_holds_only_the_guessing_address(settings, clerk):
    settings.PROXY_COUNT = 1
    for _attempt in range(5):
        _log_in("203.0.113.9", "sai-mat-khau")

    assert _log_in("203.0.113.9", PASSWORD).status_code == 429
    assert _log_in("198.51.100.7", PASSWORD).status_code == 302


def test_lockout_behind_a_proxy_ignores_a_forged_forwarded_for(settings, clerk):
    settings.PROXY_COUNT = 1
    for attempt in range(5):
        # A guesser who sends a new address each time is still seen at the same one.
        _log_in(f"10.9.9.{attempt}, 203.0.113.9", "sai-mat-khau")

    assert _log_in("203.0.113.9", PASSWORD).status_code == 429
