from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("vinhdanh.api.urls")),
    path("cong-khai/", include("vinhdanh.public.urls")),
    path("", include("vinhdanh.workspace.urls")),
]
