"""Workloads of issue 3: eligibility over 10 years of history on the synthetic province.

``run()`` (called by bench/run.py once the province is built) writes the history, then
measures, each workload in a fresh child process (``python bench/honors.py sweep CODE`` or
``… criterion``, one JSON line back, as imports.py does), medians of 3 rounds:
(c) the engine's sweep, ``services.eligibility.sweep(Person.objects.all(), code, 2024)``,
    for Chiến sĩ thi đua cấp tỉnh and for Bằng khen of the province chairman (wall time,
    people/s, verdicts, the queries it issued);
(d) the consecutive-years criterion alone (3 consecutive CSTĐ cơ sở ending 2024) through
    the engine's bulk path, ``services.facts.consecutive_holders`` (the query and loop a
    sweep runs for ``consecutive_titles``), against ONE hand-written SQL query on the same
    table; both must return the same people (asserted), and the ratio engine/SQL is held
    against the issue's target of 1.5×.

The history, 2015–2024, is drawn from a seeded generator, so every run writes the same rows.
People whose position is "Nông dân" or "Công nhân" have no records (the province's books do
not rate them); the others have, from the first year they had worked six months in (2015 at
the earliest): a task rating every year; Lao động tiên tiến most years (about 60% of the
rated years); Chiến sĩ thi đua cơ sở as a Markov chain (about 17% of the rated years, in
runs: held again after a year held 55% of the time, so some have 3 and more in a row);
grassroots and a few province-level initiatives; a few CSTĐ cấp tỉnh (after 3 in a row) and
Bằng khen tỉnh (after 2 in a row); 0.4% of people a discipline of about a year, 0.1% an
investigation still pending. Every honour record covers a single year (``first_year`` is
empty), so the SQL query needs no period arithmetic and stays an honest floor.
"""

import datetime as dt
import gc
import hashlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from django.db import connection, transaction

ROOT = Path(__file__).resolve().parent.parent

FIRST, LAST = 2015, 2024  # the years of history
YEAR = 2024  # the achievement year swept
SEED = 2024
ROUNDS = 3
CALLS = 5  # calls of each side of (d) per round: one call takes ~0.1 s, too short alone
TARGET = 1.5  # engine / SQL for (d), from the issue
LDTT, CSTDCS = "lao_dong_tien_tien", "chien_si_thi_dua_co_so"
CSTD_TINH, BK_TINH = "chien_si_thi_dua_tinh", "bang_khen_tinh"
SWEPT = ((CSTD_TINH, "Chiến sĩ thi đua cấp tỉnh"), (BK_TINH, "Bằng khen của Chủ tịch UBND tỉnh"))
RUN_YEARS = 3  # (d): 3 consecutive CSTĐ cơ sở ending YEAR

# The generator's odds.
UNRATED = {"Nông dân", "Công nhân"}
KEEP, START, FIRST_TIME = 0.55, 0.09, 0.17  # CSTĐ cơ sở after a year held / not held / 1st
RATINGS = (("excellent", 12), ("good", 63), ("completed", 21), ("not_completed", 4))
LDTT_SHARE = 0.6  # of the years rated "good" or better without CSTĐ cơ sở

# The floor of (d): the people holding the title in each year of the window. Records hold
# one year each (see above); DISTINCT guards against a title entered twice for a year.
CONSECUTIVE_SQL = """
    SELECT person_id FROM {table}
    WHERE honor_id = %s AND year BETWEEN %s AND %s AND person_id IS NOT NULL
    GROUP BY person_id HAVING COUNT(DISTINCT year) = %s
"""


# -- the history ---------------------------------------------------------------------------

# Columns each kind of row fills; the model's other columns are NULL or get a constant.
COLUMNS = {
    "honors": ("person_id", "honor_id", "year"),
    "ratings": ("person_id", "year", "rating"),
    "initiatives": ("person_id", "title", "kind", "level", "year"),
    "restrictions": ("person_id", "kind", "level", "starts_on", "ends_on"),
}
CONSTANTS = {  # NOT NULL columns the generator does not vary
    "honors": {"decision_number": "", "issuer": "", "notes": "", "source": "imported",
               "revocation": ""},
    "ratings": {"source": "imported"},
    "initiatives": {"recognised_by": "", "source": "imported"},
    "restrictions": {"notes": "", "source": "imported"},
}
BATCH = 10_000  # rows held before they are written
ROWS_PER_INSERT = 1_000


