"""Backup and restore: the database and every uploaded file in one verified archive.

The archive (``vinhdanh-backup-YYYYmmdd-HHMMSS.tar.gz``) holds

- ``database.sqlite3`` or ``database.pgdump``: an exact, consistent copy made with the
  engine's own tool (SQLite's online backup API; ``pg_dump --format=custom``), so a restore
  on the same engine gives back the same rows, sequences and indexes; or, with
  ``--portable``, ``database.json`` to move between engines (see ``database``);
- ``media/…``: every file under ``MEDIA_ROOT``;
- ``manifest.json`` (last, because it lists the SHA-256 of everything before it): format
  version, time, application version, database engine, the migrations applied per app, every
  file with its size and SHA-256, and the row count of every table.

A restore verifies the whole archive before it changes anything (see ``unpacked``), then
replaces the database and swaps the media folder. See docs/backup.md.
"""

import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.backup import database
from vinhdanh.core.backup.database import BackupError
from vinhdanh.core.version import VERSION

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
PREFIX, SUFFIX = "vinhdanh-backup-", ".tar.gz"


@dataclass(frozen=True)
class Unpacked:
    """A verified archive, extracted into ``folder`` (next to MEDIA_ROOT)."""

    folder: Path
    manifest: dict

    @property
    def database(self) -> Path:
        return self.folder / "archive" / self.manifest["database"]["file"]


# ---------------------------------------------------------------------------- backup


def backup_dir() -> Path:
    """``BACKUP_DIR`` (settings.py reads it from the environment; ``var/backups`` else)."""
    return Path(settings.BACKUP_DIR)


def default_path(directory: Path | None = None) -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return (directory or backup_dir()) / f"{PREFIX}{stamp}{SUFFIX}"


def backup(output: Path | None = None, *, using: str = "default",
           portable: bool = False) -> Path:
    """Writes one archive of the database and MEDIA_ROOT; returns its path.

    The archive is written under a ``.partial`` name and renamed when complete, so a failed
    run never leaves something that looks like a backup.
    """
    target = Path(output or default_path())
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise BackupError(_("%(path)s already exists.") % {"path": target})
    partial = target.with_name(target.name + ".partial")
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as staging:
        dump, inventory = database.dump(connections[using], Path(staging), portable=portable)
        try:
            _write_archive(partial, dump, inventory, connections[using].vendor)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    partial.replace(target)
    return target


def _write_archive(path: Path, dump: Path, inventory: dict, vendor: str) -> None:
    with tarfile.open(path, "w:gz") as tar:
        files = [_add_file(tar, dump, dump.name)]
        media_root = Path(settings.MEDIA_ROOT)
        for source in _media_files(media_root):
            files.append(_add_file(tar, source, f"{MEDIA}/{source.relative_to(media_root)}"))
        manifest = _manifest(vendor, dump.name, files, inventory)
        _add_bytes(tar, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode())


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def _add_file(tar: tarfile.TarFile, source: Path, name: str) -> dict:
    """Adds ``source`` as ``name``, hashing the very bytes that go into the archive."""
    with source.open("rb") as handle:
        info = tarfile.TarInfo(name)
        info.size, info.mtime = os.fstat(handle.fileno()).st_size, int(source.stat().st_mtime)
        reader = _HashingReader(handle)
        tar.addfile(info, reader)
    return {"path": name, "size": info.size, "sha256": reader.digest.hexdigest()}


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime = len(data), int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(data))


class _HashingReader:
    def __init__(self, handle):
        self.handle, self.digest = handle, hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _manifest(vendor: str, dump_name: str, files: list[dict], inventory: dict) -> dict:
    return {
        "format_version": FORMAT_VERSION,
        "created_at": timezone.localtime().isoformat(timespec="seconds"),
        "app_version": _app_version(),
        "database": {"vendor": vendor, "file": dump_name},
        **inventory,
        "files": files,
    }


def _app_version() -> str:
    found = VERSION
    git = shutil.which("git")
    if git:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            described = subprocess.run(  # noqa: S603 - fixed arguments
                [git, "describe", "--always", "--dirty"], cwd=settings.BASE_DIR,
                capture_output=True, text=True, timeout=5, check=True).stdout.strip()
            found = f"{found} ({described})" if described else found
    return found


