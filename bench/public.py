"""(f) issue 7: the public pages over the synthetic province's honour history.

The history written by (c) gets decision numbers (as history entered from paper decisions
has), which puts every record on the public honour board: 2.2 million lines at ``full``. Each
page is requested in-process with Django's test client, anonymously, as a visitor would:
uncached (the cache emptied before each request) and cached (after a warm-up); figures are
medians of the rounds, the floor is the cached answer (what the cache gives every later
visitor within ``PUBLIC_CACHE_SECONDS``), and the query count is that of an uncached request.
"""

import statistics
import time

ROUNDS = 5
PAGES = (
    ("honour board, first page", "public:honour-board", ""),
    ("honour board, one year", "public:honour-board", "?nam=2020"),
    ("honour board, name search", "public:honour-board", "?q=nguyen+van"),
    ("decision search", "public:decision-list", ""),
    ("home page", "public:home", ""),
)


def number_the_history() -> int:
    """Gives every history record without one a decision number; returns how many."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE honors_honorrecord SET decision_number = "
                       "CAST(id AS VARCHAR(20)) || '/QĐ-UBND' WHERE decision_number = ''")
        return cursor.rowcount


def _timed(client, address: str) -> float:
    began = time.perf_counter()
    response = client.get(address)
    elapsed = (time.perf_counter() - began) * 1000
    if response.status_code != 200:
        raise AssertionError(f"{address} answered {response.status_code}")
    return elapsed


def measure(address: str) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(SERVER_NAME="127.0.0.1")
    _timed(client, address)  # the first request warms Django's own caches (templates, URLs)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        _timed(client, address)
    count = len(queries)  # now: each request's start empties the connection's query log
    uncached = []
    for _ in range(ROUNDS):
        cache.clear()
        uncached.append(_timed(client, address))
    cached = [_timed(client, address) for _ in range(ROUNDS)]  # the last uncached one warmed it
    return {"address": address, "queries": count, "uncached_ms": uncached,
            "cached_ms": cached, "uncached_median_ms": statistics.median(uncached),
            "cached_median_ms": statistics.median(cached)}


def run(log=print) -> dict:
    from django.urls import reverse

    result = {"numbered": number_the_history(), "pages": {}}
    for label, name, query in PAGES:
        got = measure(reverse(name) + query)
        result["pages"][label] = got
        log(f"  {label}: {got['uncached_median_ms']:.1f} ms uncached, "
            f"{got['cached_median_ms']:.2f} ms cached, {got['queries']} queries")
    return result


def rows(result: dict) -> list[tuple]:
    from bench.report import NONE, _num, _ratio

    found = []
    for label, got in result.get("pages", {}).items():
        found.append((f"(f) {label}, ms (floor: cached)", _num(got["uncached_median_ms"]),
                      _num(got["cached_median_ms"], 2),
                      _ratio(got["uncached_median_ms"], got["cached_median_ms"]), NONE))
    return found


def notes(result: dict) -> list[str]:
    return [f"(f) {result.get('numbered', 0):,} history records given decision numbers; "
            f"medians of {ROUNDS} anonymous requests in-process, uncached and cached."]
