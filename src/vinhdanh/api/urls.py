"""The versioned REST API. NamespaceVersioning reads the version from the ``v1`` namespace."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework import exceptions, permissions
from rest_framework.routers import DefaultRouter
from rest_framework.views import APIView

from vinhdanh.api import (
    council_urls,
    decisions_urls,
    movements_urls,
    nominations_urls,
    scoring_urls,
)
from vinhdanh.api.versioning import ApiVersioning
from vinhdanh.api.views.auth import ObtainToken
from vinhdanh.api.views.groups import GroupViewSet
from vinhdanh.api.views.honors import (
    BonusViewSet,
    EligibilityViewSet,
    HonorViewSet,
    PersonHistoryViewSet,
    RulePackViewSet,
    UnitHistoryViewSet,
)
from vinhdanh.api.views.people import PersonViewSet
from vinhdanh.api.views.units import UnitViewSet


class SchemaView(SpectacularAPIView):
    """The OpenAPI document of this version, as YAML (or JSON with ``?format=json``)."""

    versioning_class = ApiVersioning


class NoSuchAddress(APIView):
    """Any other address under ``v1/``: a JSON 404 like the API's own, not the site's HTML
    page (an id that is not a number, such as ``units/1.5/``, matches no route)."""

    permission_classes = [permissions.AllowAny]
    versioning_class = ApiVersioning
    schema = None  # not an operation of the document

    def not_found(self, request, *args, **kwargs):
        raise exceptions.NotFound

    get = post = put = patch = delete = options = not_found


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
router.register("honors", HonorViewSet, basename="honor")
router.register("rule-packs", RulePackViewSet, basename="rule-pack")
movements_urls.register(router)
scoring_urls.register(router)
nominations_urls.register(router)
council_urls.register(router)
decisions_urls.register(router)

# Actions without a list of their own (views/honors.py).
honors = [
    path("eligibility/evaluate/", EligibilityViewSet.as_view({"post": "evaluate"}),
         name="eligibility-evaluate"),
    path("eligibility/sweep/", EligibilityViewSet.as_view({"post": "sweep"}),
         name="eligibility-sweep"),
    path("bonuses/", BonusViewSet.as_view({"post": "calculate"}), name="bonuses"),
    path("people/<int:pk>/history/", PersonHistoryViewSet.as_view({"get": "history"}),
         name="person-history"),
    path("units/<int:pk>/history/", UnitHistoryViewSet.as_view({"get": "history"}),
         name="unit-history"),
]

v1 = [
    path("auth/token/", ObtainToken.as_view(), name="token"),
    path("schema/", SchemaView.as_view(), name="schema"),
    *honors,
    *movements_urls.paths,
    *scoring_urls.paths,
    *nominations_urls.paths,
    *council_urls.paths,
    *router.urls,
    # Last: only what no route above matches. The trailing slash leaves APPEND_SLASH at work.
    # Unnamed: it is no operation (the same 404 for everyone), so no row of the role matrix.
    re_path(r"^.*/$", NoSuchAddress.as_view()),
]

urlpatterns = [
    path("v1/", include((v1, "v1"), namespace="v1")),
]
