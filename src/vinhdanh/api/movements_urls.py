"""The movements part of the API: router registrations and extra paths (see urls.py)."""

from django.urls import path
from rest_framework.parsers import MultiPartParser

from vinhdanh.api.serializers.uploads import DocumentUploadSerializer
from vinhdanh.api.views.movements import (
    DirectiveViewSet,
    MovementViewSet,
    PledgeViewSet,
    RegistrationPeriodViewSet,
    RegistrationViewSet,
    ReportViewSet,
)


def register(router) -> None:
    """Registers this part's viewsets on the API router."""
    router.register("directives", DirectiveViewSet, basename="directive")
    router.register("movements", MovementViewSet, basename="movement")
    router.register("movement-reports", ReportViewSet, basename="movement-report")
    router.register("registrations", RegistrationViewSet, basename="registration")
    router.register("registration-periods", RegistrationPeriodViewSet,
                    basename="registration-period")


# A group has one pledge: it lives under the group rather than in a list of its own.
paths: list = [
    path("groups/<int:pk>/pledge/", PledgeViewSet.as_view({"get": "retrieve", "put": "update"}),
         name="group-pledge"),
    path("groups/<int:pk>/pledge/file/",
         PledgeViewSet.as_view({"post": "upload_file"}, parser_classes=[MultiPartParser],
                               serializer_class=DocumentUploadSerializer),
         name="group-pledge-file"),
]
