"""Backup and restore: the round trip gives back every row of every table and every uploaded
file's bytes; a damaged, foreign or newer archive is refused before anything changes.

The restore replaces the database the tests run on (the test database: Django's connection
parameters), hence ``transaction=True``.
"""

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult

from tests.factories import PersonFactory, UnitFactory, UserFactory
from vinhdanh.core import backup
from vinhdanh.core.models import ActivityLog
from vinhdanh.decisions.models import Decision
from vinhdanh.demo import loader
from vinhdanh.organisations.models import ImportJob, Person

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n% quyet dinh khen thuong\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    # Tasks queue as rows (the django_tasks tables are backed up too) instead of rendering
    # every decision through LibreOffice while the demo loads.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings.MEDIA_ROOT


def _table_digests() -> dict[str, tuple[int, str]]:
    """Every table of the database: its row count and a digest of its rows in key order."""
    with connection.cursor() as cursor:
        return {table: _digest(cursor, table)
                for table in connection.introspection.table_names(cursor)}


def _digest(cursor, table: str) -> tuple[int, str]:
    quote = connection.ops.quote_name
    key = connection.introspection.get_primary_key_column(cursor, table)
    order = quote(key) if key else "1"
    cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {order}")  # noqa: S608
    rows = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
            for row in cursor.fetchall()]  # PostgreSQL returns binary columns as views
    return len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()


def _files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in root.rglob("*") if path.is_file()}


def _run(command: str, *args, **options) -> str:
    out = io.StringIO()
    call_command(command, *args, stdout=out, **options)
    return out.getvalue()


def _uploads() -> None:
    """A decision PDF and an import workbook beside the demo's story photos and dossiers."""
    Decision.objects.get().pdf_file.save("quyet-dinh.pdf", ContentFile(PDF))
    _import_file()


def _import_file() -> None:
    job = ImportJob(original_name="Danh sách đơn vị.xlsx", created_by=None)
    job.file.save("don-vi.xlsx", ContentFile(b"PK\x03\x04 bang tinh"))


def _change_everything(media: Path, *, stray: bool = True) -> None:
    """Rows deleted, changed and added; files altered, deleted and added."""
    ActivityLog.objects.all().delete()
    Person.objects.filter(pk__in=Person.objects.values("pk")[:5]).update(full_name="Đã sửa")
    PersonFactory(unit=UnitFactory(code="MOI"))
    UserFactory(username="sau-sao-luu")
    DBTaskResult.objects.all().delete()
    uploaded = sorted(path for path in media.rglob("*") if path.is_file())
    uploaded[0].write_bytes(b"not what was uploaded")
    uploaded[-1].unlink()
    (media / "la.txt").write_text("a file added after the backup")
    if stray:  # a table the archive does not know (the portable format keeps to models)
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE stray_after_backup (id integer PRIMARY KEY)")


def test_backup_restore_round_trip_gives_back_every_row_and_file(media, tmp_path):
    loader.load()
    _uploads()
    rows, files = _table_digests(), _files(media)
    archive = Path(_run("backup", output=tmp_path / "sao-luu.tar.gz").split(": ")[1].split()[0])
    _change_everything(media)
    assert _table_digests() != rows and _files(media) != files

    _run("restore", str(archive), yes=True)

    assert _table_digests() == rows
    assert _files(media) == files
    # The data covered every app, the task queue and log-ins included.
    filled = {table.split("_")[0] for table, (count, _) in rows.items() if count}
    assert {"auth", "django", "organisations", "honors", "movements", "scoring", "nominations",
            "council", "decisions", "stories", "reports", "core"} <= filled
    assert rows[DBTaskResult._meta.db_table][0] > 0
    assert {"dossiers", "stories", "decisions", "imports"} <= {p.split("/")[0] for p in files}


@pytest.fixture
def small(media, tmp_path):
    """A small database with one uploaded file, and its archive."""
    unit = UnitFactory(code="HND")
    PersonFactory(unit=unit)
    _import_file()
    return backup.backup(tmp_path / "small.tar.gz")


