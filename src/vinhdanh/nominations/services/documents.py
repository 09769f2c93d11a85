"""The files of a dossier: uploaded (judged by their content, with a size limit) or
generated from the Word templates (generation.py), then edited in Word and uploaded back.

Nothing is deleted: a new file of a kind replaces the current one, which is kept with
``replaced_by`` set, so the dossier's history shows every version.
"""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.core.uploads import MB, file_format, upload_problem
from vinhdanh.nominations.enums import BATCH_DOCUMENTS, EDITABLE_STATES
from vinhdanh.nominations.models import NominationDocument
from vinhdanh.nominations.services.batches import editable

FORMATS = ("pdf", "docx", "doc", "jpeg", "png")
MAX_BYTES = 20 * MB


def current_documents(batch, nomination=None):
    rows = NominationDocument.objects.filter(batch=batch, replaced_by__isnull=True)
    return rows.filter(nomination=nomination) if nomination is not None else rows


def _check_editable(batch, nomination) -> None:
    if nomination is not None and nomination.state not in EDITABLE_STATES:
        raise DomainError(_("This dossier is with the board; its files cannot change."))
    if nomination is None and not editable(batch):
        raise DomainError(_("This batch is with the board; its files cannot change."))


def _check_upload(upload) -> str:
    problem = upload_problem(upload, formats=FORMATS, max_bytes=MAX_BYTES)
    if problem == "size":
        raise DomainError({"file": [_("The file is larger than %(mb)s MB.")
                                    % {"mb": MAX_BYTES // MB}]})
    if problem == "format":
        raise DomainError({"file": [_("Upload a PDF, Word (.docx, .doc) or image (JPEG, PNG) "
                                      "file whose name ends with its format's extension.")]})
    return file_format(upload, FORMATS)


@transaction.atomic
def attach(batch, kind: str, upload, *, actor, nomination=None, generated: bool = False,
           note: str = "") -> NominationDocument:
    """Adds ``upload`` as the current file of ``kind`` (of the batch, or of ``nomination``
    for the per-candidate kinds)."""
    if kind in BATCH_DOCUMENTS:
        nomination = None
    elif nomination is None:
        raise DomainError({"nomination": [_("Choose the candidate this file belongs to.")]})
    if nomination is not None and nomination.batch_id != batch.pk:
        raise DomainError({"nomination": [_("This candidate is not in this batch.")]})
    _check_editable(batch, nomination)
    found = _check_upload(upload)
    content = upload.read()
    upload.seek(0)
    previous = current_documents(batch, nomination).filter(kind=kind).first() \
        if nomination is not None else current_documents(batch).filter(
            kind=kind, nomination__isnull=True).first()
    document = NominationDocument(
        batch=batch, nomination=nomination, kind=kind, name=nfc(upload.name)[:255],
        file_format=found, size=len(content), sha256=hashlib.sha256(content).hexdigest(),
        generated=generated, note=nfc(note).strip()[:300],
        uploaded_by=actor if actor is not None and actor.is_authenticated else None)
    document.file.save(upload.name, ContentFile(content), save=False)
    document.save()
    if previous is not None:
        previous.replaced_by = document
        previous.save(update_fields=["replaced_by"])
    subject = nomination if nomination is not None else batch
    message = (_("Replaced %(kind)s: %(old)s → %(new)s") if previous is not None
               else _("Added %(kind)s: %(new)s")) % {
        "kind": document.get_kind_display().lower(), "new": document.name,
        "old": previous.name if previous is not None else ""}
    log_action(subject, actor=actor, action="document.added", message=message,
               document=document.pk, kind=kind, sha256=document.sha256,
               replaces=previous.pk if previous is not None else None)
    return document
