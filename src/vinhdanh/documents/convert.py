"""Word to PDF with LibreOffice (``soffice --headless``): how a decision's PDF is made."""

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

SOFFICE = "soffice"
WORD_FILTER = "MS Word 2007 XML"


class ConversionError(Exception):
    """LibreOffice is missing, failed, or took too long."""


def available() -> bool:
    """Whether LibreOffice's ``soffice`` is on the PATH."""
    return shutil.which(SOFFICE) is not None


def docx_to_pdf(docx: bytes, *, timeout: float = 120) -> bytes:
    """The PDF LibreOffice makes of a .docx file's bytes; ConversionError on any failure.

    Each run uses its own temporary folder as HOME and LibreOffice profile, so parallel
    conversions never wait on (or corrupt) a shared profile's lock.
    """
    if not available():
        raise ConversionError("LibreOffice (soffice) is not installed or not on the PATH.")
    with tempfile.TemporaryDirectory(prefix="vinhdanh-soffice-") as folder:
        source = Path(folder) / "document.docx"
        source.write_bytes(docx)
        output = _run(_command(folder, source), folder, timeout)
        target = source.with_suffix(".pdf")
        if not target.exists():
            raise ConversionError(f"LibreOffice produced no PDF: {output or 'no output'}")
        return target.read_bytes()


def _command(folder: str, source: Path) -> list[str]:
    profile = Path(folder, "profile").as_uri()
    # The Word filter named outright: otherwise LibreOffice guesses, and turns any
    # non-Word upload into a PDF of its bytes as plain text.
    return [
        SOFFICE, "--headless", "--norestore", "--nolockcheck",
        f"-env:UserInstallation={profile}", f"--infilter={WORD_FILTER}",
        "--convert-to", "pdf", "--outdir", folder, str(source),
    ]


def _run(command: list[str], folder: str, timeout: float) -> str:
    """Run LibreOffice; its combined output, for error messages."""
    environment = {**os.environ, "HOME": folder}
    # A session of its own: on timeout the whole group goes (soffice is a wrapper script
    # whose soffice.bin child would otherwise be left running).
    with subprocess.Popen(  # noqa: S603 - fixed arguments, our own temporary files
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment, cwd=folder,
        start_new_session=True,
    ) as process:
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ConversionError(
                f"LibreOffice did not finish within {timeout:g} seconds."
            ) from None
    text = output.decode(errors="replace").strip()
    if process.returncode:
        raise ConversionError(f"LibreOffice failed (exit {process.returncode}): {text}")
    return text
