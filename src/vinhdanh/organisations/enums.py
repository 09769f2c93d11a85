from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    PARTY = "party", _("Party organisation")
    STATE = "state", _("State agency")
    FRONT = "front", _("Fatherland Front or socio-political organisation")
    PUBLIC_SERVICE = "public_service", _("Public service unit")
    ENTERPRISE = "enterprise", _("Enterprise")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune, ward or special zone")
    VILLAGE = "village", _("Village or residential group")
    OTHER = "other", _("Other")


class UnitLevel(models.TextChoices):
    PROVINCE = "province", _("Province level")
    DISTRICT = "district", _("District level")
    COMMUNE = "commune", _("Commune level")
    GRASSROOTS = "grassroots", _("Grassroots")


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class CadreCategory(models.TextChoices):
    """Which individual row of the statutory commendation forms (0602.N, 0603.N) a person
    falls in. Direct workers are the separate ``Person.is_direct_worker`` flag: a person
    with a category is counted in its row, otherwise a direct worker in the direct workers'
    row, otherwise in "not classified"."""

    PROVINCE_LEADER = "province_leader", _("Leader at ministry or province level")
    DEPARTMENT_LEADER = "department_leader", _("Leader at department level")
    BUSINESS_MANAGER = "business_manager", _("Business person")
    OTHER_LEADER = "other_leader", _("Other leader (deputy head of division and above)")


class GroupKind(models.TextChoices):
    BLOC = "bloc", _("Emulation bloc")
    CLUSTER = "cluster", _("Emulation cluster")


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    BOARD_OFFICER = "board_officer", _("Commendation-board officer")
    GROUP_LEADER = "group_leader", _("Group-leader officer")
    UNIT_CLERK = "unit_clerk", _("Unit clerk")
    COUNCIL_MEMBER = "council_member", _("Council member")
    SIGNER = "signer", _("Signer")
    VIEWER = "viewer", _("Read-only viewer")


# Roles that may change units, people and groups within their scope.
EDITOR_ROLES = frozenset({Role.ADMIN, Role.BOARD_OFFICER})
PEOPLE_EDITOR_ROLES = frozenset({Role.ADMIN, Role.BOARD_OFFICER, Role.UNIT_CLERK})
GROUP_EDITOR_ROLES = frozenset({Role.ADMIN, Role.BOARD_OFFICER, Role.GROUP_LEADER})
