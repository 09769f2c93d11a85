"""``manage.py restore PATH [--yes]``: replaces the database and the uploaded files with an
archive's, after verifying it (see docs/backup.md). Stop the application and the task worker
first."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vinhdanh.core import backup


class Command(BaseCommand):
    help = "Restores the database and the uploaded files from a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument("--yes", action="store_true",
                            help="Do not ask for confirmation.")
        parser.add_argument("--database", default="default", help="The database alias.")

    def handle(self, *args, archive, yes, database, **options):
        try:
            with backup.unpacked(archive, using=database) as found:
                self._describe(found)
                if not yes and not self._confirmed():
                    raise CommandError(_("Restore cancelled; nothing was changed."))
                backup.restore(found, using=database)
                pending = backup.pending_migrations(found, using=database)
                differing = backup.count_differences(found.manifest, using=database)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self._report(differing, pending)

    def _describe(self, found: backup.Unpacked) -> None:
        manifest = found.manifest
        self.stdout.write(_("Archive of %(created)s, version %(version)s, %(vendor)s: "
                            "%(rows)s rows in %(tables)s tables, %(files)s uploaded files.") % {
            "created": manifest["created_at"], "version": manifest["app_version"],
            "vendor": manifest["database"]["vendor"],
            "rows": sum(manifest["row_counts"].values()),
            "tables": len(manifest["row_counts"]), "files": len(manifest["files"]) - 1})

    def _confirmed(self) -> bool:
        prompt = _("This replaces the whole database and every uploaded file. Type 'yes' to "
                   "continue: ")
        try:
            return input(prompt).strip().lower() in {"yes", "có", "co"}
        except EOFError:
            return False

    def _report(self, differing: list[str], pending: list[str]) -> None:
        if differing:
            raise CommandError(_("Restored, but these tables' row counts differ from the "
                                 "manifest: %(tables)s") % {"tables": ", ".join(differing)})
        self.stdout.write(self.style.SUCCESS(_("Restored; every table's row count matches.")))
        if pending:
            self.stdout.write(_("The archive predates %(count)s migrations of this code: run "
                                "manage.py migrate.") % {"count": len(pending)})
