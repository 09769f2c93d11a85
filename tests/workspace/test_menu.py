"""The staff menu (``workspace/menu.py``): six headings for every role, each entry a page its
user may open, the section being shown marked."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from vinhdanh.council.enums import MemberRole
from vinhdanh.council.models import CouncilMember
from vinhdanh.workspace.menu import MENU, Entry

ROLES = ("admin", "board_officer", "group_leader", "unit_clerk", "council_member", "signer",
         "viewer")


def _menu(client, url=None) -> str:
    page = client.get(url or reverse("workspace:dashboard")).content.decode()
    return re.search(r'<nav class="main-nav".*?</nav>', page, re.S).group(0)


def _links(nav: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', nav)


@pytest.fixture
def council_seat(province, personas):
    CouncilMember.objects.create(user=personas.council_member, name="Ủy viên Hội đồng",
                                 role=MemberRole.MEMBER, unit=province.root,
                                 term_start=dt.date(2026, 1, 1))


@pytest.mark.parametrize("role", ROLES)
def test_every_link_a_role_sees_on_the_dashboard_opens_for_that_role(
        role, personas, client_for, council_seat):
    # The menu and the dashboard's quick links: a link its user may not follow is a 403
    # page one click away (the Excel import was shown to every role).
    client = client_for(getattr(personas, role))
    page = client.get(reverse("workspace:dashboard")).content.decode()
    links = set(_links(page))

    assert reverse("workspace:dashboard") in _links(_menu(client))
    for url in links:
        assert client.get(url).status_code == 200, url


def test_each_entry_is_shown_by_its_condition(personas, client_for, council_seat):
    clerk = _links(_menu(client_for(personas.unit_clerk)))
    officer = _links(_menu(client_for(personas.board_officer)))
    member = _links(_menu(client_for(personas.council_member)))
    inbox, council = reverse("workspace:board-inbox"), reverse("workspace:council-session-list")

    assert inbox not in clerk and council not in clerk
    assert inbox in officer and council in officer
    assert council in member and inbox not in member
    every = {reverse(f"workspace:{e.url_name}") for e in _entries()}
    assert set(officer) == every  # the board officer sees every page of the menu


def test_the_header_has_six_headings_in_vietnamese(personas, client_for):
    nav = _menu(client_for(personas.board_officer))
    headings = re.findall(r"<summary[^>]*>([^<]+)</summary>", nav)

    assert headings == ["Tổ chức", "Thi đua", "Khen thưởng", "Tuyên truyền, báo cáo",
                        "Quy định, dữ liệu"]
    assert re.findall(r'<ul class="main-nav__bar">\s*<li><a [^>]*>([^<]+)</a>', nav) == [
        "Tổng quan"]


def test_the_section_being_shown_is_marked(personas, client_for):
    nav = _menu(client_for(personas.board_officer), reverse("workspace:decision-list"))

    current = re.findall(r'<summary class="main-nav__current">([^<]+)</summary>', nav)
    assert current == ["Khen thưởng"]
    assert re.findall(r'<a href="([^"]+)" aria-current="page"', nav) == [
        reverse("workspace:decision-list")]


def test_every_entry_names_a_page():
    # A renamed URL would otherwise show only when some role's menu is drawn.
    for entry in _entries():
        assert reverse(f"workspace:{entry.url_name}")
        assert entry.is_current(entry.url_name)


def _entries() -> list[Entry]:
    found = []
    for item in MENU:
        found.extend([item] if isinstance(item, Entry) else item.entries)
    return found
