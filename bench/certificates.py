"""Certificates benchmark: ``python bench/certificates.py [--count 1000]``.

In one run, on the same synthetic certificates (seeded, realistic Vietnamese texts):
(a) ``render`` of each certificate to its own PDF file, (b) ``render_combined`` of all of them
into one print file, (c) the floor: the same certificates as Word files (python-docx; writing
them is not timed) converted to PDF by LibreOffice, 200 files an invocation, (d) PAdES signing of
separate certificate PDFs when ``vinhdanh.documents.signing`` is there. Prints the machine, a
table of per-certificate times against the floor, and writes JSON to bench/out/.
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path[:0] = [str(ROOT / "src")]

from vinhdanh.documents.certificates import CertificateText, render, render_combined  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Tôn Nữ", "Nguyễn Phước", "Lương", "Thào", "Giàng"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thu", "Xuân", "Quốc", "Thị Huỳnh",
          "Thanh", "Bảo", "Kim", "Mỹ", "Trọng"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hương", "Lan", "Hải", "Phượng", "Tuấn", "Diễm",
         "Quỳnh", "Thủy", "Nghĩa", "Khánh", "Huyền", "Trường", "Mỵ", "Sử", "Ánh Tuyết"]
PLACES = ["Đồng Văn", "Mèo Vạc", "Quản Bạ", "Yên Minh", "Bắc Mê", "Hoàng Su Phì", "Xín Mần",
          "Vị Xuyên", "Bắc Quang", "Quang Bình", "Quảng Phú", "Phương Độ", "Nghĩa Thuận"]
UNITS = ["Trường Trung học cơ sở xã {p}", "Hội Nông dân xã {p}", "Trạm Y tế xã {p}",
         "Hội Liên hiệp Phụ nữ phường {p}, thành phố Hà Giang", "Công an xã {p}",
         "Phòng Giáo dục và Đào tạo huyện {p}", "Ủy ban nhân dân xã {p}"]
POSITIONS = ["Giáo viên", "Chủ tịch", "Phó Chủ tịch", "Trưởng trạm", "Kế toán", "Cán bộ",
             "Hiệu trưởng", "Chiến sĩ"]
MOVEMENTS = ["“Dạy tốt, học tốt”", "“Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại "
             "phía sau”", "“Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”",
             "“Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc”",
             "“Vì an ninh Tổ quốc”", "chuyển đổi số và cải cách hành chính"]
HONOURS = [("bang_khen", "BẰNG KHEN", "Tặng"), ("giay_khen", "GIẤY KHEN", "Tặng"),
           ("title", "CHIẾN SĨ THI ĐUA CẤP TỈNH", "Công nhận"),
           ("flag", "CỜ THI ĐUA", "Tặng")]
LO_BATCH = 200  # files per soffice invocation (see time_libreoffice)
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of (a) and (b)")
    parser.add_argument("--lo-rounds", type=int, default=1, help="rounds of LibreOffice (c)")
    parser.add_argument("--sign-count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=6)
    return parser.parse_args()


def person(rng: random.Random) -> str:
    return " ".join([rng.choice(["Ông", "Bà"]), rng.choice(FAMILY), rng.choice(MIDDLE),
                     *rng.sample(GIVEN, rng.choice([1, 1, 2]))])


def certificate(rng: random.Random, index: int) -> CertificateText:
    """One synthetic certificate: a person or a collective, realistic lengths."""
    kind, honour, gives = rng.choice(HONOURS)
    unit = rng.choice(UNITS).format(p=rng.choice(PLACES))
    collective = kind == "flag" or rng.random() < 0.2
    year, day, month = rng.choice([2025, 2026]), rng.randint(1, 28), rng.randint(1, 12)
    return CertificateText(
        kind=kind, honour=honour, gives=gives,
        issuer_line=rng.choice(["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG",
                                "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HÀ GIANG"]),
        recipient=unit if collective else person(rng),
        recipient_detail="" if collective else f"{rng.choice(POSITIONS)}, {unit}",
        achievement=(f"Đã có thành tích xuất sắc trong phong trào thi đua {rng.choice(MOVEMENTS)}"
                     f" năm {year - 1}" + rng.choice(["", ", góp phần vào sự nghiệp xây dựng và "
                                                      "bảo vệ Tổ quốc"]) + "."),
        decision_line=(f"Quyết định số {rng.randint(1, 3999)}/QĐ-UBND "
                       f"ngày {day:02}/{month:02}/{year}"),
        golden_book_line=f"Số sổ vàng: {index + 1}/{year}",
        place_date=f"Hà Giang, ngày {day:02} tháng {month:02} năm {year}",
        signer_authority=rng.choice(["", "KT. CHỦ TỊCH"]), signer_title="PHÓ CHỦ TỊCH",
        signer_name=person(rng).split(" ", 1)[1],
        verify_url="https://vinhdanh.hagiang.gov.vn/xac-minh/"
                   + "".join(rng.choice(CODE_LETTERS) for _ in range(10)))


def time_separate(certs, folder: Path) -> float:
    """Seconds to render every certificate to a file of its own."""
    started = time.perf_counter()
    for index, cert in enumerate(certs):
        (folder / f"{index:05}.pdf").write_bytes(render(cert))
    return time.perf_counter() - started


def time_combined(certs, folder: Path) -> float:
    started = time.perf_counter()
    (folder / "combined.pdf").write_bytes(render_combined(certs))
    return time.perf_counter() - started


def median_ms(runs: list[float], count: int) -> float:
    return statistics.median(runs) * 1000 / count


def png(size: int, pixels: bytes, scale: int = 8) -> bytes:
    """A grey PNG of a module bitmap, each module ``scale`` pixels (for the Word files)."""
    rows = []
    for row in range(size):
        line = b"".join(bytes([v]) * scale for v in pixels[row * size:(row + 1) * size])
        rows.extend([b"\x00" + line] * scale)
    side = size * scale

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)  # 8-bit grey
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))


def word_file(cert: CertificateText, path: Path) -> None:
    """The same certificate as a landscape A4 Word file: same texts, fonts, QR picture."""
    import io

    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt, RGBColor

    from vinhdanh.documents.qr import qr_modules

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    red = RGBColor(0xBF, 0x0D, 0x0D)

    def line(text, size, *, bold=False, italic=False, colour=None, where=None):
        paragraph = (where or document).add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(2)
        run = paragraph.add_run(text)
        run.font.name, run.font.size = "Liberation Serif", Pt(size)
        run.bold, run.italic = bold, italic
        if colour:
            run.font.color.rgb = colour
        return paragraph

    line(cert.national_name, 13, bold=True)
    line(cert.motto, 14, bold=True)
    line(cert.issuer_line, 16, bold=True, colour=red)
    line(cert.gives, 15, italic=True)
    line(cert.honour, 36, bold=True, colour=red)
    line(cert.recipient, 20, bold=True)
    line(cert.recipient_detail, 14)
    line(cert.achievement, 14, italic=True)
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    size, rows = qr_modules(cert.verify_url)
    left.paragraphs[0].add_run().add_picture(io.BytesIO(png(size, b"".join(rows))), width=Mm(24))
    for text in (cert.verify_url, cert.decision_line, cert.golden_book_line):
        line(text, 12 if text != cert.verify_url else 7, where=left)
    line(cert.place_date, 13, italic=True, where=right)
    for text in (cert.signer_authority, cert.signer_title, "\n\n\n", cert.signer_name):
        line(text, 13, bold=True, where=right)
    document.save(path)


def time_libreoffice(certs, folder: Path) -> dict:
    """Seconds for soffice to convert every Word file, as few invocations as possible.

    LibreOffice 7.4 quietly exits after 247 files in one invocation (exit status 0), so
    files go in batches of ``LO_BATCH``; the first batch creates a fresh profile. One more
    invocation on a single file measures the start-up cost, reported beside the floor."""
    sources = []
    for index, cert in enumerate(certs):
        sources.append(folder / f"{index:05}.docx")
        word_file(cert, sources[-1])
    profile = Path(tempfile.mkdtemp(prefix="vd-lo-profile-"))
    batches = [sources[i:i + LO_BATCH] for i in range(0, len(sources), LO_BATCH)]
    started = time.perf_counter()
    for batch in batches:
        convert(batch, folder / "pdf", profile)
    elapsed = time.perf_counter() - started
    made = len(list((folder / "pdf").glob("*.pdf")))
    started = time.perf_counter()
    convert(sources[:1], folder / "again", profile)
    startup = time.perf_counter() - started
    shutil.rmtree(profile, ignore_errors=True)
    if made != len(certs):
        raise RuntimeError(f"LibreOffice made {made} PDFs of {len(certs)}")
    return {"seconds": elapsed, "invocations": len(batches), "one_file_seconds": startup}


def convert(sources: list[Path], outdir: Path, profile: Path) -> None:
    command = [shutil.which("soffice"), f"-env:UserInstallation=file://{profile}", "--headless",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, sources)]
    subprocess.run(command, check=True, capture_output=True, timeout=3600,
                   env=os.environ | {"HOME": str(profile)})


def time_signing(certs, count: int) -> float | None:
    """Milliseconds per signature of separate certificate PDFs, None without the module."""
    try:
        from vinhdanh.documents import signing
    except ImportError:
        return None
    identity = signing.make_test_identity()
    if isinstance(identity, tuple):  # (identity, CA certificate) in the signing module's API
        identity = identity[0]
    files = [render(cert) for cert in certs[:count]]
    started = time.perf_counter()
    for data in files:
        signing.sign_pdf(data, identity, reason="Chứng nhận khen thưởng", location="Hà Giang")
    return (time.perf_counter() - started) * 1000 / len(files)


def machine() -> dict:
    memory = next((line.split()[1] for line in open("/proc/meminfo") if "MemTotal" in line), "0")
    office = subprocess.run([shutil.which("soffice") or "soffice", "--version"],
                            capture_output=True, text=True, timeout=120).stdout.strip()
    return {"platform": platform.platform(), "cpus": os.cpu_count(),
            "memory_gb": round(int(memory) / 1024**2, 1), "python": platform.python_version(),
            "soffice": office,
            # Other work on the machine skews every figure: shown so a reader can tell.
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def measure(args) -> dict:
    rng = random.Random(args.seed)
    certs = [certificate(rng, index) for index in range(args.count)]
    render(certs[0])  # fonts and background are built once per process: not a certificate's cost
    with tempfile.TemporaryDirectory(prefix="vd-bench-cert-") as scratch:
        folder = Path(scratch)
        separate = [time_separate(certs, folder) for _ in range(args.rounds)]
        combined = [time_combined(certs, folder) for _ in range(args.rounds)]
        office = [time_libreoffice(certs, Path(tempfile.mkdtemp(dir=folder)))
                  for _ in range(args.lo_rounds)]
        size = (folder / "00000.pdf").stat().st_size
        combined_size = (folder / "combined.pdf").stat().st_size
    lo_seconds = [run["seconds"] for run in office]
    # The floor without any start-up: what LibreOffice would cost if it never restarted.
    warm = [run["seconds"] - run["invocations"] * run["one_file_seconds"] for run in office]
    return {"count": args.count, "separate_ms": median_ms(separate, args.count),
            "combined_ms": median_ms(combined, args.count),
            "libreoffice_ms": median_ms(lo_seconds, args.count),
            "libreoffice_warm_ms": median_ms(warm, args.count),
            "signing_ms": time_signing(certs, args.sign_count),
            "separate_file_kb": round(size / 1024, 1),
            "combined_file_kb": round(combined_size / 1024, 1),
            "rounds": {"separate_s": separate, "combined_s": combined, "libreoffice": office}}


def table(results: dict) -> list[dict]:
    floor = results["libreoffice_ms"]
    rows = [("(a) render, one file each", results["separate_ms"], 50),
            ("(b) render_combined, one print file", results["combined_ms"], 150),
            (f"(c) LibreOffice, {LO_BATCH} files a run", floor, None)]
    out = [{"workload": name, "ms": ms, "floor_ms": floor, "ratio": floor / ms,
            "target": target, "met": None if target is None else floor / ms >= target}
           for name, ms, target in rows]
    if results["signing_ms"] is not None:
        out.append({"workload": "(d) PAdES signing of one certificate",
                    "ms": results["signing_ms"], "floor_ms": None, "ratio": None,
                    "target": None, "met": None})
    return out


# -- in the runner's table (bench/run.py) ------------------------------------------------------
RUNNER_COUNTS = {"small": 200, "full": 1000}  # one LibreOffice batch at small


def run(size: str, log=print) -> dict:
    """The certificates workload at the runner's size; without LibreOffice it says so."""
    if shutil.which("soffice") is None:
        return {"available": False, "why": "LibreOffice (soffice) is not installed"}
    args = argparse.Namespace(count=RUNNER_COUNTS[size], rounds=3, lo_rounds=1,
                              sign_count=50, seed=6)
    results = measure(args) | {"available": True}
    log(f"  {results['count']} certificates: {results['separate_ms']:.2f} ms one file each, "
        f"{results['combined_ms']:.2f} ms combined, LibreOffice {results['libreoffice_ms']:.0f} ms")
    return results


