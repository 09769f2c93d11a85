"""The Vietnamese catalogue is complete: ours, and what Django and our libraries lack in `vi`."""

import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import vinhdanh

LOCALE = Path(vinhdanh.__file__).parent / "locale" / "vi" / "LC_MESSAGES"
OUR_PO = LOCALE / "django.po"
# Packages whose messages reach our users, and the folder of their catalogues.
THIRD_PARTY = [
    ("django", "conf/locale"),
    ("django.contrib.admin", "locale"),
    ("django.contrib.auth", "locale"),
    ("django.contrib.contenttypes", "locale"),
    ("django.contrib.sessions", "locale"),
    ("rest_framework", "locale"),
]


def _key(entry):
    return (entry.msgctxt or "", entry.msgid)


def _catalogue(folder: Path, language: str):
    for name in ("django.po", "django.mo"):
        path = folder / language / "LC_MESSAGES" / name
        if path.exists():
            return polib.pofile(str(path)) if name.endswith(".po") else polib.mofile(str(path))
    return []


def _translated(catalogue) -> set:
    return {_key(e) for e in catalogue if e.msgid and e.translated() and not e.obsolete}


def _ours() -> polib.POFile:
    return polib.pofile(str(OUR_PO))


def test_catalogue_has_no_untranslated_or_fuzzy_message():
    catalogue = _ours()
    missing = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert (missing, fuzzy) == ([], [])


def test_compiled_catalogue_matches_the_po_file():
    compiled = polib.mofile(str(LOCALE / "django.mo"))
    expected = {_key(e): e.msgstr or e.msgstr_plural.get(0) for e in _ours().translated_entries()}
    found = {_key(e): e.msgstr or e.msgstr_plural.get(0) for e in compiled if e.msgid}
    assert found == expected, "run: python manage.py compilemessages"


@pytest.mark.parametrize(("package", "folder"), THIRD_PARTY)
def test_messages_missing_from_library_vi_catalogues_are_ours(package, folder):
    root = Path(importlib.import_module(package).__file__).parent / folder
    source = _catalogue(root, "en")
    wanted = {_key(e) for e in source if e.msgid and not e.obsolete}
    missing = wanted - _translated(_catalogue(root, "vi")) - _translated(_ours())
    assert sorted(missing) == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (CI installs it)")
def test_every_message_in_the_source_is_in_the_catalogue(tmp_path):
    # makemessages on a copy of the package, so the real catalogue is not touched.
    copy = tmp_path / "vinhdanh"
    shutil.copytree(Path(vinhdanh.__file__).parent, copy,
                    ignore=shutil.ignore_patterns("static", "__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "vi", "--no-wrap",
         "--ignore", "migrations/*"],
        cwd=copy, check=True, capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "", "PYTHONPATH": ""},
    )
    extracted = polib.pofile(str(copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"))
    source = {_key(e) for e in extracted if e.msgid and not e.obsolete}
    assert sorted(source - _translated(_ours())) == []
