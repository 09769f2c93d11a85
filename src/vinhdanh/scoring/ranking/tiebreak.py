"""The order of the units: final score, then the group's tie-break rules, then the name.

Units with a final score come first, highest first (finals are compared rounded to 3
decimals). Equal finals go through the group's rules in its order:

- ``fewer_penalty``: fewer penalty points (as weighted into the final);
- ``more_bonus``: more bonus points (likewise);
- ``higher_peer``: the higher peer mean (the normalised one when normalisation is on: the
  mean the final uses); a unit without peer totals comes after one with;
- ``higher_self``: the higher self total; a unit without a self total comes after.

When every rule is equal, the Vietnamese alphabetical order of the names decides, then the
unit id, so that the order never depends on the order of the inputs. Units without a final
score come last, by name then id, and no rule is applied to them.
"""

from collections.abc import Mapping

from vinhdanh.scoring.ranking.model import (
    BY_ID,
    BY_NAME,
    FEWER_PENALTY,
    HIGHER_PEER,
    HIGHER_SELF,
    MORE_BONUS,
    Step,
)

# Which figure each rule compares, and whether less is better.
RULE_FIGURES = {FEWER_PENALTY: ("penalty", True), MORE_BONUS: ("bonus", False),
                HIGHER_PEER: ("peer_rule", False), HIGHER_SELF: ("self", False)}


def _rule_key(value, less_is_better: bool) -> tuple:
    if value is None:  # missing figures come last
        return (1,)
    return (0, value if less_is_better else -value)


def sort_key(figures: Mapping, rules: tuple[str, ...]) -> tuple:
    """The key ordering a unit; ``figures`` holds ``final``, ``name_key``, ``unit_id`` and
    the figures the rules compare."""
    if figures["final"] is None:
        return (1, figures["name_key"], figures["unit_id"])
    ruled = tuple(_rule_key(figures[RULE_FIGURES[rule][0]], RULE_FIGURES[rule][1])
                  for rule in rules)
    return (0, -figures["final"], *ruled, figures["name_key"], figures["unit_id"])


def deciding_rule(ahead: Mapping, behind: Mapping, rules: tuple[str, ...]) -> str | None:
    """The rule that put ``ahead`` before ``behind``, if their finals were equal."""
    if ahead["final"] is None or ahead["final"] != behind["final"]:
        return None
    for rule in rules:
        figure, less_is_better = RULE_FIGURES[rule]
        if _rule_key(ahead[figure], less_is_better) != _rule_key(behind[figure],
                                                                 less_is_better):
            return rule
    return BY_NAME if ahead["name_key"] != behind["name_key"] else BY_ID


def tie_steps(ahead: Mapping, behind: Mapping, rule: str) -> tuple[Step, Step]:
    """The explanation added to both units of a decided tie."""
    figure = RULE_FIGURES.get(rule, (None,))[0]
    values = (ahead.get(figure), behind.get(figure)) if figure else (None, None)
    return (
        Step("tie_break", {"rule": rule, "against": behind["unit_id"], "ahead": True,
                           "value": values[0], "other": values[1]}),
        Step("tie_break", {"rule": rule, "against": ahead["unit_id"], "ahead": False,
                           "value": values[1], "other": values[0]}),
    )
