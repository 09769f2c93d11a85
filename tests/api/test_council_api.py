"""The council through the API: members, a session run end to end with secret ballots,
the tally shown only once voting closes, who may do what, and secrecy of every answer."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils.translation import gettext

from tests.api.conftest import count_queries
from tests.factories import UserFactory
from tests.nominations.support import clerk_for, in_appraisal
from vinhdanh.api.serializers.council import TALLY_FIELDS, AgendaItemSerializer
from vinhdanh.council.enums import Choice, ItemState, MemberRole
from vinhdanh.council.models import AgendaItem, CouncilMember
from vinhdanh.council.services import sessions
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination
from vinhdanh.nominations.services import workflow

HELD_ON = "2026-12-10"
TERM_START = "2026-01-01"
# Keys that name a member, and keys that would tell what was voted.
MEMBER_KEYS = {"member", "members", "user", "name", "voter"}
CHOICE_KEYS = {"choice", "choices", "ballot", "ballots", "receipts", "receipt", "voted_by"}
CHOICE_WORDS = {*Choice.values, *(str(label) for label in Choice.labels)}


class Recorder:
    """An API client that keeps every JSON body it received, to check them all for leaks."""

    def __init__(self, client, bodies):
        self.client, self.bodies = client, bodies

    def _keep(self, response):
        if response.get("Content-Type", "").startswith("application/json"):
            self.bodies.append(response.json())
        return response

    def get(self, url, **params):
        return self._keep(self.client.get(url, params))

    def post(self, url, body=None):
        return self._keep(self.client.post(url, body or {}, format="json"))


@pytest.fixture
def bodies():
    return []


@pytest.fixture
def board(personas, api_for, bodies):
    return Recorder(api_for(personas.board_officer), bodies)


def _ready(province, personas, clerk=None):
    nomination = in_appraisal(province, clerk or personas.unit_clerk, personas.board_officer,
                              justification="Thành tích đặc biệt")
    workflow.pass_to_council(nomination, actor=personas.board_officer)
    return nomination


def _add_member(board, username, name, role, unit):
    response = board.post("/api/v1/council-members/", {
        "user": UserFactory(username=username).pk, "name": name, "role": role,
        "term_start": TERM_START, "unit": unit.pk, "position": "Ủy viên"})
    assert response.status_code == 201, response.content
    return CouncilMember.objects.get(pk=response.json()["id"])


@pytest.fixture
def council(province, personas, board, api_for, bodies):
    """Four members (the last of the Farmers' Union), a session prepared through the API, and
    two dossiers ready for the council: one of the Farmers' Union, one of the Women's Union."""
    root = province.root
    chair = _add_member(board, "chutich", "Nguyễn Văn Chủ", MemberRole.CHAIR, root)
    member_b = _add_member(board, "uyvien-b", "Trần Thị Bình", MemberRole.MEMBER, root)
    member_c = _add_member(board, "uyvien-c", "Lê Văn Cường", MemberRole.MEMBER, root)
    farmer = _add_member(board, "uyvien-d", "Phạm Thị Dung", MemberRole.MEMBER,
                         province.farmers)
    response = board.post("/api/v1/council-sessions/", {
        "title": "Phiên họp Hội đồng Thi đua - Khen thưởng", "held_on": HELD_ON,
        "place": "Hội trường tỉnh", "secretary": personas.board_officer.pk})
    assert response.status_code == 201, response.content
    members = [chair, member_b, member_c, farmer]
    return SimpleNamespace(
        session=response.json()["id"], chair=chair, b=member_b, c=member_c, farmer=farmer,
        members=members,
        client={m.pk: Recorder(api_for(m.user), bodies) for m in members},
        farmers_dossier=_ready(province, personas),
        women_dossier=_ready(province, personas, clerk_for(province.women, "clerk-women")))


def _session_url(council, action=""):
    return f"/api/v1/council-sessions/{council.session}/{action}"


def _item_url(item_id, action=""):
    return f"/api/v1/council-items/{item_id}/{action}"


def _open_with_agenda(board, council):
    """A, B and the Farmers' member present, C absent (3 of 4 reach the 2/3 quorum)."""
    for member in (council.chair, council.b, council.farmer):
        response = board.post(_session_url(council, "attendance/"),
                              {"member": member.pk, "present": True})
        assert response.status_code == 200, response.content
    quorum = board.get(_session_url(council, "quorum/")).json()
    assert (quorum["present"], quorum["members"], quorum["needed"], quorum["met"]) == (
        3, 4, 3, True)
    assert board.post(_session_url(council, "open/")).json()["state"] == "open"
    response = board.post(_session_url(council, "agenda/"), {
        "nominations": [council.farmers_dossier.pk, council.women_dossier.pk]})
    assert response.status_code == 201, response.content
    return [row["id"] for row in response.json()]


def _vote(council, member, item_id, choice):
    return council.client[member.pk].post(_item_url(item_id, "vote/"), {"choice": choice})


def _walk(body):
    """Every JSON object inside ``body``."""
    if isinstance(body, dict):
        yield body
        for value in body.values():
            yield from _walk(value)
    elif isinstance(body, list):
        for value in body:
            yield from _walk(value)


def _strings(body):
    for obj in _walk(body):
        yield from (value for value in obj.values() if isinstance(value, str))
    if isinstance(body, list):
        yield from (value for value in body if isinstance(value, str))


def _run_session(board, council):
    """The whole session: returns the two item ids, both closed."""
    farmers_item, women_item = _open_with_agenda(board, council)
    for item_id in (farmers_item, women_item):
        assert board.post(_item_url(item_id, "open-voting/")).status_code == 200
    # The Farmers' member is recused on the Farmers' dossier.
    refused = _vote(council, council.farmer, farmers_item, Choice.AGREE)
    assert refused.status_code == 400
    assert _vote(council, council.chair, farmers_item, Choice.AGREE).status_code == 200
    assert _vote(council, council.b, farmers_item, Choice.DISAGREE).status_code == 200
    written = board.post(_item_url(farmers_item, "written-vote/"),
                         {"member": council.c.pk, "choice": Choice.AGREE})
    assert written.status_code == 200, written.content
    for member, choice in ((council.chair, Choice.DISAGREE), (council.b, Choice.DISAGREE),
                           (council.farmer, Choice.AGREE)):
        assert _vote(council, member, women_item, choice).status_code == 200
    return farmers_item, women_item


# --- the whole session ---------------------------------------------------------------------

def test_a_session_runs_end_to_end_and_the_tally_appears_only_when_voting_closes(
        council, board, personas):
    farmers_item, women_item = _run_session(board, council)

    while_open = board.get(_item_url(farmers_item))
    refused = board.get(_item_url(farmers_item, "tally/"))
    assert while_open.json()["state"] == ItemState.VOTING
    assert while_open.json()["voted"] == 3
    assert all(while_open.json()[name] is None for name in TALLY_FIELDS)
    assert [row["member"] for row in while_open.json()["recusals"]] == [council.farmer.pk]
    assert refused.status_code == 400
    assert refused.json() == {"non_field_errors": [
        gettext("The tally is shown when voting closes.")]}

    closed = board.post(_item_url(farmers_item, "close-voting/")).json()
    board.post(_item_url(women_item, "close-voting/"))
    farmers_tally = board.get(_item_url(farmers_item, "tally/")).json()
    women_tally = council.client[council.chair.pk].get(_item_url(women_item, "tally/")).json()

    # Bằng khen: more than half of those counted (A, B present; C in writing; D recused).
    assert (closed["agree"], closed["disagree"], closed["abstain"]) == (2, 1, 0)
    assert (closed["voters"], closed["needed"], closed["approved"]) == (3, 2, True)
    assert closed["rule"]
    assert {k: farmers_tally[k] for k in ("agree", "disagree", "voters", "needed",
                                           "approved")} == {
        "agree": 2, "disagree": 1, "voters": 3, "needed": 2, "approved": True}
    assert (women_tally["agree"], women_tally["disagree"], women_tally["approved"]) == (
        1, 2, False)
    assert Nomination.objects.get(pk=council.farmers_dossier.pk).state == \
        NominationState.APPROVED
    assert Nomination.objects.get(pk=council.women_dossier.pk).state == \
        NominationState.REJECTED


def test_no_answer_of_any_council_endpoint_ties_a_member_to_a_choice(council, board, bodies):
    farmers_item, women_item = _run_session(board, council)
    for client in (board, *council.client.values()):
        client.get("/api/v1/council-members/")
        client.get("/api/v1/council-sessions/")
        client.get(_session_url(council))
        client.get(_session_url(council, "quorum/"))
        client.get("/api/v1/council-items/")
        client.get(_item_url(farmers_item))
    for item_id in (farmers_item, women_item):
        board.post(_item_url(item_id, "close-voting/"))
        for client in (board, *council.client.values()):
            client.get(_item_url(item_id))
            client.get(_item_url(item_id, "tally/"))
            client.get("/api/v1/council-items/", session=council.session)
    histories = [board.get(f"/api/v1/nominations/{dossier.pk}/history/").json()
                 for dossier in (council.farmers_dossier, council.women_dossier)]

    assert len(bodies) > 60
    objects = [obj for body in bodies for obj in _walk(body)]
    assert not [obj for obj in objects if set(obj) & CHOICE_KEYS]
    assert not [obj for obj in objects if set(obj) & MEMBER_KEYS
                and set(obj) & {"agree", "disagree", "abstain"}]
    assert not [text for body in bodies for text in _strings(body) if text in CHOICE_WORDS]
    assert all(histories)  # the council's result is in each dossier's log
    voters = [member.name for member in council.members]
    assert not [entry for history in histories for entry in history
                if any(name in entry["message"] for name in voters)]


def test_a_ballot_s_answer_is_the_same_whatever_the_choice(council, board):
    farmers_item, _women_item = _open_with_agenda(board, council)
    board.post(_item_url(farmers_item, "open-voting/"))

    agree = _vote(council, council.chair, farmers_item, Choice.AGREE).json()
    disagree = _vote(council, council.b, farmers_item, Choice.DISAGREE).json()

    assert (agree.pop("voted"), disagree.pop("voted")) == (1, 2)
    assert agree == disagree


# --- the serializer ------------------------------------------------------------------------

@pytest.mark.parametrize(("state", "shown"), [(ItemState.PENDING, False),
                                              (ItemState.VOTING, False),
                                              (ItemState.CLOSED, True)])
def test_item_serializer_shows_the_tally_only_of_a_closed_item(council, personas, state,
                                                                shown):
    session = council.session
    item = AgendaItem.objects.create(session_id=session, nomination=council.farmers_dossier,
                                     state=state, agree=4, disagree=3, abstain=2, voters=9,
                                     needed=5, rule="Đa số", approved=False)
    item.voted_count = 9

    data = AgendaItemSerializer(item).data

    assert data["voted"] == 9
    expected = {"agree": 4, "disagree": 3, "abstain": 2, "needed": 5, "voters": 9,
                "rule": "Đa số", "approved": False}
    assert {name: data[name] for name in TALLY_FIELDS} == (
        expected if shown else dict.fromkeys(TALLY_FIELDS))


# --- who may do what -----------------------------------------------------------------------

@pytest.mark.parametrize("persona", ["unit_clerk", "viewer"])
def test_clerks_and_viewers_neither_see_nor_run_the_council(council, board, personas,
                                                            api_for, persona):
    farmers_item, _women_item = _open_with_agenda(board, council)
    board.post(_item_url(farmers_item, "open-voting/"))
    client = api_for(getattr(personas, persona))

    assert client.get("/api/v1/council-members/").status_code == 403
    assert client.post("/api/v1/council-members/", {}, format="json").status_code == 403
    assert client.get("/api/v1/council-sessions/").json()["results"] == []
    assert client.get("/api/v1/council-items/").json()["results"] == []
    assert client.get(_session_url(council)).status_code == 404
    assert client.get(_session_url(council, "quorum/")).status_code == 404
    assert client.post(_session_url(council, "open/")).status_code == 404
    assert client.post("/api/v1/council-sessions/", {}, format="json").status_code == 403
    for action in ("", "tally/"):
        assert client.get(_item_url(farmers_item, action)).status_code == 404
    for action in ("vote/", "open-voting/", "close-voting/"):
        response = client.post(_item_url(farmers_item, action), {"choice": "agree"},
                               format="json")
        assert response.status_code == 404
    assert AgendaItem.objects.get(pk=farmers_item).receipts.count() == 0


def test_a_board_officer_who_is_not_a_member_cannot_vote(council, board):
    farmers_item, _women_item = _open_with_agenda(board, council)
    board.post(_item_url(farmers_item, "open-voting/"))

    response = board.post(_item_url(farmers_item, "vote/"), {"choice": Choice.AGREE})

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [gettext("Only the council's members vote.")]}
    assert board.get(_item_url(farmers_item)).json()["voted"] == 0


