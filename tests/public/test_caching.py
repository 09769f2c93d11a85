"""The public pages built on the honour history are served from the cache: the same page for
every visitor, shared caches may keep it, a second request costs no query, the query string
makes its own page, and reading a page never writes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PersonFactory
from tests.public.honours_support import entered, issued_to


@pytest.fixture
def decision(province, personas):
    entered(PersonFactory(unit=province.women, full_name="Lưu Thị Hằng"))
    return issued_to(province, personas, [PersonFactory(unit=province.farmers)])


def pages(decision):
    return [reverse("public:home"), reverse("public:honour-board"),
            reverse("public:decision-list"),
            reverse("public:decision", args=[decision.public_id])]


def test_pages_may_be_kept_by_shared_caches(decision, client, settings):
    for url in pages(decision):
        response = client.get(url)

        assert response.status_code == 200, url
        assert response["Cache-Control"] == f"max-age={settings.PUBLIC_CACHE_SECONDS}, public"
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert "Set-Cookie" not in response.headers and not response.cookies


def test_second_request_is_served_from_the_cache(decision, client,
                                                 django_assert_num_queries):
    for url in pages(decision):
        first = client.get(url)

        with django_assert_num_queries(0):
            second = client.get(url)

        assert second.content == first.content


def test_query_string_makes_its_own_page(decision, client):
    board = reverse("public:honour-board")
    client.get(board)

    response = client.get(board, {"q": "luu thi hang"})

    assert [line.recipient for line in response.context["lines"]] == ["Lưu Thị Hằng"]


def test_reading_a_page_never_writes(decision, client):
    for url in pages(decision):
        with CaptureQueriesContext(connection) as queries:
            client.get(url, {"q": "a"})

        assert queries.captured_queries, url
        assert all(q["sql"].lstrip().upper().startswith("SELECT")
                   for q in queries.captured_queries), url


def test_pages_refuse_to_be_posted_to(decision, client):
    for url in pages(decision):
        assert client.post(url).status_code == 405


def test_public_queries_read_the_replica_alias(decision, client, monkeypatch):
    # The replica's alias is where the read model sends its queries: with a second alias
    # configured, every query of the pages would go there (here: "default" under a new name).
    from vinhdanh.public import honours

    aliases = []
    monkeypatch.setattr(honours, "read_db", lambda: aliases.append(1) or "default")

    for url in pages(decision):
        client.get(url)

    assert len(aliases) >= len(pages(decision))
