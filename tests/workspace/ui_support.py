"""Shared pieces of the staff-UI tests (imported by the test modules, not a conftest)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url) -> int:
    """Number of queries one GET of ``url`` runs (after a first GET fills the caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def html(response) -> str:
    return response.content.decode()
