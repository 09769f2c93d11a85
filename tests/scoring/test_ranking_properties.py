"""Properties of the ranking engine (hypothesis), as issue 4 asks:

1. the ranking does not depend on the order of the sheets or of the peer scorers;
2. ties are broken deterministically: the same inputs give the same ranks, and two units
   with equal finals are ordered the same way whoever else is ranked with them;
3. raising one standard or bonus criterion score of a unit, in a pass the formula counts,
   never lowers its rank. This holds for the consolidated formula (leader pass) and for
   the weighted formula without normalisation (every pass with a weight above 0). With
   ``normalise_peers`` it holds for the self and leader passes only: a raised PEER score
   also moves the scorer's mean and SD and the pool's SD, which re-scales every unit's
   normalised peer mean, and another unit can overtake. Hypothesis found such cases; one
   is kept below as an example (``test_raise_peer_score_with_normalisation_can_lower_rank``);
4. normalisation leaves an already-consistent scorer unchanged: when every peer total is
   the same, and when each scorer's totals have the pool's mean and SD.
"""

from dataclasses import replace
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.scoring.ranking_support import d, sheet
from vinhdanh.scoring.ranking import Settings, Sheet, Totals, rank
from vinhdanh.scoring.ranking.model import TIE_BREAKS

EXAMPLES = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
KINDS = ("standard", "bonus", "penalty")
# Few distinct points so that equal finals are common.
POINTS = st.sampled_from([Decimal(0), Decimal(1), Decimal(2), Decimal("2.5"), Decimal(4)])
WEIGHTS = st.sampled_from([Decimal(0), Decimal("0.5"), Decimal(1), Decimal(2)])


@st.composite
def rounds(draw, min_units=2, max_units=6):
    """A round as criterion points: ``{(pass, scorer, subject): [points] | None}`` (None:
    abstained, peer pass only), with the criteria's kinds and the units' names."""
    units = list(range(1, draw(st.integers(min_units, max_units)) + 1))
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=4).filter(
        lambda ks: "penalty" != ks[0]))
    sheet_points = st.lists(POINTS, min_size=len(kinds), max_size=len(kinds))
    points = {}
    for unit in units:
        for key in (("self", unit, unit), ("leader", 0, unit)):
            if draw(st.integers(0, 9)):  # now and then a sheet is missing
                points[key] = draw(sheet_points)
        for scorer in units:
            if scorer != unit and draw(st.integers(0, 9)):
                abstains = not draw(st.integers(0, 9))
                points[("peer", scorer, unit)] = None if abstains else draw(sheet_points)
    names = {unit: draw(st.sampled_from(["an", "binh", "chau"])) for unit in units}
    return {"units": units, "kinds": kinds, "points": points, "names": names}


@st.composite
def rankings(draw, normalise=None, formula=None):
    formula = formula or draw(st.sampled_from(["consolidated", "weighted"]))
    weights = draw(st.tuples(WEIGHTS, WEIGHTS, WEIGHTS).filter(any))
    return Settings(
        formula=formula, weight_self=weights[0], weight_peer=weights[1],
        weight_leader=weights[2],
        normalise_peers=draw(st.booleans()) if normalise is None else normalise,
        tie_breaks=tuple(draw(st.permutations(TIE_BREAKS))[:draw(st.integers(0, 4))]),
        deviation_threshold=Decimal("1.5"), self_gap_threshold=Decimal("0.1"),
        max_total=Decimal(10))


def _totals(kinds, points) -> Totals | None:
    if points is None:
        return None
    by_kind = dict.fromkeys(KINDS, Decimal(0))
    for kind, value in zip(kinds, points, strict=True):
        by_kind[kind] += value
    return Totals(**by_kind)


def sheets_of(data) -> list[Sheet]:
    points, kinds = data["points"], data["kinds"]
    return [Sheet(
        unit_id=unit, name_key=data["names"][unit],
        self_totals=_totals(kinds, points.get(("self", unit, unit))),
        peer={scorer: _totals(kinds, points[("peer", scorer, u)])
              for (kind, scorer, u) in points if kind == "peer" and u == unit},
        leader_totals=_totals(kinds, points.get(("leader", 0, unit))),
    ) for unit in data["units"]]


def position(results, unit) -> int:
    return next(r.rank for r in results if r.unit_id == unit)


@EXAMPLES
@given(rounds(), rankings(), st.randoms(use_true_random=False))
def test_rank_independent_of_input_order(data, rules, rnd):
    sheets = sheets_of(data)
    shuffled = [Sheet(s.unit_id, s.name_key, s.self_totals, _shuffled(s.peer, rnd),
                      s.leader_totals) for s in sheets]
    rnd.shuffle(shuffled)

    assert rank(shuffled, rules) == rank(sheets, rules)


def _shuffled(mapping, rnd) -> dict:
    items = list(mapping.items())
    rnd.shuffle(items)
    return dict(items)


