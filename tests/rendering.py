"""Renders a Word document through LibreOffice and reads the PDF's text back (pdftotext):
what a reader of the printed document would see."""

import os
import shutil
import subprocess

import pytest

needs_libreoffice = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice and poppler-utils are needed to render")


def docx_to_text(docx: bytes, workdir, name: str = "tai-lieu") -> str:
    source = workdir / f"{name}.docx"
    source.write_bytes(docx)
    env = os.environ | {"HOME": str(workdir)}  # a fresh profile: parallel workers never lock
    subprocess.run(  # noqa: S603 - fixed arguments, our own temporary files
        [shutil.which("soffice"), f"-env:UserInstallation=file://{workdir}/profile",
         "--headless", "--convert-to", "pdf", "--outdir", str(workdir), str(source)],
        check=True, capture_output=True, timeout=120, env=env)
    result = subprocess.run(  # noqa: S603
        [shutil.which("pdftotext"), "-layout", str(workdir / f"{name}.pdf"), "-"],
        check=True, capture_output=True, timeout=60)
    return result.stdout.decode("utf-8")
