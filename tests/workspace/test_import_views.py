"""The import pages: upload, job page with progress and errors, template and exports."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext
from openpyxl import load_workbook

from tests.fixtures.workbooks import import_file, person_row
from vinhdanh.organisations.models import ImportJob, ImportStatus, Person

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _imported(units, people) -> str:
    message = gettext("Imported %(units)s units and %(people)s people.")
    return message % {"units": units, "people": people}


def _upload(client, data, name="nhan-su.xlsx"):
    return client.post(reverse("workspace:import-upload"),
                       {"file": SimpleUploadedFile(name, data)}, follow=True)


def test_upload_page_offers_the_template_to_a_clerk(personas, client_for):
    response = client_for(personas.unit_clerk).get(reverse("workspace:import-upload"))

    assert response.status_code == 200
    assert reverse("workspace:import-template") in response.content.decode()


def test_upload_page_is_forbidden_to_a_viewer(personas, client_for):
    response = client_for(personas.viewer).get(reverse("workspace:import-upload"))

    assert response.status_code == 403


def test_upload_bad_file_shows_the_error_table_and_nothing_imported(personas, client_for):
    before = Person.objects.count()
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng", date_of_birth="31/02/1990")])

    response = _upload(client_for(personas.unit_clerk), data)

    page = response.content.decode()
    job = ImportJob.objects.get()
    assert response.redirect_chain == [(job.get_absolute_url(), 302)]
    assert gettext("Nothing was imported.") in page
    assert "<td>Nhân sự</td>" in page and "<td>C (Ngày sinh)</td>" in page
    assert "<td>31/02/1990</td>" in page
    assert gettext("There is no such day in the calendar.") in page
    assert Person.objects.count() == before


def test_upload_good_file_shows_the_counts(personas, client_for):
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng")])

    response = _upload(client_for(personas.unit_clerk), data)

    assert _imported(0, 1) in response.content.decode()
    assert ImportJob.objects.get().status == ImportStatus.DONE


def test_upload_without_a_file_shows_the_form_again(personas, client_for):
    response = client_for(personas.unit_clerk).post(reverse("workspace:import-upload"), {})

    assert (response.status_code, ImportJob.objects.count()) == (200, 0)
    assert 'class="form-errors"' in response.content.decode()


def test_job_status_polls_with_a_progress_bar_while_running(personas, client_for):
    job = ImportJob.objects.create(created_by=personas.unit_clerk, original_name="a.xlsx",
                                   status=ImportStatus.WRITING, done=300, total=1200)

    response = client_for(personas.unit_clerk).get(
        reverse("workspace:import-job-status", args=[job.pk]))

    page = response.content.decode()
    assert f'hx-get="{reverse("workspace:import-job-status", args=[job.pk])}"' in page
    assert '<progress value="300" max="1200">25%</progress>' in page


def test_job_page_has_no_inline_script_or_style(personas, client_for):
    job = ImportJob.objects.create(created_by=personas.unit_clerk, original_name="a.xlsx")

    page = client_for(personas.unit_clerk).get(job.get_absolute_url()).content.decode()

    assert ("style=" not in page, "<script>" not in page, "onclick" not in page) == (
        True, True, True)


def test_job_status_of_a_finished_job_stops_polling(personas, client_for):
    job = ImportJob.objects.create(created_by=personas.unit_clerk, original_name="a.xlsx",
                                   status=ImportStatus.DONE, result={"units": 1, "people": 2})

    page = client_for(personas.unit_clerk).get(job.get_absolute_url()).content.decode()

    assert ("hx-get" in page, _imported(1, 2) in page) == (False, True)


def test_job_of_another_user_is_hidden_from_a_clerk_but_not_an_officer(personas, client_for):
    job = ImportJob.objects.create(created_by=personas.admin, original_name="a.xlsx")

    hidden = client_for(personas.unit_clerk).get(job.get_absolute_url())
    shown = client_for(personas.board_officer).get(job.get_absolute_url())

    assert (hidden.status_code, shown.status_code) == (404, 200)


def test_template_download_is_an_xlsx(personas, client_for):
    response = client_for(personas.unit_clerk).get(reverse("workspace:import-template"))

    book = load_workbook(BytesIO(response.content))
    assert (response["Content-Type"], book.sheetnames[:2]) == (XLSX_TYPE, ["Đơn vị", "Nhân sự"])
    assert response["Content-Disposition"].startswith("attachment;")


def _exported_names(response) -> set[str]:
    sheet = load_workbook(BytesIO(response.content)).active
    return {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}


def test_people_export_holds_only_what_the_clerk_may_see(personas, province, client_for):
    response = client_for(personas.unit_clerk).get(reverse("workspace:import-export-people"))

    assert _exported_names(response) == {p.full_name for p in province.farmer_people}


def test_people_export_honours_the_search(personas, province, client_for):
    wanted = province.women_people[0]

    response = client_for(personas.admin).get(
        reverse("workspace:import-export-people"), {"q": wanted.citizen_id})

    assert _exported_names(response) == {wanted.full_name}


def test_units_export_holds_only_what_the_clerk_may_see(personas, client_for):
    response = client_for(personas.unit_clerk).get(reverse("workspace:import-export-units"))

    assert _exported_names(response) == {"HND", "HND-VP"}
