"""The database inside a backup archive: written and read back with each engine's own tool.

- SQLite: the online backup API (``sqlite3.Connection.backup``), an exact page copy made in
  one step, so a consistent snapshot; restored by the same API into the live database.
- PostgreSQL: ``pg_dump --format=custom`` on a snapshot exported by our own transaction (so
  the manifest's counts and migrations describe exactly the dumped rows); restored with
  ``pg_restore --clean --if-exists --no-owner`` turned into a script that ``psql`` runs in a
  single transaction (sequences come back with their values: the dump sets them).
- Portable (``--portable``): every model's rows as JSON (Django's serializer, times kept to
  the microsecond), for moving between engines; restored by flush + loaddata in one
  transaction on a database migrated to the archive's very migrations.
"""

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

NATIVE = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
PORTABLE = "database.json"


class BackupError(Exception):
    """The archive cannot be written, or cannot be trusted for a restore."""


# ---------------------------------------------------------------------------- dump


def dump(connection, staging: Path, *, portable: bool = False) -> tuple[Path, dict]:
    """Writes the database into ``staging``; returns the file and its inventory."""
    if connection.vendor not in NATIVE:
        raise BackupError(_("Backups support SQLite and PostgreSQL, not %(vendor)s.")
                          % {"vendor": connection.vendor})
    if connection.in_atomic_block:
        raise BackupError(_("A backup cannot run inside a database transaction."))
    if portable:
        return staging / PORTABLE, _dump_portable(connection, staging / PORTABLE)
    target = staging / NATIVE[connection.vendor]
    if connection.vendor == "sqlite":
        return target, _dump_sqlite(connection, target)
    return target, _dump_postgresql(connection, target)


