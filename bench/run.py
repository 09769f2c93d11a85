"""The benchmark's single entry point: ``python bench/run.py [--size small|full]``.

Builds a synthetic province in its own database, then measures, in this one run:
(a) the people list page and the API list against a floor view on the same server
    (requests per second and p95 latency at 10 concurrent clients, and queries per page);
(b) importing a people workbook against a plain python-calamine read of the same file;
(c), (d) issue 3: 10 years of honours history, eligibility sweeps of every person, and the
    consecutive-years criterion against one hand-written SQL query (bench/honors.py);
(e) issue 4: the rankings of 50 groups × 12 units × 60 criteria × 3 passes (bench/scoring.py);
(f) issue 7: the public honour board, decision search and home page over that history,
    uncached against cached (bench/public.py);
(g) issue 6: certificates rendered one file each and combined, against LibreOffice converting
    the same certificates from Word, and PAdES signing (bench/certificates.py).
Prints the machine, a table of medians and ratios, and writes the results to bench/out/.
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
# Per size: load-test seconds per round and request cap per client; importer rounds and the
# time under which another importer round is run.
PLANS = {
    "small": {"seconds": 2.0, "per_client": 200, "rounds": 3, "importer_most": 3,
              "importer_budget": 20.0},
    "full": {"seconds": 8.0, "per_client": 2000, "rounds": 3, "importer_most": 3,
             "importer_budget": 60.0},
}


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["small", "full"], default="small")
    parser.add_argument("--database-url", default="",
                        help="postgres://… of a database of your own; SQLite under /tmp if unset")
    parser.add_argument("--data-dir", default="/tmp/vd-bench")  # noqa: S108 - scratch data
    return parser.parse_args()


def configure(args) -> Path:
    """Environment for this process and its children; returns the data folder."""
    data_dir = Path(args.data_dir) / args.size
    if not args.database_url:  # a fresh SQLite file every run
        shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ.update({
        "VINHDANH_DATA_DIR": str(data_dir), "SECRET_KEY": "bench", "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1", "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
    })
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    sys.path[:0] = [str(ROOT), str(ROOT / "src")]
    return data_dir


def prepare_database() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("flush", verbosity=0, interactive=False)  # PostgreSQL: start empty too
    call_command("collectstatic", verbosity=0, interactive=False)  # DEBUG off needs the manifest


def machine() -> dict:
    from django.db import connection

    if connection.vendor == "sqlite":
        database = f"SQLite {sqlite3.sqlite_version}"
    else:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
    memory = next((line.split()[1] for line in open("/proc/meminfo") if "MemTotal" in line), "0")
    return {"platform": platform.platform(), "cpus": os.cpu_count(),
            "memory_gb": round(int(memory) / 1024**2, 1),
            "python": platform.python_version(), "database": database,
            # Other work on the machine skews every figure: shown so a reader can tell.
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def checkpoint_sqlite() -> Path | None:
    """Folds the WAL into the SQLite file so it can be copied; None on PostgreSQL."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = Path(connection.settings_dict["NAME"])
    connection.close()
    return path


def step(title: str, log=print):
    log(f"\n== {title}")
    return time.monotonic()


def main() -> None:
    args = parse()
    data_dir = configure(args)
    plan = PLANS[args.size]
    import django

    django.setup()
    from bench import certificates, honors, imports, load, public, report, scoring, synthetic

    size = synthetic.SIZES[args.size]
    began = step(f"Synthetic province ({size.units:,} units, {size.people:,} people)")
    prepare_database()
    province = synthetic.generate(size)
    print(f"  built in {time.monotonic() - began:.0f} s")
    from vinhdanh.organisations.models import User

    officer = User.objects.get(username=synthetic.OFFICER)
    clerk = User.objects.get(username=synthetic.CLERK)
    results = {"size": args.size, "machine": machine(), "province": {
        "units": province["units"], "people": province["people"]}}

    step("Queries per page (in-process, one request)")
    results["queries"] = {
        "page": load.count_queries(load.url("workspace:person-list"), officer),
        "page_clerk": load.count_queries(load.url("workspace:person-list"), clerk),
        "api": load.count_queries(load.url("v1:person-list"), officer, token=True),
    }
    print(f"  {json.dumps(results['queries'])}")

    step(f"Load: {load.CLIENTS} clients, {plan['rounds']} rounds of {plan['seconds']} s")
    results["load"] = load.run(officer, rounds=plan["rounds"], seconds=plan["seconds"],
                               per_client=plan["per_client"])

    step(f"Import of {size.import_rows:,} people rows")
    # Kept between runs: the same seed always writes the same file.
    workbook = data_dir.parent / f"people-v1-{args.size}-{size.import_rows}.xlsx"
    if not workbook.exists():
        imports.write_workbook(workbook, rows=size.import_rows, first_serial=size.people,
                               unit_codes=province["unit_codes"])
    results["import"] = {"rows": size.import_rows, "file_mb": workbook.stat().st_size / 1e6}
    results["import"] |= imports.run(workbook, sqlite_file=checkpoint_sqlite(), calamine_rounds=3,
                                     importer_most=plan["importer_most"],
                                     importer_budget=plan["importer_budget"])

    step("Honours: 10 years of history, eligibility sweeps, the consecutive-years criterion")
    results["honors"] = honors.run()
    step(f"Scoring: rankings of {scoring.GROUPS[args.size]} groups × 12 units × 60 criteria")
    results["scoring"] = scoring.run(args.size)
    step("Public pages over the history: uncached against cached")
    results["public"] = public.run()
    step("Certificates against LibreOffice")
    results["certificates"] = certificates.run(args.size)
    results["seconds"] = time.monotonic() - began

    print()
    parts = ((report, results), (honors, results["honors"]), (scoring, results["scoring"]),
             (public, results["public"]), (certificates, results["certificates"]))
    print(report.render([line for module, got in parts for line in module.notes(got)],
                        [row for module, got in parts for row in module.rows(got)]))
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for name in (f"{stamp}-{args.size}.json", f"latest-{args.size}.json"):
        (OUT / name).write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(f"\nResults written to {OUT / f'{stamp}-{args.size}.json'}")


if __name__ == "__main__":
    main()
