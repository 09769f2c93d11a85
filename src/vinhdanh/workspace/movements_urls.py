"""The staff pages of movements."""

from django.urls import path  # noqa: F401 - for the pages this module adds

urlpatterns: list = []
