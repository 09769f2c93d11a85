"""Word documents of the council (Decree 30/2020 layout, see vinhdanh.core.wordlayout)."""

from vinhdanh.council.documents.minutes import session_minutes

__all__ = ["session_minutes"]
