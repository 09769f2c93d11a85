"""reports.tables: the Table shape and its Excel sheets (titles, heading, formats)."""

import datetime as dt
import io

import pytest
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from vinhdanh.reports.tables import Share, Table, kind_of, share, sheet_name, workbook


def _table(**fields) -> Table:
    values = {"key": "k", "title": "Khen thưởng theo cấp", "columns": ["Cấp", "2024", "2025"],
              "rows": [["Cơ sở", 1200, 3], ["Tỉnh", 0, 4]], "totals": ["Cộng", 1200, 7]}
    return Table(**(values | fields))


def test_a_row_of_the_wrong_width_is_refused():
    with pytest.raises(ValueError, match="every row needs 3 cells"):
        _table(rows=[["Cơ sở", 1]])


def test_cells_are_told_apart():
    assert [kind_of(v) for v in (None, Share(0.5), 3, 2.5, dt.date(2025, 1, 2), "x", True)] == [
        "empty", "share", "int", "float", "date", "text", "text"]
    assert share(1, 4) == 0.25 and isinstance(share(1, 4), Share) and share(1, 0) is None


def test_a_table_of_zeros_is_empty():
    assert _table(rows=[["Cơ sở", 0, 0]], totals=()).is_empty
    assert not _table().is_empty


def test_sheet_names_are_valid_and_unique():
    taken = set()
    first = sheet_name("Khen thưởng: cá nhân/tập thể [2025] theo đơn vị trực thuộc", taken)
    second = sheet_name("Khen thưởng: cá nhân/tập thể [2025] theo đơn vị trực thuộc", taken)
    assert len(first) <= 31 and len(second) <= 31
    assert not set(first) & set("[]:*?/\\")
    assert first != second and second.endswith("(2)")


def test_the_workbook_holds_title_heading_rows_totals_and_notes():
    label = gettext_lazy("Total")  # openpyxl does not take lazy translations as they are
    table = _table(title=label, rows=[["Cơ sở", 1200, Share(0.456)], [label, None, None]],
                   totals=(), notes=["Ghi chú"])
    book = load_workbook(io.BytesIO(workbook([table], ["Năm 2025 · Tỉnh · 05/02/2026"])))
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == str(label) and rows[1][0] == "Năm 2025 · Tỉnh · 05/02/2026"
    assert rows[3] == ("Cấp", "2024", "2025")
    assert rows[4] == ("Cơ sở", 1200, pytest.approx(0.456))
    assert rows[5] == (str(label), None, None)
    assert rows[-1][0] == "Ghi chú"
    assert sheet["B5"].number_format == "#,##0" and sheet["C5"].number_format == "0.0%"
    assert sheet.freeze_panes == "A5"
