"""Workload of issue 4: the rankings of 50 groups × 12 units × 60 criteria × 3 passes.

``run()`` (called by bench/run.py, or by ``python bench/scoring.py`` on a database of its
own) writes the rounds once, outside the timing, then measures in a fresh child process
(``python bench/scoring.py measure``, one JSON line back, as honors.py does), medians of
5 rounds after a warm-up:
(e) ``services.ranking.compute_rankings(all 50 rounds)``, flags included: wall time, the
    CPU time of the measuring process (with SQLite, the database works in that process
    too: on a busy machine this is the steadier figure), the part spent in the engine
    (``ranking.rank``), and the queries it issued;
    floor: the one aggregate query every ranking needs, hand-written (the same SQL as the
    service's: SUM of points per pass, scorer and subject, one sum per criterion kind),
    run through a cursor and fetched into a list.

The data: 50 blocs of 12 new units each; per bloc a template of 5 sections and 60 criteria
(50 standard of 2 points, 5 bonus and 5 penalty items of 1 point, every 10th standard item
requiring evidence) and one closed year-end round with its three passes fully scored: self
12 sheets, peer 12 × 11, leader 12 (9,360 scores a bloc, 468,000 in all). Even blocs rank by
the consolidated score; odd blocs by weights 0.2 / 0.3 / 0.5 with peer normalisation, so
both paths of the engine run. Points come from a seeded generator: each unit a level, each
scorer a bias (some strict, some generous), self-scores a little above, now and then a peer
who abstains on a criterion, a penalty, a bonus, or evidence left out. ``--size small``
writes 5 blocs instead of 50 (a smoke test; the issue's target applies to 50).
"""

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNITS, CRITERIA, SECTIONS = 12, 60, 5
# Groups by the runner's size: the 50 for "full"; "small" (a quick smoke) runs 5.
GROUPS = {"small": 5, "full": 50}
BONUS = PENALTY = 5
YEAR, SEED, ROUNDS = 2024, 4, 5
TARGET = 1.0  # seconds, from the issue
NONE = "—"
POINTS = [Decimal(i) / 100 for i in range(0, 201)]  # 0.00 … 2.00, made once

FLOOR_SQL = """
    SELECT s.scoring_pass_id, s.scorer_id, s.subject_id,
           SUM(CASE WHEN c.kind = 'standard' THEN s.points END),
           SUM(CASE WHEN c.kind = 'bonus' THEN s.points END),
           SUM(CASE WHEN c.kind = 'penalty' THEN s.points END),
           COUNT(s.points), SUM(CASE WHEN s.abstained THEN 1 ELSE 0 END)
    FROM scoring_score s JOIN scoring_criterion c ON c.id = s.criterion_id
    WHERE s.scoring_pass_id IN (SELECT id FROM scoring_scoringpass WHERE round_id IN ({rounds}))
    GROUP BY s.scoring_pass_id, s.scorer_id, s.subject_id
"""


# -- the data ------------------------------------------------------------------------------

def _units(root, groups: int) -> list:
    from vinhdanh.organisations.enums import UnitKind, UnitLevel
    from vinhdanh.organisations.models import Unit

    units = [Unit(code=f"SC{g:02d}-{i:02d}", name=f"Hội đoàn thể khối {g + 1} số {i + 1}",
                  kind=UnitKind.FRONT, level=UnitLevel.PROVINCE, parent=root)
             for g in range(groups) for i in range(UNITS)]
    for unit in units:
        unit.refresh_derived()
    created = Unit.objects.bulk_create(units, batch_size=1000)
    for unit in created:
        unit.path, unit.depth = unit.path_below(root.path), root.depth + 1
    Unit.objects.bulk_update(created, ["path", "depth"], batch_size=1000)
    return [created[g * UNITS:(g + 1) * UNITS] for g in range(groups)]


def _groups(members: list[list]) -> list:
    from vinhdanh.organisations.enums import GroupKind
    from vinhdanh.organisations.models import EmulationGroup, GroupMembership

    groups = [EmulationGroup(kind=GroupKind.BLOC, year=YEAR, code=f"SCORING-{g + 1:02d}",
                             name=f"Khối thi đua thử nghiệm {g + 1}", leader=units[0])
              for g, units in enumerate(members)]
    for group in groups:
        group.refresh_derived()
    groups = EmulationGroup.objects.bulk_create(groups)
    GroupMembership.objects.bulk_create([
        GroupMembership(group=group, unit=unit, year=YEAR, kind=group.kind,
                        rotation_position=position)
        for group, units in zip(groups, members, strict=True)
        for position, unit in enumerate(units, start=1)])
    return groups