def test_members_see_the_session_but_do_not_run_it(council, board):
    farmers_item, _women_item = _open_with_agenda(board, council)
    member = council.client[council.b.pk]

    assert member.get("/api/v1/council-members/").status_code == 200
    assert member.get(_session_url(council)).status_code == 200
    assert member.post(_session_url(council, "attendance/"),
                       {"member": council.c.pk, "present": True}).status_code == 403
    assert member.post(_item_url(farmers_item, "open-voting/")).status_code == 403
    assert member.post(_item_url(farmers_item, "written-vote/"),
                       {"member": council.c.pk, "choice": "agree"}).status_code == 403
    assert member.post("/api/v1/council-members/", {}).status_code == 403
    assert AgendaItem.objects.get(pk=farmers_item).state == ItemState.PENDING


def test_a_member_of_another_session_does_not_see_this_one(council, board, personas,
                                                           api_for):
    later = UserFactory(username="uyvien-moi")
    CouncilMember.objects.create(user=later, name="Võ Văn Mới", term_start=dt.date(2027, 1, 1))

    client = api_for(later)

    assert client.get(_session_url(council)).status_code == 404
    assert client.get("/api/v1/council-sessions/").json()["results"] == []


def test_the_board_ends_a_term(council, board):
    response = board.post(f"/api/v1/council-members/{council.farmer.pk}/end-term/",
                          {"term_end": "2026-06-30"})

    assert response.status_code == 200, response.content
    assert response.json()["term_end"] == "2026-06-30"
    assert board.post(f"/api/v1/council-members/{council.farmer.pk}/end-term/",
                      {"term_end": "2025-06-30"}).status_code == 400