def _dump_sqlite(connection, target: Path) -> dict:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)  # one step: a consistent snapshot
        tables = [row[0] for row in copy.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return inventory(copy.cursor(), tables)
    finally:
        copy.close()


def _dump_postgresql(connection, target: Path) -> dict:
    with _snapshot(connection) as cursor:
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        run_client(connection, "pg_dump", ["--format=custom", f"--snapshot={snapshot}",
                                           f"--file={target}"])
        return inventory(cursor, connection.introspection.table_names(cursor))


def _dump_portable(connection, target: Path) -> dict:
    with _snapshot(connection) as cursor, target.open("w", encoding="utf-8") as out:
        serializers.serialize("json", _every_row(connection.alias), stream=out,
                              cls=_ExactEncoder)
        return inventory(cursor, _model_tables(connection))


@contextlib.contextmanager
def _snapshot(connection):
    """One transaction that sees one state of the database from its first query on."""
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield cursor


def _every_row(alias: str):
    for model in apps.get_models():
        if model._meta.managed and not model._meta.proxy:
            yield from model._base_manager.using(alias).order_by("pk").iterator()


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a restore must give back every digit."""

    def default(self, o):
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def _model_tables(connection) -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def inventory(cursor, tables: list[str]) -> dict:
    """The applied migrations per app and the row count of each of ``tables``."""
    cursor.execute("SELECT app, name FROM django_migrations")
    migrations: dict[str, list[str]] = {}
    for app, name in cursor.fetchall():
        migrations.setdefault(app, []).append(name)
    counts = {}
    for table in sorted(tables):
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - names from the catalog
        counts[table] = cursor.fetchone()[0]
    return {"migrations": {app: sorted(names) for app, names in sorted(migrations.items())},
            "row_counts": counts}


# ---------------------------------------------------------------------------- checks


def check_compatible(connection, manifest: dict) -> None:
    """Refuses another engine's native dump, and migrations this code does not have."""
    vendor, file = manifest["database"]["vendor"], manifest["database"]["file"]
    if file != PORTABLE and vendor != connection.vendor:
        raise BackupError(_("This archive holds a %(archive)s database; this installation uses "
                            "%(here)s. Only an archive made with --portable moves between "
                            "engines.") % {"archive": vendor, "here": connection.vendor})
    unknown = sorted(f"{app}.{name}" for app, name in applied(manifest)
                     if (app, name) not in known_migrations(connection))
    if unknown:
        raise BackupError(_("The archive was made by a newer version of Vinh Danh: this code "
                            "lacks the migrations %(names)s. Upgrade first.")
                          % {"names": ", ".join(unknown)})
    if file == PORTABLE and applied(manifest) != _applied_here(connection):
        raise BackupError(_("A portable archive loads only into a database at the archive's "
                            "very migrations: migrate this database to them first."))


def applied(manifest: dict) -> set[tuple[str, str]]:
    return {(app, name) for app, names in manifest["migrations"].items() for name in names}


def _applied_here(connection) -> set[tuple[str, str]]:
    with connection.cursor() as cursor:
        return applied(inventory(cursor, []))


def known_migrations(connection) -> set[tuple[str, str]]:
    return set(MigrationLoader(connection, ignore_no_migrations=True).disk_migrations)


def row_counts(connection, manifest: dict) -> dict[str, int]:
    """Rows per table now (the portable format's model tables only)."""
    with connection.cursor() as cursor:
        tables = (_model_tables(connection) if manifest["database"]["file"] == PORTABLE
                  else connection.introspection.table_names(cursor))
        return inventory(cursor, tables)["row_counts"]


# ---------------------------------------------------------------------------- load


def load(connection, source: Path, manifest: dict, scratch: Path) -> None:
    """Replaces the whole database with the archive's, in one step."""
    if connection.in_atomic_block:
        raise BackupError(_("A restore cannot run inside a database transaction."))
    if source.name == PORTABLE:
        _load_portable(connection, source)
    elif connection.vendor == "sqlite":
        _load_sqlite(connection, source)
    else:
        _load_postgresql(connection, source, manifest, scratch)


def _load_sqlite(connection, source: Path) -> None:
    connection.ensure_connection()
    archived = sqlite3.connect(source)
    try:
        archived.backup(connection.connection)
    finally:
        archived.close()


def _load_postgresql(connection, source: Path, manifest: dict, scratch: Path) -> None:
    script = scratch / "restore.sql"
    subprocess.run(  # noqa: S603 - our own tool and files
        [tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-acl",
         f"--file={script}", str(source)], check=True, capture_output=True, timeout=3600)
    # Tables the archive does not know (a later migration's) would survive --clean.
    with connection.cursor() as cursor:
        extra = set(connection.introspection.table_names(cursor)) - set(manifest["row_counts"])
    drops = "".join(f"DROP TABLE IF EXISTS {connection.ops.quote_name(t)} CASCADE;\n"
                    for t in sorted(extra))
    script.write_text(drops + script.read_text(encoding="utf-8"), encoding="utf-8")
    run_client(connection, "psql", ["--quiet", "--no-psqlrc", "--single-transaction",
                                    "--set=ON_ERROR_STOP=1", f"--file={script}"])


def _load_portable(connection, source: Path) -> None:
    # No post-migrate handlers: they would add content types and permissions of their own.
    # loaddata resets the sequences of the tables it fills.
    with transaction.atomic(using=connection.alias):
        call_command("flush", interactive=False, inhibit_post_migrate=True,
                     database=connection.alias, verbosity=0)
        call_command("loaddata", str(source), database=connection.alias, verbosity=0)


def run_client(connection, name: str, parameters: list[str]) -> None:
    """Runs a PostgreSQL client tool with Django's connection parameters (so, in tests, on
    the test database)."""
    args, env = connection.client.settings_to_cmd_args_env(connection.settings_dict, parameters)
    args[0] = tool(name)
    result = subprocess.run(  # noqa: S603 - our own tool, Django's connection parameters
        args, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=3600)
    if result.returncode:
        raise BackupError(_("%(tool)s failed: %(error)s")
                          % {"tool": name, "error": result.stderr.strip()[-2000:]})


def tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(_("%(tool)s is not installed (Debian: postgresql-client).")
                          % {"tool": name})
    return found
