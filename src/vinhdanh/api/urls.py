from django.urls import include, path

urlpatterns = [
    path("v1/", include(([], "v1"), namespace="v1")),
]
