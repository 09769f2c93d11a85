"""The public site: no log-in; only what is published."""

from django.urls import path

from vinhdanh.public.views import comments

app_name = "public"

urlpatterns = [
    path("y-kien/", comments.notice_list, name="notice-list"),
    path("y-kien/<uuid:public_id>/", comments.notice_detail, name="notice-detail"),
]
