import pytest
from django.conf import settings as django_settings
from django.db.migrations.executor import MigrationExecutor
from django.db.utils import OperationalError

from vinhdanh.core import health

URL = "/health/"


@pytest.fixture(autouse=True)
def _fresh_migration_check(monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)


class _DeadConnection:
    def cursor(self):
        raise OperationalError("connection to server at 10.0.0.5 failed: secret-password")


class _BrokenCache:
    def set(self, *args, **kwargs):
        pass

    def get(self, *args, **kwargs):
        return None

    def delete(self, *args, **kwargs):
        pass


def test_health_is_ok_when_every_part_answers(client, db):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok",
                               "cache": "ok", "version": health.VERSION}


def test_health_needs_no_log_in_and_sets_no_cookie(client, db):
    response = client.get(URL)

    assert response.status_code == 200
    assert not response.cookies
    assert django_settings.SESSION_COOKIE_NAME not in client.cookies


def test_health_is_never_cached(client, db):
    response = client.get(URL)

    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_health_checks_migrations_once_per_process(client, db,
                                                   django_assert_max_num_queries):
    client.get(URL)

    # Only the SELECT 1 is left (the test cache is in memory).
    with django_assert_max_num_queries(1):
        assert client.get(URL).json()["migrations"] == "ok"


def test_health_is_503_when_the_database_is_down(client, db, monkeypatch, caplog):
    monkeypatch.setattr(health, "connection", _DeadConnection())

    response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["database"] == "error"
    assert response.json()["cache"] == "ok"
    # The details go to the log, never to the caller.
    assert b"secret-password" not in response.content
    assert "secret-password" in caplog.text


def test_health_is_503_with_unapplied_migrations(client, db, monkeypatch):
    monkeypatch.setattr(MigrationExecutor, "migration_plan",
                        lambda self, targets: [("a migration", False)])

    response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["migrations"] == "pending"
    assert response.json()["database"] == "ok"


def test_health_keeps_checking_until_migrations_are_applied(client, db, monkeypatch):
    monkeypatch.setattr(MigrationExecutor, "migration_plan",
                        lambda self, targets: [("a migration", False)])
    client.get(URL)
    monkeypatch.undo()
    monkeypatch.setattr(health, "_migrations_applied", False)

    assert client.get(URL).status_code == 200


def test_health_is_503_when_the_cache_loses_values(client, db, monkeypatch):
    monkeypatch.setattr(health, "cache", _BrokenCache())

    response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["cache"] == "error"


def test_health_refuses_writes(client, db):
    assert client.post(URL).status_code == 405


def test_health_is_not_redirected_to_https(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get(URL).status_code == 200
    assert client.get("/cong-khai/xac-thuc/").status_code == 301
