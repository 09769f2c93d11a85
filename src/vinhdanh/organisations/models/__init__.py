from vinhdanh.organisations.models.account import RoleAssignment, User
from vinhdanh.organisations.models.group import EmulationGroup, GroupMembership, HandoverRecord
from vinhdanh.organisations.models.household import Household
from vinhdanh.organisations.models.person import Person
from vinhdanh.organisations.models.unit import Unit

__all__ = [
    "EmulationGroup",
    "GroupMembership",
    "HandoverRecord",
    "Household",
    "Person",
    "RoleAssignment",
    "Unit",
    "User",
]

from vinhdanh.organisations.models.import_job import ImportJob, ImportStatus  # noqa: E402

__all__ += ["ImportJob", "ImportStatus"]
