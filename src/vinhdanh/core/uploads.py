"""Uploaded files judged by their content (first bytes), never by their name.

Callers name the formats they accept and their size limit and word the refusal themselves;
this module only knows bytes.
"""

import zipfile

MB = 1024 * 1024
# First bytes of each format. DOCX and XLSX are zip files told apart by a part inside; DOC
# and XLS are OLE compound files (the reader of an XLS refuses a DOC renamed to .xls).
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SIGNATURES = {
    "pdf": b"%PDF-",
    "png": b"\x89PNG\r\n\x1a\n",
    "jpeg": b"\xff\xd8\xff",
    "docx": b"PK\x03\x04",
    "xlsx": b"PK\x03\x04",
    "doc": OLE,
    "xls": OLE,
}
ZIP_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
# The main part's type as [Content_Types].xml declares it: a macro-enabled file (.docm,
# .xlsm) or a template renamed to .docx or .xlsx declares another one.
CONTENT_TYPES = "[Content_Types].xml"
MAIN_TYPES = {
    "docx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
MACRO_TYPES = (b"macroEnabled", b"vbaProject")
# Read no more of [Content_Types].xml than this, however far it would decompress.
CONTENT_TYPES_MAX_BYTES = 256 * 1024
# The file keeps its name when it is downloaded again: the name must fit the content.
EXTENSIONS = {"pdf": (".pdf",), "png": (".png",), "jpeg": (".jpg", ".jpeg"),
              "docx": (".docx",), "xlsx": (".xlsx",), "doc": (".doc",), "xls": (".xls",)}
# What a broken or hostile archive may raise while its directory is read.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
              NotImplementedError, RuntimeError)


def _zip_formats(upload, candidates) -> list[str]:
    """Those of the zip-based ``candidates`` the archive's parts make it."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            declared = _content_types(archive, names)
    except ZIP_ERRORS:
        return []
    finally:
        upload.seek(0)
    return [name for name in candidates if ZIP_PARTS[name] in names
            and _declares(declared, name)]


def _content_types(archive, names) -> bytes | None:
    if CONTENT_TYPES not in names:
        return None
    with archive.open(CONTENT_TYPES) as part:
        return part.read(CONTENT_TYPES_MAX_BYTES)


def _declares(declared: bytes | None, name: str) -> bool:
    # Every Office and LibreOffice file has the part; a bare archive holding the main part
    # is still read as one (nothing in it would run).
    if declared is None:
        return True
    return MAIN_TYPES[name] in declared and not any(m in declared for m in MACRO_TYPES)


def file_formats(upload, formats) -> list[str]:
    """Those of ``formats`` the upload's content is (DOC and XLS look alike)."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    matches = [name for name in formats if head.startswith(SIGNATURES[name])]
    zipped = [name for name in matches if name in ZIP_PARTS]
    if zipped:
        fitting = _zip_formats(upload, zipped)
        matches = [name for name in matches if name not in ZIP_PARTS or name in fitting]
    return matches


def file_format(upload, formats) -> str | None:
    """Which of ``formats`` the upload's content is, or None."""
    return next(iter(file_formats(upload, formats)), None)


def upload_problem(upload, *, formats, max_bytes: int) -> str | None:
    """"size" when the upload is over ``max_bytes``, "format" when its content is none of
    ``formats`` or its name's extension does not fit its content, else None."""
    if upload.size > max_bytes:
        return "size"
    name = (upload.name or "").lower()
    fits = any(name.endswith(EXTENSIONS[found]) for found in file_formats(upload, formats))
    return None if fits else "format"
