"""The versioned REST API. NamespaceVersioning reads the version from the ``v1`` namespace."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from vinhdanh.api.versioning import ApiVersioning
from vinhdanh.api.views.auth import ObtainToken
from vinhdanh.api.views.groups import GroupViewSet
from vinhdanh.api.views.people import PersonViewSet
from vinhdanh.api.views.units import UnitViewSet


class SchemaView(SpectacularAPIView):
    """The OpenAPI document of this version, as YAML (or JSON with ``?format=json``)."""

    versioning_class = ApiVersioning


class Router(DefaultRouter):
    """The browsable root also links the OpenAPI document."""

    def get_api_root_view(self, api_urls=None):
        list_name = self.routes[0].name
        links = {prefix: list_name.format(basename=name) for prefix, _, name in self.registry}
        return self.APIRootView.as_view(api_root_dict={**links, "schema": "schema"})


router = Router()
router.register("units", UnitViewSet, basename="unit")
router.register("people", PersonViewSet, basename="person")
router.register("groups", GroupViewSet, basename="group")

v1 = [
    path("auth/token/", ObtainToken.as_view(), name="token"),
    path("schema/", SchemaView.as_view(), name="schema"),
    *router.urls,
]

urlpatterns = [
    path("v1/", include((v1, "v1"), namespace="v1")),
]
