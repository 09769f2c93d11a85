"""API routes of the council: members, sessions, agenda items and ballots."""

from vinhdanh.api.views.council import (
    AgendaItemViewSet,
    CouncilMemberViewSet,
    CouncilSessionViewSet,
)


def register(router) -> None:
    """Adds the council viewsets to the v1 router."""
    router.register("council-members", CouncilMemberViewSet, basename="council-member")
    router.register("council-sessions", CouncilSessionViewSet, basename="council-session")
    router.register("council-items", AgendaItemViewSet, basename="council-item")


# Everything sits on the router.
paths: list = []
