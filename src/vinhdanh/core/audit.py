"""One call per state change writes the readable action log."""

from django.contrib.contenttypes.models import ContentType

from vinhdanh.core.models import ActivityLog


def log_action(obj, *, actor, action: str, message: str, **data) -> ActivityLog:
    """Adds one ActivityLog row about ``obj`` (None for actions on no single object)."""
    content_type = ContentType.objects.get_for_model(obj) if obj is not None else None
    return ActivityLog.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        message=str(message),
        content_type=content_type,
        object_id=str(obj.pk) if obj is not None else "",
        data=data,
    )


def history_of(obj):
    content_type = ContentType.objects.get_for_model(obj)
    return ActivityLog.objects.filter(content_type=content_type, object_id=str(obj.pk))
