"""Small steps the movements services share."""


def set_fields(obj, changes: dict, allowed: set[str]) -> list[str]:
    """Sets the ``allowed`` fields that really change; returns their names for the log."""
    changed = sorted(name for name, value in changes.items()
                     if name in allowed and getattr(obj, name) != value)
    for name in changed:
        setattr(obj, name, changes[name])
    return changed


def ids(objects) -> list[int]:
    return sorted(obj.pk for obj in objects)
