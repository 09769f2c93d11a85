import unicodedata
from decimal import Decimal

import pytest
from django.utils.translation import gettext

from tests.scoring.workflow_support import fill_pass, pass_of, start, three_unit_bloc
from vinhdanh.core.audit import history_of
from vinhdanh.core.errors import DomainError
from vinhdanh.scoring.enums import RoundPeriod, RoundState
from vinhdanh.scoring.services.passes import advance_round, set_deadline
from vinhdanh.scoring.services.publication import (
    latest_revision,
    publish_round,
    start_correction,
)
from vinhdanh.scoring.services.scores import record_score

PUBLISHED = "The ranking is published: nothing in this round can change."


@pytest.fixture
def world(province, personas):
    return three_unit_bloc(province, personas)


def _closed_round(world, period=RoundPeriod.MID_YEAR):
    scoring_round = start(world, period=period)
    for kind in ("self", "peer"):
        fill_pass(pass_of(scoring_round, kind))
        advance_round(scoring_round, actor=world.leader)
    leader_pass = pass_of(scoring_round, "leader")
    record_score(leader_pass, actor=world.leader, scorer=world.farmers, subject=world.women,
                 criterion=world.criteria[0], points=9, reason="Vượt chỉ tiêu")
    advance_round(scoring_round, actor=world.leader)
    return scoring_round


def _refusal(call):
    with pytest.raises(DomainError) as error:
        call()
    return error.value.message_dict if hasattr(error.value, "error_dict") else error.value.messages


def test_publish_round_writes_the_first_revision_and_locks_the_round(world):
    scoring_round = _closed_round(world)

    revision = publish_round(scoring_round, actor=world.leader, confirmation="CÔNG BỐ")

    scoring_round.refresh_from_db()
    assert scoring_round.state == RoundState.PUBLISHED
    assert (revision.number, revision.reason, revision.published_by) == (1, "", world.leader)
    entries = list(revision.entries.select_related("unit"))
    assert [e.rank for e in entries] == [1, 2, 3]
    assert entries[0].unit == world.women and entries[0].final_score == Decimal("13.000")
    assert latest_revision(scoring_round) == revision


@pytest.mark.parametrize("word", ["công bố", "  Công Bố ", unicodedata.normalize("NFD", "CÔNG BỐ")])
def test_publish_round_accepts_the_word_in_any_case_or_unicode_form(world, word):
    scoring_round = _closed_round(world)

    assert publish_round(scoring_round, actor=world.leader, confirmation=word).number == 1


@pytest.mark.parametrize("word", ["", "CONG BO", "xác nhận"])
def test_publish_round_without_the_confirmation_word_is_refused(world, word):
    scoring_round = _closed_round(world)

    refusal = _refusal(lambda: publish_round(scoring_round, actor=world.leader,
                                             confirmation=word))

    message = gettext('Type "%(word)s" to confirm the publication.') % {"word": "CÔNG BỐ"}
    assert refusal == {"confirmation": [message]}
    assert latest_revision(scoring_round) is None


def test_publish_round_before_the_scoring_closes_is_refused(world):
    scoring_round = start(world)

    refusal = _refusal(lambda: publish_round(scoring_round, actor=world.leader,
                                             confirmation="CÔNG BỐ"))

    assert refusal == [gettext("Close the leader's consolidation before publishing the ranking.")]


def test_publish_round_twice_is_refused(world):
    scoring_round = _closed_round(world)
    publish_round(scoring_round, actor=world.leader, confirmation="CÔNG BỐ")

    refusal = _refusal(lambda: publish_round(scoring_round, actor=world.leader,
                                             confirmation="CÔNG BỐ"))

    assert refusal == [gettext("The ranking of this round is already published.")]


def test_published_round_refuses_every_write(world):
    scoring_round = _closed_round(world)
    publish_round(scoring_round, actor=world.leader, confirmation="CÔNG BỐ")
    leader_pass = pass_of(scoring_round, "leader")
    writes = [
        lambda: record_score(leader_pass, actor=world.leader, scorer=world.farmers,
                             subject=world.women, criterion=world.criteria[0], points=1,
                             reason="Sửa"),
        lambda: advance_round(scoring_round, actor=world.leader, missing_reason="Sửa"),
        lambda: set_deadline(pass_of(scoring_round, "peer"), actor=world.leader, deadline=None),
    ]

    for write in writes:
        assert _refusal(write) == [gettext(PUBLISHED)]


def test_start_correction_without_reason_is_refused(world):
    scoring_round = _closed_round(world)
    publish_round(scoring_round, actor=world.leader, confirmation="CÔNG BỐ")

    refusal = _refusal(lambda: start_correction(scoring_round, actor=world.leader, reason=" "))

    assert refusal == {"reason": [gettext("Say why the published ranking must be corrected.")]}


def test_start_correction_of_an_unpublished_round_is_refused(world):
    scoring_round = _closed_round(world)

    refusal = _refusal(lambda: start_correction(scoring_round, actor=world.leader,
                                                reason="Sai sót"))

    assert refusal == [gettext("Only a published ranking can be corrected.")]


def test_correction_publishes_a_second_revision_and_keeps_the_first(world):
    scoring_round = _closed_round(world)
    first = publish_round(scoring_round, actor=world.leader, confirmation="CÔNG BỐ")
    first_results = first.results

    start_correction(scoring_round, actor=world.leader, reason="Nhập nhầm điểm Hội CCB")
    assert (scoring_round.state, scoring_round.revision) == (RoundState.LEADER, 2)
    record_score(pass_of(scoring_round, "leader"), actor=world.leader, scorer=world.farmers,
                 subject=world.veterans, criterion=world.criteria[1], points=20,
                 reason="Bổ sung minh chứng")
    advance_round(scoring_round, actor=world.leader)
    second = publish_round(scoring_round, actor=world.leader, confirmation="CÔNG BỐ")

    first.refresh_from_db()
    assert (second.number, second.reason) == (2, "Nhập nhầm điểm Hội CCB")
    assert first.results == first_results and first.entries.count() == 3
    assert second.entries.get(rank=1).unit == world.veterans
    assert latest_revision(scoring_round) == second
    actions = list(history_of(scoring_round).values_list("action", flat=True))
    assert actions.count("scoring.ranking_published") == 2
    assert "scoring.correction_started" in actions


def test_publish_year_end_round_makes_the_proposals(world, monkeypatch):
    proposals = pytest.importorskip("vinhdanh.scoring.services.proposals")
    made = []
    monkeypatch.setattr(proposals, "make_proposals", made.append)
    scoring_round = _closed_round(world, period=RoundPeriod.YEAR_END)

    revision = publish_round(scoring_round, actor=world.leader, confirmation="CÔNG BỐ")

    assert made == [revision]


def test_publish_mid_year_round_makes_no_proposals(world):
    scoring_round = _closed_round(world, period=RoundPeriod.MID_YEAR)

    revision = publish_round(scoring_round, actor=world.leader, confirmation="CÔNG BỐ")

    assert not revision.proposals.exists()
