"""Renders a Word document through LibreOffice and reads the PDF's text back (pdftotext):
what a reader of the printed document would see."""

import shutil
import subprocess

import pytest

from vinhdanh.documents.convert import docx_to_pdf

needs_libreoffice = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice and poppler-utils are needed to render")


def docx_to_text(docx: bytes, workdir, name: str = "tai-lieu") -> str:
    target = workdir / f"{name}.pdf"
    target.write_bytes(docx_to_pdf(docx))
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own temporary file
        [shutil.which("pdftotext"), "-layout", str(target), "-"],
        check=True, capture_output=True, timeout=60)
    return result.stdout.decode("utf-8")
