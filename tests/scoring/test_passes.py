import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import gettext

from tests.factories import UnitFactory
from tests.scoring.factories import ScoringTemplateFactory
from tests.scoring.workflow_support import fill_pass, fill_sheet, pass_of, start, three_unit_bloc
from vinhdanh.core.audit import history_of
from vinhdanh.core.errors import DomainError
from vinhdanh.organisations.services.groups import set_members
from vinhdanh.scoring.enums import PassKind, RoundPeriod, RoundState
from vinhdanh.scoring.services.passes import (
    advance_round,
    missing_scores,
    open_round,
    set_deadline,
)
from vinhdanh.scoring.services.scores import record_score


@pytest.fixture
def world(province, personas):
    return three_unit_bloc(province, personas)


def test_open_round_creates_three_passes_and_opens_self(world):
    deadline = timezone.localdate() + dt.timedelta(days=7)

    scoring_round = start(world, deadlines={PassKind.SELF: deadline})

    passes = {p.kind: p for p in scoring_round.passes.all()}
    assert scoring_round.state == RoundState.SELF
    assert sorted(passes) == sorted(PassKind.values)
    assert passes["self"].opened_at is not None and passes["peer"].opened_at is None
    assert passes["self"].deadline == deadline
    assert history_of(scoring_round).get().action == "scoring.round_opened"


def test_open_round_without_criteria_is_refused(province):
    template = ScoringTemplateFactory(group=province.bloc)

    with pytest.raises(DomainError) as error:
        open_round(template, actor=None, period=RoundPeriod.YEAR_END)

    assert error.value.messages == [gettext("The template has no criteria to score yet.")]


def test_open_round_twice_for_a_period_is_refused(world):
    start(world)

    with pytest.raises(DomainError) as error:
        start(world)

    assert error.value.message_dict == {"period": [gettext("This round has already been opened.")]}


def test_advance_round_with_missing_scores_is_refused_naming_the_count(world):
    scoring_round = start(world)
    fill_sheet(pass_of(scoring_round, "self"), world.farmers, world.farmers)

    with pytest.raises(DomainError) as error:
        advance_round(scoring_round, actor=world.leader)

    message = gettext("%(count)s required scores are still missing: record why before closing "
                      "the pass.") % {"count": 8}
    assert error.value.message_dict == {"missing_reason": [message]}
    scoring_round.refresh_from_db()
    assert scoring_round.state == RoundState.SELF


def test_advance_round_with_a_reason_records_it_on_the_pass(world):
    scoring_round = start(world)

    advance_round(scoring_round, actor=world.leader, missing_reason="  Hội CCB chưa gửi  ")

    closed = pass_of(scoring_round, "self")
    assert (closed.missing_count, closed.missing_reason) == (12, "Hội CCB chưa gửi")
    assert closed.closed_by == world.leader and closed.closed_at is not None
    assert scoring_round.state == RoundState.PEER
    assert pass_of(scoring_round, "peer").opened_at is not None


def test_advance_round_goes_through_every_pass_to_closed(world):
    scoring_round = start(world)
    for kind in ("self", "peer"):
        fill_pass(pass_of(scoring_round, kind))
        advance_round(scoring_round, actor=world.leader)

    advance_round(scoring_round, actor=world.leader)

    assert scoring_round.state == RoundState.CLOSED
    assert pass_of(scoring_round, "leader").missing_count == 0


def test_advance_round_when_closed_is_refused(world):
    scoring_round = start(world)
    for _step in range(3):
        advance_round(scoring_round, actor=world.leader, missing_reason="Thử")

    with pytest.raises(DomainError) as error:
        advance_round(scoring_round, actor=world.leader, missing_reason="Thử")

    assert error.value.messages == [gettext("No scoring pass of this round is open.")]


