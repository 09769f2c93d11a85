"""Small builders of engine inputs for the ranking tests (pure: no database)."""

from decimal import Decimal

from vinhdanh.scoring.ranking import Settings, Sheet, Totals


def d(value) -> Decimal:
    return Decimal(str(value))


def totals(standard=0, bonus=0, penalty=0) -> Totals:
    return Totals(d(standard), d(bonus), d(penalty))


def sheet(unit_id, *, name=None, own=None, peer=None, leader=None, **extra) -> Sheet:
    """``own``/``leader``: a number (standard points) or Totals; ``peer``: {scorer: number,
    Totals or None (abstained)}."""
    return Sheet(unit_id=unit_id, name_key=name or f"unit {unit_id:03d}",
                 self_totals=_as_totals(own),
                 peer={s: _as_totals(t) for s, t in (peer or {}).items()},
                 leader_totals=_as_totals(leader), **extra)


def _as_totals(value):
    if value is None or isinstance(value, Totals):
        return value
    return totals(value)


def settings(**kwargs) -> Settings:
    kwargs.setdefault("max_total", d(100))
    return Settings(**kwargs)


def ranked_ids(results) -> list[int]:
    return [result.unit_id for result in results]
