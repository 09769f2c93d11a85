"""On PostgreSQL the write phase reports progress that other connections see at once."""

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections

from tests.fixtures.workbooks import import_file, person_row
from vinhdanh.organisations.models import ImportJob, ImportStatus, Person
from vinhdanh.organisations.services import imports

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has a single writer"),
    pytest.mark.django_db(transaction=True),
]


def _seen_from_outside(job_id: int) -> tuple[int, int]:
    """The job's progress and the number of people, as another connection sees them."""
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    jobs, people = ImportJob._meta.db_table, Person._meta.db_table
    try:
        with other.cursor() as cursor:
            cursor.execute(f"SELECT done FROM {jobs} WHERE id = %s", [job_id])  # noqa: S608
            done = cursor.fetchone()[0]
            cursor.execute(f"SELECT COUNT(*) FROM {people}")  # noqa: S608
            return done, cursor.fetchone()[0]
    finally:
        other.close()


def test_write_progress_is_visible_before_the_import_commits(personas, monkeypatch):
    rows = [person_row(full_name=f"Người thử {n}", citizen_id=f"037085{n:06d}")
            for n in range(2500)]
    job = ImportJob.objects.create(created_by=personas.admin, original_name="nhan-su.xlsx")
    people_before = Person.objects.count()
    seen = []
    write = imports._write_progress

    def spy(side, job_id, done, total):
        write(side, job_id, done, total)
        seen.append((done, *_seen_from_outside(job_id)))

    monkeypatch.setattr(imports, "_write_progress", spy)

    imports.run_job(job, import_file(people=rows))

    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (ImportStatus.DONE, 2500, 2500)
    in_flight = [row for row in seen if row[0] < 2500]
    # Progress shows at once; the people appear only when the whole import commits.
    assert in_flight and all(done == shown for done, shown, _ in in_flight)
    assert {people for _, _, people in in_flight} == {people_before}
    assert Person.objects.count() == people_before + 2500
