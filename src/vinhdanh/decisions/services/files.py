"""The issued decision's files: the Word document (with its number) and its PDF, made from
the Word file by LibreOffice when the server has it, signed when a certificate is
configured. A signer who signed elsewhere (a USB token) uploads the signed PDF instead."""

import hashlib

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from vinhdanh.core.errors import DomainError
from vinhdanh.decisions.models import Decision
from vinhdanh.decisions.services import seal
from vinhdanh.decisions.services.drafting import require


def file_stem(decision: Decision) -> str:
    if decision.number:
        return f"quyet-dinh-{decision.number}-{decision.year}"
    return f"du-thao-quyet-dinh-{decision.pk}"


def word(decision: Decision) -> bytes:
    from vinhdanh.decisions.documents.decision import decision_docx

    return decision_docx(decision)


def write_files(decision: Decision) -> Decision:
    """Writes the Word file and, where LibreOffice is installed, the (signed) PDF."""
    from vinhdanh.documents import convert

    docx = word(decision)
    decision.word_file.save(f"{file_stem(decision)}.docx", ContentFile(docx), save=False)
    fields = ["word_file"]
    if convert.available():
        pdf, signed = seal.sign(convert.docx_to_pdf(docx), reason="Ban hành quyết định")
        _store_pdf(decision, pdf, signed)
        fields += ["pdf_file", "pdf_sha256", "pdf_signed"]
    decision.save(update_fields=fields)
    return decision


def _store_pdf(decision: Decision, pdf: bytes, signed: bool) -> None:
    decision.pdf_file.save(f"{file_stem(decision)}.pdf", ContentFile(pdf), save=False)
    decision.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    decision.pdf_signed = signed


def attach_signed_pdf(decision: Decision, *, actor, data: bytes) -> Decision:
    """The signer's own signed PDF of an issued decision replaces the generated one; its
    signature must be valid and cover the whole file."""
    require(actor, "decisions.sign_decision", decision)
    if not decision.is_issued:
        raise DomainError(_("Only an issued decision's signed PDF can be attached."))
    result = seal.verify(data)
    if not (result.signed and result.intact and result.valid and result.covers_whole_file):
        raise DomainError(_("The file carries no valid digital signature covering the whole "
                            "document."))
    _store_pdf(decision, data, True)
    decision.save(update_fields=["pdf_file", "pdf_sha256", "pdf_signed"])
    return decision
