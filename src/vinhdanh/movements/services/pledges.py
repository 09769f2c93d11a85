"""A group's pledge (giao ước thi đua): text, signing date, document and signatories."""

from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.movements.models import Pledge, PledgeSignatory
from vinhdanh.movements.services.files import check_document


def _check_signatories(group, signatories) -> None:
    members = set(group.memberships.values_list("unit_id", flat=True))
    units = [row["unit"].pk for row in signatories]
    if any(pk not in members for pk in units):
        raise DomainError({"signatories": [_("Only member units of the group may sign.")]})
    if len(set(units)) != len(units):
        raise DomainError({"signatories": [_("A unit may sign only once.")]})
    if any(not nfc(row.get("representative") or "").strip() for row in signatories):
        raise DomainError({"signatories": [_("Name the representative of every unit.")]})


@transaction.atomic
def save_pledge(group, *, actor, text: str, signed_on=None, file=None,
                signatories=None) -> Pledge:
    """Records or changes the group's pledge; ``signatories`` (dicts of unit,
    representative and position) replace the old list when given."""
    check_document(file)
    if signatories is not None:
        _check_signatories(group, signatories)
    pledge, created = Pledge.objects.get_or_create(group=group, defaults={"text": text})
    pledge.text, pledge.signed_on = text, signed_on
    if file:
        pledge.file = file
    pledge.full_clean()
    pledge.save()
    if signatories is not None:
        _write_signatories(pledge, signatories)
    log_action(group, actor=actor, action="pledge.saved",
               message=_("Saved the pledge of %(group)s") % {"group": group})
    return pledge


def _write_signatories(pledge: Pledge, signatories) -> None:
    pledge.signatories.all().delete()
    PledgeSignatory.objects.bulk_create(
        PledgeSignatory(pledge=pledge, unit=row["unit"], representative=row["representative"],
                        position=row.get("position") or "")
        for row in signatories
    )
