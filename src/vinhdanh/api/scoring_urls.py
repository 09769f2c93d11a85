"""The scoring part of the API: router registrations and extra paths (see urls.py)."""

from django.urls import path  # noqa: F401 - for the paths this module adds

from vinhdanh.api.views.scoring import (
    CriterionViewSet,
    ProposalViewSet,
    ReviewViewSet,
    RoundViewSet,
    ScoreViewSet,
    TemplateViewSet,
)


def register(router) -> None:
    """Registers this part's viewsets on the API router."""
    router.register("scoring-templates", TemplateViewSet, basename="scoring-template")
    router.register("scoring-criteria", CriterionViewSet, basename="scoring-criterion")
    router.register("scoring-rounds", RoundViewSet, basename="scoring-round")
    router.register("scores", ScoreViewSet, basename="score")
    router.register("proposals", ProposalViewSet, basename="proposal")
    router.register("reviews", ReviewViewSet, basename="review")


paths: list = []