class Writer:
    """Rows as value tuples, written BATCH at a time: multi-row INSERTs of ROWS_PER_INSERT
    rows on SQLite, COPY on PostgreSQL, all in the caller's transaction.

    Not bulk_create: for HonorRecord it spends about 45 µs a row preparing each field of
    each instance, against about 8 µs for SQLite to store it (2.2 million rows: ~100 s
    instead of ~13 s). On PostgreSQL, INSERTs (bulk_create's or ours) cost ~44 µs a row
    and COPY ~9 µs.
    """

    def __init__(self):
        from django.utils import timezone

        from vinhdanh.honors.models import (
            DisciplinePeriod,
            HonorRecord,
            Initiative,
            TaskRatingRecord,
        )

        models = {"honors": HonorRecord, "ratings": TaskRatingRecord,
                  "initiatives": Initiative, "restrictions": DisciplinePeriod}
        constants = {key: dict(CONSTANTS[key]) for key in models}
        constants["honors"]["created_at"] = timezone.now()
        quote = connection.ops.quote_name
        self.tables, self.extra = {}, {}
        for key, model in models.items():
            field = model._meta.get_field
            self.tables[key] = (quote(model._meta.db_table), ", ".join(
                quote(field(name).column) for name in (*COLUMNS[key], *constants[key])))
            self.extra[key] = tuple(field(name).get_db_prep_save(value, connection)
                                    for name, value in constants[key].items())
        self.pending = {key: [] for key in models}
        self.written = Counter()

    def add(self, key: str, *values) -> None:
        pending = self.pending[key]
        pending.append(values + self.extra[key])
        if len(pending) >= BATCH:
            self.flush(key)

    def flush(self, key: str) -> None:
        pending, (table, columns) = self.pending[key], self.tables[key]
        if not pending:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in pending:
                        copy.write_row(row)
            else:
                one = "(" + ", ".join(["%s"] * len(pending[0])) + ")"
                for start in range(0, len(pending), ROWS_PER_INSERT):
                    chunk = pending[start:start + ROWS_PER_INSERT]
                    cursor.execute(f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608
                                   + ", ".join([one] * len(chunk)),
                                   [value for row in chunk for value in row])
        self.written[key] += len(pending)
        self.pending[key] = []


def first_year(start: dt.date | None) -> int:
    """The first year with six months of work by 31 December (TT 01/2024)."""
    if start is None:
        return FIRST
    return max(FIRST, start.year + (start > dt.date(start.year, 7, 1)))


def person_history(out: Writer, rng: random.Random, pid: int, first: int, ids: dict) -> None:
    held = []  # the years of CSTĐ cơ sở
    ratings, weights = zip(*RATINGS, strict=True)
    for year in range(first, LAST + 1):
        chance = FIRST_TIME if year == first else KEEP if year - 1 in held else START
        cstd = rng.random() < chance
        if cstd:
            held.append(year)
            rating = "excellent" if rng.random() < 0.85 else "good"
        else:
            rating = rng.choices(ratings, weights)[0]
        out.add("ratings", pid, year, rating)
        if cstd or rating in ("excellent", "good") and rng.random() < LDTT_SHARE:
            out.add("honors", pid, ids[LDTT], year)
        if cstd:
            out.add("honors", pid, ids[CSTDCS], year)
        # CSTĐ cơ sở rated "good" needs a grassroots initiative (Law Art 23).
        if cstd and rating == "good" or rng.random() < 0.04:
            out.add("initiatives", pid, f"Sáng kiến {pid}-{year}", "initiative", "grassroots",
                    year)
        three = cstd and {year - 1, year - 2} <= set(held)
        if three and rng.random() < (0.25 if year < LAST else 0.1) or rng.random() < 0.004:
            out.add("initiatives", pid, f"Đề tài {pid}-{year}", "science", "province", year)
            if three:
                out.add("honors", pid, ids[CSTD_TINH], year)
        if cstd and year - 1 in held and rng.random() < (0.1 if year < LAST else 0.05):
            out.add("honors", pid, ids[BK_TINH], year)
    roll, adapt = rng.random(), connection.ops.adapt_datefield_value
    if roll < 0.004:  # a reprimand or warning of about a year
        starts = dt.date(rng.randint(first, LAST), rng.randint(1, 12), 1)
        out.add("restrictions", pid, "discipline", rng.choice(["reprimand", "warning"]),
                adapt(starts), adapt(starts + dt.timedelta(days=364)))
    elif roll < 0.005:  # an investigation still pending
        out.add("restrictions", pid, "investigation", "",
                adapt(dt.date(LAST, rng.randint(1, 12), 1)), None)


