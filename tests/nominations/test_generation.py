"""Generating the dossier's Word files and the round trip: generate, edit in Word, upload."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from tests.nominations.test_documents import make_dossier, text
from tests.rendering import docx_to_text, needs_libreoffice
from vinhdanh.core.errors import DomainError
from vinhdanh.nominations.enums import DocumentKind, NominationState
from vinhdanh.nominations.models import Nomination, NominationDocument
from vinhdanh.nominations.services import documents, generation

DOCX = generation.DOCX


@pytest.fixture
def dossier(province, personas):
    return make_dossier(province, personas.unit_clerk)


def test_generate_names_files_with_ascii_slugs(dossier):
    letter, _ = generation.generate("submission_letter", batch=dossier.batch)
    report, _ = generation.generate("achievement_report", batch=dossier.batch,
                                    nomination=dossier.n_person)
    brief, _ = generation.generate("brief_report", batch=dossier.batch,
                                   nomination=dossier.n_unit)

    assert letter == f"to-trinh-{dossier.batch.pk}.docx"
    assert report == "bao-cao-thanh-tich-nguyen-thi-anh-tuyet.docx"
    assert brief == "bao-cao-tom-tat-van-phong-hoi-nong-dan.docx"


def test_generate_returns_a_word_file_of_the_candidate(dossier):
    _, content = generation.generate("achievement_report", batch=dossier.batch,
                                     nomination=dossier.n_person)

    assert content[:4] == b"PK\x03\x04"
    assert "Nguyễn Thị Ánh Tuyết" in text(content)
    assert "Văn phòng Hội Nông dân" not in text(content)


@pytest.mark.parametrize("kind", ["review_minutes", "initiative_proof", "other", "nonsense"])
def test_generate_refuses_kinds_it_cannot_write(dossier, kind):
    with pytest.raises(DomainError):
        generation.generate(kind, batch=dossier.batch, nomination=dossier.n_person)


def test_generate_refuses_a_report_without_a_candidate_of_the_batch(dossier, province,
                                                                    personas):
    with pytest.raises(DomainError):
        generation.generate("achievement_report", batch=dossier.batch)
    other_batch = make_dossier_for_women(province, personas)
    with pytest.raises(DomainError):
        generation.generate("achievement_report", batch=other_batch, nomination=dossier.n_person)


def make_dossier_for_women(province, personas):
    from vinhdanh.nominations.services import batches

    return batches.create_batch(actor=personas.admin, proposing_unit=province.women,
                                year=2025, title="Hội Phụ nữ")


def test_generate_and_attach_makes_the_generated_file_current(dossier, personas):
    document = generation.generate_and_attach("achievement_report", batch=dossier.batch,
                                              nomination=dossier.n_person,
                                              actor=personas.unit_clerk)

    assert document.generated is True
    assert (document.kind, document.nomination, document.file_format) == (
        DocumentKind.ACHIEVEMENT_REPORT, dossier.n_person, "docx")
    assert document.name == "bao-cao-thanh-tich-nguyen-thi-anh-tuyet.docx"
    assert list(documents.current_documents(dossier.batch, dossier.n_person)) == [document]
    with document.file.open("rb") as stored:
        assert "Nguyễn Thị Ánh Tuyết" in text(stored.read())


def test_submission_letter_is_attached_to_the_batch(dossier, personas):
    document = generation.generate_and_attach("submission_letter", batch=dossier.batch,
                                              nomination=dossier.n_person,
                                              actor=personas.unit_clerk)

    assert (document.nomination, document.kind) == (None, DocumentKind.SUBMISSION_LETTER)


def _edited_in_word(document) -> SimpleUploadedFile:
    with document.file.open("rb") as stored:
        doc = Document(io.BytesIO(stored.read()))
    doc.add_paragraph("Thành tích bổ sung: đạt giải Nhất hội thi nhà nông đua tài.")
    out = io.BytesIO()
    doc.save(out)
    return SimpleUploadedFile("bao-cao-da-sua.docx", out.getvalue(), content_type=DOCX)


def test_upload_after_editing_replaces_the_generated_file_and_keeps_it(dossier, personas):
    clerk = personas.unit_clerk
    generated = generation.generate_and_attach("achievement_report", batch=dossier.batch,
                                               nomination=dossier.n_person, actor=clerk)

    uploaded = documents.attach(dossier.batch, "achievement_report", _edited_in_word(generated),
                                actor=clerk, nomination=dossier.n_person)

    generated.refresh_from_db()
    assert generated.replaced_by == uploaded
    assert uploaded.generated is False
    assert list(documents.current_documents(dossier.batch, dossier.n_person)) == [uploaded]
    assert NominationDocument.objects.filter(nomination=dossier.n_person).count() == 2
    with uploaded.file.open("rb") as stored:
        assert "đạt giải Nhất hội thi nhà nông đua tài" in text(stored.read())


def test_regenerating_replaces_the_previous_version(dossier, personas):
    clerk = personas.unit_clerk
    first = generation.generate_and_attach("submission_letter", batch=dossier.batch,
                                           actor=clerk)
    second = generation.generate_and_attach("submission_letter", batch=dossier.batch,
                                            actor=clerk)

    first.refresh_from_db()
    assert first.replaced_by == second and second.current


def test_generate_and_attach_refuses_once_the_dossier_left_the_unit(dossier, personas):
    Nomination.objects.filter(pk=dossier.n_person.pk).update(state=NominationState.SUBMITTED)
    dossier.n_person.refresh_from_db()

    with pytest.raises(DomainError):
        generation.generate_and_attach("achievement_report", batch=dossier.batch,
                                       nomination=dossier.n_person, actor=personas.unit_clerk)
    assert not NominationDocument.objects.filter(nomination=dossier.n_person).exists()


def test_brief_report_is_attached_to_its_nomination(dossier, personas):
    document = generation.generate_and_attach("brief_report", batch=dossier.batch,
                                              nomination=dossier.n_unit,
                                              actor=personas.unit_clerk)

    assert (document.kind, document.nomination) == (DocumentKind.BRIEF_REPORT, dossier.n_unit)
    assert document.uploaded_by == personas.unit_clerk


# -- LibreOffice renders the Vietnamese text ----------------------------------------------

@pytest.mark.slow
@needs_libreoffice
@pytest.mark.parametrize("kind", ["submission_letter", "achievement_report"])
def test_libreoffice_renders_the_vietnamese_text(dossier, tmp_path, kind):
    _, content = generation.generate(kind, batch=dossier.batch, nomination=dossier.n_person)

    rendered = " ".join(docx_to_text(content, tmp_path).split())

    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in rendered
    assert "Độc lập - Tự do - Hạnh phúc" in rendered
    assert "Nguyễn Thị Ánh Tuyết" in rendered
    assert "Bằng khen của Chủ tịch UBND tỉnh" in rendered
