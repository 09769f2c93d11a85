"""Counting a story's reads: once per visitor per day, never for bots that say they are.

A visitor is a keyed hash (HMAC with the secret key) of the address, the browser's user
agent and the day: no cookie, nothing personal kept, and tomorrow's hash of the same
visitor is unrelated to today's. Counting costs one INSERT (the unique constraint refuses a
second read the same day) and, only when it went in, one UPDATE of the counter. No log
entry: a read is not a change anyone answers for.
"""

import datetime as dt
import hashlib
import hmac
import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from vinhdanh.stories.models import ExemplaryStory, StoryRead

# Words in the user agents of crawlers, link previews and scripts (case-insensitive). A
# browser that hides what it is still counts; these are the ones that say so.
BOT_MARKERS = (
    "bot", "crawl", "spider", "slurp", "facebookexternalhit", "facebookcatalog", "preview",
    "curl", "wget", "python-requests", "python-urllib", "aiohttp", "httpx", "go-http-client",
    "java/", "okhttp", "libwww", "scrapy", "headless", "phantomjs", "lighthouse",
    "pagespeed", "feedfetcher", "mediapartners", "embedly", "whatsapp", "monitor",
    "pingdom", "uptime", "validator", "archiver",
)
_BOT = re.compile("|".join(re.escape(marker) for marker in BOT_MARKERS), re.IGNORECASE)


def is_bot(user_agent: str) -> bool:
    """A crawler, preview or script by its own account; an empty user agent counts as one."""
    return not (user_agent or "").strip() or bool(_BOT.search(user_agent))


def visitor_hash(address: str, user_agent: str, day: dt.date) -> str:
    message = "\n".join([address or "", user_agent or "", day.isoformat()]).encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def record_read(story: ExemplaryStory, *, address: str, user_agent: str,
                today: dt.date) -> bool:
    """Counts a read of ``story`` unless this visitor was counted today or is a bot;
    whether it counted. Writes to the primary database."""
    if is_bot(user_agent):
        return False
    try:
        with transaction.atomic():
            StoryRead.objects.create(story_id=story.pk, day=today,
                                     visitor=visitor_hash(address, user_agent, today))
    except IntegrityError:
        return False  # already counted today
    ExemplaryStory.objects.filter(pk=story.pk).update(read_count=F("read_count") + 1)
    return True


def prune_reads(*, before: dt.date) -> int:
    """Deletes the read rows of days before ``before`` (only today's are needed)."""
    deleted, _by_model = StoryRead.objects.filter(day__lt=before).delete()
    return deleted
