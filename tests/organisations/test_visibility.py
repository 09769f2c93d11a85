"""Every role sees exactly its scope; other units' data is present so a leak shows."""

from tests.factories import UnitFactory, UserFactory
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import EmulationGroup, Person, Unit
from vinhdanh.organisations.services.groups import copy_group_to_next_year
from vinhdanh.organisations.services.roles import assign_role


def names(queryset):
    return sorted(str(obj) for obj in queryset)


def test_clerk_sees_only_own_unit_subtree(personas, province):
    units = Unit.objects.visible_to(personas.unit_clerk)
    assert names(units) == names([province.farmers, province.farmers_sub])


def test_clerk_sees_only_people_of_own_subtree(personas, province):
    people = Person.objects.visible_to(personas.unit_clerk)
    assert names(people) == names(province.farmer_people)


def test_board_officer_sees_every_unit_and_person(personas, province):
    assert Unit.objects.visible_to(personas.board_officer).count() == Unit.objects.count()
    assert Person.objects.visible_to(personas.board_officer).count() == Person.objects.count()


def test_group_leader_sees_member_units_but_not_their_people(personas, province):
    units = Unit.objects.visible_to(personas.group_leader)
    assert names(units) == names([province.farmers, province.women])
    assert Person.objects.visible_to(personas.group_leader).count() == 0


def test_clerk_sees_groups_of_own_unit_only(personas, province, db):
    other = EmulationGroup.objects.create(kind="cluster", year=2024, code="C1", name="Cụm 1")
    groups = EmulationGroup.objects.visible_to(personas.unit_clerk)
    assert list(groups) == [province.bloc]
    assert other not in EmulationGroup.objects.visible_to(personas.unit_clerk)


def test_user_without_roles_sees_nothing(province):
    nobody = UserFactory()
    assert Unit.objects.visible_to(nobody).count() == 0
    assert Person.objects.visible_to(nobody).count() == 0
    assert EmulationGroup.objects.visible_to(nobody).count() == 0


def test_inactive_user_sees_nothing(personas):
    personas.board_officer.is_active = False
    assert Unit.objects.visible_to(personas.board_officer).count() == 0


def test_subtree_prefix_does_not_match_sibling_ids(db):
    # A clerk of unit 1 ("/100/1/") must not see unit 12 ("/100/12/"), which shares the digit.
    root = UnitFactory(id=100, parent=None)
    UnitFactory(id=1, parent=root)
    sibling = UnitFactory(id=12, parent=root)
    clerk = UserFactory()
    assign_role(clerk, actor=None, role=Role.UNIT_CLERK, unit=Unit.objects.get(pk=1))
    assert sibling.path == "/100/12/"
    assert list(Unit.objects.visible_to(clerk).values_list("pk", flat=True)) == [1]


def test_group_leader_reads_the_year_the_group_was_copied_from(personas, province):
    next_year = copy_group_to_next_year(province.bloc, actor=None)
    newer = UserFactory()
    assign_role(newer, actor=None, role=Role.GROUP_LEADER, group=next_year)
    assert names(EmulationGroup.objects.visible_to(newer)) == names([province.bloc, next_year])
    assert not newer.has_perm("organisations.change_emulationgroup", province.bloc)