@EXAMPLES
@given(rounds(), rankings())
def test_rank_gives_each_rank_once(data, rules):
    results = rank(sheets_of(data), rules)

    assert [r.rank for r in results] == list(range(1, len(data["units"]) + 1))
    finals = [r.final for r in results if r.final is not None]
    assert finals == sorted(finals, reverse=True)
    assert all(r.final is None for r in results[len(finals):])


@EXAMPLES
@given(rounds(min_units=3), rankings(normalise=False))
def test_rank_ties_resolved_the_same_whoever_else_is_ranked(data, rules):
    sheets = sheets_of(data)
    results = rank(sheets, rules)

    assert rank(sheets, rules) == results
    for ahead, behind in zip(results, results[1:], strict=False):
        if ahead.final == behind.final:
            # Ranked as a pair (the other sheets unchanged), the tie goes the same way.
            pair = [s for s in sheets if s.unit_id in (ahead.unit_id, behind.unit_id)]
            assert [r.unit_id for r in rank(pair, rules)] == [ahead.unit_id, behind.unit_id]


def _raise(data, rules, draw) -> tuple[dict, int] | None:
    """The round with one standard or bonus score of a unit raised, in a pass ``rules``
    counts (and, with normalisation, not in the peer pass); the unit."""
    weights = rules.weights
    counted = [key for key, value in data["points"].items()
               if value is not None and weights[key[0]]
               and not (rules.normalise_peers and key[0] == "peer")]
    criteria = [i for i, kind in enumerate(data["kinds"]) if kind != "penalty"]
    if not counted:
        return None
    key = draw(st.sampled_from(sorted(counted)))
    index = draw(st.sampled_from(criteria))
    raised = list(data["points"][key])
    raised[index] += draw(st.sampled_from([Decimal("0.01"), Decimal("0.5"), Decimal(3)]))
    return {**data, "points": {**data["points"], key: raised}}, key[2]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rounds(), rankings(), st.data())
def test_raise_one_score_never_lowers_the_rank(data, rules, draw):
    raised = _raise(data, rules, draw.draw)
    if raised is None:
        return
    better, unit = raised

    assert position(rank(sheets_of(better), rules), unit) <= position(
        rank(sheets_of(data), rules), unit)


def test_raise_peer_score_with_normalisation_can_lower_rank():
    """Why the property above leaves out peer scores under normalisation: a case found
    by a random search after hypothesis had found larger ones. Final = peer mean +
    leader total. Unit 3 is ahead of unit 2 on the leader's score (1 against 0); on the
    normalised peer mean unit 2 is half a pool SD ahead (z: +1 and 0 against −1 and +1).
    Scorer 2, who scored only units 1 and 3, raises unit 3 from 5 to 6: unit 3 is still
    scorer 2's top unit (z = +1 either way), but the pool's SD grows from 1.80 to 2.14,
    so unit 2's lead of half an SD passes 1 point and unit 2 overtakes unit 3."""
    rules = Settings(formula="weighted", weight_peer=d(1), weight_leader=d(1),
                     normalise_peers=True, max_total=d(10))
    before = [sheet(1, peer={2: 1, 3: 0}, leader=1), sheet(2, peer={1: 2, 3: 0}, leader=0),
              sheet(3, peer={1: 0, 2: 5}, leader=1)]
    after = before[:2] + [sheet(3, peer={1: 0, 2: 6}, leader=1)]

    assert [r.unit_id for r in rank(before, rules)][:2] == [3, 2]
    assert [r.unit_id for r in rank(after, rules)][:2] == [2, 3]
    without = replace(rules, normalise_peers=False)
    assert position(rank(after, without), 3) <= position(rank(before, without), 3)


@EXAMPLES
@given(rounds(), st.sampled_from([Decimal(0), Decimal("7.5")]))
def test_normalise_leaves_equal_totals_unchanged(data, value):
    equal = {key: None if points is None else [value] for key, points in data["points"].items()}
    sheets = sheets_of({**data, "kinds": ["standard"], "points": equal})

    for result in rank(sheets, Settings(normalise_peers=True)):
        assert result.peer_scores_normalised == result.peer_scores


@EXAMPLES
@given(st.lists(st.sampled_from([Decimal(v) for v in range(0, 101, 5)]), min_size=2,
                max_size=7), st.randoms(use_true_random=False))
def test_normalise_leaves_a_scorer_with_the_pools_moments_unchanged(values, rnd):
    # n units; scorer i gives unit j values[(j − i − 1) mod n]: every scorer gives the same
    # multiset of totals, so each scorer's mean and SD are the pool's.
    n = len(values) + 1
    sheets = [sheet(j, peer={i: values[(j - i - 1) % n] for i in range(n) if i != j}, leader=1)
              for j in range(n)]
    rnd.shuffle(sheets)

    for result in rank(sheets, Settings(normalise_peers=True)):
        assert result.peer_scores_normalised == result.peer_scores

