from django.urls import path

from vinhdanh.workspace.views import eligibility

urlpatterns = [
    path("eligibility/", eligibility.eligibility, name="eligibility"),
    path("eligibility/export.xlsx", eligibility.eligibility_export, name="eligibility-export"),
]
