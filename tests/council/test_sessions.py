"""Council sessions: quorum at its boundary and from the province's setting, terms,
recusal, the base of the "present" threshold, and who manages a session."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from tests.council.support import HELD_ON
from tests.council.support import attend as _present
from tests.council.support import council_of_ten as _members
from tests.council.support import ready as _ready
from tests.council.support import voting_on_one as _voting
from tests.factories import UserFactory
from vinhdanh.core.errors import DomainError
from vinhdanh.council.enums import Choice, MemberRole
from vinhdanh.council.models import CouncilMember
from vinhdanh.council.services import ballots, members, sessions
from vinhdanh.honors.law.packs import effective_pack_for
from vinhdanh.honors.services.settings import set_rule_setting


def _session(officer, held_on=HELD_ON):
    return sessions.create_session(actor=officer, title="Phiên họp Hội đồng", held_on=held_on,
                                   secretary=officer)


@pytest.mark.django_db
@pytest.mark.parametrize(("present", "met"), [(6, False), (7, True)])
def test_quorum_is_two_thirds_of_ten(province, personas, present, met):
    officer = personas.board_officer
    team = _members(province)
    session = _session(officer)
    _present(session, team[:present], officer)

    found = sessions.quorum(session)

    assert (found.present, found.members, found.needed, found.met) == (present, 10, 7, met)
    assert found.confirmed is False and "47.4.b" in found.article


@pytest.mark.django_db
def test_a_session_with_six_of_ten_present_is_refused(province, personas):
    officer = personas.board_officer
    team = _members(province)
    session = _session(officer)
    _present(session, team[:6], officer)

    with pytest.raises(DomainError, match="7"):
        sessions.open_session(session, actor=officer)
    session.refresh_from_db()
    assert session.state == "draft"


@pytest.mark.django_db
def test_the_province_s_quorum_setting_changes_it(province, personas):
    officer = personas.board_officer
    team = _members(province)
    session = _session(officer)
    _present(session, team[:5], officer)
    set_rule_setting(effective_pack_for(HELD_ON).code, "vote.quorum", actor=None,
                     value={"share": 0.5}, confirmed=True,
                     reason="Quy chế làm việc của Hội đồng tỉnh: quá nửa số thành viên")

    found = sessions.quorum(session)

    assert (found.needed, found.met, found.confirmed) == (5, True, True)
    assert sessions.open_session(session, actor=officer).state == "open"


@pytest.mark.django_db
def test_a_member_whose_term_ended_is_not_on_the_attendance_list(province, personas):
    officer = personas.board_officer
    team = _members(province)
    members.end_term(team[3], actor=officer, term_end=HELD_ON - dt.timedelta(days=1))
    later = members.add_member(actor=officer, user=UserFactory(username="moi"),
                               name="Ủy viên mới", role=MemberRole.MEMBER,
                               term_start=HELD_ON + dt.timedelta(days=1))

    session = _session(officer)
    listed = set(session.attendance.values_list("member", flat=True))

    assert team[3].pk not in listed and later.pk not in listed
    assert len(listed) == 9 and sessions.quorum(session).members == 9
    with pytest.raises(DomainError):
        sessions.record_attendance(session, team[3], present=True, actor=officer)


@pytest.mark.django_db
def test_recusal_after_voting_is_refused(province, personas):
    officer = personas.board_officer
    team = _members(province)
    session = _session(officer)
    _present(session, team, officer)
    item = _voting(session, _ready(province, personas), officer)
    ballots.cast_ballot(item, user=team[2].user, choice=Choice.AGREE)

    with pytest.raises(DomainError):
        sessions.declare_recusal(item, team[2], reason="Là người thân của ứng viên",
                                 actor=officer)
    recusal = sessions.declare_recusal(item, team[3], reason="Là người thân của ứng viên",
                                       actor=officer)

    assert set(item.recusals.values_list("member", flat=True)) == {team[-1].pk, team[3].pk}
    assert recusal.automatic is False
    with pytest.raises(DomainError):
        ballots.cast_ballot(item, user=team[3].user, choice=Choice.AGREE)


@pytest.mark.django_db
def test_automatic_recusal_spares_a_member_of_the_province_root(province, personas):
    officer = personas.board_officer
    team = _members(province)  # all but the last work at the province itself
    session = _session(officer)
    _present(session, team, officer)
    nomination = _ready(province, personas)

    item = _voting(session, nomination, officer)

    assert team[0].unit == province.root
    assert not sessions.concerned(team[0], nomination)
    assert sessions.concerned(team[-1], nomination)
    assert list(item.recusals.values_list("member", flat=True)) == [team[-1].pk]


@pytest.mark.django_db
def test_the_present_base_counts_written_votes(province, personas):
    """Bằng khen: more than half of those present. 7 present (one of them recused: 6) and two
    absent who voted in writing: 8 counted, 5 needed, so 4 agree is not enough (a base
    without the written votes, 6, would have needed only 4)."""
    officer = personas.board_officer
    team = _members(province)
    session = _session(officer)
    _present(session, team[:5] + team[9:], officer)
    sessions.record_attendance(session, team[5], present=True, actor=officer)
    item = _voting(session, _ready(province, personas), officer)
    for member in team[:4]:
        ballots.cast_ballot(item, user=member.user, choice=Choice.DISAGREE)
    ballots.cast_ballot(item, user=team[4].user, choice=Choice.AGREE)
    ballots.cast_ballot(item, user=team[5].user, choice=Choice.AGREE)
    for member in team[6:8]:
        ballots.record_written_vote(item, member, choice=Choice.AGREE, actor=officer)

    result = ballots.close_voting(item, actor=officer)

    assert (result.voters, result.needed, result.agree, result.approved) == (8, 5, 4, False)


@pytest.mark.django_db
def test_only_the_secretariat_manages_a_session(province, personas):
    clerk, officer = personas.unit_clerk, personas.board_officer
    team = _members(province)
    with pytest.raises(PermissionDenied):
        _session(clerk)
    session = _session(officer)
    _present(session, team, officer)
    item, = sessions.add_to_agenda(session, [_ready(province, personas)], actor=officer)
    sessions.open_session(session, actor=officer)

    with pytest.raises(PermissionDenied):
        ballots.open_voting(item, actor=clerk)
    item = ballots.open_voting(item, actor=officer)
    with pytest.raises(PermissionDenied):
        ballots.close_voting(item, actor=clerk)
    with pytest.raises(PermissionDenied):
        ballots.open_voting(item, actor=personas.council_member)
    assert ballots.close_voting(item, actor=officer).voters == 9
    assert CouncilMember.objects.count() == 10
