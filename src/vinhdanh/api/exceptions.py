"""Errors from the services become 400 responses carrying their (translated) messages."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler


class LockedOut(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = _("Too many failed login attempts. Try again later.")
    default_code = "locked_out"


def _detail(error: DjangoValidationError):
    if hasattr(error, "error_dict"):
        return {
            (api_settings.NON_FIELD_ERRORS_KEY if field == "__all__" else field): messages
            for field, messages in error.message_dict.items()
        }
    return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}


def api_exception_handler(exc, context):
    """DRF's handler, plus DomainError and model ValidationError as field errors."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(_detail(exc))
    return exception_handler(exc, context)
