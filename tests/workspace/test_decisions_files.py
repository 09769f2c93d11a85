"""The decision's files and certificates: Word and PDF downloads, the signer's signed PDF,
certificate PDFs, printing jobs with their polled progress and their downloads."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.decisions.support import draft, issued
from tests.workspace.ui_support import html
from vinhdanh.decisions.enums import JobState
from vinhdanh.decisions.models import Certificate, CertificateJob
from vinhdanh.decisions.services import files, seal
from vinhdanh.documents.signing import Verification

pytestmark = pytest.mark.django_db

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def fake_word(monkeypatch):
    """The Word builder (decisions/documents/decision.py) is tested on its own."""
    monkeypatch.setattr(files, "word", lambda decision: b"PK-docx-" + str(decision.pk).encode())


def _url(name, obj):
    return reverse(f"workspace:decision-{name}", args=[obj.pk])


def _messages(response):
    return [str(message) for message in response.context["messages"]]


def _body(response) -> bytes:
    """The downloaded bytes. Reading a streamed response to its end makes the test client
    close it (and the stored file) with Django's connection-closing signal held off; an
    explicit ``response.close()`` would fire that signal and, on PostgreSQL, close the
    test's own database connection."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def _verification(ok: bool) -> Verification:
    return Verification(signed=ok, intact=ok, valid=ok, trusted=ok, covers_whole_file=ok,
                        signer="Trần Văn Ký" if ok else "", signed_at=None,
                        problem="" if ok else "unsigned")


def test_decision_word_of_a_draft_is_made_on_the_fly(province, personas, client_for,
                                                     fake_word):
    decision = draft(province, personas)

    response = client_for(personas.board_officer).get(_url("word", decision))

    assert response["Content-Type"] == DOCX_TYPE
    assert f"du-thao-quyet-dinh-{decision.pk}.docx" in response["Content-Disposition"]
    assert response.content == b"PK-docx-" + str(decision.pk).encode()


def test_decision_word_of_an_issued_decision_is_the_stored_file(province, personas,
                                                                client_for, fake_word):
    decision = issued(province, personas)
    decision.word_file.save("stored.docx", ContentFile(b"PK-stored"), save=True)

    response = client_for(personas.viewer).get(_url("word", decision))

    assert response["Content-Type"] == DOCX_TYPE
    assert "quyet-dinh-1-2026.docx" in response["Content-Disposition"]
    assert _body(response) == b"PK-stored"


def test_decision_pdf_is_404_until_written_then_downloads(province, personas, client_for):
    decision = issued(province, personas)
    client = client_for(personas.unit_clerk)
    assert client.get(_url("pdf", decision)).status_code == 404

    decision.pdf_file.save("x.pdf", ContentFile(PDF), save=True)
    response = client.get(_url("pdf", decision))

    assert response["Content-Type"] == "application/pdf"
    assert _body(response) == PDF


def test_decision_page_says_why_there_is_no_pdf_without_libreoffice(
        province, personas, client_for, fake_word, monkeypatch):
    from vinhdanh.documents import convert

    decision = issued(province, personas)
    client = client_for(personas.board_officer)
    with translation.override("vi"):
        writing = gettext("The files are being written.")
        no_pdf = gettext("Only the Word file: this server cannot make PDF files (LibreOffice "
                         "is not installed).")
    assert writing in html(client.get(decision.get_absolute_url()))

    monkeypatch.setattr(convert, "available", lambda: False)
    files.write_files(decision)
    page = html(client.get(decision.get_absolute_url()))

    assert no_pdf in page and writing not in page
    assert client.get(_url("pdf", decision)).status_code == 404


def test_decision_signed_pdf_without_a_valid_signature_is_refused(province, personas,
                                                                  client_for, monkeypatch):
    monkeypatch.setattr(seal, "verify", lambda data: _verification(False))
    decision = issued(province, personas)

    response = client_for(personas.signer).post(
        _url("signed-pdf", decision),
        {"file": ContentFile(PDF, name="qd.pdf")}, follow=True)

    decision.refresh_from_db()
    assert (decision.pdf_file.name, decision.pdf_signed) == ("", False)
    with translation.override("vi"):
        refusal = gettext("The file carries no valid digital signature covering the whole "
                          "document.")
    assert _messages(response) == [refusal]


