"""One world per module: built once inside a transaction that is rolled back when the
module ends; each test runs in a savepoint of it (pytest-django's ``db``), each request of
a test in a savepoint of its own, so a write never shows in the next request."""

import pytest
from django.db import transaction
from django.test import override_settings

from tests.security.world import build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    # Argon2 is slow on purpose; the world makes a dozen users.
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast, transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)
