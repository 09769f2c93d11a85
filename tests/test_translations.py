"""The Vietnamese catalogue is complete: ours, and what Django and our libraries lack in `vi`."""

import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import vinhdanh

PACKAGE = Path(vinhdanh.__file__).parent
# Our own messages, and the translations of what Django and DRF lack in `vi`.
CATALOGUES = [PACKAGE / name / "vi" / "LC_MESSAGES" for name in ("locale", "locale_libraries")]
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


def _done(entry) -> bool:
    if isinstance(entry, polib.MOEntry):  # compiled: translated messages only, no fuzzy flag
        return bool(entry.msgstr or entry.msgstr_plural)
    return entry.translated()


def _translated(catalogue) -> set:
    return {_key(e) for e in catalogue if e.msgid and not e.obsolete and _done(e)}


def _ours() -> list:
    return [e for folder in CATALOGUES for e in polib.pofile(str(folder / "django.po"))]


@pytest.mark.parametrize("folder", CATALOGUES, ids=lambda f: f.parent.parent.name)
def test_catalogue_has_no_untranslated_or_fuzzy_message(folder):
    catalogue = polib.pofile(str(folder / "django.po"))
    missing = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert (missing, fuzzy) == ([], [])


@pytest.mark.parametrize("folder", CATALOGUES, ids=lambda f: f.parent.parent.name)
def test_compiled_catalogue_matches_the_po_file(folder):
    def text(entry):
        return entry.msgstr or entry.msgstr_plural.get(0)

    source = polib.pofile(str(folder / "django.po")).translated_entries()
    compiled = polib.mofile(str(folder / "django.mo"))
    expected = {_key(e): text(e) for e in source}
    assert {_key(e): text(e) for e in compiled if e.msgid} == expected, "run: compilemessages"


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
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("static", "__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "vi", "--no-wrap",
         "--ignore", "migrations/*"],
        cwd=copy, check=True, capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "", "PYTHONPATH": ""},
    )
    extracted = polib.pofile(str(copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"))
    source = {_key(e) for e in extracted if e.msgid and not e.obsolete}
    assert sorted(source - _translated(_ours())) == []
