"""The ranking engine by example: formulas, missing parts, tie-breaks, the explanation."""

import pytest

from tests.scoring.ranking_support import d, ranked_ids, settings, sheet, totals
from vinhdanh.scoring.enums import FinalFormula, TieBreak
from vinhdanh.scoring.ranking import Settings, Step, rank
from vinhdanh.scoring.ranking import model as ranking_model


def test_engine_codes_match_the_enums():
    assert ranking_model.FORMULAS == tuple(FinalFormula.values)
    assert ranking_model.TIE_BREAKS == tuple(TieBreak.values)


def test_rank_consolidated_orders_by_leader_total():
    results = rank([sheet(1, leader=70), sheet(2, leader=90), sheet(3, leader=80)], settings())

    assert ranked_ids(results) == [2, 3, 1]
    assert [r.rank for r in results] == [1, 2, 3]
    assert results[0].final == d("90.000")
    assert results[0].steps[0] == Step("formula_consolidated", {
        "leader_total": d(90), "bonus": d(0), "penalty": d(0), "final": d("90.000")})


def test_rank_total_deducts_penalty_and_adds_bonus():
    results = rank([sheet(1, leader=totals(80, bonus=5, penalty=3))], settings())

    assert results[0].final == d(82)
    assert (results[0].bonus, results[0].penalty) == (d(5), d(3))


def test_rank_without_consolidation_ranks_last_by_name_and_flags_it():
    results = rank([sheet(1, name="b", own=90), sheet(2, name="a", own=95),
                    sheet(3, leader=10)], settings())

    assert ranked_ids(results) == [3, 2, 1]
    assert results[1].final is None
    assert results[1].flag("scores_missing").params == {"no_final": True}
    assert results[1].steps[-1] == Step("no_final", {"formula": "consolidated",
                                                     "missing": ["leader"]})


def test_rank_weighted_combines_the_parts():
    weights = settings(formula="weighted", weight_self=d("0.2"), weight_peer=d("0.3"),
                       weight_leader=d("0.5"))

    result, = rank([sheet(1, own=90, peer={2: 70, 3: 80}, leader=85)], weights)

    # 0.2 × 90 + 0.3 × 75 + 0.5 × 85 = 83
    assert result.final == d(83)
    assert result.steps[-1].key == "weighted"
    assert result.steps[-1].params["left_out"] == []


def test_rank_weighted_rescales_when_a_part_is_missing():
    weights = settings(formula="weighted", weight_self=d("0.2"), weight_peer=d("0.3"),
                       weight_leader=d("0.5"))

    result, = rank([sheet(1, own=90, peer={2: None}, leader=85)], weights)

    # The peers all abstained: (0.2 × 90 + 0.5 × 85) / 0.7
    assert result.final == d("86.429")
    assert result.steps[-1].params["left_out"] == ["peer"]
    assert result.abstentions == [2]


def test_settings_weighted_without_weights_is_refused():
    with pytest.raises(ValueError, match="weight"):
        Settings(formula="weighted", weight_self=d(0), weight_peer=d(0), weight_leader=d(0))


def test_settings_unknown_tie_break_is_refused():
    with pytest.raises(ValueError, match="tie-break"):
        Settings(tie_breaks=("older_unit",))


def test_rank_weighted_with_only_unweighted_parts_has_no_final():
    weights = settings(formula="weighted", weight_self=d(0), weight_peer=d(1),
                       weight_leader=d(0))

    result, = rank([sheet(1, own=90, leader=85)], weights)

    assert result.final is None
    assert result.steps[-1] == Step("no_final", {"formula": "weighted", "missing": ["peer"]})


def test_rank_peer_abstention_leaves_the_scorer_out_of_the_mean():
    result, = rank([sheet(1, peer={2: 60, 3: None, 4: 80}, leader=70)], settings())

    assert result.peer_mean == d(70)
    assert result.peer_scores == {2: d(60), 4: d(80)}
    assert result.abstentions == [3]
    assert result.steps[0] == Step("peer_mean", {"mean": d(70), "scorers": 2, "abstained": 1})


@pytest.mark.parametrize(("rule", "a", "b", "winner"), [
    (TieBreak.FEWER_PENALTY, totals(82, penalty=2), totals(80), 2),
    (TieBreak.MORE_BONUS, totals(75, bonus=5), totals(80), 1),
])
def test_rank_tie_broken_by_points(rule, a, b, winner):
    results = rank([sheet(1, leader=a), sheet(2, leader=b)],
                   settings(tie_breaks=(rule.value,)))

    assert results[0].unit_id == winner
    assert results[0].final == results[1].final
    assert results[0].steps[-1].params["rule"] == rule.value
    assert results[0].steps[-1].params["ahead"] is True
    assert results[1].steps[-1].params["against"] == winner


def test_rank_tie_broken_by_peer_mean_then_self():
    sheets = [sheet(1, own=95, peer={2: 70}, leader=80), sheet(2, own=85, peer={1: 75},
                                                               leader=80)]

    by_peer = rank(sheets, settings(tie_breaks=("higher_peer", "higher_self")))
    by_self = rank(sheets, settings(tie_breaks=("higher_self", "higher_peer")))

    assert ranked_ids(by_peer) == [2, 1]
    assert by_peer[0].steps[-1] == Step("tie_break", {
        "rule": "higher_peer", "against": 1, "ahead": True, "value": d(75), "other": d(70)})
    assert ranked_ids(by_self) == [1, 2]


def test_rank_tie_follows_the_rule_order():
    a, b = totals(80, bonus=5, penalty=5), totals(80)  # both total 80
    sheets = [sheet(1, leader=a), sheet(2, leader=b)]

    assert ranked_ids(rank(sheets, settings(tie_breaks=("fewer_penalty", "more_bonus")))) == [2, 1]
    assert ranked_ids(rank(sheets, settings(tie_breaks=("more_bonus", "fewer_penalty")))) == [1, 2]


def test_rank_full_tie_goes_by_name_then_id():
    sheets = [sheet(1, name="hoi phu nu", leader=80), sheet(2, name="hoi nong dan", leader=80),
              sheet(3, name="hoi nong dan", leader=80)]

    results = rank(sheets, settings())

    assert ranked_ids(results) == [2, 3, 1]
    assert results[0].steps[-1].params == {"rule": "unit_id", "against": 3, "ahead": True,
                                           "value": None, "other": None}
    assert results[2].steps[-1].params["rule"] == "name"


def test_rank_missing_peer_mean_loses_the_peer_tie_break():
    sheets = [sheet(1, leader=80), sheet(2, peer={1: 10}, leader=80)]

    results = rank(sheets, settings(tie_breaks=("higher_peer",)))

    assert ranked_ids(results) == [2, 1]


def test_rank_finals_compared_at_three_decimals():
    weights = settings(formula="weighted", weight_self=d(1), weight_peer=d(0),
                       weight_leader=d(10), tie_breaks=())
    # (80.06 + 10 × 80) / 11 = 80.00545… and (80.05 + 10 × 80) / 11 = 80.00454…
    sheets = [sheet(1, name="b", own=d("80.06"), leader=80),
              sheet(2, name="a", own=d("80.05"), leader=80)]

    results = rank(sheets, weights)

    assert results[0].final == results[1].final == d("80.005")
    assert ranked_ids(results) == [2, 1]
    assert results[0].steps[-1].params["rule"] == "name"


def test_rank_refuses_two_sheets_of_one_unit():
    with pytest.raises(ValueError, match="one sheet per unit"):
        rank([sheet(1, leader=1), sheet(1, leader=2)], settings())
