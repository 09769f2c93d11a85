"""What the staff UI shows and lets a user do: visibility through ``visible_to`` and
object permissions through ``user.has_perm`` (organisations/rules.py)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from vinhdanh.organisations.models import Unit


def visible_or_404(queryset, user, pk):
    """The object with ``pk`` if ``user`` may see it; outside visibility it does not exist."""
    return get_object_or_404(queryset.visible_to(user), pk=pk)


def require_perm(user, perm: str, obj=None, *, app: str = "organisations") -> None:
    """403 unless ``user`` holds ``<app>.<perm>`` (for ``obj``, when given)."""
    if not user.has_perm(f"{app}.{perm}", obj):
        raise PermissionDenied


def refuse_posted_unit(request, perm: str, field: str = "unit", keep=None, *,
                       app: str = "organisations") -> None:
    """403 when a POST names an existing unit the user may not ``perm`` (a tampered choice);
    ``keep`` (the unit's present value) is always allowed."""
    raw = request.POST.get(field, "")
    if not raw.isdigit() or int(raw) == keep:
        return
    unit = Unit.objects.filter(pk=int(raw)).first()
    if unit is not None:
        require_perm(request.user, perm, unit, app=app)


def mask_citizen_id(value: str | None) -> str:
    return f"********{value[-4:]}" if value else ""


def citizen_id_for(user, person) -> str:
    """The full citizen ID for those who may change the person, its last digits otherwise."""
    if user.has_perm("organisations.change_person", person):
        return person.citizen_id or ""
    return mask_citizen_id(person.citizen_id)
