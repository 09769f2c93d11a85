from django.urls import include, path

from vinhdanh.workspace.views import dashboard

app_name = "workspace"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    # Excel import and export of units and people (views/imports.py).
    path("", include("vinhdanh.workspace.import_urls")),
]
