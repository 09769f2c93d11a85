"""Workload (b): importing a people workbook against a plain python-calamine read of it.

Each measurement runs in a fresh child process (``python bench/imports.py calamine|importer
FILE``) so peak memory belongs to that one job. The child prints one JSON line: wall time,
peak RSS (VmHWM, see ``peak_rss_kb``) and peak RSS above the RSS the child had before the job
(Python, and for the importer Django, already loaded). The importer writes into a copy of the
synthetic database (SQLite: a file copy per round; PostgreSQL: the imported rows are deleted
after each round), so every round starts from the same data.
"""

import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHEET = "Nhân sự"
HEADERS = ["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Mã đơn vị", "Chức vụ",
           "Lao động trực tiếp", "Ngày bắt đầu công tác", "Đang công tác"]
GENDER_WORD = {"male": "Nam", "female": "Nữ"}


def write_workbook(path: Path, *, rows: int, unit_codes: list[str], first_serial: int) -> None:
    """A people sheet of ``rows`` valid rows whose citizen IDs no synthetic person holds."""
    from openpyxl import Workbook

    from bench.synthetic import SEED, person_row

    rng = random.Random(SEED + 1)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET)
    sheet.append(HEADERS)
    for serial in range(first_serial, first_serial + rows):
        p = person_row(rng, serial)
        sheet.append([p["full_name"], GENDER_WORD[p["gender"]], p["date_of_birth"],
                      p["citizen_id"], rng.choice(unit_codes), p["position"],
                      "Có" if p["is_direct_worker"] else "Không", p["employment_start"], "Có"])
    partial = path.with_suffix(".partial")
    workbook.save(partial)
    partial.replace(path)


# --- the child process -------------------------------------------------------------------

def _status_kb(field: str) -> int:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith(f"{field}:"))
    return int(line.split()[1])


def _rss_kb() -> int:
    return _status_kb("VmRSS")


def peak_rss_kb() -> int:
    """The child's own peak RSS.

    ``getrusage(RUSAGE_SELF).ru_maxrss`` is no use here: Linux carries it over from the
    forking parent through exec, so every child would report at least the parent's size.
    VmHWM belongs to the address space the child got at exec.
    """
    return _status_kb("VmHWM")


def _calamine(data: bytes) -> dict:
    import io

    from python_calamine import CalamineWorkbook

    start_rss, began = _rss_kb(), time.perf_counter()
    rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(SHEET).to_python()
    return {"seconds": time.perf_counter() - began, "start_rss_kb": start_rss,
            "rows": len(rows) - 1}


def _importer(data: bytes) -> dict:
    import django

    django.setup()
    from bench.synthetic import OFFICER
    from vinhdanh.organisations import importers
    from vinhdanh.organisations.models import Person, User

    actor, before = User.objects.get(username=OFFICER), Person.objects.count()
    start_rss, began = _rss_kb(), time.perf_counter()
    try:
        importers.import_workbook(data, actor=actor)
    except importers.ImportRejected as rejected:
        return {"seconds": time.perf_counter() - began, "start_rss_kb": start_rss,
                "rejected": [str(e) for e in list(rejected.errors)[:5]]}
    return {"seconds": time.perf_counter() - began, "start_rss_kb": start_rss,
            "rows": Person.objects.count() - before}


def child(job: str, path: str) -> None:
    data = Path(path).read_bytes()
    result = (_calamine if job == "calamine" else _importer)(data)
    result["peak_rss_kb"] = peak_rss_kb()
    result["ru_maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # see above
    print(json.dumps(result, default=str))


# --- the parent ----------------------------------------------------------------------------

def spawn(job: str, path: Path, env: dict) -> dict:
    completed = subprocess.run(
        [sys.executable, str(Path(__file__)), job, str(path)], env=env, cwd=ROOT,
        capture_output=True, text=True, check=False,
    )
    if completed.returncode != 0:
        return {"error": completed.stderr.strip().splitlines()[-1:] or ["exit code"]}
    return json.loads(completed.stdout.strip().splitlines()[-1])


def importer_available() -> str | None:
    """None when the importer can be called, else why not."""
    try:
        from vinhdanh.organisations import importers

        importers.import_workbook, importers.ImportRejected  # noqa: B018
    except (ImportError, AttributeError) as error:
        return str(error)
    return None


def _child_env(**extra) -> dict:
    path = os.pathsep.join([str(ROOT), str(ROOT / "src")])
    return {**os.environ, "PYTHONPATH": path, "DJANGO_SETTINGS_MODULE": "bench.settings", **extra}


def _sqlite_copy(source: Path, folder: Path) -> dict:
    """A private copy of the SQLite database for one importer round."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy2(source, folder / source.name)
    return _child_env(VINHDANH_DATA_DIR=str(folder))


def importer_rounds(path: Path, *, sqlite_file: Path | None, most: int, budget: float,
                    log=print) -> list[dict]:
    """1 to ``most`` rounds: another round only while the last one took under ``budget`` s."""
    from vinhdanh.organisations.models import Person

    results = []
    while len(results) < most:
        folder = sqlite_file.parent / "import-round" if sqlite_file else None
        last_pk = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
        env = _sqlite_copy(sqlite_file, folder) if sqlite_file else _child_env()
        result = spawn("importer", path, env)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
        else:  # PostgreSQL: put the shared database back as it was
            Person.objects.filter(pk__gt=last_pk).delete()
        results.append(result)
        log(f"  importer round {len(results)}: {_describe(result)}")
        if "seconds" not in result or result["seconds"] > budget:
            break
    return results


def _describe(result: dict) -> str:
    if "seconds" not in result:
        return f"failed: {result.get('error')}"
    text = f"{result['seconds']:.2f} s, peak RSS {result['peak_rss_kb'] / 1024:.0f} MB"
    return text + (f", rejected: {result['rejected']}" if "rejected" in result else "")


def _median(results: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in results)


def summarise(results: list[dict]) -> dict:
    good = [r for r in results if "seconds" in r and "rejected" not in r]
    if not good:
        return {"available": False, "why": results[-1] if results else "no run"}
    return {"available": True, "rounds": len(good), "seconds": _median(good, "seconds"),
            "peak_rss_mb": _median(good, "peak_rss_kb") / 1024,
            "job_rss_mb": statistics.median(r["peak_rss_kb"] - r["start_rss_kb"] for r in good)
            / 1024,
            "rows": good[0].get("rows"), "runs": results}


def run(path: Path, *, sqlite_file: Path | None, calamine_rounds: int, importer_most: int,
        importer_budget: float, log=print) -> dict:
    calamine = []
    for number in range(1, calamine_rounds + 1):
        calamine.append(spawn("calamine", path, _child_env()))
        log(f"  calamine round {number}: {_describe(calamine[-1])}")
    missing = importer_available()
    if missing:
        log(f"  importer not available: {missing}")
        importer = {"available": False, "why": missing}
    else:
        importer = summarise(importer_rounds(path, sqlite_file=sqlite_file, most=importer_most,
                                             budget=importer_budget, log=log))
    return {"calamine": summarise(calamine), "importer": importer}


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT), str(ROOT / "src")]
    child(sys.argv[1], sys.argv[2])
