"""``rank(sheets, settings)``: the final score of each unit, its rank, its explanation.

The final score:

- ``consolidated`` (the default): the leader's consolidated total. A unit the leader has
  not consolidated has no final score.
- ``weighted``: Σ weightᵢ × partᵢ / Σ weightᵢ over the parts present among the self
  total, the peer mean and the leader total. A missing part (no self sheet; every peer
  abstained or none scored; no consolidation) is left out and the others' weights are
  re-scaled, so a unit is not punished twice for one gap. When no part with a weight
  above 0 is present, the unit has no final score.

A total is standard + bonus − penalty. The peer mean is the mean of the peer totals of the
scorers who did not abstain (a scorer who abstained on any criterion of a unit abstains on
the whole unit: a partial total cannot stand beside full ones); with ``normalise_peers``
it is the mean of the normalised totals (normalise.py). The penalty and bonus that
tie-breaks compare are weighted exactly like the final (the peer part: the mean of the
peer scorers' raw points), so a tie-break never looks at a pass the formula ignores.

Raising one standard or bonus score of a unit, in a pass the formula counts, never lowers
its rank under the consolidated formula, nor under the weighted formula without
normalisation. With normalisation it holds for the self and leader passes only: a higher
PEER total also moves its scorer's mean and SD and the pool's SD, which re-scales every
unit's normalised peer mean, and another unit can overtake (tests/scoring/
test_ranking_properties.py keeps such a case).

Finals are rounded to 3 decimals (half up) before they are compared; the order is in
tiebreak.py, the flags in flags.py. Nothing depends on the order of the sheets or of the
scorers: sums are exact and every loop that builds an output runs in sorted order.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal, localcontext

from vinhdanh.scoring.ranking.flags import flags_for
from vinhdanh.scoring.ranking.model import (
    CONSOLIDATED,
    PARTS,
    ZERO,
    Result,
    Settings,
    Sheet,
    Step,
    final_round,
    fine_round,
)
from vinhdanh.scoring.ranking.normalise import normalise
from vinhdanh.scoring.ranking.tiebreak import deciding_rule, sort_key, tie_steps


def rank(sheets: Iterable[Sheet], settings: Settings) -> list[Result]:
    """The results, ordered by rank (1..n, each rank once)."""
    # 40 digits: sums of squares of points stay exact, quotients far finer than 6 decimals.
    with localcontext(prec=40):
        return _rank(list(sheets), settings)


def _rank(sheets: list[Sheet], settings: Settings) -> list[Result]:
    sheets = sorted(sheets, key=lambda sheet: sheet.unit_id)
    if len({sheet.unit_id for sheet in sheets}) != len(sheets):
        raise ValueError("one sheet per unit")
    raw = {sheet.unit_id: _peer_totals(sheet) for sheet in sheets}
    normalised, pool = normalise(raw) if settings.normalise_peers else ({}, None)
    figures = [_figures(sheet, raw[sheet.unit_id], normalised.get(sheet.unit_id, {}), pool,
                        settings) for sheet in sheets]
    figures.sort(key=lambda f: sort_key(f, settings.tie_breaks))
    _explain_ties(figures, settings.tie_breaks)
    return [_result(f, position) for position, f in enumerate(figures, start=1)]


def _peer_totals(sheet: Sheet) -> dict[int, Decimal]:
    return {scorer: totals.total for scorer, totals in sorted(sheet.peer.items())
            if totals is not None}


def _mean(values: Iterable[Decimal]) -> Decimal | None:
    values = list(values)
    return fine_round(sum(values, ZERO) / len(values)) if values else None


def _figures(sheet: Sheet, peer: dict, normalised: dict, pool, settings: Settings) -> dict:
    """Everything the order, the flags and the result need about one unit."""
    given = [sheet.peer[scorer] for scorer in peer]
    peer_mean = _mean(peer.values())
    normalised_mean = _mean(normalised[s] for s in sorted(normalised)) if normalised else None
    peer_part = normalised_mean if settings.normalise_peers else peer_mean
    parts = {
        "self": _part(sheet.self_totals),
        # The peers' bonus and penalty only matter when the peer mean has a weight.
        "peer": (peer_part, _mean(t.bonus for t in given), _mean(t.penalty for t in given))
        if settings.weights["peer"] else (peer_part, None, None),
        "leader": _part(sheet.leader_totals),
    }
    f = {"unit_id": sheet.unit_id, "name_key": sheet.name_key, "peer": peer,
         "peer_mean": peer_mean, "normalised": dict(sorted(normalised.items())),
         "normalised_mean": normalised_mean, "self": parts["self"][0],
         "leader": parts["leader"][0],
         "abstentions": sorted(s for s, t in sheet.peer.items() if t is None)}
    f |= _combine(parts, settings)
    # The tie-break "higher_peer" compares the peer mean that the final uses.
    f["peer_rule"], f["steps"] = parts["peer"][0], _peer_steps(f, pool) + f["steps"]
    f["flags"] = flags_for(sheet, settings, f)
    return f


def _part(totals) -> tuple:
    return (None, None, None) if totals is None else (totals.total, totals.bonus,
                                                      totals.penalty)


def _combine(parts: Mapping[str, tuple], settings: Settings) -> dict:
    """The final, bonus and penalty, weighted over the parts present, and the step."""
    used = {part: weight for part, weight in settings.weights.items()
            if weight and parts[part][0] is not None}
    if not used:
        return {"final": None, "bonus": None, "penalty": None,
                "steps": [Step("no_final", {"formula": settings.formula,
                                            "missing": _missing_parts(parts, settings)})]}
    weight = sum(used.values(), ZERO)

    def weighted(index):
        return sum((w * parts[p][index] for p, w in used.items()), ZERO) / weight

    final = final_round(weighted(0))
    return {"final": final, "bonus": fine_round(weighted(1)),
            "penalty": fine_round(weighted(2)), "steps": [_formula_step(parts, used, final,
                                                                        settings)]}


def _missing_parts(parts: Mapping[str, tuple], settings: Settings) -> list[str]:
    return [part for part in PARTS if settings.weights[part] and parts[part][0] is None]


def _formula_step(parts, used: Mapping[str, Decimal], final: Decimal, settings) -> Step:
    if settings.formula == CONSOLIDATED:
        total, bonus, penalty = parts["leader"]
        return Step("formula_consolidated", {"leader_total": total, "bonus": bonus,
                                             "penalty": penalty, "final": final})
    return Step("weighted", {
        "weights": {part: settings.weights[part] for part in PARTS},
        "used": {part: used[part] for part in PARTS if part in used},
        "parts": {part: parts[part][0] for part in PARTS if part in used},
        "left_out": _missing_parts(parts, settings), "final": final})


def _peer_steps(f: Mapping, pool) -> list[Step]:
    if f["peer_mean"] is None:
        return []
    steps = [Step("peer_mean", {"mean": f["peer_mean"], "scorers": len(f["peer"]),
                                "abstained": len(f["abstentions"])})]
    if pool is not None and f["normalised_mean"] is not None:
        steps.append(Step("peer_normalised", {
            "mean": f["normalised_mean"], "pool_mean": fine_round(pool.mean),
            "pool_sd": fine_round(pool.sd)}))
    return steps


def _explain_ties(ordered: list[dict], rules: tuple[str, ...]) -> None:
    """Adds to both units of each pair of neighbours with equal finals the rule that
    decided between them."""
    for ahead, behind in zip(ordered, ordered[1:], strict=False):
        rule = deciding_rule(ahead, behind, rules)
        if rule is not None:
            won, lost = tie_steps(ahead, behind, rule)
            ahead["steps"].append(won)
            behind["steps"].append(lost)


def _result(f: Mapping, position: int) -> Result:
    return Result(
        unit_id=f["unit_id"], rank=position, final=f["final"], self_total=f["self"],
        peer_mean=f["peer_mean"], peer_normalised_mean=f["normalised_mean"],
        leader_total=f["leader"], penalty=f["penalty"], bonus=f["bonus"],
        peer_scores=dict(f["peer"]), peer_scores_normalised=f["normalised"],
        abstentions=f["abstentions"], steps=f["steps"], flags=f["flags"])
