import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture
def api_for():
    """``api_for(user)``: an API client sending ``user``'s token, as a real client would.

    Each request loads the user afresh, so per-request caches (the role scope) are counted
    by the query guards just as in production.
    """

    def make(user):
        client = APIClient()
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


def count_queries(client, url) -> tuple[int, dict]:
    """Number of queries one GET of ``url`` runs, and the response body."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries), response.json()


def ids(response) -> set[int]:
    return {row["id"] for row in response.json()["results"]}