def _rewrite(archive: Path, target: Path, change) -> Path:
    """A copy of ``archive`` after ``change(members: dict[name, bytes])``."""
    with tarfile.open(archive) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
    change(members)
    with tarfile.open(target, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return target


def _manifest_edit(edit):
    def change(members):
        manifest = json.loads(members[backup.MANIFEST])
        edit(manifest)
        members[backup.MANIFEST] = json.dumps(manifest).encode()
    return change


def _altered_upload(members):
    name = next(n for n in members if n.startswith("media/"))
    members[name] = b"altered"


REFUSALS = {
    "altered file": _altered_upload,
    "extra file": lambda members: members.update({"media/extra.pdf": PDF}),
    "no manifest": lambda members: members.pop(backup.MANIFEST),
    "other engine": _manifest_edit(lambda m: m["database"].update(
        vendor="postgresql" if connection.vendor == "sqlite" else "sqlite")),
    "newer code": _manifest_edit(lambda m: m["migrations"]["core"].append("9999_future")),
}


@pytest.mark.parametrize("damage", REFUSALS.values(), ids=REFUSALS.keys())
def test_restore_refuses_an_untrustworthy_archive_changing_nothing(small, media, tmp_path,
                                                                   damage):
    bad = _rewrite(small, tmp_path / "bad.tar.gz", damage)
    PersonFactory(unit=UnitFactory(code="SAU"))
    rows, files = _table_digests(), _files(media)

    with pytest.raises(CommandError):
        _run("restore", str(bad), yes=True)

    assert _table_digests() == rows and _files(media) == files
    assert not [p for p in media.parent.iterdir() if p.name.startswith(".restore-")]


def test_restore_refuses_a_file_that_is_no_archive(media, tmp_path):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not gzip")

    with pytest.raises(CommandError, match="junk.tar.gz"):
        _run("restore", str(junk), yes=True)


def test_restore_without_confirmation_changes_nothing(small, media, monkeypatch):
    PersonFactory(unit=UnitFactory(code="SAU"))
    rows = _table_digests()
    monkeypatch.setattr("builtins.input", lambda prompt: "không")

    with pytest.raises(CommandError):
        _run("restore", str(small))

    assert _table_digests() == rows


def test_restore_with_confirmation_replaces_the_data(small, media, monkeypatch):
    PersonFactory(unit=UnitFactory(code="SAU"))
    monkeypatch.setattr("builtins.input", lambda prompt: "yes")

    _run("restore", str(small))

    assert list(Person.objects.values_list("unit__code", flat=True)) == ["HND"]


def test_manifest_lists_every_file_with_its_digest_and_the_row_counts(small):
    with tarfile.open(small) as tar:
        manifest = json.loads(tar.extractfile(backup.MANIFEST).read())
        data = {m.name: tar.extractfile(m).read() for m in tar.getmembers()
                if m.name != backup.MANIFEST}

    assert {f["path"]: f["sha256"] for f in manifest["files"]} == {
        name: hashlib.sha256(blob).hexdigest() for name, blob in data.items()}
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["row_counts"]["organisations_person"] == 1
    assert "0001_initial" in manifest["migrations"]["organisations"]


def test_portable_archive_restores_on_another_engine(media, tmp_path):
    unit = UnitFactory(code="HND")
    PersonFactory(unit=unit)
    _import_file()
    (media / "stories").mkdir()
    (media / "stories" / "anh.jpg").write_bytes(b"\xff\xd8\xff anh")
    rows, files = _table_digests(), _files(media)
    portable = backup.backup(tmp_path / "json.tar.gz", portable=True)
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    foreign = _rewrite(portable, tmp_path / "foreign.tar.gz",
                       _manifest_edit(lambda m: m["database"].update(vendor=other)))
    _change_everything(media, stray=False)
    assert _table_digests() != rows and _files(media) != files

    _run("restore", str(foreign), yes=True)

    assert _table_digests() == rows and _files(media) == files


def test_portable_archive_needs_the_same_migrations(media, tmp_path):
    portable = backup.backup(tmp_path / "json.tar.gz", portable=True)
    older = _rewrite(portable, tmp_path / "older.tar.gz",
                     _manifest_edit(lambda m: m["migrations"]["core"].pop()))

    with translation.override("vi"), pytest.raises(CommandError) as refused:
        _run("restore", str(older), yes=True)

    with translation.override("vi"):
        assert str(refused.value) == gettext(
            "A portable archive loads only into a database at the archive's very migrations: "
            "migrate this database to them first.")


def test_backup_keep_deletes_only_older_archives(media, tmp_path):
    folder = tmp_path / "sao-luu"
    folder.mkdir()
    old = [folder / f"vinhdanh-backup-2025010{day}-020000.tar.gz" for day in (1, 2, 3)]
    for path in old:
        path.write_bytes(b"")
    (folder / "ghi-chu.txt").write_text("not a backup")

    new = f"vinhdanh-backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"

    _run("backup", output=folder / new, keep=2)

    assert sorted(p.name for p in folder.iterdir()) == sorted([old[2].name, "ghi-chu.txt", new])


def test_backup_refuses_to_overwrite_an_archive(small):
    with pytest.raises(CommandError):
        _run("backup", output=small)
