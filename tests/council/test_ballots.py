"""The council's secret ballot: quorum, recusal, thresholds at their boundaries, secrecy."""


import pytest

from tests.council.support import HELD_ON, attend, council_of_ten, ready, voting_on_one
from vinhdanh.core.errors import DomainError
from vinhdanh.core.models import ActivityLog
from vinhdanh.council.enums import Choice, ItemState
from vinhdanh.council.models import AgendaItem, BallotReceipt
from vinhdanh.council.services import ballots, sessions
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.services import workflow

_members, _voting, _ready, _present = council_of_ten, voting_on_one, ready, attend


@pytest.fixture
def council(province, personas):
    members = _members(province)
    session = sessions.create_session(actor=personas.board_officer, title="Phiên họp Hội đồng",
                                      held_on=HELD_ON, secretary=personas.board_officer)
    return members, session


@pytest.mark.django_db
def test_a_session_opens_only_with_a_quorum_of_two_thirds(council, personas):
    members, session = council
    _present(session, members[:6], personas.board_officer)
    with pytest.raises(DomainError, match="6"):
        sessions.open_session(session, actor=personas.board_officer)
    _present(session, members[6:7], personas.board_officer)  # 7 of 10 ≥ 2/3
    assert sessions.open_session(session, actor=personas.board_officer).state == "open"


@pytest.mark.django_db
def test_a_member_of_the_nominee_s_unit_is_recused_and_cannot_vote(council, province,
                                                                     personas):
    members, session = council
    _present(session, members, personas.board_officer)
    item = _voting(session, _ready(province, personas), personas.board_officer)

    assert item.recusals.get().member == members[-1]
    with pytest.raises(DomainError):
        ballots.cast_ballot(item, user=members[-1].user, choice=Choice.AGREE)
    assert BallotReceipt.objects.count() == 0


@pytest.mark.django_db
def test_one_ballot_per_member_and_nothing_ties_a_member_to_a_choice(council, province,
                                                                       personas):
    members, session = council
    _present(session, members, personas.board_officer)
    item = _voting(session, _ready(province, personas), personas.board_officer)
    ballots.cast_ballot(item, user=members[0].user, choice=Choice.DISAGREE)
    with pytest.raises(DomainError):
        ballots.cast_ballot(item, user=members[0].user, choice=Choice.AGREE)

    receipt = BallotReceipt.objects.get()
    stored = {field.name for field in BallotReceipt._meta.get_fields()}
    assert stored == {"id", "item", "member", "written"}  # no choice, no time
    assert receipt.member == members[0]
    assert not any("disagree" in str(entry.data) or "Không đồng ý" in entry.message
                   for entry in ActivityLog.objects.all())
    with pytest.raises(DomainError):
        ballots.tally(item)  # hidden until voting closes
    assert ballots.voted(item) == 1


@pytest.mark.django_db
def test_outsiders_and_absent_members_do_not_vote_in_person(council, province, personas):
    members, session = council
    _present(session, members[:8], personas.board_officer)
    item = _voting(session, _ready(province, personas), personas.board_officer)
    with pytest.raises(DomainError):
        ballots.cast_ballot(item, user=personas.board_officer, choice=Choice.AGREE)
    with pytest.raises(DomainError):
        ballots.cast_ballot(item, user=members[8].user, choice=Choice.AGREE)
    ballots.record_written_vote(item, members[8], choice=Choice.AGREE,
                                actor=personas.board_officer)
    assert BallotReceipt.objects.get().written is True


@pytest.mark.django_db
@pytest.mark.parametrize(("agree", "approved"), [(9, True), (8, False)])
def test_cstd_tinh_needs_ninety_percent_of_all_members(council, province, personas, agree,
                                                      approved):
    """90% of all members in office (ND 98 Art 30.7, kept under ND 152): 9 members count
    (the tenth is recused), so 0.9 × 9 = 8.1 → 9 agree needed; 8 is not enough."""
    members, session = council
    _present(session, members, personas.board_officer)
    nomination = _ready(province, personas, honor_code="chien_si_thi_dua_tinh")
    item = _voting(session, nomination, personas.board_officer)
    for index, member in enumerate(members[:9]):
        ballots.cast_ballot(item, user=member.user,
                            choice=Choice.AGREE if index < agree else Choice.ABSTAIN)

    result = ballots.close_voting(item, actor=personas.board_officer)

    assert (result.voters, result.needed, result.agree) == (9, 9, agree)
    assert result.approved is approved
    assert ballots.tally(item) == result
    nomination.refresh_from_db()
    assert nomination.state == (NominationState.APPROVED if approved
                                else NominationState.REJECTED)
    assert AgendaItem.objects.get().state == ItemState.CLOSED


@pytest.mark.django_db
def test_bang_khen_needs_more_than_half_of_those_present(council, province, personas):
    members, session = council
    _present(session, members[:8], personas.board_officer)
    item = _voting(session, _ready(province, personas), personas.board_officer)
    for index, member in enumerate(members[:8]):  # 8 present: 5 needed
        choice = Choice.AGREE if index < 4 else Choice.DISAGREE
        ballots.cast_ballot(item, user=member.user, choice=choice)

    result = ballots.close_voting(item, actor=personas.board_officer)

    assert (result.voters, result.needed, result.approved) == (8, 5, False)
    assert (result.agree, result.disagree) == (4, 4)


@pytest.mark.django_db
def test_the_board_cannot_approve_a_dossier_without_the_council(province, personas):
    nomination = _ready(province, personas)
    assert not any(action.startswith("council") for action in
                   workflow.allowed_actions(nomination, personas.board_officer))
    with pytest.raises(Exception):  # noqa: B017 (PermissionDenied for a clerk)
        workflow.record_council_result(nomination, actor=personas.unit_clerk, approved=True)
    nomination.refresh_from_db()
    assert nomination.state == NominationState.READY
