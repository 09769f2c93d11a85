"""The minutes of a council session as a Word file (documents/minutes.py lays it out)."""

from django.utils.translation import gettext as _

from vinhdanh.core.errors import DomainError
from vinhdanh.council.enums import ItemState


def minutes_docx(session) -> tuple[str, bytes]:
    """(file name, .docx bytes) of the session's minutes; refused while a vote is open,
    because its tally is not known yet. Changes nothing."""
    from vinhdanh.council.documents import session_minutes

    if session.items.filter(state=ItemState.VOTING).exists():
        raise DomainError(_("The minutes can be drawn up once no vote is open."))
    return f"bien-ban-hop-hoi-dong-{session.held_on:%Y-%m-%d}-{session.pk}.docx", \
        session_minutes(session)
