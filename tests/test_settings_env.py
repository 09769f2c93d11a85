import pytest
from django.core.exceptions import ImproperlyConfigured

from vinhdanh import env


def test_boolean_rejects_a_typo(monkeypatch):
    monkeypatch.setenv("X_FLAG", "ture")
    with pytest.raises(ImproperlyConfigured):
        env.boolean("X_FLAG")


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("off", False), ("", True)])
def test_boolean_parses_known_words(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert env.boolean("X_FLAG", True) is expected


def test_integer_rejects_words(monkeypatch):
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(ImproperlyConfigured):
        env.integer("X_NUM", 1)


def test_secret_comes_from_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s3cret\n")
    monkeypatch.setenv("X_SECRET_FILE", str(secret))
    assert env.string("X_SECRET") == "s3cret"


def test_database_defaults_to_sqlite_with_wal_and_immediate_transactions(monkeypatch):
    monkeypatch.delenv("X_DB", raising=False)
    config = env.database("X_DB", sqlite_path="/tmp/x.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_database_url_selects_postgresql(monkeypatch):
    monkeypatch.setenv("X_DB", "postgres://vd:p%40ss@db.local:5433/vinhdanh?sslmode=require")
    config = env.database("X_DB", sqlite_path="/tmp/x.sqlite3")
    assert (config["ENGINE"], config["NAME"], config["USER"], config["PASSWORD"]) == (
        "django.db.backends.postgresql", "vinhdanh", "vd", "p@ss",
    )
    assert (config["HOST"], config["PORT"], config["OPTIONS"]) == (
        "db.local", "5433", {"sslmode": "require"},
    )


def test_database_url_with_unknown_scheme_fails(monkeypatch):
    monkeypatch.setenv("X_DB", "mysql://x@y/z")
    with pytest.raises(ImproperlyConfigured):
        env.database("X_DB", sqlite_path="/tmp/x.sqlite3")


def test_sqlite_folder_is_made_for_a_fresh_checkout(monkeypatch, tmp_path):
    monkeypatch.delenv("X_DB", raising=False)
    path = tmp_path / "var" / "nested" / "vinhdanh.sqlite3"

    env.database("X_DB", sqlite_path=str(path))

    assert path.parent.is_dir()
