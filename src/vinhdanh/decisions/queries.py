"""Who sees decisions and certificates.

The board (its officers and administrators over the whole province) and the signers see
every decision, drafts included; anyone else holding a role sees the issued ones only
(issued decisions are public documents anyway). Certificates and jobs follow their
decision.
"""

from django.db import models

from vinhdanh.decisions.enums import DecisionState
from vinhdanh.organisations.enums import EDITOR_ROLES, Role
from vinhdanh.organisations.queries import scope_of

SEES_DRAFTS = EDITOR_ROLES | {Role.SIGNER}


def sees_drafts(user) -> bool:
    return scope_of(user).reaches_all(SEES_DRAFTS)


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user):
        scope = scope_of(user)
        if scope.reaches_all(SEES_DRAFTS):
            return self.all()
        if not scope.holds_a_role():
            return self.none()
        return self.issued()

    def issued(self):
        return self.filter(state=DecisionState.ISSUED)

