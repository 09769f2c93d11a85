from vinhdanh.movements.models.directive import Directive
from vinhdanh.movements.models.movement import (
    Campaign,
    Movement,
    MovementTarget,
    ProgressFigure,
    ProgressReport,
    ReportEvidence,
)
from vinhdanh.movements.models.pledge import Pledge, PledgeSignatory
from vinhdanh.movements.models.registration import Registration, RegistrationPeriod

__all__ = [
    "Campaign",
    "Directive",
    "Movement",
    "MovementTarget",
    "Pledge",
    "PledgeSignatory",
    "ProgressFigure",
    "ProgressReport",
    "Registration",
    "RegistrationPeriod",
    "ReportEvidence",
]
