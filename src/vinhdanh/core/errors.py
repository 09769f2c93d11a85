from django.core.exceptions import ValidationError


class DomainError(ValidationError):
    """A rule of the domain refused a change; the message is translated for the user."""