def generate(log=print) -> dict:
    """Writes the history of every person in one transaction; returns the counts."""
    from vinhdanh.honors.models import Honor
    from vinhdanh.organisations.models import Person

    began = time.perf_counter()
    ids = dict(Honor.objects.filter(code__in=[LDTT, CSTDCS, CSTD_TINH, BK_TINH])
               .values_list("code", "pk"))
    rng, out = random.Random(SEED), Writer()
    people = Person.objects.order_by("pk").values_list("pk", "position", "employment_start")
    with transaction.atomic():
        for pid, position, start in people.iterator(chunk_size=10_000):
            first = first_year(start)
            if position not in UNRATED and first <= LAST:
                person_history(out, rng, pid, first, ids)
        for key in out.pending:
            out.flush(key)
    written = dict(out.written)
    written["rows"] = written["honors"] + written["ratings"]
    written["seconds"] = time.perf_counter() - began
    log(f"  history {FIRST}–{LAST}: {written['rows']:,} rows (HonorRecord "
        f"{written['honors']:,} + TaskRatingRecord {written['ratings']:,}), plus "
        f"{written['initiatives']:,} initiatives and {written['restrictions']:,} discipline "
        f"periods, written in {written['seconds']:.1f} s")
    return written


def settle(log=print) -> None:
    """The database as it is long after an import: statistics gathered (PostgreSQL's
    autovacuum may not have got to the new rows yet; SQLite keeps none until asked),
    PostgreSQL's tables vacuumed (visibility map, hint bits), SQLite's WAL folded into the
    file. The connection is closed: the workloads run in child processes."""
    began = time.perf_counter()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.execute("ANALYZE")
    connection.close()
    log(f"  settled (statistics, vacuum or WAL checkpoint) in {time.perf_counter() - began:.1f} s")


# -- measuring ----------------------------------------------------------------------------

