"""Import jobs: small files run during the upload, large ones through the task worker."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tests.fixtures.workbooks import import_file, person_row
from vinhdanh.organisations.importers import rows as importer_rows
from vinhdanh.organisations.models import ImportJob, ImportStatus, Person
from vinhdanh.organisations.services import imports
from vinhdanh.organisations.services.imports import start_import
from vinhdanh.organisations.tasks import run_import_job


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _upload(data, name="nhan-su.xlsx"):
    return SimpleUploadedFile(name, data)


def _people(count, unit_code="HND"):
    return [person_row(full_name=f"Người thử {n}", citizen_id=f"037085{n:06d}",
                       unit_code=unit_code) for n in range(count)]


def test_start_import_small_file_is_done_at_once(personas):
    job = start_import(actor=personas.admin, uploaded_file=_upload(import_file(people=_people(2))))

    job.refresh_from_db()
    assert (job.status, job.result, job.done, job.total) == (
        ImportStatus.DONE, {"units": 0, "people": 2}, 2, 2)
    assert (job.original_name, job.file.name.startswith("imports/"), job.finished_at is not None) \
        == ("nhan-su.xlsx", True, True)


def test_start_import_bad_file_is_rejected_and_writes_nothing(personas):
    before = Person.objects.count()
    data = import_file(people=_people(2) + [person_row(full_name="Lỗi", unit_code="KHONG-CO")])

    job = start_import(actor=personas.admin, uploaded_file=_upload(data))

    job.refresh_from_db()
    assert (job.status, Person.objects.count()) == (ImportStatus.REJECTED, before)
    assert job.errors == [{"sheet": "Nhân sự", "row": 4, "column": "E", "header": "Mã đơn vị*",
                           "value": "KHONG-CO", "reason": "Unknown unit code KHONG-CO."}]


def test_start_import_large_file_runs_as_a_task_to_the_end(personas, settings,
                                                         django_capture_on_commit_callbacks):
    settings.IMPORT_BACKGROUND_ROWS = 3
    data = import_file(people=_people(5))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job = start_import(actor=personas.admin, uploaded_file=_upload(data))
        queued = ImportJob.objects.get(pk=job.pk).status

    job.refresh_from_db()
    assert (queued, len(callbacks)) == (ImportStatus.QUEUED, 1)
    assert (job.status, job.done, job.total, job.result) == (
        ImportStatus.DONE, 5, 5, {"units": 0, "people": 5})
    assert Person.objects.filter(full_name__startswith="Người thử").count() == 5


def test_import_task_saves_progress_while_checking(personas, monkeypatch, settings,
                                                  django_capture_on_commit_callbacks):
    settings.IMPORT_BACKGROUND_ROWS = 3
    monkeypatch.setattr(importer_rows, "PROGRESS_STEP", 2)
    seen = []
    monkeypatch.setattr(ImportJob, "save", _recording_save(ImportJob.save, seen))

    with django_capture_on_commit_callbacks(execute=True):
        start_import(actor=personas.admin, uploaded_file=_upload(import_file(people=_people(5))))

    assert [(d, t) for status, d, t in seen if status == "validating" and d] == [(2, 5), (4, 5)]


def _recording_save(save, seen):
    def recording(job, *args, **kwargs):
        seen.append((job.status, job.done, job.total))
        return save(job, *args, **kwargs)

    return recording


def test_import_task_runs_a_queued_job(personas):
    job = ImportJob(created_by=personas.admin, original_name="a.xlsx")
    job.file.save("a.xlsx", _upload(import_file(people=_people(1))))

    result = run_import_job.call(job.pk)

    job.refresh_from_db()
    assert (result, job.status, job.done) == ("done", ImportStatus.DONE, 1)


def test_start_import_file_over_the_size_limit_is_rejected_unsaved(personas, settings):
    settings.IMPORT_MAX_BYTES = 100

    job = start_import(actor=personas.admin, uploaded_file=_upload(b"PK\x03\x04" + b"0" * 200))

    assert (job.status, job.file.name, job.errors[0]["reason"]) == (
        ImportStatus.REJECTED, "", "The file is larger than 100\xa0bytes.")


def test_import_job_unexpected_error_marks_the_job_failed(personas, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("vinhdanh.organisations.services.imports.UNITS_AND_PEOPLE",
                        imports.Importer(imports.validate_workbook, broken))

    job = start_import(actor=personas.admin, uploaded_file=_upload(import_file(people=_people(1))))

    assert (job.status, job.errors[0]["reason"]) == (
        ImportStatus.FAILED,
        "The import stopped because of an unexpected error; nothing was imported.")


def test_import_jobs_are_visible_to_their_owner_and_overseers(personas):
    clerk_job = start_import(actor=personas.unit_clerk,
                             uploaded_file=_upload(import_file(people=_people(1))))
    admin_job = start_import(actor=personas.admin, uploaded_file=_upload(b"not a workbook"))

    assert list(ImportJob.objects.visible_to(personas.unit_clerk)) == [clerk_job]
    assert set(ImportJob.objects.visible_to(personas.board_officer)) == {clerk_job, admin_job}
    assert list(ImportJob.objects.visible_to(personas.viewer)) == []
