"""What the journey's users do in the browser: log in, find things by their Vietnamese
labels, upload a file, take the screenshot of a step.

Labels and button names are the pages' own msgids translated under ``vi`` (``vi(...)``), so
the test reads the same words as the user and follows the catalogue when it changes.
"""

import re

from django.utils import translation
from django.utils.translation import gettext

from tests.conftest import PASSWORD
from tests.nominations.support import PDF

TIMEOUT_MS = 15_000
VIEWPORT = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def expect(target):
    """Playwright's auto-waiting assertions, imported on use: without the package the
    module still imports and the ``browser`` fixture skips the test, saying why."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


def vi(message) -> str:
    """``message`` (a msgid, or a lazy label such as an enum's) as the pages show it."""
    with translation.override("vi"):
        return gettext(message) if isinstance(message, str) else str(message)


def exact(text: str) -> re.Pattern:
    """A name matched whole (but for a label's colon), so "Signer" does not also find
    "Signer's name"."""
    return re.compile(rf"^\s*{re.escape(text)}\s*:?\s*$")


def failed(request) -> bool:
    """Whether the test failed (its report is kept by this folder's conftest hook)."""
    report = getattr(request.node, "report_call", None)
    return report is None or report.failed


class Journey:
    """One browser context per user (each logs in once) and the numbered screenshots."""

    def __init__(self, browser, base_url: str, folder):
        self.browser, self.base_url, self.folder = browser, base_url, folder
        self.pages: dict = {}
        self.step = 0

    def context(self, viewport=None):
        context = self.browser.new_context(
            base_url=self.base_url, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh",
            viewport=viewport or VIEWPORT)
        context.set_default_timeout(TIMEOUT_MS)
        return context

    def anonymous(self, viewport=None):
        return self.context(viewport).new_page()

    def as_user(self, username: str):
        """The page of ``username``, logged in on first use."""
        if username not in self.pages:
            page = self.context().new_page()
            log_in(page, username)
            self.pages[username] = page
        return self.pages[username]

    def shot(self, page, name: str) -> None:
        self.step += 1
        page.screenshot(path=self.folder / f"{self.step:02d}-{name}.png", full_page=True)

    def shoot_all(self, name: str) -> None:
        for username, page in self.pages.items():
            page.screenshot(path=self.folder / f"{name}-{username}.png", full_page=True)

    def close(self) -> None:
        for page in self.pages.values():
            page.context.close()


def log_in(page, username: str) -> None:
    page.goto("/login/")
    page.get_by_label(vi("Username")).fill(username)
    page.get_by_label(vi("Password")).fill(PASSWORD)
    page.get_by_role("button", name=vi("Log in")).click()
    page.wait_for_url(lambda url: "/login/" not in url)


def upload_pdf(section, kind_label: str, name: str) -> None:
    """Chooses the document kind and a small PDF in the section's upload form, sends it."""
    form = section.locator("form").filter(has=section.page.locator("input[type=file]"))
    form.get_by_label(vi("kind").capitalize()).select_option(label=kind_label)
    form.get_by_label(vi("file").capitalize()).set_input_files(
        files=[{"name": name, "mimeType": "application/pdf", "buffer": PDF}])
    form.get_by_role("button", name=vi("Upload")).click()
    expect(section.get_by_role("link", name=name)).to_be_visible()


def said(page, text: str) -> None:
    """Waits for the page's messages to say ``text`` (a refusal shows in the failure)."""
    expect(page.locator(".messages")).to_contain_text(text)
