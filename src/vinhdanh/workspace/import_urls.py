from django.urls import path

from vinhdanh.workspace.views import imports

urlpatterns = [
    path("imports/", imports.upload, name="import-upload"),
    path("imports/template.xlsx", imports.template, name="import-template"),
    path("imports/<int:pk>/", imports.job_detail, name="import-job"),
    path("imports/<int:pk>/status/", imports.job_status, name="import-job-status"),
    path("units/export.xlsx", imports.units_export, name="import-export-units"),
    path("people/export.xlsx", imports.people_export, name="import-export-people"),
]
