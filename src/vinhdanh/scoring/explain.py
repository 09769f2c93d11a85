"""The engine's steps and flags as sentences a commendation officer reads.

The engine (``vinhdanh.scoring.ranking``) describes each result with keys and figures;
here they become translated text, unit ids becoming names. An unknown key is shown as it
is rather than hidden, so a new step of the engine is visible before it is worded.
"""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.scoring.enums import TieBreak

PARTS = {"self": gettext_lazy("self-score"), "peer": gettext_lazy("peer mean"),
         "leader": gettext_lazy("consolidated score")}
RULES = {**dict(TieBreak.choices), "name": gettext_lazy("Alphabetical order of the names"),
         "unit_id": gettext_lazy("Order of registration in the system")}
FLAG_LABELS = {
    "scores_missing": gettext_lazy("Scores missing"),
    "evidence_missing": gettext_lazy("Evidence missing"),
    "self_above_peers": gettext_lazy("Self-score far above the peers"),
    "scorers_disagree": gettext_lazy("Scorers disagree"),
    "scorer_deviates": gettext_lazy("A scorer deviates"),
}
FLAG_ICONS = {"scores_missing": "…", "evidence_missing": "!", "self_above_peers": "↑",
              "scorers_disagree": "↕", "scorer_deviates": "≠"}


def num(value) -> str:
    """A figure as Vietnamese write it: 76,5 (at most three decimals, no trailing zeros)."""
    if value is None:
        return "—"
    value = Decimal(str(value)).quantize(Decimal("0.001")).normalize()
    return f"{value:f}".replace(".", ",")


class Names:
    """Unit and criterion names by id, for the sentences."""

    def __init__(self, units: dict, criteria: dict):
        self.units, self.criteria = units, criteria

    def unit(self, pk) -> str:
        unit = self.units.get(int(pk)) if pk is not None else None
        return unit.name if unit else f"#{pk}"

    def criterion(self, pk) -> str:
        criterion = self.criteria.get(int(pk))
        return str(criterion) if criterion else f"#{pk}"


def _weighted(params, names) -> str:
    parts = "; ".join(_("%(part)s %(value)s × %(weight)s") % {
        "part": PARTS.get(part, part), "value": num(params.get("parts", {}).get(part)),
        "weight": num(weight)} for part, weight in params.get("used", {}).items())
    text = _("Weighted mean of %(parts)s = %(final)s") % {"parts": parts,
                                                          "final": num(params.get("final"))}
    left_out = params.get("left_out") or []
    if left_out:
        text += " " + _("(left out for lack of scores: %(parts)s)") % {
            "parts": ", ".join(str(PARTS.get(p, p)) for p in left_out)}
    return text


def _tie_break(params, names) -> str:
    values = {"rule": RULES.get(params.get("rule"), params.get("rule")),
              "unit": names.unit(params.get("against")), "value": num(params.get("value")),
              "other": num(params.get("other"))}
    if params.get("ahead"):
        return _("Equal final score with %(unit)s; ranked ahead by: %(rule)s (%(value)s "
                 "against %(other)s)") % values
    return _("Equal final score with %(unit)s; ranked behind by: %(rule)s (%(value)s "
             "against %(other)s)") % values


def _simple(message):
    return lambda params, names: message() % {key: num(value) if isinstance(value, Decimal)
                                              else value for key, value in params.items()}


STEPS = {
    "formula_consolidated": _simple(lambda: _(
        "Final score = the leader's consolidated total %(leader_total)s (bonus %(bonus)s, "
        "penalty %(penalty)s) = %(final)s")),
    "weighted": _weighted,
    "no_final": lambda params, names: _("No final score: the scores counted by the formula "
                                        "are missing (%(parts)s)") % {
        "parts": ", ".join(str(PARTS.get(p, p)) for p in params.get("missing", []))},
    "peer_mean": _simple(lambda: _("Peer mean %(mean)s from %(scorers)s scorers "
                                   "(%(abstained)s abstained)")),
    "peer_normalised": _simple(lambda: _(
        "Peer mean after normalising each scorer: %(mean)s (all peer totals: mean "
        "%(pool_mean)s, standard deviation %(pool_sd)s)")),
    "tie_break": _tie_break,
}


def describe_step(step, names: Names) -> str:
    key, params = step
    describe = STEPS.get(key)
    try:
        return describe(params, names) if describe else f"{key}: {params}"
    except (KeyError, TypeError, ValueError):
        return f"{key}: {params}"


def _flag_detail(flag, names: Names) -> str:
    params = flag.params
    if flag.code == "scorer_deviates":
        return _("%(scorer)s gave %(score)s; the other scorers %(mean)s on average") % {
            "scorer": names.unit(params.get("scorer")), "score": num(params.get("score")),
            "mean": num(params.get("others_mean"))}
    if flag.code == "self_above_peers":
        return _("self-score %(self)s, peer mean %(mean)s, gap %(gap)s") % {
            "self": num(params.get("self")), "mean": num(params.get("peer_mean")),
            "gap": num(params.get("gap"))}
    if flag.code == "scorers_disagree":
        return _("peer totals from %(low)s to %(high)s") % {
            "low": num(params.get("low")), "high": num(params.get("high"))}
    if flag.code == "evidence_missing":
        return ", ".join(names.criterion(pk) for pk in params.get("criteria", []))
    return _missing_detail(params)


def _missing_detail(params) -> str:
    counts = [_("%(part)s: %(count)s missing") % {"part": PARTS[part], "count": num(count)}
              for part, count in params.items() if part in PARTS]
    if params.get("no_final"):
        counts.insert(0, _("no final score"))
    return "; ".join(counts)


def describe_flag(flag, names: Names) -> dict:
    return {"code": flag.code, "icon": FLAG_ICONS.get(flag.code, "!"),
            "label": FLAG_LABELS.get(flag.code, flag.code),
            "detail": _flag_detail(flag, names)}