@contextmanager
def recorded(queries: list):
    """Appends the SQL of every query run in the block to ``queries`` (with DEBUG off,
    CaptureQueriesContext records nothing unless force_debug_cursor is set)."""

    def wrapper(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield queries


def sweep_once(code: str) -> dict:
    from vinhdanh.honors.services.eligibility import sweep
    from vinhdanh.organisations.models import Person

    gc.collect()  # the previous round's garbage is not this round's cost
    queries = []
    with recorded(queries):
        began = time.perf_counter()
        evaluations = sweep(Person.objects.all(), code, YEAR)
        seconds = time.perf_counter() - began
    return {"seconds": seconds, "people": len(evaluations),
            "verdicts": dict(Counter(e.verdict for e in evaluations)), "queries": queries}


def sweep_rounds(code: str, log=print) -> dict:
    runs = []
    for number in range(1, ROUNDS + 1):
        runs.append(sweep_once(code))
        log(f"  round {number}: {runs[-1]['seconds']:.2f} s, {runs[-1]['verdicts']}")
    seconds = statistics.median(r["seconds"] for r in runs)
    return {"seconds": seconds, "rounds": [r["seconds"] for r in runs],
            "people": runs[0]["people"], "per_second": runs[0]["people"] / seconds,
            "verdicts": runs[0]["verdicts"], "queries": runs[0]["queries"]}


def by_engine() -> set[int]:
    from vinhdanh.honors.services.facts import consecutive_holders
    from vinhdanh.organisations.models import Person

    # Every person's id as a queryset: the engine reads the title's records with no IN list.
    return consecutive_holders(Person.objects.values_list("pk", flat=True), CSTDCS,
                               RUN_YEARS, YEAR)


def by_sql(honor_id: int) -> set[int]:
    from vinhdanh.honors.models import HonorRecord

    sql = CONSECUTIVE_SQL.format(table=connection.ops.quote_name(HonorRecord._meta.db_table))
    with connection.cursor() as cursor:
        cursor.execute(sql, [honor_id, YEAR - RUN_YEARS + 1, YEAR, RUN_YEARS])
        return {row[0] for row in cursor.fetchall()}


def _timed(call, *args) -> tuple[float, set[int]]:
    began = time.perf_counter()
    got = call(*args)
    return time.perf_counter() - began, got


def criterion_rounds(log=print) -> dict:
    """Engine and SQL taking turns, CALLS times each per round, after a warm-up of each;
    a round's figure is the mean call. Asserts that both find the same people."""
    from vinhdanh.honors.models import Honor

    honor_id = Honor.objects.get(code=CSTDCS).pk
    queries = []
    with recorded(queries):
        engine_set = by_engine()  # warm-up, and the engine's query
    sql_set = by_sql(honor_id)
    assert engine_set == sql_set, (
        f"engine and SQL disagree: {len(engine_set - sql_set)} people found only by the "
        f"engine, {len(sql_set - engine_set)} only by SQL")
    engine, sql = [], []
    for number in range(1, ROUNDS + 1):
        gc.collect()
        times = {"engine": 0.0, "sql": 0.0}
        for _ in range(CALLS):
            seconds, got = _timed(by_engine)
            assert got == sql_set
            times["engine"] += seconds
            seconds, got = _timed(by_sql, honor_id)
            assert got == sql_set
            times["sql"] += seconds
        engine.append(times["engine"] / CALLS)
        sql.append(times["sql"] / CALLS)
        log(f"  round {number}: engine {engine[-1] * 1000:.1f} ms, SQL {sql[-1] * 1000:.1f} ms")
    result = {"engine": statistics.median(engine), "sql": statistics.median(sql),
              "engine_rounds": engine, "sql_rounds": sql, "people": len(sql_set),
              "agree": True, "engine_queries": queries}
    result["ratio"] = result["engine"] / result["sql"]
    result["met"] = result["ratio"] <= TARGET
    log(f"  agree: yes ({result['people']:,} people)")
    log(f"  engine/SQL = {result['ratio']:.2f}× (target ≤ {TARGET}×): "
        f"{'met' if result['met'] else 'not met'}")
    return result


# -- the child process: each workload in a fresh interpreter ------------------------------

def child(job: str, *args: str) -> None:
    """``python bench/honors.py sweep CODE`` or ``… criterion``: runs the workload on the
    database of the environment, logs to stderr, prints one JSON line."""
    import django

    if job not in ("sweep", "criterion"):
        raise SystemExit(f"unknown job {job!r}: sweep CODE or criterion")
    django.setup()

    def log(line):
        print(line, file=sys.stderr, flush=True)

    try:
        result = sweep_rounds(args[0], log=log) if job == "sweep" else criterion_rounds(log=log)
        result["available"] = True
    except AssertionError as error:  # engine and SQL disagree: the parent stops the run
        result = {"available": False, "why": str(error), "disagree": True}
    except Exception as error:  # noqa: BLE001 - the engine is work in progress: report it
        result = {"available": False, "why": f"{type(error).__name__}: {error}"}
    print(json.dumps(result, default=str))


def spawn(log, job: str, *args: str) -> dict:
    """One workload in a fresh child process, so that it does not inherit this process's
    heap (after writing the history and the earlier workloads, the engine's side of (d) ran
    ~20% slower in the runner than in a fresh process; the SQL side did not move)."""
    path = os.pathsep.join([str(ROOT), str(ROOT / "src")])
    completed = subprocess.run(
        [sys.executable, str(Path(__file__)), job, *args], cwd=ROOT, capture_output=True,
        text=True, check=False, env={**os.environ, "PYTHONPATH": path},
    )
    for line in completed.stderr.splitlines():
        log(line)
    lines = completed.stdout.strip().splitlines()
    if completed.returncode != 0 or not lines:
        why = (completed.stderr.strip().splitlines() or [f"exit code {completed.returncode}"])
        return {"available": False, "why": why[-1]}
    result = json.loads(lines[-1])
    if result.get("disagree"):
        raise AssertionError(result["why"])
    return result


def run(log=print) -> dict:
    """Writes the history, then measures (c) and (d), each in a child process; see the
    module docstring."""
    try:
        from vinhdanh.honors.services.eligibility import sweep  # noqa: F401
        from vinhdanh.honors.services.facts import consecutive_holders  # noqa: F401
    except ImportError as error:
        log(f"  engine not available: {error}")
        return {"available": False, "why": str(error)}
    result = {"available": True, "engine": engine_digest(), "history": generate(log=log)}
    settle(log=log)
    for code, name in SWEPT:
        log(f"  sweep of every person, {name} ({code}) {YEAR}")
        result[code] = got = spawn(log, "sweep", code)
        if got["available"]:
            log(f"  its {len(got['queries'])} queries:")
            for sql in got["queries"]:
                log(f"    {brief(sql)}")
    log(f"  {RUN_YEARS} consecutive CSTĐ cơ sở ending {YEAR}: consecutive_holders "
        f"({CALLS} calls a round) vs one SQL query")
    result["criterion"] = got = spawn(log, "criterion")
    if got["available"]:
        for sql in got["engine_queries"]:
            log(f"  engine's query: {brief(sql)}")
        log(f"  SQL floor: {' '.join(CONSECUTIVE_SQL.split())}")
    return result


def engine_digest() -> str:
    """A digest of src/vinhdanh/honors/**/*.py: which engine a run measured (the engine
    is not committed yet, so no commit names it)."""
    import vinhdanh.honors

    root = Path(vinhdanh.honors.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def brief(sql: str) -> str:
    """One line of SQL, without quotes, a long column list shortened to its count."""
    sql = " ".join(sql.replace('"', "").split())

    def columns(match):
        found = match.group(1).split(", ")
        shown = f"SELECT [{len(found)} columns] FROM "  # noqa: S608 - a log line
        return match.group(0) if len(found) <= 5 else shown

    return re.sub(r"SELECT (.*?) FROM ", columns, sql)


# -- the table -----------------------------------------------------------------------------

NONE = "—"

VERDICTS = ("eligible", "missing", "not_eligible")


def rows(result: dict) -> list[tuple]:
    """This issue's rows of the runner's table (workload | figure | floor | ratio | target |
    met)."""
    from bench.report import verdict

    if not result.get("available"):
        return [("(c) eligibility sweep", f"not available: {result.get('why')}", NONE, NONE,
                 NONE)]
    table = []
    for number, (code, name) in enumerate(SWEPT, start=1):
        got, label = result[code], f"(c{number})"
        if not got["available"]:
            table.append((f"{label} sweep, {name} {YEAR}", f"not available: {got['why']}",
                          NONE, NONE, NONE))
            continue
        table += [
            (f"{label} sweep {got['people']:,} people, {name} {YEAR}, wall s",
             f"{got['seconds']:.2f}", NONE, NONE, NONE),
            (f"{label} people/s", f"{got['per_second']:,.0f}", NONE, NONE, NONE),
            (f"{label} eligible / missing / not eligible",
             " / ".join(f"{got['verdicts'].get(v, 0):,}" for v in VERDICTS), NONE, NONE, NONE),
            (f"{label} queries issued", str(len(got["queries"])), NONE, NONE, NONE),
        ]
    crit, label = result["criterion"], f"(d) {RUN_YEARS} consecutive CSTĐ cơ sở to {YEAR}"
    if not crit["available"]:
        return table + [(label, f"not available: {crit['why']}", NONE, NONE,
                         f"≤ {TARGET}×")]
    return table + [
        (f"{label}: engine vs one SQL query, ms", f"{crit['engine'] * 1000:.1f}",
         f"{crit['sql'] * 1000:.1f}", f"{crit['ratio']:.2f}×", f"≤ {TARGET}×",
         verdict(crit["met"])),
        ("(d) engine and SQL agree", f"yes ({crit['people']:,} people)", NONE, NONE, NONE),
    ]


def notes(result: dict) -> list[str]:
    if not result.get("available"):
        return []
    h = result["history"]
    return [
        f"History {FIRST}–{LAST} (seeded; single-year records): {h['rows']:,} rows = "
        f"HonorRecord {h['honors']:,} + TaskRatingRecord {h['ratings']:,}, plus "
        f"{h['initiatives']:,} initiatives and {h['restrictions']:,} discipline periods; "
        f"written in {h['seconds']:.0f} s (not a workload). Engine: src/vinhdanh/honors "
        f"digest {result['engine']}.",
        f"Floor: (c) none; (d) one hand-written GROUP BY … HAVING COUNT(DISTINCT year) query "
        f"fetched into a Python set. Medians of {ROUNDS} rounds; (d) a round is the mean of "
        f"{CALLS} calls of each, taking turns.",
    ]


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT), str(ROOT / "src")]
    child(*sys.argv[1:])
