"""Results to JSON and back: what a published ranking (RankingRevision.results) stores.

Decimals are written as strings ("76.50"), so that no figure goes through a float; unit
ids stay numbers (as dictionary keys, strings). Reading back, a string that looks like a
number is a Decimal again: the params of steps and flags hold only numbers, ids, codes
and lists of them, and no code looks like a number.
"""

import re
from decimal import Decimal

from vinhdanh.scoring.ranking.model import Flag, Result, Step

VERSION = 1
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_DECIMALS = ("final", "self_total", "peer_mean", "peer_normalised_mean", "leader_total",
             "penalty", "bonus")


def encode(value):
    """JSON-ready copy of ``value``: Decimal → str, tuples → lists, keys → str."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    return value


def decode(value):
    """The inverse of ``encode`` for params (dictionary keys stay strings)."""
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        return Decimal(value)
    if isinstance(value, dict):
        return {key: decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decode(item) for item in value]
    return value


def result_as_json(result: Result) -> dict:
    data = {"unit_id": result.unit_id, "rank": result.rank}
    data |= {name: encode(getattr(result, name)) for name in _DECIMALS}
    return data | {
        "peer_scores": encode(result.peer_scores),
        "peer_scores_normalised": encode(result.peer_scores_normalised),
        "abstentions": list(result.abstentions),
        "steps": [[step.key, encode(step.params)] for step in result.steps],
        "flags": [{"code": flag.code, "params": encode(flag.params)} for flag in result.flags],
    }


def _by_unit(data: dict) -> dict[int, Decimal]:
    return {int(unit): Decimal(value) for unit, value in data.items()}


def result_from_json(data: dict) -> Result:
    return Result(
        unit_id=data["unit_id"], rank=data["rank"],
        **{name: None if data[name] is None else Decimal(data[name]) for name in _DECIMALS},
        peer_scores=_by_unit(data["peer_scores"]),
        peer_scores_normalised=_by_unit(data["peer_scores_normalised"]),
        abstentions=list(data["abstentions"]),
        steps=[Step(key, decode(params)) for key, params in data["steps"]],
        flags=[Flag(flag["code"], decode(flag["params"])) for flag in data["flags"]],
    )


def results_as_json(results: list[Result]) -> dict:
    return {"version": VERSION, "results": [result_as_json(result) for result in results]}


def results_from_json(data: dict) -> list[Result]:
    return [result_from_json(item) for item in data["results"]]
