"""Ballot secrecy on the council's pages: while voting is open no page shows a count of
choices, and no page ever ties a member to a choice.

The strongest check renders every page after two sets of ballots and compares them: while
voting is open the pages must not change with the choices at all, and once closed two
ballots that only swap who chose what must give the very same pages.
"""

import re
from html.parser import HTMLParser

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext

from tests.council.support import attend, make_members, make_session, ready, voting_on
from tests.factories import UserFactory
from vinhdanh.council.enums import Choice
from vinhdanh.council.services import ballots
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import RoleAssignment

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
CHOICE_WORDS = ["Agree", "Disagree", "Abstain", "Đồng ý", "Không đồng ý",
                "Không có ý kiến", *(str(label) for label in Choice.labels)]


class _Undo(Exception):
    """Rolls a scenario back so the next one starts from the same database."""


@pytest.fixture
def scene(province, personas, client_for):
    members = make_members(province)
    session = make_session(personas.board_officer)
    attend(session, members, personas.board_officer)
    item, other = voting_on(session, [ready(province, personas), ready(province, personas)],
                            personas.board_officer)
    colleague = UserFactory(username="officer2")
    RoleAssignment.objects.create(user=colleague, role=Role.BOARD_OFFICER, unit=province.root)
    clients = {"secretary": client_for(personas.board_officer),
               "officer": client_for(colleague),
               **{f"member{i}": client_for(m.user) for i, m in enumerate(members)}}
    return members, session, item, other, clients


def _urls(session):
    return [reverse("workspace:council-session-detail", args=[session.pk]),
            reverse("workspace:council-session-list"), reverse("workspace:council-vote"),
            reverse("workspace:council-members")]


def _render(clients, session) -> dict:
    pages = {}
    for who, client in clients.items():
        for url in _urls(session):
            response = client.get(url)
            pages[who, url] = (response.status_code, CSRF.sub("", response.content.decode()))
    return pages


def _after(scene, choices, *, close=False) -> dict:
    """Every page after ``choices`` (one per member, in order) on the first item."""
    members, session, item, _other, clients = scene
    pages = {}
    try:
        with transaction.atomic():
            for member, choice in zip(members, choices, strict=False):
                ballots.cast_ballot(item, user=member.user, choice=choice)
            if close:
                ballots.close_voting(item, actor=session.secretary)
            pages = _render(clients, session)
            raise _Undo
    except _Undo:
        pass
    return pages


def test_open_voting_pages_do_not_change_with_the_choices(scene):
    _members, session, item, _other, _clients = scene
    yes = _after(scene, [Choice.AGREE] * 3)
    no = _after(scene, [Choice.DISAGREE, Choice.ABSTAIN, Choice.DISAGREE])

    assert yes == no
    detail = reverse("workspace:council-session-detail", args=[session.pk])
    for who in ("secretary", "officer", "member0"):
        status, page = yes[who, detail]
        assert status == 200
        assert "data-tally" not in page
        assert 'data-voted="3"' in page  # how many, not how
    assert all(status in (200, 403) for status, _page in yes.values())


def test_closed_tally_is_the_same_whoever_chose_what(scene):
    _members, session, _item, _other, _clients = scene
    first = _after(scene, [Choice.AGREE, Choice.DISAGREE], close=True)
    swapped = _after(scene, [Choice.DISAGREE, Choice.AGREE], close=True)

    assert first == swapped
    detail = reverse("workspace:council-session-detail", args=[session.pk])
    _status, page = first["secretary", detail]
    assert 'data-tally-agree="1"' in page and 'data-tally-disagree="1"' in page


class _Blocks(HTMLParser):
    """The text of every small element (a row, an item, a cell, an option, a button)."""

    SMALL = {"li", "tr", "td", "th", "dd", "dt", "p", "option", "button", "label", "span",
             "a", "h1", "h2", "h3", "h4", "summary", "strong"}
    VOID = {"input", "br", "meta", "link", "img", "hr"}

    def __init__(self):
        super().__init__()
        self.stack, self.blocks = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append([tag, ""])

    def handle_endtag(self, tag):
        while self.stack:
            name, text = self.stack.pop()
            if name in self.SMALL:
                self.blocks.append(text)
            if name == tag:
                break

    def handle_data(self, data):
        for entry in self.stack:
            entry[1] += data


def _blocks(page: str) -> list[str]:
    parser = _Blocks()
    parser.feed(page)
    return parser.blocks


def test_no_element_names_a_member_next_to_a_choice(scene):
    members, session, _item, _other, clients = scene
    for closed in (False, True):
        pages = _after(scene, [Choice.AGREE, Choice.DISAGREE, Choice.ABSTAIN], close=closed)
        names = [member.name for member in members]
        for (who, url), (_status, page) in pages.items():
            for block in _blocks(page):
                if any(name in block for name in names):
                    found = [word for word in CHOICE_WORDS if word in block]
                    assert not found, (who, url, block)
        assert any(members[0].name in page for _s, page in pages.values())  # names shown


def test_the_ballot_page_does_not_repeat_the_choice(scene):
    _members, _session, item, _other, clients = scene
    response = clients["member0"].post(reverse("workspace:council-vote-cast", args=[item.pk]),
                                       {"choice": Choice.DISAGREE}, follow=True)
    page = response.content.decode()

    assert [str(m) for m in response.context["messages"]] == [
        gettext("Your ballot was recorded.")]
    assert f'data-ballot="{item.pk}"' not in page
    row = re.search(rf'<li data-other="{item.pk}" data-part="voted">.*?</li>', page, re.S)
    notes = re.search(r'<ul class="messages".*?</ul>', page, re.S)
    assert row and notes
    for text in (row.group(), notes.group()):
        assert not [word for word in CHOICE_WORDS if word in text]
