"""Counting reads: once per visitor per day, again the next day, never for bots."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.stories.support import honour, story
from vinhdanh.stories.models import ExemplaryStory, StoryRead
from vinhdanh.stories.services.reads import BOT_MARKERS, is_bot, prune_reads, record_read

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
DAY = dt.date(2026, 5, 10)


@pytest.fixture
def made(province):
    return story(honour(province.farmer_people[0]))


def _count(made) -> int:
    return ExemplaryStory.objects.get(pk=made.pk).read_count


def test_record_read_once_per_visitor_per_day(made):
    assert record_read(made, address="10.0.0.1", user_agent=FIREFOX, today=DAY) is True
    assert record_read(made, address="10.0.0.1", user_agent=FIREFOX, today=DAY) is False
    assert _count(made) == 1


def test_record_read_other_visitors_count(made):
    record_read(made, address="10.0.0.1", user_agent=FIREFOX, today=DAY)
    record_read(made, address="10.0.0.2", user_agent=FIREFOX, today=DAY)
    record_read(made, address="10.0.0.1", user_agent=FIREFOX + " Mobile", today=DAY)
    assert _count(made) == 3


def test_record_read_next_day_counts_again(made):
    record_read(made, address="10.0.0.1", user_agent=FIREFOX, today=DAY)
    record_read(made, address="10.0.0.1", user_agent=FIREFOX, today=DAY + dt.timedelta(1))
    assert _count(made) == 2


@pytest.mark.parametrize("agent", [
    "Googlebot/2.1 (+http://www.google.com/bot.html)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 (compatible; bingbot/2.0)", "Mozilla/5.0 (compatible; Yahoo! Slurp)",
    "curl/8.5.0", "Wget/1.21", "python-requests/2.32", "Mozilla/5.0 HeadlessChrome/120",
    "Baiduspider", "", "   "])
def test_record_read_ignores_bots(made, agent):
    assert record_read(made, address="10.0.0.1", user_agent=agent, today=DAY) is False
    assert _count(made) == 0
    assert not StoryRead.objects.exists()


def test_is_bot_markers_match_themselves_and_not_browsers():
    assert all(is_bot(f"Agent {marker.upper()}/1.0") for marker in BOT_MARKERS)
    assert not is_bot(FIREFOX)
    assert not is_bot("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) "
                      "AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1 Zalo")


def test_record_read_keeps_no_address(made):
    record_read(made, address="203.0.113.9", user_agent=FIREFOX, today=DAY)
    row = StoryRead.objects.get()
    assert "203.0.113.9" not in row.visitor and len(row.visitor) == 32


def test_record_read_costs_an_insert_and_an_update(made):
    with CaptureQueriesContext(connection) as counted:
        record_read(made, address="10.0.0.1", user_agent=FIREFOX, today=DAY)
    writes = [q["sql"].split()[0] for q in counted.captured_queries
              if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    assert writes == ["INSERT", "UPDATE"]
    with CaptureQueriesContext(connection) as again:
        record_read(made, address="10.0.0.1", user_agent=FIREFOX, today=DAY)
    assert [q["sql"].split()[0] for q in again.captured_queries
            if not q["sql"].startswith(("SAVEPOINT", "RELEASE", "ROLLBACK"))] == ["INSERT"]


def test_record_read_does_not_change_updated_at(made):
    before = ExemplaryStory.objects.get(pk=made.pk).updated_at
    record_read(made, address="10.0.0.1", user_agent=FIREFOX, today=DAY)
    assert ExemplaryStory.objects.get(pk=made.pk).updated_at == before


def test_prune_reads_keeps_today(made):
    for day in (DAY - dt.timedelta(2), DAY - dt.timedelta(1), DAY):
        record_read(made, address="10.0.0.1", user_agent=FIREFOX, today=day)
    assert prune_reads(before=DAY) == 2
    assert list(StoryRead.objects.values_list("day", flat=True)) == [DAY]
    assert _count(made) == 3
