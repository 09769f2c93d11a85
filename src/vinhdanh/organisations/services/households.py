from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.organisations.models import Household


@transaction.atomic
def create_household(*, actor, head_name, address, unit) -> Household:
    """Adds a household of the commune or village ``unit`` after validating it."""
    household = Household(head_name=head_name, address=address, unit=unit)
    household.full_clean()
    household.save()
    log_action(household, actor=actor, action="household.created",
               message=_("Added the household of %(name)s to %(unit)s")
               % {"name": household.head_name, "unit": unit.name})
    return household