def rows(results: dict) -> list[tuple]:
    from bench.report import NONE, verdict

    if not results.get("available"):
        return [("(g) certificates", f"not available: {results.get('why')}", NONE, NONE, NONE)]
    found = []
    for row in table(results):
        floor_row = row["target"] is None and row["floor_ms"] == row["ms"]
        ratio = NONE if row["ratio"] is None or floor_row else f"{row['ratio']:.0f}× faster"
        found.append((f"{row['workload']}, ms/cert".replace("(", "(g", 1), f"{row['ms']:.3f}",
                      NONE if row["floor_ms"] is None or floor_row
                      else f"{row['floor_ms']:.1f} (LibreOffice)",
                      ratio, NONE if row["target"] is None else f"≥ {row['target']}× faster",
                      verdict(row["met"])))
    return found


def notes(results: dict) -> list[str]:
    if not results.get("available"):
        return []
    return [f"(g) {results['count']} seeded certificates; (a), (b) medians of 3 rounds; the "
            f"floor (c) is the same certificates as Word files converted by LibreOffice "
            f"({LO_BATCH} a run, start-up included; without it "
            f"{results['libreoffice_warm_ms']:.1f} ms/cert)."]


def show(info: dict, rows: list[dict], results: dict) -> None:
    print(f"machine: {info['platform']}, {info['cpus']} CPUs, {info['memory_gb']} GB, Python "
          f"{info['python']}, {info['soffice']}, load {info['load_average']}")
    print(f"certificates: {results['count']}; one file {results['separate_file_kb']} kB, "
          f"combined {results['combined_file_kb']} kB")
    print(f"{'workload':40} | {'ms/cert':>8} | {'floor':>7} | {'ratio':>7} | {'target':>6} | met")
    for row in rows:
        ratio = "—" if row["ratio"] is None else f"{row['ratio']:.0f}×"
        floor = "—" if row["floor_ms"] is None else f"{row['floor_ms']:.1f}"
        target = "—" if row["target"] is None else f"≥{row['target']}×"
        met = {True: "yes", False: "NO", None: "—"}[row["met"]]
        print(f"{row['workload']:40} | {row['ms']:8.3f} | {floor:>7} | {ratio:>7} | "
              f"{target:>6} | {met}")
    warm = results["libreoffice_warm_ms"]
    print(f"LibreOffice without its start-ups: {warm:.1f} ms/cert; ratios then "
          f"{warm / results['separate_ms']:.0f}× (a) and {warm / results['combined_ms']:.0f}× (b)")
    if results["signing_ms"] is None:
        print("signing: not available")


def main() -> None:
    args = parse()
    info = machine()
    results = measure(args)
    rows = table(results)
    show(info, rows, results)
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = OUT / f"certificates-{stamp}.json"
    path.write_text(json.dumps({"machine": info, "results": results, "table": rows},
                               ensure_ascii=False, indent=2))
    print(f"written: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
