"""Uploaded documents and evidence: PDF, Word (DOCX) or an image, judged by content."""

from django.utils.translation import gettext as _

from vinhdanh.core.errors import DomainError
from vinhdanh.core.uploads import MB, upload_problem

MAX_DOCUMENT_BYTES = 20 * MB
FORMATS = ("pdf", "docx", "jpeg", "png")
ACCEPT = ".pdf,.docx,.jpg,.jpeg,.png"


def check_document(upload, *, field: str = "file") -> None:
    """Refuses a file over 20 MB or one that is not a PDF, DOCX, JPEG or PNG."""
    if upload is None:
        return
    problem = upload_problem(upload, formats=FORMATS, max_bytes=MAX_DOCUMENT_BYTES)
    if problem == "size":
        raise DomainError({field: [_("The file is larger than 20 MB.")]})
    if problem == "format":
        raise DomainError({field: [_("The file must be a PDF, a Word document (DOCX) or an "
                                     "image (JPEG, PNG).")]})
