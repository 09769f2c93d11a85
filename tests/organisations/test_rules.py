import pytest

from tests.factories import PersonFactory


@pytest.mark.parametrize(
    ("persona", "own", "other"),
    [
        ("unit_clerk", True, False),
        ("board_officer", True, True),
        ("admin", True, True),
        ("viewer", False, False),
        ("council_member", False, False),
        ("signer", False, False),
        ("group_leader", False, False),
    ],
)
def test_change_person_by_role(personas, province, persona, own, other):
    user = getattr(personas, persona)
    assert user.has_perm("organisations.change_person", province.farmer_people[0]) is own
    assert user.has_perm("organisations.change_person", province.women_people[0]) is other


def test_clerk_may_add_people_only_in_own_subtree(personas, province):
    clerk = personas.unit_clerk
    assert clerk.has_perm("organisations.add_person", province.farmers_sub)
    assert not clerk.has_perm("organisations.add_person", province.women)
    assert not clerk.has_perm("organisations.add_person", province.root)


def test_clerk_views_own_people_not_others(personas, province):
    clerk = personas.unit_clerk
    assert clerk.has_perm("organisations.view_person", PersonFactory(unit=province.farmers_sub))
    assert not clerk.has_perm("organisations.view_person", province.women_people[1])


def test_units_are_edited_by_board_officers_not_clerks(personas, province):
    assert personas.board_officer.has_perm("organisations.change_unit", province.women)
    assert not personas.unit_clerk.has_perm("organisations.change_unit", province.farmers)


def test_group_leader_edits_own_group(personas, province):
    assert personas.group_leader.has_perm("organisations.change_emulationgroup", province.bloc)
    assert not personas.unit_clerk.has_perm("organisations.change_emulationgroup", province.bloc)
    assert personas.unit_clerk.has_perm("organisations.view_emulationgroup", province.bloc)


def test_group_leader_sees_member_unit(personas, province):
    assert personas.group_leader.has_perm("organisations.view_unit", province.women)
    assert not personas.group_leader.has_perm("organisations.view_unit", province.women_sub)


def test_only_admins_manage_roles(personas):
    assert personas.admin.has_perm("organisations.manage_roles")
    assert not personas.board_officer.has_perm("organisations.manage_roles")
