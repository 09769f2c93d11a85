"""Flags of the ranking, by example; normalisation by example; results to JSON and back."""

from decimal import Decimal

from tests.scoring.ranking_support import d, settings, sheet
from vinhdanh.scoring.ranking import Flag, Step, rank
from vinhdanh.scoring.ranking.codec import results_as_json, results_from_json


def flag_codes(result) -> list[str]:
    return [flag.code for flag in result.flags]


def test_flag_self_above_peers_beyond_the_gap():
    result, = rank([sheet(1, own=95, peer={2: 80, 3: 84}, leader=85)], settings())

    # 95 − 82 = 13 > 0.1 × 100
    assert result.flag("self_above_peers") == Flag("self_above_peers", {
        "self": d(95), "peer_mean": d(82), "gap": d(13)})


def test_flag_self_above_peers_not_at_the_gap():
    result, = rank([sheet(1, own=92, peer={2: 80, 3: 84}, leader=85)], settings())

    assert result.flag("self_above_peers") is None


def test_flag_self_above_peers_needs_a_peer_mean():
    result, = rank([sheet(1, own=95, peer={2: None}, leader=85)], settings())

    assert flag_codes(result) == []


def test_flag_scorer_deviates_names_the_scorer():
    result, = rank([sheet(1, peer={2: 80, 3: 82, 4: 81, 5: 50}, leader=80)],
                   settings(max_total=d(100)))

    deviating = [flag for flag in result.flags if flag.code == "scorer_deviates"]
    assert [flag.params["scorer"] for flag in deviating] == [5]
    assert deviating[0].params["score"] == d(50)
    assert deviating[0].params["others_mean"] == d(81)
    assert deviating[0].params["others_sd"] == d(1)  # sample SD of 80, 82, 81


def test_flag_scorer_deviates_reports_the_floored_sd():
    result, = rank([sheet(1, peer={2: 80, 3: 80, 4: 80, 5: 70}, leader=80)], settings())

    assert result.flag("scorer_deviates").params == {
        "scorer": 5, "score": d(70), "others_mean": d(80), "others_sd": d(1)}


def test_flag_scorer_deviates_needs_three_peer_scores():
    result, = rank([sheet(1, peer={2: 80, 3: 20, 4: None}, leader=80)], settings())

    assert "scorer_deviates" not in flag_codes(result)


def test_flag_scorer_deviates_ignores_a_small_gap_from_unanimous_others():
    # The others agree exactly (SD 0); 0.5 point of 100 is within 2 × the 1% SD floor.
    result, = rank([sheet(1, peer={2: 80, 3: 80, 4: d("80.5")}, leader=80)], settings())

    assert "scorer_deviates" not in flag_codes(result)


def test_flag_scorers_disagree_beyond_twice_the_gap():
    result, = rank([sheet(1, peer={2: 60, 3: 81}, leader=80)], settings())

    assert result.flag("scorers_disagree").params == {"low": d(60), "high": d(81),
                                                      "spread": d(21)}


def test_flag_scorers_disagree_not_within_twice_the_gap():
    result, = rank([sheet(1, peer={2: 60, 3: 80}, leader=80)], settings())

    assert result.flag("scorers_disagree") is None


def test_flag_evidence_missing_lists_the_criteria():
    result, = rank([sheet(1, leader=80, evidence_missing=(12, 7, 12))], settings())

    assert result.flags == [Flag("evidence_missing", {"criteria": [7, 12]})]


def test_flag_scores_missing_only_for_counted_passes():
    missing = {"self": 2, "peer": 3, "leader": 1}
    consolidated, = rank([sheet(1, leader=80, missing=missing)], settings())
    weighted, = rank([sheet(1, leader=80, missing=missing)],
                     settings(formula="weighted", weight_self=d(1), weight_leader=d(1)))

    assert consolidated.flags == [Flag("scores_missing", {"no_final": False, "leader": 1})]
    assert weighted.flags == [Flag("scores_missing", {"no_final": False, "leader": 1,
                                                      "self": 2})]


def test_normalise_puts_strict_and_generous_scorers_level():
    # Scorer 4 gives 20 points less than scorer 5 to every unit, with the same spread.
    sheets = [sheet(1, peer={4: 70, 5: 90}, leader=1), sheet(2, peer={4: 80, 5: 100}, leader=1),
              sheet(3, peer={4: 60, 5: 80}, leader=1), sheet(4, leader=1), sheet(5, leader=1)]

    results = {r.unit_id: r for r in rank(sheets, settings(normalise_peers=True))}

    for unit in (1, 2, 3):
        normalised = results[unit].peer_scores_normalised
        assert normalised[4] == normalised[5]
    # The pool (60 … 100) is wider than each scorer (60 … 80, 80 … 100): z × the pool's SD.
    assert results[2].peer_normalised_mean == Decimal("95.811388")
    assert results[1].steps[1] == Step("peer_normalised", {
        "mean": d(80), "pool_mean": d(80), "pool_sd": Decimal("12.909944")})


def test_normalise_zero_spread_scorer_moves_to_the_pool_mean():
    sheets = [sheet(1, peer={3: 70}, leader=1), sheet(2, peer={3: 70, 1: 90}, leader=1),
              sheet(3, peer={1: 50}, leader=1)]

    results = {r.unit_id: r for r in rank(sheets, settings(normalise_peers=True))}

    # Pool: 70, 70, 90, 50 → mean 70. Scorer 3 gave 70 twice; scorer 1 scored 2 units
    # (90, 50): z = ±1, pool SD = √200.
    assert results[1].peer_scores_normalised[3] == d(70)
    assert results[2].peer_scores_normalised[1] == Decimal("84.142136")


def test_normalise_single_score_stays_raw():
    result, = rank([sheet(1, peer={2: d("61.5")}, leader=1), sheet(2, leader=1)][:1],
                   settings(normalise_peers=True))

    assert result.peer_scores_normalised == {2: d("61.5")}


def test_results_json_round_trip():
    sheets = [sheet(1, own=95, peer={2: 80, 3: None, 4: 60}, leader=80,
                    evidence_missing=(5,)),
              sheet(2, own=70, peer={1: 75, 4: 70}, leader=80),
              sheet(4, own=70, peer={1: 72, 2: 71}, leader=None)]
    results = rank(sheets, settings(normalise_peers=True, formula="weighted",
                                    weight_self=d("0.2"), weight_peer=d("0.3"),
                                    weight_leader=d("0.5")))

    data = results_as_json(results)

    assert results_from_json(data) == results
    assert data["results"][0]["final"] == str(results[0].final)
    assert set(data["results"][0]["peer_scores"]) <= {"1", "2", "3", "4"}