def _templates(groups: list) -> list:
    from vinhdanh.scoring.models import ScoringTemplate

    weighted = {"formula": "weighted", "weight_self": Decimal("0.2"),
                "weight_peer": Decimal("0.3"), "weight_leader": Decimal("0.5"),
                "normalise_peers": True}
    return ScoringTemplate.objects.bulk_create([
        ScoringTemplate(group=group, **(weighted if g % 2 else {}))
        for g, group in enumerate(groups)])


def _criteria(templates: list) -> dict[int, list]:
    """``{template id: [criteria]}``: sections first, then the scored items."""
    from vinhdanh.scoring.models import Criterion

    sections = Criterion.objects.bulk_create([
        Criterion(template=t, position=s, code=f"{s + 1}", title=f"Phần {s + 1}",
                  kind="section", max_points=Decimal(20))
        for t in templates for s in range(SECTIONS)])
    items = []
    for index, template in enumerate(templates):
        own = sections[index * SECTIONS:(index + 1) * SECTIONS]
        items += [_item(template, own[n % SECTIONS], n) for n in range(CRITERIA)]
    items = Criterion.objects.bulk_create(items, batch_size=1000)
    by_template = {t.pk: [] for t in templates}
    for item in items:
        by_template[item.template_id].append(item)
    return by_template


def _item(template, section, n: int):
    from vinhdanh.scoring.models import Criterion

    standard = CRITERIA - BONUS - PENALTY
    kind = "standard" if n < standard else "bonus" if n < standard + BONUS else "penalty"
    return Criterion(template=template, parent=section, position=SECTIONS + n,
                     code=f"{n + 1}", title=f"Tiêu chí {n + 1}", kind=kind,
                     max_points=Decimal(2) if kind == "standard" else Decimal(1),
                     evidence_required=kind == "standard" and n % 10 == 0)


def _passes(templates: list) -> list[dict]:
    from vinhdanh.scoring.models import ScoringPass, ScoringRound

    rounds = ScoringRound.objects.bulk_create([
        ScoringRound(template=t, period="year_end", state="closed") for t in templates])
    passes = ScoringPass.objects.bulk_create([
        ScoringPass(round=r, kind=kind) for r in rounds for kind in ("self", "peer", "leader")])
    return [{p.kind: p for p in passes[i * 3:(i + 1) * 3]} for i in range(len(rounds))]


def _points(rng: random.Random, criterion, level: float) -> Decimal:
    """Points for one criterion: a share of the maximum around the unit's level."""
    if criterion.kind == "bonus":
        return POINTS[100] if rng.random() < 0.3 * level else POINTS[0]
    if criterion.kind == "penalty":
        return POINTS[100] if rng.random() < 0.05 else POINTS[0]
    share = min(max(rng.gauss(level, 0.08), 0), 1)
    return POINTS[round(share * 200)]


def _scores(rng, passes: dict, units: list, criteria: list) -> list:
    from vinhdanh.scoring.models import Score

    level = {u.pk: rng.uniform(0.6, 0.95) for u in units}
    bias = {u.pk: rng.uniform(-0.08, 0.08) for u in units}
    sheets = [("self", u, u, level[u.pk] + 0.04) for u in units]
    sheets += [("peer", s, u, level[u.pk] + bias[s.pk]) for u in units for s in units if s != u]
    sheets += [("leader", units[0], u, level[u.pk]) for u in units]
    scores = []
    for kind, scorer, subject, aim in sheets:
        for criterion in criteria:
            abstained = kind == "peer" and rng.random() < 0.0005
            evidence = "" if kind != "self" or rng.random() < 0.02 else "bench/minh-chung.pdf"
            scores.append(Score(
                scoring_pass=passes[kind], scorer=scorer, subject=subject, criterion=criterion,
                kind=kind, abstained=abstained, evidence=evidence,
                points=None if abstained else _points(rng, criterion, aim)))
    return scores


