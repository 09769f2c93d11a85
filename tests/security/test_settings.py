"""Production settings: `check --deploy` passes, and what it cannot see is asserted here.

The settings module is imported in a fresh interpreter with a production-like environment
(DEBUG off, a long random key, a real host name, HTTPS behind a proxy), since the test
process itself runs with the test settings.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOWN = ["DEBUG", "HTTPS", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
         "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE",
         "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "SESSION_COOKIE_AGE",
         "SESSION_EXPIRE_AT_BROWSER_CLOSE", "CSRF_COOKIE_SECURE", "PASSWORD_HASHERS",
         "AXES_FAILURE_LIMIT", "SILENCED_SYSTEM_CHECKS", "SECURE_CSP", "X_FRAME_OPTIONS"]
SHOW = (
    "import json, django; from django.conf import settings; django.setup(); "
    f"print(json.dumps({{n: getattr(settings, n) for n in {SHOWN!r}}}, default=str))"
)


def _environment(tmp_path, **extra) -> dict:
    base = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT / "src"),
            "DJANGO_SETTINGS_MODULE": "vinhdanh.settings",
            "VINHDANH_DATA_DIR": str(tmp_path), "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "vinhdanh.example.gov.vn", "BEHIND_PROXY": "true",
            "MAIL_HOST": "smtp.example.gov.vn", "LANG": "C.UTF-8"}
    return base | extra


def _run(args, environment):
    return subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, *args], env=environment, cwd=ROOT, capture_output=True, text=True,
        timeout=120, check=False)


def _settings(tmp_path, **extra) -> dict:
    result = _run(["-c", SHOW], _environment(tmp_path, **extra))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    return _settings(tmp_path_factory.mktemp("production"))


def test_check_deploy_passes_with_production_environment(tmp_path):
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                  _environment(tmp_path))

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_check_deploy_fails_without_https(tmp_path):
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                  _environment(tmp_path, HTTPS="false"))

    assert result.returncode != 0
    assert "security.W008" in result.stderr
    assert "security.W004" in result.stderr


def test_production_redirects_to_https_and_sends_hsts(production):
    assert production["DEBUG"] is False
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_production_cookies_are_secure_http_only_and_same_site(production):
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["SESSION_COOKIE_HTTPONLY"] is True
    assert production["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_production_sessions_expire_within_a_working_day(production):
    assert production["SESSION_COOKIE_AGE"] <= 8 * 3600
    assert production["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True


def test_production_hashes_passwords_with_argon2(production):
    assert production["PASSWORD_HASHERS"][0] == (
        "django.contrib.auth.hashers.Argon2PasswordHasher")


def test_only_the_hsts_preload_check_is_silenced(production):
    # Justified in docs/decisions.md; nothing else may be silenced.
    assert production["SILENCED_SYSTEM_CHECKS"] == ["security.W021"]


def test_local_only_site_keeps_plain_http(tmp_path):
    # The benchmark's gunicorn and a DEBUG-off run on 127.0.0.1 have no TLS to redirect to.
    local = _settings(tmp_path, ALLOWED_HOSTS="127.0.0.1,localhost")

    assert local["SECURE_SSL_REDIRECT"] is False
    assert local["SECURE_HSTS_SECONDS"] == 0


def test_development_keeps_plain_http_and_plain_cookies(tmp_path):
    development = _settings(tmp_path, DEBUG="true", SECRET_KEY="",
                            ALLOWED_HOSTS="127.0.0.1,localhost")

    assert development["SECURE_SSL_REDIRECT"] is False
    assert development["SESSION_COOKIE_SECURE"] is False
