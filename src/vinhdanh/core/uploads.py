"""Uploaded files judged by their content (first bytes), never by their name.

Callers name the formats they accept and their size limit and word the refusal themselves;
this module only knows bytes.
"""

import zipfile

MB = 1024 * 1024
# First bytes of each format. DOCX and XLSX are zip files told apart by a part inside; DOC is
# an OLE compound file.
SIGNATURES = {
    "pdf": b"%PDF-",
    "png": b"\x89PNG\r\n\x1a\n",
    "jpeg": b"\xff\xd8\xff",
    "docx": b"PK\x03\x04",
    "xlsx": b"PK\x03\x04",
    "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
}
ZIP_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
# The file keeps its name when it is downloaded again: the name must fit the content.
EXTENSIONS = {"pdf": (".pdf",), "png": (".png",), "jpeg": (".jpg", ".jpeg"),
              "docx": (".docx",), "xlsx": (".xlsx",), "doc": (".doc",)}


def _zip_names(upload) -> set[str]:
    try:
        with zipfile.ZipFile(upload) as archive:
            return set(archive.namelist())
    except zipfile.BadZipFile:
        return set()
    finally:
        upload.seek(0)


def file_format(upload, formats) -> str | None:
    """Which of ``formats`` the upload's content is, or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    matches = [name for name in formats if head.startswith(SIGNATURES[name])]
    if any(name in ZIP_PARTS for name in matches):
        names = _zip_names(upload)
        matches = [name for name in matches if ZIP_PARTS.get(name, "") in names
                   or name not in ZIP_PARTS]
    return matches[0] if matches else None


def upload_problem(upload, *, formats, max_bytes: int) -> str | None:
    """"size" when the upload is over ``max_bytes``, "format" when its content is none of
    ``formats`` or its name's extension does not fit its content, else None."""
    if upload.size > max_bytes:
        return "size"
    found = file_format(upload, formats)
    name = (upload.name or "").lower()
    return None if found and name.endswith(EXTENSIONS[found]) else "format"
