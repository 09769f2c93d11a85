"""Which database a read-only page reads from.

The public site and the reports only read (the counted story view aside, which writes to the
primary); with ``DATABASE_REPLICA_URL`` set they read from the replica, so the primary keeps
its capacity for the staff's writes. A replica lags a little: pages that must show what was
just written (every staff page) read from the primary.
"""

from django.conf import settings

REPLICA = "replica"


def read_db() -> str:
    """The alias of the database read-only pages should use."""
    return REPLICA if REPLICA in settings.DATABASES else "default"
