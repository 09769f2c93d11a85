"""The year-end summary report of a group (views/summary.py)."""

from django.urls import path

from vinhdanh.workspace.views import summary

urlpatterns: list = [
    path("groups/<int:pk>/summary/", summary.summary_report, name="summary-report"),
    path("groups/<int:pk>/summary/word/", summary.summary_word, name="summary-word"),
]
