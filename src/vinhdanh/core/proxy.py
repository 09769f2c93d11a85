"""The visitor's address when the app runs behind proxies (login throttling needs it).

Behind nginx every request comes from 127.0.0.1: throttling by that address would lock out
everyone at once. Each trusted proxy appends the address it saw to X-Forwarded-For, so the
entry ``PROXY_COUNT`` places from the end is the one our first proxy saw; the entries before
it are whatever the visitor sent and prove nothing.
"""

from django.conf import settings


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    count = settings.PROXY_COUNT
    if not count:
        return remote
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                 if hop.strip()]
    return forwarded[-count] if len(forwarded) >= count else remote
