from rest_framework.permissions import IsAuthenticated
from rest_framework.viewsets import GenericViewSet

from vinhdanh.api.exceptions import api_exception_handler
from vinhdanh.api.filters import QueryFilter
from vinhdanh.api.permissions import ActionRules
from vinhdanh.api.schema import ApiAutoSchema
from vinhdanh.api.versioning import ApiVersioning


class ServiceViewSet(GenericViewSet):
    """Reads from ``visible_to(user)`` querysets; writes call the organisation services.

    Subclasses name the rules of their actions in ``action_perms`` and ``object_perms``
    (see permissions.py) and check the ``add_*`` rule of the target unit themselves,
    once the validated input names it.
    """

    versioning_class = ApiVersioning
    schema = ApiAutoSchema()
    permission_classes = [IsAuthenticated, ActionRules]
    filter_backends = [QueryFilter]
    http_method_names = ["get", "post", "patch", "head", "options"]
    action_perms: dict[str, str] = {}
    object_perms: dict[str, str] = {}

    def get_exception_handler(self):
        return api_exception_handler

    def require(self, perm: str, obj=None) -> None:
        if not self.request.user.has_perm(perm, obj):
            self.permission_denied(self.request)

    def validated_input(self) -> dict:
        serializer = self.get_serializer(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data
