"""The import pages: upload, job page with progress and errors, template and exports."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tests.fixtures.workbooks import import_file, person_row
from vinhdanh.organisations.models import ImportJob, ImportStatus, Person

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def english_client(client_for):
    def make(user):
        client = client_for(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    return make


def _upload(client, data, name="nhan-su.xlsx"):
    return client.post(reverse("workspace:import-upload"),
                       {"file": SimpleUploadedFile(name, data)}, follow=True)


def test_upload_page_offers_the_template_to_a_clerk(personas, english_client):
    response = english_client(personas.unit_clerk).get(reverse("workspace:import-upload"))

    assert response.status_code == 200
    assert reverse("workspace:import-template") in response.content.decode()


def test_upload_page_is_forbidden_to_a_viewer(personas, english_client):
    response = english_client(personas.viewer).get(reverse("workspace:import-upload"))

    assert response.status_code == 403


def test_upload_bad_file_shows_the_error_table_and_nothing_imported(personas, english_client):
    before = Person.objects.count()
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng", date_of_birth="31/02/1990")])

    response = _upload(english_client(personas.unit_clerk), data)

    page = response.content.decode()
    job = ImportJob.objects.get()
    assert response.redirect_chain == [(job.get_absolute_url(), 302)]
    assert "Nothing was imported." in page
    assert "<td>Nhân sự</td>" in page and "<td>C (Ngày sinh)</td>" in page
    assert "<td>31/02/1990</td>" in page and "There is no such day in the calendar." in page
    assert Person.objects.count() == before


def test_upload_good_file_shows_the_counts(personas, english_client):
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng")])

    response = _upload(english_client(personas.unit_clerk), data)

    assert "Imported 0 units and 1 people." in response.content.decode()
    assert ImportJob.objects.get().status == ImportStatus.DONE


def test_upload_without_a_file_shows_the_form_again(personas, english_client):
    response = english_client(personas.unit_clerk).post(reverse("workspace:import-upload"), {})

    assert (response.status_code, ImportJob.objects.count()) == (200, 0)
    assert 'class="form-errors"' in response.content.decode()


def test_job_status_polls_with_a_progress_bar_while_running(personas, english_client):
    job = ImportJob.objects.create(created_by=personas.unit_clerk, original_name="a.xlsx",
                                   status=ImportStatus.WRITING, done=300, total=1200)

    response = english_client(personas.unit_clerk).get(
        reverse("workspace:import-job-status", args=[job.pk]))

    page = response.content.decode()
    assert f'hx-get="{reverse("workspace:import-job-status", args=[job.pk])}"' in page
    assert '<progress value="300" max="1200">25%</progress>' in page


def test_job_page_has_no_inline_script_or_style(personas, english_client):
    job = ImportJob.objects.create(created_by=personas.unit_clerk, original_name="a.xlsx")

    page = english_client(personas.unit_clerk).get(job.get_absolute_url()).content.decode()

    assert ("style=" not in page, "<script>" not in page, "onclick" not in page) == (
        True, True, True)


def test_job_status_of_a_finished_job_stops_polling(personas, english_client):
    job = ImportJob.objects.create(created_by=personas.unit_clerk, original_name="a.xlsx",
                                   status=ImportStatus.DONE, result={"units": 1, "people": 2})

    page = english_client(personas.unit_clerk).get(job.get_absolute_url()).content.decode()

    assert ("hx-get" in page, "Imported 1 units and 2 people." in page) == (False, True)


def test_job_of_another_user_is_hidden_from_a_clerk_but_not_an_officer(personas, english_client):
    job = ImportJob.objects.create(created_by=personas.admin, original_name="a.xlsx")

    hidden = english_client(personas.unit_clerk).get(job.get_absolute_url())
    shown = english_client(personas.board_officer).get(job.get_absolute_url())

    assert (hidden.status_code, shown.status_code) == (404, 200)


def test_template_download_is_an_xlsx(personas, english_client):
    response = english_client(personas.unit_clerk).get(reverse("workspace:import-template"))

    book = load_workbook(BytesIO(response.content))
    assert (response["Content-Type"], book.sheetnames[:2]) == (XLSX_TYPE, ["Đơn vị", "Nhân sự"])
    assert response["Content-Disposition"].startswith("attachment;")


def _exported_names(response) -> set[str]:
    sheet = load_workbook(BytesIO(response.content)).active
    return {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}


def test_people_export_holds_only_what_the_clerk_may_see(personas, province, english_client):
    response = english_client(personas.unit_clerk).get(reverse("workspace:import-export-people"))

    assert _exported_names(response) == {p.full_name for p in province.farmer_people}


def test_people_export_honours_the_search(personas, province, english_client):
    wanted = province.women_people[0]

    response = english_client(personas.admin).get(
        reverse("workspace:import-export-people"), {"q": wanted.citizen_id})

    assert _exported_names(response) == {wanted.full_name}


def test_units_export_holds_only_what_the_clerk_may_see(personas, english_client):
    response = english_client(personas.unit_clerk).get(reverse("workspace:import-export-units"))

    assert _exported_names(response) == {"HND", "HND-VP"}
