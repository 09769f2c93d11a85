"""The printed table: workload | figure | floor | ratio | target | met (medians of the rounds).

Every workload module gives ``rows(result)`` (tuples of five or six cells: a row without a
verdict gets "—" for met) and ``notes(result)`` (lines printed above the table); the runner
joins them into one table."""

NONE = "—"
# The issue sets no numeric target for (a) or (b).
TARGET = NONE


def _num(value, digits=1) -> str:
    return NONE if value is None else f"{value:,.{digits}f}"


def _ratio(value, floor) -> str:
    return NONE if value is None or not floor else f"{value / floor:.2f}×"


def _missing(label: str, why: str = "not available") -> list[tuple]:
    return [(label, why, NONE, NONE, TARGET)]


def _load_rows(load: dict) -> list[tuple]:
    floor = load.get("floor", {})
    if not floor.get("available"):
        return _missing("(a) floor view", "not available: the load test could not run")
    rows = []
    for key, label in (("page", "people page"), ("api", "API people list")):
        got = load.get(key, {})
        if not got.get("available"):
            rows += _missing(f"(a) {label}", "not available (URL not found)")
            continue
        rows += [
            (f"(a) {label} {got['path']}, req/s", _num(got["rps"]), _num(floor["rps"]),
             _ratio(got["rps"], floor["rps"]), TARGET),
            (f"(a) {label}, p95 latency ms", _num(got["p95_ms"]), _num(floor["p95_ms"]),
             _ratio(got["p95_ms"], floor["p95_ms"]), TARGET),
        ]
        if got["errors"]:
            rows.append((f"(a) {label}, non-200 answers", str(got["errors"]), NONE, NONE, TARGET))
    return rows


def _query_rows(queries: dict) -> list[tuple]:
    rows = []
    for key, label in (("page", "people page (board officer)"),
                       ("page_clerk", "people page (unit clerk)"), ("api", "API people list")):
        got = queries.get(key, {})
        figure = str(got["queries"]) if got.get("available") else (
            f"not available (HTTP {got['status']})" if "status" in got else "not available")
        rows.append((f"(a) {label}, queries per page", figure, NONE, NONE, TARGET))
    return rows


def _import_rows(result: dict) -> list[tuple]:
    calamine, importer = result.get("calamine", {}), result.get("importer", {})
    label = f"(b) import {result['rows']:,} rows ({result['file_mb']:.1f} MB)"
    if not calamine.get("available"):
        return _missing(label, "calamine read failed")
    if not importer.get("available"):
        return _missing(label, "not available: importer missing or failed") + [
            ("(b) calamine read alone, s", NONE, _num(calamine["seconds"], 2), NONE, TARGET)]
    written = [] if importer["rows"] == result["rows"] else [
        ("(b) import, rows written (expected all)", f"{importer['rows']:,}", NONE, NONE, TARGET)]
    return written + [
        (f"{label}, wall s", _num(importer["seconds"], 2), _num(calamine["seconds"], 2),
         _ratio(importer["seconds"], calamine["seconds"]), TARGET),
        ("(b) import, peak RSS MB", _num(importer["peak_rss_mb"], 0),
         _num(calamine["peak_rss_mb"], 0),
         _ratio(importer["peak_rss_mb"], calamine["peak_rss_mb"]), TARGET),
        ("(b) import, RSS growth during the job MB", _num(importer["job_rss_mb"], 0),
         _num(calamine["job_rss_mb"], 0),
         _ratio(importer["job_rss_mb"], calamine["job_rss_mb"]), TARGET),
    ]


HEADER = ("workload", "figure", "floor", "ratio", "target", "met")


def verdict(met: bool | None) -> str:
    return NONE if met is None else ("yes" if met else "NO")


def _table(rows: list[tuple]) -> str:
    rows = [tuple(row) + (NONE,) * (len(HEADER) - len(row)) for row in rows]
    widths = [max(len(row[i]) for row in [HEADER, *rows]) for i in range(len(HEADER))]
    lines = [" | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()
             for row in [HEADER, tuple("-" * w for w in widths), *rows]]
    return "\n".join(lines)


def notes(results: dict) -> list[str]:
    m, p = results["machine"], results["province"]
    importer = results["import"].get("importer", {})
    rounds = importer.get("rounds") if importer.get("available") else 0
    return [
        f"Machine: {m['platform']}; {m['cpus']} CPUs; {m['memory_gb']} GB; "
        f"Python {m['python']}; {m['database']}; load average at start "
        f"{'/'.join(map(str, m['load_average']))}",
        f"Province: {p['units']:,} units, {p['people']:,} people (size {results['size']}); "
        f"run took {results['seconds']:.0f} s",
        "Floor: (a) a login_required view returning 'ok' on the same server, same session; "
        "(b) a plain python-calamine read of the same file.",
        f"Medians: (a) of 3 rounds per URL, 10 concurrent clients; (b) calamine of 3 rounds, "
        f"importer of {rounds} round(s).",
    ]


def rows(results: dict) -> list[tuple]:
    return (_load_rows(results["load"]) + _query_rows(results["queries"])
            + _import_rows(results["import"]))


def render(notes: list[str], rows: list[tuple]) -> str:
    """The notes, a blank line, the table."""
    return "\n".join(notes) + "\n\n" + _table(rows)
