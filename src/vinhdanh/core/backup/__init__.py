"""Backup and restore of the database and the uploaded files (``manage.py backup`` and
``manage.py restore``; docs/backup.md). ``archive`` writes and verifies the archive,
``database`` dumps and loads the database with each engine's own tool."""

from vinhdanh.core.backup.archive import (
    FORMAT_VERSION,
    MANIFEST,
    Unpacked,
    backup,
    backup_dir,
    count_differences,
    pending_migrations,
    prune,
    restore,
    unpacked,
)
from vinhdanh.core.backup.database import BackupError

__all__ = ["FORMAT_VERSION", "MANIFEST", "BackupError", "Unpacked", "backup", "backup_dir",
           "count_differences", "pending_migrations", "prune", "restore", "unpacked"]
