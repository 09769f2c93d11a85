"""What a reader of the ranking should look at. Flags never change a rank.

- ``scores_missing``: the unit has no final score (it ranks last), or a pass the formula
  counts closed with some of its scores missing. Params: ``no_final`` and the missing
  counts of the counted passes.
- ``evidence_missing``: criteria that require evidence, scored above 0 in the self pass
  without it. Params: ``criteria`` (ids, ascending).
- ``self_above_peers``: self total − raw peer mean > self_gap_threshold × max_total.
  Params: ``self``, ``peer_mean``, ``gap``.
- ``scorers_disagree``: the spread (max − min) of the raw peer totals is more than
  2 × self_gap_threshold × max_total, i.e. twice the gap that flags a self-score.
  Params: ``low``, ``high``, ``spread``.
- ``scorer_deviates`` (one per scorer, by scorer id): once the unit has at least 3 peer
  totals, a scorer whose total lies more than deviation_threshold SDs from the mean of
  the OTHER scorers' totals for this unit. The SD is the sample SD of those others (an
  estimate from a few scorers), but never taken below 1% of max_total: otherwise, when
  the others agree exactly, a difference of a fraction of a point would be "infinitely"
  deviant. Params: ``scorer``, ``score``, ``others_mean``, ``others_sd``.

Flags compare raw totals (what the scorers actually gave), never normalised ones.
"""

from collections.abc import Mapping
from decimal import Decimal

from vinhdanh.scoring.ranking.model import Flag, Settings, Sheet, fine_round

SD_FLOOR_SHARE = Decimal("0.01")
MIN_PEERS_FOR_DEVIATION = 3
PLACES = 6
SCALE = 10**PLACES


def flags_for(sheet: Sheet, settings: Settings, figures: Mapping) -> list[Flag]:
    """The sheet's flags in a fixed order. ``figures``: ``final``, ``self``, ``peer_mean``
    (raw) and ``peer`` (raw totals by scorer) as the engine computed them."""
    peer = figures["peer"]
    return [
        *_scores_missing(sheet, settings, figures["final"]),
        *_evidence_missing(sheet),
        *_self_above_peers(figures["self"], figures["peer_mean"], settings),
        *_scorers_disagree(peer, settings),
        *_scorers_deviating(peer, settings),
    ]


def _scores_missing(sheet: Sheet, settings: Settings, final) -> list[Flag]:
    counted = {part: count for part, count in sorted(sheet.missing.items())
               if count and settings.weights.get(part)}
    if final is not None and not counted:
        return []
    return [Flag("scores_missing", {"no_final": final is None, **counted})]


def _evidence_missing(sheet: Sheet) -> list[Flag]:
    if not sheet.evidence_missing:
        return []
    return [Flag("evidence_missing", {"criteria": sorted(set(sheet.evidence_missing))})]


def _self_above_peers(own, peer_mean, settings: Settings) -> list[Flag]:
    if own is None or peer_mean is None:
        return []
    gap = own - peer_mean
    if gap <= settings.self_gap_threshold * settings.max_total:
        return []
    return [Flag("self_above_peers", {"self": own, "peer_mean": peer_mean, "gap": gap})]


def _scorers_disagree(peer: Mapping[int, Decimal], settings: Settings) -> list[Flag]:
    if len(peer) < 2:
        return []
    low, high = min(peer.values()), max(peer.values())
    if high - low <= 2 * settings.self_gap_threshold * settings.max_total:
        return []
    return [Flag("scorers_disagree", {"low": low, "high": high, "spread": high - low})]


def _scorers_deviating(peer: Mapping[int, Decimal], settings: Settings) -> list[Flag]:
    if len(peer) < MIN_PEERS_FOR_DEVIATION:
        return []
    return [Flag("scorer_deviates", {"scorer": scorer, "score": peer[scorer],
                                     "others_mean": fine_round(mean), "others_sd": fine_round(sd)})
            for scorer, mean, sd in _deviating(peer, settings)]


def _deviating(peer: Mapping[int, Decimal], settings: Settings) -> list[tuple]:
    """``(scorer, others' mean, others' SD)`` of the scorers whose total is off the
    others' mean by more than the threshold × the others' SD (floored), decided exactly in
    integers: every figure is scaled by 10⁶ (points have 2 decimals, thresholds 3), the
    others' sums come from leaving one scorer out, and the comparison is squared, so that
    a round of many scorers costs no square root and no division."""
    xs = {scorer: int(value.scaleb(PLACES)) for scorer, value in peer.items()}
    floor = int((SD_FLOOR_SHARE * settings.max_total).scaleb(PLACES))
    t = int(Decimal(settings.deviation_threshold).scaleb(PLACES))
    k, total = len(xs) - 1, sum(xs.values())
    squares = sum(x * x for x in xs.values())
    # (x − S/k)² > (t/s)² · max(var, floor²/s²) with var = (kQ − S²) / (k(k − 1)) and s the
    # scale; multiplied through by k²(k − 1)s²: integers only.
    found = []
    for scorer, x in sorted(xs.items()):
        others, others_squares = total - x, squares - x * x
        spread = max((k * others_squares - others * others) * k, floor * floor * k * k * (k - 1))
        if (k * x - others) ** 2 * (k - 1) * SCALE * SCALE > t * t * spread:
            variance = Decimal(spread) / (k * k * (k - 1))
            found.append((scorer, Decimal(others).scaleb(-PLACES) / k,
                          variance.sqrt().scaleb(-PLACES)))
    return found
