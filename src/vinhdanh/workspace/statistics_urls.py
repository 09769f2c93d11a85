"""The statistics dashboard (views/statistics.py); ``?export=<chart>`` or ``?export=all``
downloads its tables as Excel."""

from django.urls import path

from vinhdanh.workspace.views import statistics

urlpatterns: list = [
    path("statistics/", statistics.statistics_page, name="statistics"),
]
