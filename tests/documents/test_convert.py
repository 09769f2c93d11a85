"""Word to PDF through LibreOffice, and clear errors when LibreOffice cannot do it."""

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.documents import ca
from vinhdanh.documents import convert
from vinhdanh.documents.convert import ConversionError, docx_to_pdf

needs_soffice = pytest.mark.skipif(not convert.available(), reason="LibreOffice not installed")
TEXT = "Tặng Giấy khen cho bà Phạm Thị Hoà"


def _text(pdf: bytes) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("poppler's pdftotext is not installed")
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [pdftotext, "-", "-"], input=pdf, capture_output=True, check=True, timeout=60)
    return result.stdout.decode()


@pytest.mark.slow
@needs_soffice
def test_docx_to_pdf_keeps_the_vietnamese_text():
    pdf = docx_to_pdf(ca.letter_docx("QUYẾT ĐỊNH", TEXT))

    assert pdf.startswith(b"%PDF-")
    assert TEXT in _text(pdf)


@pytest.mark.slow
@needs_soffice
def test_docx_to_pdf_parallel_runs_do_not_block_each_other():
    documents = [ca.letter_docx(f"Văn bản số {number}") for number in range(3)]

    with ThreadPoolExecutor(max_workers=3) as pool:
        pdfs = list(pool.map(docx_to_pdf, documents))

    assert [f"Văn bản số {number}" in _text(pdf) for number, pdf in enumerate(pdfs)] == [
        True, True, True
    ]


@pytest.mark.slow
@needs_soffice
def test_docx_to_pdf_not_a_word_file_raises():
    with pytest.raises(ConversionError, match="LibreOffice"):
        docx_to_pdf(b"this is not a Word file")


@needs_soffice
def test_docx_to_pdf_timeout_raises():
    with pytest.raises(ConversionError, match="did not finish within 0.01 seconds"):
        docx_to_pdf(ca.letter_docx(TEXT), timeout=0.01)


def test_docx_to_pdf_without_libreoffice_raises(monkeypatch):
    monkeypatch.setattr(convert, "SOFFICE", "soffice-not-installed-anywhere")

    with pytest.raises(ConversionError, match="not installed"):
        docx_to_pdf(ca.letter_docx(TEXT))


def test_available_follows_the_path(monkeypatch):
    monkeypatch.setattr(convert, "SOFFICE", "soffice-not-installed-anywhere")

    assert convert.available() is False
