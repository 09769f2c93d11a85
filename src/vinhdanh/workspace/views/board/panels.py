"""Pieces of the board's pages shown elsewhere (the main dashboard)."""

from vinhdanh.nominations.models import Nomination
from vinhdanh.workspace.views.board.inbox import overdue_url, works_the_inbox


def overdue_panel(user, today=None) -> dict:
    """The context of ``workspace/board/_overdue_panel.html``: how many dossiers visible to
    ``user`` are overdue, and the inbox filtered to them when he works the inbox."""
    return {"overdue_count": Nomination.objects.visible_to(user).overdue(today).count(),
            "overdue_url": overdue_url() if works_the_inbox(user) else ""}
