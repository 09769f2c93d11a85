"""The council's staff pages: members, sessions, attendance and quorum, the agenda, the
secretary's controls and the member's ballot page; who may see them."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from tests.council.support import (
    HELD_ON,
    attend,
    make_members,
    make_session,
    ready,
    voting_on,
)
from tests.workspace.test_layout import _assert_csp_clean
from tests.workspace.ui_support import count_queries, html
from vinhdanh.council.enums import Choice, ItemState
from vinhdanh.council.models import AgendaItem, BallotReceipt, CouncilMember, Recusal
from vinhdanh.council.services import ballots, sessions
from vinhdanh.nominations.enums import NominationState

MEMBERS = reverse("workspace:council-members")
SESSIONS = reverse("workspace:council-session-list")
CREATE = reverse("workspace:council-session-create")
VOTE = reverse("workspace:council-vote")

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(province, personas):
    members = make_members(province)
    return members, make_session(personas.board_officer)


def _detail(session):
    return reverse("workspace:council-session-detail", args=[session.pk])


def _messages(response):
    return [str(message) for message in response.context["messages"]]


def _all_urls(session, item, member):
    gets = [MEMBERS, SESSIONS, CREATE, VOTE, _detail(session),
            reverse("workspace:council-session-minutes", args=[session.pk])]
    posts = [reverse("workspace:council-member-end", args=[member.pk]),
             reverse("workspace:council-session-attendance", args=[session.pk]),
             reverse("workspace:council-session-open", args=[session.pk]),
             reverse("workspace:council-session-agenda", args=[session.pk]),
             *(reverse(f"workspace:council-item-{name}", args=[item.pk])
               for name in ("open", "close", "recusal", "written")),
             reverse("workspace:council-vote-cast", args=[item.pk])]
    return gets, posts


def test_viewers_and_clerks_get_403_or_404_on_every_council_page(council, province,
                                                                 personas, client_for):
    members, session = council
    attend(session, members, personas.board_officer)
    item, = voting_on(session, [ready(province, personas)], personas.board_officer)
    gets, posts = _all_urls(session, item, members[0])
    for user in (personas.viewer, personas.unit_clerk):
        client = client_for(user)
        for url in gets:
            assert client.get(url).status_code in (403, 404), (user, url)
        for url in posts:
            response = client.post(url, {"choice": "agree", "member": members[1].pk,
                                         "reason": "x", "present": [], "term_end": "01/01/2027"})
            assert response.status_code in (403, 404), (user, url)
    assert BallotReceipt.objects.count() == 0
    assert Recusal.objects.filter(automatic=False).count() == 0
    assert CouncilMember.objects.filter(term_end__isnull=False).count() == 0


def test_a_member_sees_only_own_sessions_and_not_the_board_pages(council, province,
                                                                 personas, client_for):
    members, session = council
    former = CouncilMember.objects.create(user=personas.signer, name="Cựu thành viên",
                                          term_start=dt.date(2020, 1, 1),
                                          term_end=dt.date(2025, 12, 31))
    old = make_session(personas.board_officer, title="Phiên họp năm 2024",
                       held_on=dt.date(2024, 6, 1))
    assert list(old.members.all()) == [former]
    client = client_for(members[1].user)

    response = client.get(SESSIONS)

    assert response.status_code == 200
    assert [s.pk for s in response.context["sessions"]] == [session.pk]
    assert client.get(_detail(old)).status_code == 404
    assert client.get(MEMBERS).status_code == 403
    assert client.get(CREATE).status_code == 403
    assert client.post(reverse("workspace:council-session-open", args=[session.pk])
                       ).status_code == 403


def test_the_board_adds_a_member_and_ends_a_term(province, personas, client_for):
    client = client_for(personas.board_officer)
    response = client.post(MEMBERS, {
        "user": personas.council_member.pk, "name": "Nguyễn Văn Chủ", "role": "chair",
        "position": "Phó Chủ tịch UBND tỉnh", "unit": province.root.pk,
        "term_start": "01/01/2026", "term_end": ""})
    assert response.status_code == 302
    member = CouncilMember.objects.get()
    assert (member.role, member.term_start) == ("chair", dt.date(2026, 1, 1))

    client.post(reverse("workspace:council-member-end", args=[member.pk]),
                {"term_end": "31/03/2026"})

    member.refresh_from_db()
    assert member.term_end == dt.date(2026, 3, 31)
    page = html(client.get(MEMBERS))
    assert "01/01/2026 – 31/03/2026" in page
    assert "Nguyễn Văn Chủ" in page


def test_the_board_prepares_a_session_with_the_members_in_office(council, personas,
                                                                 client_for):
    members, _existing = council
    response = client_for(personas.board_officer).post(CREATE, {
        "title": "Phiên họp xét khen thưởng", "held_on": "15/12/2026", "place": "",
        "secretary": personas.board_officer.pk})
    session = sessions.CouncilSession.objects.get(title="Phiên họp xét khen thưởng")
    assert response["Location"] == _detail(session)
    assert session.held_on == dt.date(2026, 12, 15)
    assert set(session.members.all()) == set(members)


def test_the_quorum_shows_its_figures_article_and_confirmation(council, personas,
                                                               client_for):
    members, session = council
    attend(session, members[:3], personas.board_officer)
    found = sessions.quorum(session)

    response = client_for(personas.board_officer).get(_detail(session))

    page = html(response)
    assert (found.present, found.members) == (3, 5)
    assert response.context["quorum"] == found
    assert f"{found.needed}" in page and found.article in page
    assert (gettext("UNCONFIRMED") in page) is (not found.confirmed)
    assert 'data-quorum-met="0"' in page if not found.met else 'data-quorum-met="1"' in page


def test_a_session_runs_through_the_pages(council, province, personas, client_for):
    members, session = council
    nomination = ready(province, personas)
    board = client_for(personas.board_officer)
    board.post(reverse("workspace:council-session-attendance", args=[session.pk]),
               {"present": [m.pk for m in members]})
    board.post(reverse("workspace:council-session-open", args=[session.pk]))
    page = html(board.get(_detail(session)))
    assert f'name="nominations" value="{nomination.pk}"' in page  # offered for the agenda
    board.post(reverse("workspace:council-session-agenda", args=[session.pk]),
               {"nominations": [nomination.pk]})
    item = AgendaItem.objects.get()
    board.post(reverse("workspace:council-item-open", args=[item.pk]))
    item.refresh_from_db()
    assert item.state == ItemState.VOTING
    assert f'name="nominations" value="{nomination.pk}"' not in html(board.get(_detail(session)))

    for member in members[:4]:  # the fifth is recused (the nominee's unit)
        response = client_for(member.user).post(
            reverse("workspace:council-vote-cast", args=[item.pk]),
            {"choice": Choice.AGREE}, follow=True)
        assert _messages(response) == [gettext("Your ballot was recorded.")]
        assert f'data-other="{item.pk}" data-part="voted"' in html(response)
    assert 'data-voted="4"' in html(board.get(_detail(session)))
    board.post(reverse("workspace:council-item-close", args=[item.pk]))

    page = html(board.get(_detail(session)))
    assert 'data-tally-agree="4"' in page and 'data-approved="1"' in page
    nomination.refresh_from_db()
    assert nomination.state == NominationState.APPROVED
    minutes = client_for(members[1].user).get(
        reverse("workspace:council-session-minutes", args=[session.pk]))
    assert minutes.status_code == 200
    assert minutes["Content-Disposition"].startswith('attachment; filename="bien-ban-hop')
    assert minutes.content.startswith(b"PK")  # a .docx is a zip file


def test_the_minutes_wait_until_no_vote_is_open(council, province, personas, client_for):
    members, session = council
    attend(session, members, personas.board_officer)
    voting_on(session, [ready(province, personas)], personas.board_officer)

    response = client_for(personas.board_officer).get(
        reverse("workspace:council-session-minutes", args=[session.pk]), follow=True)

    assert response.redirect_chain[-1][0] == _detail(session)
    assert _messages(response) == [gettext("The minutes can be drawn up once no vote is open.")]


def test_a_member_not_present_cannot_vote(council, province, personas, client_for):
    members, session = council
    attend(session, members[:4], personas.board_officer)
    absent = members[3]
    sessions.record_attendance(session, absent, present=False, actor=personas.board_officer)
    attend(session, members[4:], personas.board_officer)
    item, = voting_on(session, [ready(province, personas)], personas.board_officer)
    client = client_for(absent.user)

    page = html(client.get(VOTE))
    response = client.post(reverse("workspace:council-vote-cast", args=[item.pk]),
                           {"choice": Choice.AGREE}, follow=True)

    assert f'data-ballot="{item.pk}"' not in page
    assert f'data-other="{item.pk}" data-part="absent"' in page
    assert _messages(response) == [gettext("%(member)s is not recorded as present.")
                                   % {"member": absent}]
    assert BallotReceipt.objects.count() == 0


def test_a_recused_member_is_shown_as_not_taking_part(council, province, personas,
                                                      client_for):
    members, session = council
    attend(session, members, personas.board_officer)
    item, = voting_on(session, [ready(province, personas)], personas.board_officer)
    client = client_for(members[-1].user)  # works at the Farmers' Union

    vote_page = html(client.get(VOTE))
    session_page = html(client.get(_detail(session)))

    assert f'data-other="{item.pk}" data-part="recused"' in vote_page
    assert f'data-ballot="{item.pk}"' not in vote_page
    assert gettext("You are not taking part in this vote") in session_page
    assert str(members[-1].name) in session_page  # the recusal is listed with its reason
    assert client.post(reverse("workspace:council-vote-cast", args=[item.pk]),
                       {"choice": Choice.AGREE}).status_code == 302
    assert BallotReceipt.objects.count() == 0


def test_the_secretary_records_a_recusal_and_a_written_vote(council, province, personas,
                                                             client_for):
    members, session = council
    attend(session, members[:3] + members[4:], personas.board_officer)  # the fourth is away
    item, = voting_on(session, [ready(province, personas)], personas.board_officer)
    board = client_for(personas.board_officer)

    recused = board.post(reverse("workspace:council-item-recusal", args=[item.pk]),
                         {"member": members[1].pk, "reason": "Người thân của ứng viên"},
                         follow=True)
    written = board.post(reverse("workspace:council-item-written", args=[item.pk]),
                         {"member": members[3].pk, "choice": Choice.DISAGREE}, follow=True)

    assert Recusal.objects.get(member=members[1]).reason == "Người thân của ứng viên"
    assert "Người thân của ứng viên" in html(recused)
    assert BallotReceipt.objects.get().written is True
    assert _messages(written) == [gettext("The written vote of %(member)s was recorded.")
                                  % {"member": members[3]}]
    assert ballots.voted(item) == 1


def test_a_member_cannot_drive_the_secretary_s_controls(council, province, personas,
                                                       client_for):
    members, session = council
    attend(session, members, personas.board_officer)
    item, = voting_on(session, [ready(province, personas)], personas.board_officer)
    client = client_for(members[0].user)
    for name in ("close", "recusal", "written"):
        url = reverse(f"workspace:council-item-{name}", args=[item.pk])
        assert client.post(url, {"member": members[1].pk, "reason": "x",
                                 "choice": "agree"}).status_code == 403
    item.refresh_from_db()
    assert item.state == ItemState.VOTING


def test_the_session_page_has_no_n_plus_one(council, province, personas, client_for):
    members, session = council
    attend(session, members, personas.board_officer)
    first, = voting_on(session, [ready(province, personas)], personas.board_officer)
    ballots.cast_ballot(first, user=members[0].user, choice=Choice.AGREE)
    ready(province, personas)  # waiting for an agenda
    board, member = client_for(personas.board_officer), client_for(members[0].user)
    one = count_queries(board, _detail(session)), count_queries(member, _detail(session))

    more = voting_on(session, [ready(province, personas) for _ in range(4)],
                     personas.board_officer)
    ballots.close_voting(more[0], actor=personas.board_officer)
    sessions.declare_recusal(more[1], members[1], reason="Lý do riêng",
                             actor=personas.board_officer)
    ready(province, personas)  # another one waiting

    assert AgendaItem.objects.count() == 5
    assert (count_queries(board, _detail(session)),
            count_queries(member, _detail(session))) == one


def test_held_on_is_shown_as_day_month_year(council, personas, client_for):
    _members, session = council
    page = html(client_for(personas.board_officer).get(SESSIONS))
    assert HELD_ON.strftime("%d/%m/%Y") in page


def test_council_pages_have_no_inline_style_or_script(council, province, personas,
                                                     client_for):
    members, session = council
    attend(session, members[:4], personas.board_officer)
    item, = voting_on(session, [ready(province, personas)], personas.board_officer)
    pages = [(personas.board_officer, url) for url in (MEMBERS, SESSIONS, CREATE,
                                                       _detail(session))]
    pages += [(members[0].user, VOTE), (members[0].user, _detail(session))]
    for user, url in pages:
        response = client_for(user).get(url)
        assert response.status_code == 200, url
        _assert_csp_clean(html(response))
    assert item.state == ItemState.VOTING
