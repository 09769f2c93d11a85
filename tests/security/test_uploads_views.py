"""The import pages refuse a renamed program or web page before anything is stored."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.fixtures.workbooks import import_file, person_row
from vinhdanh.organisations.models import ImportJob

PAGES = ["workspace:import-upload", "workspace:history-import"]
HOSTILE = {
    "web page": b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>",
    "windows program": b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64,
}


def _stored_files() -> list[Path]:
    return [path for path in Path(django_settings.MEDIA_ROOT).glob("imports/**/*")
            if path.is_file()]


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("page", PAGES)
def test_import_page_refuses_a_renamed_file_and_stores_nothing(personas, client_for, page,
                                                                 content, settings, tmp_path):
    # A folder of its own: the test workers share the session's media folder, and another
    # worker's import landing there between the two listings failed this test in CI.
    settings.MEDIA_ROOT = tmp_path
    before = _stored_files()

    response = client_for(personas.unit_clerk).post(
        reverse(page), {"file": SimpleUploadedFile("nhan-su.xlsx", content)})

    assert response.status_code == 200
    with translation.override("vi"):
        expected = gettext("This is not an Excel workbook: upload an .xlsx or .xls file.")
        assert response.context["form"].errors == {"file": [expected]}
    assert ImportJob.objects.count() == 0
    assert _stored_files() == before


def test_import_page_refuses_a_workbook_over_the_limit(personas, client_for, settings):
    settings.IMPORT_MAX_BYTES = 100
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng")])

    response = client_for(personas.unit_clerk).post(
        reverse("workspace:import-upload"), {"file": SimpleUploadedFile("nhan-su.xlsx", data)})

    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert ImportJob.objects.count() == 0


def test_import_page_takes_a_real_workbook(personas, client_for):
    data = import_file(people=[person_row(full_name="Nguyễn Văn Tùng")])

    response = client_for(personas.unit_clerk).post(
        reverse("workspace:import-upload"), {"file": SimpleUploadedFile("nhan-su.xlsx", data)})

    assert response.status_code == 302
    assert ImportJob.objects.count() == 1