def test_the_session_opens_only_with_a_quorum(council, board):
    board.post(_session_url(council, "attendance/"),
               {"member": council.chair.pk, "present": True})

    response = board.post(_session_url(council, "open/"))

    assert response.status_code == 400
    assert board.get(_session_url(council)).json()["state"] == "draft"


# --- query counts --------------------------------------------------------------------------

def test_item_and_session_lists_do_not_grow_queries_with_rows(council, board, province,
                                                              personas, api_for):
    client = api_for(personas.board_officer)
    session = sessions.create_session(actor=personas.board_officer, title="Phiên 2",
                                      held_on=dt.date(2026, 12, 11),
                                      secretary=personas.board_officer)
    sessions.add_to_agenda(session, [council.farmers_dossier], actor=personas.board_officer)
    one_item, _ = count_queries(client, "/api/v1/council-items/")
    one_session, _ = count_queries(client, "/api/v1/council-sessions/")

    sessions.add_to_agenda(session, [council.women_dossier, _ready(province, personas)],
                           actor=personas.board_officer)
    sessions.create_session(actor=personas.board_officer, title="Phiên 3",
                            held_on=dt.date(2026, 12, 12), secretary=personas.board_officer)
    three_items, body = count_queries(client, "/api/v1/council-items/")
    three_sessions, _ = count_queries(client, "/api/v1/council-sessions/")

    assert body["count"] == 3
    assert (three_items, three_sessions) == (one_item, one_session)
