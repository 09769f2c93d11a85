"""The council's members per term (chair, vice-chairs, members)."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.council.models import CouncilMember
from vinhdanh.council.services.access import require_secretariat


@transaction.atomic
def add_member(*, actor, user, name: str, role: str, term_start: dt.date, unit=None,
               position: str = "", term_end: dt.date | None = None) -> CouncilMember:
    require_secretariat(actor)
    member = CouncilMember(user=user, name=nfc(name).strip(), role=role, unit=unit,
                           position=nfc(position).strip(), term_start=term_start,
                           term_end=term_end)
    member.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            member.save()
    except IntegrityError:
        raise DomainError(_("This account is already a member for that term.")) from None
    log_action(member, actor=actor, action="council.member_added",
               message=_("%(name)s joined the council as %(role)s from %(day)s")
               % {"name": member.name, "role": member.get_role_display().lower(),
                  "day": f"{term_start:%d/%m/%Y}"})
    return member


@transaction.atomic
def end_term(member: CouncilMember, *, actor, term_end: dt.date) -> CouncilMember:
    """Ends a membership (nothing is deleted: past sessions keep their members)."""
    require_secretariat(actor)
    if term_end < member.term_start:
        raise DomainError({"term_end": [_("The term cannot end before it starts.")]})
    member.term_end = term_end
    member.save(update_fields=["term_end"])
    log_action(member, actor=actor, action="council.member_left",
               message=_("%(name)s left the council on %(day)s")
               % {"name": member.name, "day": f"{term_end:%d/%m/%Y}"})
    return member
