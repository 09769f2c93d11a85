"""Every way a file comes in judges it by its content, not its name: a program or a web page
renamed to what the form expects is refused, and a real file of that kind is taken.

Each gate is what a form, or the service behind a form and the API, calls to judge an
upload (tests/security/test_uploads_views.py goes through the pages).
"""

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

from vinhdanh.core.errors import DomainError
from vinhdanh.movements.services.files import check_document
from vinhdanh.nominations.services.documents import _check_upload as check_dossier_file
from vinhdanh.public.certificate_forms import PdfCheckForm
from vinhdanh.scoring.services.reviews import _check_minutes as check_review_minutes
from vinhdanh.scoring.services.scores import validate_evidence
from vinhdanh.workspace.forms.decisions import SignedPdfForm
from vinhdanh.workspace.forms.fields import validate_minutes_file
from vinhdanh.workspace.forms.scoring import WorkbookForm
from vinhdanh.workspace.forms.stories import PhotoUploadForm
from vinhdanh.workspace.views.imports import UploadForm

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
EXTENSIONS = (".pdf", ".docx", ".doc", ".xlsx", ".xls", ".png", ".jpg", ".jpeg", ".gif")


def _zip(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _types(main: str, extra: str = "") -> str:
    return (f'<Types><Override PartName="/main" ContentType="{main}"/>{extra}</Types>')


def _docx() -> bytes:
    return _zip({"[Content_Types].xml": _types(WORD_TYPE), "word/document.xml": "<w/>"})


def _xlsx() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


HOSTILE = {
    "windows program": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64,
    "linux program": b"\x7fELF\x02\x01\x01" + b"\x00" * 64,
    "web page": b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>",
    "svg with script": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>'
                       b"</svg>",
    "shell script": b"#!/bin/sh\nrm -rf /\n",
    "plain zip": _zip({"setup.exe": "MZ"}),
    "macro-enabled word": _zip({
        "[Content_Types].xml": _types(
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'),
        "word/document.xml": "<w/>", "word/vbaProject.bin": "macro"}),
    "macro-enabled excel": _zip({
        "[Content_Types].xml": _types("application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
        "xl/workbook.xml": "<workbook/>"}),
    "word file posing as a workbook": _zip({
        "[Content_Types].xml": _types(WORD_TYPE), "xl/workbook.xml": "<workbook/>"}),
}


def _form_refuses(form_class, field, **kwargs) -> Callable:
    def refuses(upload) -> bool:
        form = form_class(data={}, files=MultiValueDict({field: [upload]}), **kwargs)
        form.is_valid()
        return field in form.errors

    return refuses


def _check_refuses(check) -> Callable:
    def refuses(upload) -> bool:
        try:
            check(upload)
        except (ValidationError, DomainError):
            return True
        return False

    return refuses


@dataclass(frozen=True)
class Gate:
    refuses: Callable
    good_name: str
    good: Callable[[], bytes]


GATES = {
    "unit and people import": Gate(_form_refuses(UploadForm, "file"), "nhan-su.xlsx", _xlsx),
    "scoring workbook": Gate(_form_refuses(WorkbookForm, "file"), "bang-diem.xlsx", _xlsx),
    "signed decision": Gate(_form_refuses(SignedPdfForm, "file"), "quyet-dinh.pdf",
                            lambda: PDF),
    "public certificate check": Gate(_form_refuses(PdfCheckForm, "file"), "bang-khen.pdf",
                                     lambda: PDF),
    "story photos": Gate(_form_refuses(PhotoUploadForm, "photos"), "anh.png", _png),
    "group handover and review minutes (forms)": Gate(
        _check_refuses(validate_minutes_file), "bien-ban.docx", _docx),
    "year-end review minutes (service, API)": Gate(
        _check_refuses(check_review_minutes), "bien-ban.pdf", lambda: PDF),
    "self-scoring evidence (service, API)": Gate(
        _check_refuses(validate_evidence), "minh-chung.xlsx", _xlsx),
    "dossier documents (service, API)": Gate(
        _check_refuses(check_dossier_file), "bao-cao.docx", _docx),
    "directives, pledges and report evidence (service, API)": Gate(
        _check_refuses(check_document), "chi-thi.png", _png),
}


@pytest.mark.parametrize("gate", GATES.values(), ids=GATES.keys())
def test_upload_gate_takes_a_real_file(gate):
    assert not gate.refuses(SimpleUploadedFile(gate.good_name, gate.good()))


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("gate", GATES.values(), ids=GATES.keys())
def test_upload_gate_refuses_a_renamed_file(gate, hostile):
    taken = [extension for extension in EXTENSIONS
             if not gate.refuses(SimpleUploadedFile(f"tai-lieu{extension}", hostile))]

    assert taken == []


# Never kept (the certificate check), or kept re-encoded under a name of our own (photos).
NAMES_IGNORED = {"public certificate check", "story photos"}
NAMED = {name: gate for name, gate in GATES.items() if name not in NAMES_IGNORED}


@pytest.mark.parametrize("gate", NAMED.values(), ids=NAMED.keys())
def test_upload_gate_refuses_a_real_file_under_another_name(gate):
    # Stored files keep their names: a PDF called .html would be served as a page.
    assert gate.refuses(SimpleUploadedFile("tai-lieu.html", gate.good()))