def test_decision_signed_pdf_with_a_valid_signature_replaces_the_pdf(province, personas,
                                                                     client_for, monkeypatch):
    monkeypatch.setattr(seal, "verify", lambda data: _verification(True))
    decision = issued(province, personas)

    client_for(personas.signer).post(_url("signed-pdf", decision),
                                     {"file": ContentFile(PDF, name="qd.pdf")})

    decision.refresh_from_db()
    assert decision.pdf_signed is True
    with decision.pdf_file.open("rb") as stored:
        assert stored.read() == PDF


def test_decision_signed_pdf_is_refused_to_the_board_officer(province, personas, client_for):
    decision = issued(province, personas)

    response = client_for(personas.board_officer).post(
        _url("signed-pdf", decision), {"file": ContentFile(PDF, name="qd.pdf")})

    assert response.status_code == 403


def test_decision_print_starts_a_job_for_the_board(province, personas, client_for):
    decision = issued(province, personas, count=2)
    client = client_for(personas.board_officer)

    client.post(_url("print", decision))
    client.post(_url("print", decision), {"preprinted": "on"})

    jobs = list(CertificateJob.objects.order_by("id").values_list("preprinted", "total"))
    assert jobs == [(False, 2), (True, 2)]


def test_decision_print_is_refused_to_signer_and_clerk(province, personas, client_for):
    decision = issued(province, personas)
    for user in (personas.signer, personas.unit_clerk):
        assert client_for(user).post(_url("print", decision)).status_code == 403
    assert not CertificateJob.objects.exists()


def test_decision_job_partial_polls_with_the_percent_while_running(province, personas,
                                                                   client_for):
    decision = issued(province, personas)
    CertificateJob.objects.create(decision=decision, state=JobState.RUNNING, total=40,
                                  done=10)

    page = html(client_for(personas.board_officer).get(_url("job", decision)))

    assert "(25%)" in page
    assert 'hx-trigger="every 2s"' in page
    assert "<html" not in page


def test_decision_job_partial_stops_polling_and_links_the_files_when_done(
        province, personas, client_for):
    decision = issued(province, personas)
    job = CertificateJob.objects.create(decision=decision, state=JobState.DONE, total=1,
                                        done=1)
    job.archive.save("bang.zip", ContentFile(b"PK-zip"), save=False)
    job.print_file.save("bang-in.pdf", ContentFile(PDF), save=True)
    client = client_for(personas.board_officer)

    page = html(client.get(_url("job", decision)))

    assert "hx-get" not in page
    assert _url("job-archive", job) in page
    archive = client.get(_url("job-archive", job))
    assert archive["Content-Type"] == "application/zip"
    assert _body(archive) == b"PK-zip"
    print_file = client.get(_url("job-print-file", job))
    assert (print_file["Content-Type"], _body(print_file)) == ("application/pdf", PDF)


def test_decision_certificates_list_links_each_pdf(province, personas, client_for):
    decision = issued(province, personas, count=2)
    first, second = Certificate.objects.order_by("id")
    first.file.save("a.pdf", ContentFile(PDF), save=False)
    first.signed = True
    first.save()
    client = client_for(personas.viewer)

    page = html(client.get(decision.get_absolute_url()))

    assert _url("certificate-pdf", first) in page
    assert _url("certificate-pdf", second) not in page
    response = client.get(_url("certificate-pdf", first))
    assert response["Content-Type"] == "application/pdf"
    assert _body(response) == PDF
    assert client.get(_url("certificate-pdf", second)).status_code == 404
    assert _url("print", decision) not in page  # the viewer prints nothing


def test_decision_files_of_a_draft_are_hidden_from_a_clerk(province, personas, client_for):
    decision = issued(province, personas)
    job = CertificateJob.objects.create(decision=decision, state=JobState.DONE,
                                        finished_at=dt.datetime(2026, 12, 16, tzinfo=dt.UTC))
    other = draft(province, personas)
    client = client_for(personas.unit_clerk)

    assert client.get(_url("job", other)).status_code == 404
    assert client.get(_url("job", decision)).status_code == 200
    assert client.get(_url("job-archive", job)).status_code == 404  # nothing written yet


def test_decision_word_download_is_a_real_word_document(province, personas, client_for):
    pytest.importorskip("vinhdanh.decisions.documents.decision")
    import io

    import docx

    decision = draft(province, personas)

    response = client_for(personas.signer).get(_url("word", decision))

    assert response["Content-Type"] == DOCX_TYPE
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert decision.subject in text
