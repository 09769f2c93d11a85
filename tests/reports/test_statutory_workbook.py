"""The workbook: a sheet per form laid out like the printed form, read back by label."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.reports.statutory_support import YEAR, honours_year
from vinhdanh.reports.statutory.report import build_report
from vinhdanh.reports.statutory.workbook import workbook

pytestmark = pytest.mark.django_db


def _calc_installed() -> bool:
    soffice = shutil.which("soffice")
    program = Path(soffice).resolve().parent if soffice else None
    return bool(program and shutil.which("pdftotext") and (program / "libsclo.so").exists())


needs_calc = pytest.mark.skipif(not _calc_installed(),
                                reason="LibreOffice Calc and poppler-utils are needed to render")


def _header_row(sheet) -> int:
    return next(row for row in range(1, 30) if sheet.cell(row, 1).value == "Chỉ tiêu")


def _column(sheet, label: str, group: str = "") -> int:
    """The column under ``group``'s merged header (or a header of its own) named ``label``."""
    top = _header_row(sheet)
    numbers = next(row for row in range(top, top + 3) if sheet.cell(row, 1).value == "A")
    target = (group, label) if group else (label, None)
    for column in range(3, sheet.max_column + 1):
        above = next(sheet.cell(top, c).value for c in range(column, 0, -1)
                     if sheet.cell(top, c).value)
        below = sheet.cell(top + 1, column).value if numbers - top == 2 else None
        if (above, below) == target:
            return column
    raise LookupError(label)


def value(sheet, row_label: str, column_label: str, group: str = ""):
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == row_label)
    return sheet.cell(row, _column(sheet, column_label, group)).value


@pytest.fixture
def book(province, personas):
    honours_year(province)
    return workbook(build_report(personas.board_officer, year=YEAR, unit=province.root))


def test_workbook_has_a_sheet_per_form(book):
    assert load_workbook(io.BytesIO(book)).sheetnames == [
        "0601.N", "0602.N", "0603.N", "0604.N", "0605.N"]


def test_workbook_cells_hold_the_figures(book):
    sheets = load_workbook(io.BytesIO(book))
    state, province_form = sheets["0602.N"], sheets["0603.N"]
    assert value(state, "Tổng số", "Tổng số") == 3
    assert value(state, "Tổng số", "Cá nhân", "Huân chương") == 1
    assert value(state, "Tổng số", "Chiến sĩ thi đua toàn quốc") == 1
    assert value(province_form, "Tổng số", "Tập thể", "Bằng khen") == 2
    assert value(province_form, "Hộ gia đình", "Tổng số") == 1
    assert value(province_form, "Khác (chưa phân loại)", "Tổng số") == 2
    assert value(province_form, "Kháng chiến", "Tổng số") is None


def test_workbook_heading_and_print_setup(book, province):
    sheet = load_workbook(io.BytesIO(book))["0602.N"]
    texts = [sheet.cell(row, col).value for row in range(1, 8) for col in (1, 3)]
    assert "Biểu số: 0602.N/BNV-TĐKT" in texts
    assert f"Đơn vị báo cáo: {province.root.name}" in texts
    assert f"Năm {YEAR}" == sheet.cell(5, 1).value
    assert "18/2025/TT-BNV" in sheet.cell(6, 1).value
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.cell(1, 1).font.name == "Times New Roman"
    numbers = [sheet.cell(_header_row(sheet) + 2, col).value for col in range(1, 6)]
    assert numbers == ["A", "B", "1", "2", "3"]


def test_typed_forms_have_empty_cells_and_say_so(book):
    sheet = load_workbook(io.BytesIO(book))["0605.N"]
    assert value(sheet, "Tổng số", "Dưới 30", "Độ tuổi") is None
    notes = [sheet.cell(row, 1).value or "" for row in range(1, sheet.max_row + 1)]
    assert any("nhập tay" in note for note in notes)


@needs_calc
def test_workbook_renders_through_libreoffice(book, tmp_path):
    source = tmp_path / "bieu.xlsx"
    source.write_bytes(book)
    subprocess.run(  # noqa: S603 - fixed arguments, our own temporary file
        [shutil.which("soffice"), "--headless", "--norestore",
         f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120, env={"HOME": str(tmp_path),
                                                           "PATH": "/usr/bin:/bin"})
    text = subprocess.run(  # noqa: S603
        [shutil.which("pdftotext"), "-layout", str(tmp_path / "bieu.pdf"), "-"],
        check=True, capture_output=True, timeout=60).stdout.decode()
    assert "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC" in text
    assert "Thủ trưởng đơn vị" in text
    assert "Khác (chưa phân loại)" in text
