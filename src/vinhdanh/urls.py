from django.contrib import admin
from django.urls import include, path

from vinhdanh.core.health import health

urlpatterns = [
    path("health/", health, name="health"),
    path("admin/", admin.site.urls),
    path("api/", include("vinhdanh.api.urls")),
    path("cong-khai/", include("vinhdanh.public.urls")),
    path("", include("vinhdanh.workspace.urls")),
]
