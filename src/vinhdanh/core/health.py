"""``/health/``: may a load balancer or monitor send visitors to this app server?

No log-in, no session, never cached. 200 when the database answers, every migration is
applied and the cache round-trips; 503 naming the failing part otherwise. The answer names
parts and states only: the details of a failure go to the log, not to the caller.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from vinhdanh.core.version import VERSION

logger = logging.getLogger(__name__)

# Reading every migration file costs tens of milliseconds: once all are applied in this
# process's database they stay applied (a new release restarts the processes).
_migrations_applied = False


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return "ok" if cursor.fetchone() == (1,) else "error"


def _migrations() -> str:
    global _migrations_applied
    if not _migrations_applied:
        executor = MigrationExecutor(connection)
        _migrations_applied = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return "ok" if _migrations_applied else "pending"


def _cache() -> str:
    key, token = "vinhdanh:health", uuid.uuid4().hex
    cache.set(key, token, timeout=10)
    found = cache.get(key)
    cache.delete(key)
    return "ok" if found == token else "error"


CHECKS = {"database": _database, "migrations": _migrations, "cache": _cache}


def _run(name, check) -> str:
    try:
        return check()
    except Exception:  # a monitor needs an answer, not a 500; the log keeps the details
        logger.exception("Health check of the %s failed", name)
        return "error"


@never_cache
@require_safe
def health(request):
    parts = {name: _run(name, check) for name, check in CHECKS.items()}
    healthy = all(state == "ok" for state in parts.values())
    body = {"status": "ok" if healthy else "error", **parts, "version": VERSION}
    return JsonResponse(body, status=200 if healthy else 503)
