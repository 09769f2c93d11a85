"""The statutory statistical report forms (views/statutory.py)."""

from django.urls import path

from vinhdanh.workspace.views import statutory

urlpatterns: list = [
    path("statistics/forms/", statutory.statutory_forms, name="statutory-forms"),
    path("statistics/forms/download/", statutory.statutory_forms_download,
         name="statutory-forms-download"),
]
