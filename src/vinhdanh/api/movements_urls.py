"""The movements part of the API: router registrations and extra paths (see urls.py)."""

from django.urls import path  # noqa: F401 - for the paths this module adds


def register(router) -> None:
    """Registers this part's viewsets on the API router."""


paths: list = []
