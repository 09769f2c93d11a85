"""Uploads are judged by their content, and their name must fit it."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from vinhdanh.core.uploads import file_format, upload_problem

PDF = b"%PDF-1.4\n%%EOF\n"


def _zip(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("content", "found"), [
    (_zip("word/document.xml"), "docx"),
    (_zip("xl/workbook.xml"), "xlsx"),
    (_zip("other.xml"), None),
    (PDF, "pdf"),
    (b"MZ\x90\x00", None),
])
def test_file_format_reads_the_content(content, found):
    upload = SimpleUploadedFile("x", content)

    assert file_format(upload, ("pdf", "docx", "xlsx")) == found
    assert upload.tell() == 0


def test_upload_problem_is_none_for_a_fitting_file():
    assert upload_problem(SimpleUploadedFile("bien-ban.PDF", PDF), formats=("pdf",),
                          max_bytes=100) is None


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("bien-ban.pdf", PDF * 100, "size"),
    ("bien-ban.exe", PDF, "format"),
    ("bien-ban.pdf", _zip("word/document.xml"), "format"),
])
def test_upload_problem_names_the_problem(name, content, problem):
    upload = SimpleUploadedFile(name, content)

    assert upload_problem(upload, formats=("pdf", "docx"), max_bytes=1000) == problem
