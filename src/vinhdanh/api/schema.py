"""The OpenAPI description of the errors any operation can answer with.

drf-spectacular documents the success of an operation only; a client (and the fuzzing test)
must also know that a refused request comes back as 400, 401, 403 or 404 with a JSON body.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import permissions, serializers

# A write may be refused by the service (a DomainError, answered 400) even without a body.
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class ErrorDetailSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("Why the request was refused."))


INVALID = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description=_("Invalid input: each key names a field (or non_field_errors), each value "
                  "lists its messages."))
REFUSED = {
    "401": OpenApiResponse(ErrorDetailSerializer, description=_("No valid credentials.")),
    "403": OpenApiResponse(ErrorDetailSerializer,
                           description=_("The user may not do this (or not to this object).")),
}
MISSING = OpenApiResponse(
    ErrorDetailSerializer,
    description=_("No such object among those the user may see, or no such page."))


class ApiAutoSchema(AutoSchema):
    """AutoSchema that adds the error responses the operation can give (kept where an
    operation documents its own)."""

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is not None:
            for code, response in self._errors(operation.get("parameters", [])).items():
                if code not in operation["responses"]:
                    operation["responses"][code] = self._get_response_for_code(response, code)
        return operation

    def _errors(self, parameters: list) -> dict:
        places = {(p["in"], p["name"]) for p in parameters}
        errors = {} if self._open_to_anyone() else dict(REFUSED)
        if self.method in WRITE_METHODS or any(place == "query" for place, _name in places):
            errors["400"] = INVALID
        # A path names an object; pagination answers a page past the end with 404 too.
        if ("query", "page") in places or any(place == "path" for place, _name in places):
            errors["404"] = MISSING
        return errors

    def _open_to_anyone(self) -> bool:
        checks = self.view.get_permissions()
        return all(isinstance(check, permissions.AllowAny) for check in checks)
