"""Generating a dossier's Word documents and attaching them as its current files.

The round trip: ``generate_and_attach`` makes the file the current document of its kind;
the unit downloads it, completes it in Word and uploads it back (documents.attach), which
replaces the generated version and keeps it in the history.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _

from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import fold
from vinhdanh.nominations.enums import DocumentKind

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
GENERATED_KINDS = (DocumentKind.SUBMISSION_LETTER, DocumentKind.ACHIEVEMENT_REPORT,
                   DocumentKind.BRIEF_REPORT)
PREFIXES = {DocumentKind.ACHIEVEMENT_REPORT: "bao-cao-thanh-tich",
            DocumentKind.BRIEF_REPORT: "bao-cao-tom-tat"}


def slug(text: str) -> str:
    """ASCII file-name part: "Nguyễn Văn Ánh" → "nguyen-van-anh"."""
    words = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in fold(text)).split()
    return "-".join(words)[:80] or "ho-so"


def _candidate_slug(nomination) -> str:
    from vinhdanh.nominations.documents.common import candidate_name

    return slug(candidate_name(nomination))


def generate(kind: str, *, batch, nomination=None) -> tuple[str, bytes]:
    """(file name, .docx bytes) of the document ``kind`` of ``batch`` or of ``nomination``.
    Changes nothing."""
    from vinhdanh.nominations import documents

    if kind == DocumentKind.SUBMISSION_LETTER:
        return f"to-trinh-{batch.pk}.docx", documents.submission_letter(batch)
    if kind not in GENERATED_KINDS:
        raise DomainError({"kind": [_("This kind of document cannot be generated.")]})
    if nomination is None or nomination.batch_id != batch.pk:
        raise DomainError({"nomination": [_("Choose the candidate this file belongs to.")]})
    build = (documents.achievement_report if kind == DocumentKind.ACHIEVEMENT_REPORT
             else documents.brief_report)
    return f"{PREFIXES[kind]}-{_candidate_slug(nomination)}.docx", build(nomination)


def generate_and_attach(kind: str, *, batch, nomination=None, actor):
    """Generates the document and attaches it as the current file of its kind (replacing,
    not deleting, the one before). Returns the NominationDocument."""
    from vinhdanh.nominations.services import documents

    name, content = generate(kind, batch=batch, nomination=nomination)
    upload = SimpleUploadedFile(name, content, content_type=DOCX)
    return documents.attach(batch, kind, upload, actor=actor, nomination=nomination,
                            generated=True)
