"""``manage.py backup [--output PATH] [--keep N]``: the database and every uploaded file in one
archive (see docs/backup.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vinhdanh.core import backup


class Command(BaseCommand):
    help = "Backs up the database and the uploaded files into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="The archive to write (default: "
                            "vinhdanh-backup-<yyyymmdd-hhmmss>.tar.gz in BACKUP_DIR).")
        parser.add_argument("--keep", type=int, metavar="N", help="Afterwards, delete all but "
                            "the N newest archives in the archive's folder.")
        parser.add_argument("--portable", action="store_true", help="Write the rows as JSON, "
                            "which restores on another database engine (slower).")
        parser.add_argument("--database", default="default", help="The database alias.")

    def handle(self, *args, output, keep, portable, database, **options):
        if keep is not None and keep < 1:
            raise CommandError(_("--keep must be at least 1."))
        try:
            path = backup.backup(output, using=database, portable=portable)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_("Backup written: %(path)s (%(size)s bytes)")
                          % {"path": path, "size": path.stat().st_size})
        for deleted in backup.prune(path.parent, keep=keep) if keep else []:
            self.stdout.write(_("Deleted the older backup %(path)s") % {"path": deleted})
