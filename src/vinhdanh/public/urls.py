"""The public site: no log-in; only what is published."""

from django.urls import include, path

from vinhdanh.public.views import certificates, comments

app_name = "public"

urlpatterns = [
    path("y-kien/", comments.notice_list, name="notice-list"),
    path("y-kien/<uuid:public_id>/", comments.notice_detail, name="notice-detail"),
    path("xac-thuc/", certificates.certificate_lookup, name="certificate-lookup"),
    path("xac-thuc/kiem-tra/", certificates.certificate_check, name="certificate-check"),
    path("xac-thuc/<uuid:public_id>/", certificates.certificate_detail, name="certificate"),
    path("xac-thuc/<uuid:public_id>/pdf/", certificates.certificate_pdf,
         name="certificate-pdf"),
    path("", include("vinhdanh.public.honours_urls")),
    path("", include("vinhdanh.public.stories_urls")),
]
