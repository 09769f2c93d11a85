"""Ballot secrecy by construction: no table ties a member to a choice, no log entry does,
a receipt has no time to match against the counters, and a ballot moves one counter once."""

import json

import pytest
from django.apps import apps
from django.db import models

from tests.council.support import HELD_ON
from tests.council.support import attend as _present
from tests.council.support import council_of_ten as _members
from tests.council.support import ready as _ready
from tests.council.support import voting_on_one as _voting
from vinhdanh.core.errors import DomainError
from vinhdanh.core.models import ActivityLog
from vinhdanh.council.enums import Choice
from vinhdanh.council.models import AgendaItem, BallotReceipt, CouncilMember
from vinhdanh.council.services import ballots, sessions
from vinhdanh.council.services.minutes import minutes_docx

CHOICE_WORDS = ("agree", "abstain", "đồng ý", "không có ý kiến", "phiếu trắng")
PERSONAL = {CouncilMember, apps.get_model("organisations", "User")}


def _choice_like(field) -> bool:
    names = {field.name, getattr(field, "attname", field.name)}
    if any(name in Choice.values or "choice" in name or "vote" in name for name in names):
        return True
    options = {value for value, _label in (getattr(field, "choices", None) or [])}
    return bool(options & set(Choice.values))


def _points_to_a_member(field) -> bool:
    return field.is_relation and field.concrete and field.related_model in PERSONAL


def test_no_council_model_holds_a_member_and_a_choice():
    for model in apps.get_app_config("council").get_models():
        fields = model._meta.get_fields()
        if any(_points_to_a_member(field) for field in fields):
            assert not [f.name for f in fields if f.concrete and _choice_like(f)], model
    # The counters are where the choices go, and they name no one.
    assert {f.name for f in AgendaItem._meta.concrete_fields if _choice_like(f)} == {
        "agree", "disagree", "abstain", "voters"}


def test_a_receipt_has_no_time():
    kinds = (models.DateField, models.DateTimeField, models.TimeField)
    assert not [f.name for f in BallotReceipt._meta.concrete_fields if isinstance(f, kinds)]


def _counters(item) -> tuple[int, int, int]:
    item.refresh_from_db()
    return item.agree, item.disagree, item.abstain


@pytest.fixture
def voting(province, personas):
    team = _members(province)
    session = sessions.create_session(actor=personas.board_officer, title="Phiên họp",
                                      held_on=HELD_ON,
                                      secretary=personas.board_officer)
    _present(session, team[:8] + team[9:], personas.board_officer)
    item = _voting(session, _ready(province, personas), personas.board_officer)
    return team, session, item


@pytest.mark.django_db
@pytest.mark.parametrize("choice", Choice.values)
def test_a_ballot_writes_one_receipt_and_moves_one_counter(voting, choice):
    team, _, item = voting
    before = _counters(item)

    ballots.cast_ballot(item, user=team[0].user, choice=choice)

    after = _counters(item)
    assert sum(after) - sum(before) == 1
    assert [b != a for b, a in zip(before, after, strict=True)].count(True) == 1
    assert after[Choice.values.index(choice)] == 1
    assert list(BallotReceipt.objects.values_list("member", "written")) == [(team[0].pk, False)]


@pytest.mark.django_db
def test_a_second_ballot_is_refused_and_changes_nothing(voting):
    team, _, item = voting
    ballots.cast_ballot(item, user=team[1].user, choice=Choice.AGREE)
    before = _counters(item)

    with pytest.raises(DomainError):
        ballots.cast_ballot(item, user=team[1].user, choice=Choice.DISAGREE)
    ballots.record_written_vote(item, team[8], choice=Choice.AGREE,
                                actor=item.session.secretary)
    with pytest.raises(DomainError):
        ballots.record_written_vote(item, team[8], choice=Choice.AGREE,
                                    actor=item.session.secretary)

    assert _counters(item) == (before[0] + 1, 0, 0)
    assert BallotReceipt.objects.filter(member=team[1]).count() == 1


@pytest.mark.django_db
def test_the_log_of_a_whole_session_holds_no_member_s_choice(voting, personas):
    team, session, item = voting
    officer = personas.board_officer
    sessions.declare_recusal(item, team[7], reason="Người thân của ứng viên", actor=officer)
    choices = [Choice.AGREE, Choice.DISAGREE, Choice.ABSTAIN] * 3
    for member, choice in zip(team[:7], choices, strict=False):
        ballots.cast_ballot(item, user=member.user, choice=choice)
    ballots.record_written_vote(item, team[8], choice=Choice.DISAGREE, actor=officer)
    ballots.close_voting(item, actor=officer)
    minutes_docx(session)

    names = [member.name for member in team]
    entries = list(ActivityLog.objects.all())
    assert any(entry.action == "council.written_vote" for entry in entries)
    for entry in entries:
        data = json.dumps(entry.data, ensure_ascii=False).casefold()
        assert not any(value in data for value in Choice.values), entry.data
        if any(name in entry.message for name in names):
            assert not any(word in entry.message.casefold() for word in CHOICE_WORDS), \
                entry.message