def generate(groups: int, log=print) -> dict:
    """Writes ``groups`` blocs and their scored rounds; returns what was written."""
    from django.db import transaction

    from vinhdanh.organisations.models import Unit
    from vinhdanh.scoring.models import Score

    began, rng = time.perf_counter(), random.Random(SEED)
    root = Unit.objects.filter(parent__isnull=True).first() or _root()
    with transaction.atomic():
        members = _units(root, groups)
        templates = _templates(_groups(members))
        criteria, passes = _criteria(templates), _passes(templates)
        for index, template in enumerate(templates):
            Score.objects.bulk_create(
                _scores(rng, passes[index], members[index], criteria[template.pk]),
                batch_size=2000)
    written = Score.objects.filter(scoring_pass__round__template__in=templates).count()
    seconds = time.perf_counter() - began
    log(f"  {groups} blocs × {UNITS} units × {CRITERIA} criteria: {written:,} scores written "
        f"in {seconds:.0f} s")
    return {"groups": groups, "scores": written, "seconds": seconds}


def _root():
    from vinhdanh.organisations.enums import UnitKind, UnitLevel
    from vinhdanh.organisations.models import Unit

    return Unit.objects.create(code="T", name="Tỉnh Thử Nghiệm", kind=UnitKind.PROVINCE,
                               level=UnitLevel.PROVINCE)


# -- measuring (in the child) --------------------------------------------------------------

def _timed_engine(spent: list):
    """Wraps the engine as the service calls it, adding each call's time to ``spent``."""
    from vinhdanh.scoring.services import ranking as service

    engine = service.rank

    def timed(sheets, settings):
        began, cpu = time.perf_counter(), time.process_time()
        try:
            return engine(sheets, settings)
        finally:
            spent.append((time.perf_counter() - began, time.process_time() - cpu))

    service.rank = timed


def _floor(round_ids: list[int]) -> float:
    from django.db import connection

    sql = FLOOR_SQL.format(rounds=", ".join(str(int(i)) for i in round_ids))
    gc.collect()
    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    assert rows, "the floor query found no scores"
    return time.perf_counter() - began


def _once(rounds: list, spent: list) -> dict:
    from bench.honors import recorded
    from vinhdanh.scoring.services.ranking import compute_rankings

    gc.collect()  # the previous round's garbage is not this round's cost
    queries, spent[:] = [], []
    with recorded(queries):
        began, cpu = time.perf_counter(), time.process_time()
        rankings = compute_rankings(rounds)
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "engine": sum(wall for wall, _ in spent),
            "engine_cpu": sum(used for _, used in spent), "queries": queries,
            "rankings": rankings}


def measure(log=print) -> dict:
    from vinhdanh.scoring.models import ScoringRound

    rounds = list(ScoringRound.objects.filter(template__group__code__startswith="SCORING-",
                                              template__group__year=YEAR).order_by("pk"))
    spent: list[float] = []
    _timed_engine(spent)
    first = _once(rounds, spent)  # warm-up: imports, the statement caches
    runs, floors = [], []
    for number in range(1, ROUNDS + 1):
        floors.append(_floor([r.pk for r in rounds]))
        runs.append(_once(rounds, spent))
        log(f"  round {number}: compute_rankings {runs[-1]['seconds']:.3f} s (CPU "
            f"{runs[-1]['cpu']:.3f} s, engine {runs[-1]['engine']:.3f} s, CPU "
            f"{runs[-1]['engine_cpu']:.3f} s), floor query "
            f"{floors[-1]:.3f} s")
    results = [r for results in first["rankings"].values() for r in results]
    return {
        "rounds": len(rounds), "units": len(results),
        "seconds": statistics.median(r["seconds"] for r in runs),
        "cpu": statistics.median(r["cpu"] for r in runs),
        "engine": statistics.median(r["engine"] for r in runs),
        "engine_cpu": statistics.median(r["engine_cpu"] for r in runs),
        "floor": statistics.median(floors), "all": [r["seconds"] for r in runs],
        "queries": runs[-1]["queries"],
        "flags": dict(Counter(flag.code for r in results for flag in r.flags)),
    }


