"""The statutory forms page and its download: who may use them, what they count."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.reports.statutory_support import YEAR, honours_year, record

pytestmark = pytest.mark.django_db
PAGE = reverse("workspace:statutory-forms")
DOWNLOAD = reverse("workspace:statutory-forms-download")


def _figure(response, sheet, row_label):
    filled = next(p["filled"] for p in response.context["previews"]
                  if p["filled"].form.sheet == sheet)
    return filled.figure(row_label, "Tổng số")


def test_page_shows_the_forms_of_the_province(client_for, personas, province):
    honours_year(province)
    response = client_for(personas.board_officer).get(PAGE, {"year": YEAR})
    assert response.status_code == 200
    assert response.context["report"].unit == province.root
    assert _figure(response, "0603.N", "Tổng số") == 6
    assert b'data-form="0605.N"' in response.content


def test_viewer_reads_the_forms(client_for, personas, province):
    honours_year(province)
    response = client_for(personas.viewer).get(PAGE, {"year": YEAR, "form": "0602.N"})
    assert [p["filled"].form.sheet for p in response.context["previews"]] == ["0602.N"]
    assert _figure(response, "0602.N", "Tổng số") == 3


def test_clerk_reports_on_his_unit_only(client_for, personas, province):
    honours_year(province)
    client = client_for(personas.unit_clerk)
    response = client.get(PAGE, {"year": YEAR})
    assert response.context["report"].unit == province.farmers
    assert _figure(response, "0603.N", "Tổng số") == 5
    refused = client.get(PAGE, {"year": YEAR, "unit": province.women.pk})
    assert refused.context["report"] is None  # not among his units: the form refuses it
    assert client.get(DOWNLOAD, {"year": YEAR, "unit": province.women.pk}).status_code == 302


def test_group_leader_without_a_unit_is_refused(client_for, personas):
    assert client_for(personas.group_leader).get(PAGE).status_code == 403
    assert client_for(personas.group_leader).get(DOWNLOAD).status_code == 403


def test_download_holds_the_page_figures(client_for, personas, province):
    honours_year(province)
    response = client_for(personas.board_officer).get(
        DOWNLOAD, {"year": YEAR, "unit": province.farmers.pk, "form": "0603.N"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "bieu-thong-ke-tdkt-0603.N-hnd-2025.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["0603.N"]
    sheet = book["0603.N"]
    total_row = next(r for r in range(1, 40) if sheet.cell(r, 1).value == "Tổng số")
    assert sheet.cell(total_row, 3).value == 5


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(PAGE, {"year": YEAR}).status_code == 200
    return len(context)


def test_page_queries_do_not_grow_with_records(client_for, personas, province):
    client = client_for(personas.board_officer)
    record("bang_khen_tinh", person=province.farmer_people[0])
    one = _queries(client)
    honours_year(province)
    assert _queries(client) == one
