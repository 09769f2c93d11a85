"""The staff menu in Chromium: its headings open as drop-downs (``<details>``), one at a time,
and close on Escape or a click elsewhere (``static/vinhdanh/menu.js``); on a phone the
header still holds every heading. Screenshots go to ``artifacts/menu/``."""

import pytest
from django.urls import reverse

from tests.browser.conftest import ARTIFACTS
from tests.browser.pages import PHONE, Journey, exact, expect, log_in, vi

pytestmark = pytest.mark.browser

FOLDER = ARTIFACTS.parent / "menu"


def test_the_menu_opens_one_heading_at_a_time(browser, live_server, personas):
    FOLDER.mkdir(parents=True, exist_ok=True)
    trip = Journey(browser, live_server.url, FOLDER)
    page = trip.as_user("officer")
    page.goto(reverse("workspace:dashboard"))
    nav = page.get_by_role("navigation", name=vi("Main menu"))
    commendation = nav.locator("summary").filter(has_text=exact(vi("Commendation")))
    organisation = nav.locator("summary").filter(has_text=exact(vi("Organisation")))
    decisions = nav.get_by_role("link", name=vi("Decisions"))

    expect(decisions).to_be_hidden()
    commendation.click()
    expect(decisions).to_be_visible()
    page.screenshot(path=FOLDER / "open.png")
    organisation.click()  # opening another closes the first
    expect(decisions).to_be_hidden()
    expect(nav.get_by_role("link", name=vi("Units"))).to_be_visible()
    page.keyboard.press("Escape")
    expect(nav.get_by_role("link", name=vi("Units"))).to_be_hidden()
    commendation.click()
    page.locator("main").click()  # a click elsewhere closes it
    expect(decisions).to_be_hidden()

    commendation.click()
    decisions.click()
    expect(page).to_have_url(f"{live_server.url}{reverse('workspace:decision-list')}")
    expect(nav.locator("summary.main-nav__current")).to_have_text(vi("Commendation"))

    phone = trip.context(PHONE).new_page()
    log_in(phone, "officer")  # a context of its own: log in again
    header = phone.locator(".site-header")
    rules = header.locator("summary").filter(has_text=exact(vi("Rules and data")))
    expect(rules).to_be_in_viewport()
    rules.click()
    expect(header.get_by_role("link", name=vi("Rules and bonuses"))).to_be_in_viewport()
    phone.screenshot(path=FOLDER / "phone-open.png", full_page=True)
    trip.close()
    phone.context.close()
