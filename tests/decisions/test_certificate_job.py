"""The certificates of an issued decision: what each one prints, the background job that
makes one PDF per recipient, a zip and a combined print file, and the digital signature
when a signing certificate is configured."""

import hashlib
import importlib.util
import io
import zipfile
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from tests.decisions.support import draft, issued
from tests.documents.support import needs_poppler, pdf_info, pdf_text
from vinhdanh.core.errors import DomainError
from vinhdanh.decisions.enums import JobState
from vinhdanh.decisions.models import Certificate, CertificateJob
from vinhdanh.decisions.services import certificates, seal

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.xfail(importlib.util.find_spec("vinhdanh.documents.certificates") is None,
                      reason="documents/certificates.py is another helper's work in progress",
                      strict=True),
]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _run(decision, personas, capture, **options) -> CertificateJob:
    """Starts a job as the board officer and runs it (the immediate task backend) once the
    transaction commits."""
    with capture(execute=True):
        job = certificates.start_job(decision, actor=personas.board_officer, **options)
    job.refresh_from_db()
    return job


def _read(field) -> bytes:
    with field.open("rb") as file:
        return file.read()


def _pages(pdf: bytes) -> int:
    return int(pdf_info(pdf)["Pages"])


@pytest.fixture
def decision(province, personas):
    return issued(province, personas, count=3)


def test_certificate_text_comes_from_the_decision_line(decision):
    certificate = certificates.certificates_of(decision).first()
    entry = certificate.entry

    text = certificates.certificate_text(certificate)

    assert (text.kind, text.gives, text.honour) == ("bang_khen", "Tặng", "BẰNG KHEN")
    assert text.issuer_line == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH XANH"
    assert (text.recipient, text.recipient_detail) == (entry.recipient_name,
                                                       entry.recipient_detail)
    assert text.achievement == decision.citation  # no line of its own
    assert text.decision_line == "Quyết định số 1/QĐ-UBND ngày 15/12/2026"
    assert text.golden_book_line == f"Số sổ vàng: {entry.golden_book_number}/2026"
    assert (text.signer_authority, text.signer_title, text.signer_name) == (
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Ký")
    assert text.verify_url.endswith(f"/{certificate.public_id}/")
    assert certificates.verify_url(certificate).startswith("http")


@needs_poppler
def test_job_makes_one_file_per_certificate_a_zip_and_a_print_file(
        decision, personas, django_capture_on_commit_callbacks):
    job = _run(decision, personas, django_capture_on_commit_callbacks)

    assert (job.state, job.total, job.done, job.percent, job.is_finished) == (
        JobState.DONE, 3, 3, 100, True)
    assert job.created_by == personas.board_officer and job.finished_at is not None
    for certificate in Certificate.objects.filter(entry__decision=decision):
        pdf = _read(certificate.file)
        assert _pages(pdf) == 1
        assert certificate.entry.recipient_name in pdf_text(pdf)
        assert certificate.signed is False  # no signing certificate configured
    names = zipfile.ZipFile(io.BytesIO(_read(job.archive))).namelist()
    assert len(names) == 3 and names[0].startswith("0001-") and names[2].startswith("0003-")
    assert _pages(_read(job.print_file)) == 3
    assert job.archive.name.split("/")[-1].startswith("bang-1-2026")


def test_certificate_hash_matches_its_stored_file(decision, personas,
                                                  django_capture_on_commit_callbacks):
    _run(decision, personas, django_capture_on_commit_callbacks)

    for certificate in Certificate.objects.filter(entry__decision=decision):
        assert certificate.sha256 == hashlib.sha256(_read(certificate.file)).hexdigest()


def test_preprinted_job_leaves_the_electronic_certificates_alone(
        decision, personas, django_capture_on_commit_callbacks):
    job = _run(decision, personas, django_capture_on_commit_callbacks, preprinted=True)

    assert (job.state, job.done, job.preprinted) == (JobState.DONE, 3, True)
    assert not any(c.file for c in Certificate.objects.filter(entry__decision=decision))
    assert len(zipfile.ZipFile(io.BytesIO(_read(job.archive))).namelist()) == 3
    assert "-phoi" in job.print_file.name


def test_a_failing_job_records_its_error(decision, personas, django_capture_on_commit_callbacks):
    with mock.patch("vinhdanh.documents.certificates.render",
                    side_effect=ValueError("Không có phông chữ")):
        job = _run(decision, personas, django_capture_on_commit_callbacks)

    assert (job.state, job.error, job.is_finished) == (JobState.FAILED, "Không có phông chữ",
                                                       True)
    assert not job.archive and not job.print_file


def test_run_job_leaves_a_finished_job_alone(decision, personas,
                                             django_capture_on_commit_callbacks):
    job = _run(decision, personas, django_capture_on_commit_callbacks)
    archive = job.archive.name

    with mock.patch("vinhdanh.documents.certificates.render") as render:
        again = certificates.run_job(job.pk)

    assert not render.called
    assert (again.state, again.archive.name) == (JobState.DONE, archive)


def test_start_job_refuses_drafts_and_outsiders(province, personas, decision):
    pending = draft(province, personas)

    with pytest.raises(DomainError, match="issued commendation decisions only"):
        certificates.start_job(pending, actor=personas.board_officer)
    for outsider in (personas.unit_clerk, personas.signer, personas.viewer):
        with pytest.raises(PermissionDenied):
            certificates.start_job(decision, actor=outsider)
    assert not CertificateJob.objects.exists()


# -- signed certificates ---------------------------------------------------------------------

def test_certificates_come_out_signed_and_verify(signing, decision, personas,
                                                  django_capture_on_commit_callbacks):
    job = _run(decision, personas, django_capture_on_commit_callbacks)

    assert job.state == JobState.DONE and seal.enabled()
    for certificate in Certificate.objects.filter(entry__decision=decision):
        result = seal.verify(_read(certificate.file))
        assert certificate.signed is True
        assert result.ok, result.problem
        assert result.signer == "Chủ tịch UBND tỉnh Hòa Bình Xanh"


def test_a_signature_from_a_ca_not_trusted_does_not_verify(
        signing, settings, decision, personas, django_capture_on_commit_callbacks):
    _run(decision, personas, django_capture_on_commit_callbacks)
    certificate = Certificate.objects.filter(entry__decision=decision).first()
    settings.SIGNING_TRUST_ROOTS = []

    result = seal.verify(_read(certificate.file))

    assert certificate.signed is True
    assert (result.ok, result.intact, result.problem) == (False, True, "untrusted")


def test_a_certificate_changed_after_signing_fails_verification(
        signing, decision, personas, django_capture_on_commit_callbacks):
    _run(decision, personas, django_capture_on_commit_callbacks)
    pdf = _read(Certificate.objects.filter(entry__decision=decision).first().file)

    tampered = pdf.replace(b"/MediaBox", b"/MediaBax", 1)

    assert not seal.verify(tampered).ok


def test_unsigned_when_no_certificate_is_configured(settings):
    settings.SIGNING_PKCS12 = ""

    assert (seal.enabled(), seal.identity()) == (False, None)
    assert seal.sign(b"%PDF-1.7", reason="Ban hành") == (b"%PDF-1.7", False)