def prune(directory: Path, *, keep: int) -> list[Path]:
    """Deletes all but the ``keep`` newest archives in ``directory``; returns the deleted."""
    archives = sorted(directory.glob(f"{PREFIX}*{SUFFIX}"), key=lambda path: path.name)
    doomed = archives[:-keep] if keep > 0 else archives
    for path in doomed:
        path.unlink()
    return doomed


# ---------------------------------------------------------------------------- restore


@contextlib.contextmanager
def unpacked(archive: Path, *, using: str = "default"):
    """Extracts and verifies ``archive``; yields an ``Unpacked``. Changes nothing live.

    Refused: an unreadable archive, a missing manifest, a file missing, added or whose
    SHA-256 differs, another database engine, or migrations this code does not have.
    """
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    if os.path.ismount(media_root):
        raise BackupError(_("MEDIA_ROOT is a mount point and cannot be swapped: mount its "
                            "parent folder instead."))
    # Next to MEDIA_ROOT, so the restored media folder is swapped in by a rename.
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".restore-") as folder:
        manifest = _extract(Path(archive), Path(folder))
        _check_files(Path(folder), manifest)
        database.check_compatible(connections[using], manifest)
        yield Unpacked(Path(folder), manifest)


def _extract(archive: Path, folder: Path) -> dict:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(folder / "archive", filter="data")
    except (OSError, EOFError, tarfile.TarError) as error:
        raise BackupError(_("%(path)s is not a readable backup archive (%(error)s).")
                          % {"path": archive, "error": error}) from None
    try:
        return json.loads((folder / "archive" / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupError(_("The archive has no readable manifest.json.")) from None


def _check_files(folder: Path, manifest: dict) -> None:
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(_("Unknown archive format %(version)s.")
                          % {"version": manifest.get("format_version")})
    root = folder / "archive"
    found = {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}
    listed = {entry["path"]: entry for entry in manifest["files"]}
    unexpected = sorted(found - set(listed) - {MANIFEST})
    missing = sorted(set(listed) - found)
    damaged = [name for name in sorted(set(listed) & found)
               if _sha256(root / name) != listed[name]["sha256"]]
    if unexpected or missing or damaged:
        raise BackupError(_("The archive is damaged: missing %(missing)s, altered %(damaged)s,"
                            " not listed %(unexpected)s.") % {
            "missing": missing or "-", "damaged": damaged or "-", "unexpected": unexpected or "-"})


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def restore(unpacked_archive: Unpacked, *, using: str = "default") -> None:
    """Replaces the database, then the media folder, with the archive's.

    The database is replaced in one step (SQLite's backup API; one transaction otherwise),
    so a failure leaves the old one; the media folder is swapped by rename only after that.
    """
    database.load(connections[using], unpacked_archive.database, unpacked_archive.manifest,
                  unpacked_archive.folder)
    ContentType.objects.clear_cache()  # ids cached in this process may have changed
    _swap_media(unpacked_archive.folder / "archive" / MEDIA, Path(settings.MEDIA_ROOT),
                unpacked_archive.folder)


def _swap_media(new: Path, root: Path, scratch: Path) -> None:
    new.mkdir(parents=True, exist_ok=True)  # an archive without uploads
    old = scratch / "old-media"  # deleted with the scratch folder
    if root.exists():
        root.rename(old)
    try:
        new.rename(root)
    except OSError:
        if old.exists():
            old.rename(root)  # put the old media back
        raise


def pending_migrations(unpacked_archive: Unpacked, *, using: str = "default") -> list[str]:
    """Migrations of this code the archive's database lacks (``migrate`` adds them)."""
    connection = connections[using]
    missing = database.known_migrations(connection) - database.applied(unpacked_archive.manifest)
    return sorted(f"{app}.{name}" for app, name in missing)


def count_differences(manifest: dict, *, using: str = "default") -> list[str]:
    """Tables whose row count now differs from the manifest's (checked after a restore)."""
    found = database.row_counts(connections[using], manifest)
    expected = manifest["row_counts"]
    return sorted(table for table in set(expected) | set(found)
                  if expected.get(table) != found.get(table))