def test_opening_the_leader_pass_copies_the_self_scores(world):
    scoring_round = start(world)
    fill_pass(pass_of(scoring_round, "self"), points=Decimal(3))
    advance_round(scoring_round, actor=world.leader)
    fill_pass(pass_of(scoring_round, "peer"))

    advance_round(scoring_round, actor=world.leader)

    leader_pass = pass_of(scoring_round, "leader")
    copies = leader_pass.scores.all()
    assert len(copies) == 12
    assert {(s.scorer_id, s.points, s.entered_by) for s in copies} == {
        (world.farmers.pk, Decimal("3.00"), None)}
    assert missing_scores(leader_pass) == []


def test_leader_pass_misses_only_removed_values(world):
    scoring_round = start(world)
    fill_pass(pass_of(scoring_round, "self"))
    advance_round(scoring_round, actor=world.leader)
    advance_round(scoring_round, actor=world.leader, missing_reason="Thử")
    leader_pass = pass_of(scoring_round, "leader")

    record_score(leader_pass, actor=world.leader, scorer=world.farmers, subject=world.women,
                 criterion=world.criteria[0], points=None, reason="Không có minh chứng")

    [row] = missing_scores(leader_pass)
    assert (row.scorer, row.subject, row.missing) == (world.farmers, world.women, 1)


def test_missing_scores_of_peer_pass_counts_pairs_and_abstentions_as_given(world):
    scoring_round = start(world)
    advance_round(scoring_round, actor=world.leader, missing_reason="Thử")
    peer = pass_of(scoring_round, "peer")
    fill_pass(peer, skip={(world.women, world.veterans)})
    record_score(peer, actor=None, scorer=world.women, subject=world.veterans,
                 criterion=world.criteria[0], abstained=True, reason="Không nắm được")

    [row] = missing_scores(peer)

    assert (row.scorer, row.subject, row.missing) == (world.women, world.veterans, 3)


def test_missing_scores_shows_required_evidence_missing(world):
    scoring_round = start(world)
    self_pass = pass_of(scoring_round, "self")
    fill_pass(self_pass)

    rows = missing_scores(self_pass)

    assert {(r.scorer.code, r.missing, r.evidence_missing) for r in rows} == {
        ("HND", 0, 1), ("HLHPN", 0, 1), ("HCCB", 0, 1)}


def test_missing_scores_runs_the_same_queries_for_more_units(world, province):
    small = start(world)
    with CaptureQueriesContext(connection) as three:
        missing_scores(pass_of(small, "peer"))
    extra = [UnitFactory(parent=province.root) for _ in range(3)]
    set_members(world.bloc, actor=None, members=[world.farmers, world.women, world.veterans,
                                                 *extra])
    with CaptureQueriesContext(connection) as six:
        rows = missing_scores(pass_of(small, "peer"))

    assert len(rows) == 30
    assert len(six) == len(three)


def test_set_deadline_sets_the_day(world):
    scoring_round = start(world)
    day = timezone.localdate() + dt.timedelta(days=3)

    peer = set_deadline(pass_of(scoring_round, "peer"), actor=world.leader, deadline=day)

    assert pass_of(scoring_round, "peer").deadline == day == peer.deadline


def test_set_deadline_in_the_past_is_refused(world):
    scoring_round = start(world)

    with pytest.raises(DomainError) as error:
        set_deadline(pass_of(scoring_round, "self"), actor=world.leader,
                     deadline=timezone.localdate() - dt.timedelta(days=1))

    message = gettext("The deadline cannot be in the past.")
    assert error.value.message_dict == {"deadline": [message]}


def test_set_deadline_of_a_closed_pass_is_refused(world):
    scoring_round = start(world)
    advance_round(scoring_round, actor=world.leader, missing_reason="Thử")

    with pytest.raises(DomainError) as error:
        set_deadline(pass_of(scoring_round, "self"), actor=world.leader, deadline=None)

    assert error.value.messages == [gettext("This pass is closed.")]


def test_open_round_with_a_past_deadline_is_refused(world):
    yesterday = timezone.localdate() - dt.timedelta(days=1)

    with pytest.raises(DomainError) as error:
        start(world, deadlines={PassKind.PEER: yesterday})

    message = gettext("The deadline cannot be in the past.")
    assert error.value.message_dict == {"deadlines": [message]}
