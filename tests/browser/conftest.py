"""Chromium for the browser tests: Debian's package, headless, driven by Playwright's sync API.

Playwright's browser download is never used: the tests skip, saying why, when
``/usr/bin/chromium`` (or the Playwright package) is missing; CI installs chromium from
Debian's packages.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.db import connections

# VINHDANH_CHROMIUM names another chromium binary (Debian's is found on the PATH).
CHROMIUM = Path(os.environ.get("VINHDANH_CHROMIUM") or shutil.which("chromium")
                or "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "journey"


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's server, started only once the test database exists: it hands an
    in-memory SQLite connection to its threads only if it sees one when it starts (else
    each request thread opened, and leaked, a connection of its own)."""
    return live_server


@pytest.fixture
def browser(monkeypatch):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
                    "(apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="the playwright package is not installed")
    # Playwright's sync API keeps an asyncio event loop running in the test's thread, and
    # Django refuses ORM calls from a thread with a running loop. Here they are safe: the
    # test's own ORM calls (arranging, the final asserts) are plain blocking calls made
    # while no page is loading, and the server answers in its own threads. So the guard
    # is lifted (the variable is process-wide) for the duration of these tests only.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield chromium
        chromium.close()
        # Inside the sync API the test runs in another contextvars context, and Django
        # keeps its connections per context: the ones opened here would outlive the test
        # unseen by pytest-django's teardown (on PostgreSQL the test database then could
        # not be dropped, "being accessed by other users"). So they are closed here.
        connections.close_all()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Kept on the test item, so a fixture's teardown knows whether the test failed.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def screenshots():
    """The folder of the screenshots, emptied of a previous run's."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    return ARTIFACTS