def child() -> None:
    """``python bench/scoring.py measure``: runs (e) on the database of the environment,
    logs to stderr, prints one JSON line."""
    import django

    django.setup()
    try:
        result = measure(log=lambda line: print(line, file=sys.stderr, flush=True))
        result["available"] = True
    except Exception as error:  # noqa: BLE001 - report it as a row, do not stop the run
        result = {"available": False, "why": f"{type(error).__name__}: {error}"}
    print(json.dumps(result, default=str))


def spawn(log) -> dict:
    path = os.pathsep.join([str(ROOT), str(ROOT / "src")])
    completed = subprocess.run(
        [sys.executable, str(Path(__file__)), "measure"], cwd=ROOT, capture_output=True,
        text=True, check=False, env={**os.environ, "PYTHONPATH": path})
    for line in completed.stderr.splitlines():
        log(line)
    lines = completed.stdout.strip().splitlines()
    if completed.returncode != 0 or not lines:
        why = completed.stderr.strip().splitlines() or [f"exit code {completed.returncode}"]
        return {"available": False, "why": why[-1]}
    return json.loads(lines[-1])


def run(size: str = "full", log=print) -> dict:
    """Writes the blocs, then measures (e) in a child process; see the module docstring."""
    from bench.honors import brief, settle

    try:
        from vinhdanh.scoring.services.ranking import compute_rankings  # noqa: F401
    except ImportError as error:
        log(f"  ranking not available: {error}")
        return {"available": False, "why": str(error)}
    data = generate(GROUPS[size], log=log)
    settle(log=log)
    result = spawn(log) | {"data": data}
    for sql in result.get("queries", []):
        log(f"    {brief(sql)}")
    return result


# -- the table -----------------------------------------------------------------------------

def notes(result: dict) -> list[str]:
    return [f"(e) {result.get('data', {}).get('scores', 0):,} scores; medians of {ROUNDS} "
            f"rounds after a warm-up, in a fresh process."]


def rows(result: dict) -> list[tuple]:
    from bench.report import verdict

    groups = result.get("data", {}).get("groups", GROUPS["full"])
    label = f"(e) rankings of {groups} groups × {UNITS} units × {CRITERIA} criteria × 3 passes"
    if not result.get("available"):
        return [(label, f"not available: {result.get('why')}", NONE, NONE, NONE)]
    seconds, floor = result["seconds"], result["floor"]
    flags = ", ".join(f"{code} {count}" for code, count in sorted(result["flags"].items()))
    return [
        (f"{label}, wall s", f"{seconds:.3f}", f"{floor:.3f} (aggregate query)",
         f"{seconds / floor:.2f}×", f"< {TARGET:.0f} s" if groups == GROUPS["full"] else NONE,
         verdict(seconds < TARGET) if groups == GROUPS["full"] else NONE),
        ("(e) CPU s of the measuring process (SQLite: its queries too)", f"{result['cpu']:.3f}",
         NONE, NONE, NONE),
        ("(e) of which the engine (rank), wall s / CPU s",
         f"{result['engine']:.3f} / {result['engine_cpu']:.3f}", NONE, NONE, NONE),
        ("(e) queries issued", str(len(result["queries"])), NONE, NONE, NONE),
        (f"(e) flags on {result['units']} units", flags or "none", NONE, NONE, NONE),
    ]


def main() -> None:
    """``python bench/scoring.py [--database-url URL]``: this workload alone, on a fresh
    database (SQLite under /tmp by default; a PostgreSQL database of your own is flushed)."""
    from bench.run import configure, machine, prepare_database

    parser = argparse.ArgumentParser(description=main.__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--data-dir", default="/tmp/vd-bench")  # noqa: S108 - scratch data
    args = parser.parse_args()
    configure(argparse.Namespace(size="scoring", database_url=args.database_url,
                                 data_dir=args.data_dir))
    import django

    django.setup()
    prepare_database()
    began, m = time.monotonic(), machine()  # the load average before the run
    result = run("full")
    print(f"\nMachine: {m['platform']}; {m['cpus']} CPUs; {m['memory_gb']} GB; Python "
          f"{m['python']}; {m['database']}; load average {'/'.join(map(str, m['load_average']))}"
          f"; run took {time.monotonic() - began:.0f} s\n")
    from bench.report import _table

    print(_table(rows(result)))


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT), str(ROOT / "src")]
    if sys.argv[1:] == ["measure"]:
        child()
    else:
        main()
