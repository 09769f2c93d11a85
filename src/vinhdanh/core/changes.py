"""The shared step of every ``update_*`` service: set the allowed fields, validate, save."""

from django.db import models


def apply_changes(obj: models.Model, changes: dict, *, allowed: set[str]) -> list[str]:
    """Sets the ``allowed`` fields of ``changes`` on ``obj``, validates and saves it.

    Returns the names of the fields whose value really changed, for the action log.
    """
    changed = []
    for name, value in changes.items():
        if name in allowed and getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    obj.full_clean()
    obj.save()
    return sorted(changed)
