"""Who sees which batches and dossiers (queries.visible_to and the view permissions).

Four batches are always present: the Farmers' Union's own, its sub-unit's, the Women's
Union's (the other union) and a group's proposal made by the Farmers' Union for the bloc.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import UserFactory
from tests.nominations.support import clerk_for, dossier, in_appraisal
from vinhdanh.nominations.models import Nomination, NominationBatch
from vinhdanh.nominations.services import workflow
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import RoleAssignment

ALL = {"farmers", "farmers_sub", "women", "group"}
EXPECTED = {
    "admin": ALL, "board_officer": ALL, "council_member": ALL, "signer": ALL, "viewer": ALL,
    # A unit's users see their unit's subtree, not the other union's nor the unit above;
    # the users of a group's member units see the group's proposals.
    "unit_clerk": {"farmers", "farmers_sub", "group"},
    "sub_clerk": {"farmers_sub"},
    "women_clerk": {"women", "group"},
    # The group leader sees the group's proposals only.
    "group_leader": {"group"},
    "nobody": set(),
}


@pytest.fixture
def world(province, personas):
    people = SimpleNamespace(**vars(personas),
                             women_clerk=clerk_for(province.women, "clerk.women"),
                             sub_clerk=clerk_for(province.farmers_sub, "clerk.sub"),
                             nobody=UserFactory(username="nobody"))
    nominations = {
        "farmers": in_appraisal(province, personas.unit_clerk, personas.board_officer),
        "farmers_sub": dossier(province, people.sub_clerk),
        "women": in_appraisal(province, people.women_clerk, personas.board_officer),
        "group": in_appraisal(province, personas.unit_clerk, personas.board_officer,
                              group=province.bloc),
    }
    return SimpleNamespace(people=people, nominations=nominations)


def _names(world, pks) -> set[str]:
    return {name for name, n in world.nominations.items() if n.pk in pks}


@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_batches_and_nominations_visible_to_each_persona(world, persona):
    user = getattr(world.people, persona)
    batches = set(NominationBatch.objects.visible_to(user).values_list("pk", flat=True))
    nominations = set(Nomination.objects.visible_to(user).values_list("pk", flat=True))

    assert _names(world, nominations) == EXPECTED[persona]
    assert {name for name, n in world.nominations.items()
            if n.batch_id in batches} == EXPECTED[persona]
    assert len(batches) == len(EXPECTED[persona])


@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_view_permissions_agree_with_the_lists(world, persona):
    user = getattr(world.people, persona)
    for name, nomination in world.nominations.items():
        seen = name in EXPECTED[persona]
        assert user.has_perm("nominations.view_nomination", nomination) is seen, name
        assert user.has_perm("nominations.view_nominationbatch", nomination.batch) is seen, name


def test_anonymous_and_inactive_users_see_nothing(world):
    officer = world.people.board_officer
    officer.is_active = False
    officer.save()
    for user in (AnonymousUser(), type(officer).objects.get(pk=officer.pk)):
        assert not NominationBatch.objects.visible_to(user).exists()
        assert not Nomination.objects.visible_to(user).exists()


def test_a_superuser_sees_everything(world):
    root = UserFactory(username="root", is_superuser=True)
    assert Nomination.objects.visible_to(root).count() == len(world.nominations)


def test_closed_dossiers_stay_visible(world):
    officer = world.people.board_officer
    women = world.nominations["women"]
    workflow.reject(women, actor=officer, reason="Không đủ tiêu chuẩn")
    workflow.withdraw(world.nominations["farmers"], actor=world.people.unit_clerk,
                      reason="Xin rút")
    for user, name in ((officer, "women"), (world.people.women_clerk, "women"),
                       (officer, "farmers"), (world.people.unit_clerk, "farmers")):
        assert Nomination.objects.visible_to(user).filter(
            pk=world.nominations[name].pk).exists()
    # ...but not in the open ones.
    assert not Nomination.objects.visible_to(officer).open().filter(pk=women.pk).exists()


def test_a_member_s_clerk_sees_the_group_s_proposal_but_not_the_proposer_s_own(world,
                                                                            province):
    # The Women's Union is a member of the bloc; the proposal is the Farmers' Union's.
    assert province.bloc.memberships.filter(unit=province.women).exists()
    clerk = world.people.women_clerk
    assert Nomination.objects.visible_to(clerk).filter(pk=world.nominations["group"].pk).exists()
    assert not Nomination.objects.visible_to(clerk).filter(
        pk=world.nominations["farmers"].pk).exists()


def test_a_unit_follows_the_dossiers_of_its_people_whoever_proposes_them(world, province,
                                                                         personas):
    # The Farmers' Union proposes a person of its office: the office's clerk sees that
    # dossier, not the Union's batch nor its other dossiers.
    sub_clerk = world.people.sub_clerk
    theirs = dossier(province, personas.unit_clerk, candidate=province.farmer_people[1])
    assert province.farmer_people[1].unit == province.farmers_sub
    visible = Nomination.objects.visible_to(sub_clerk)
    assert visible.filter(pk=theirs.pk).exists()
    assert not visible.filter(pk=world.nominations["farmers"].pk).exists()
    assert not NominationBatch.objects.visible_to(sub_clerk).filter(
        pk=theirs.batch_id).exists()
    assert sub_clerk.has_perm("nominations.view_nomination", theirs)


def test_a_second_grant_widens_the_view(world, province):
    clerk = world.people.women_clerk
    RoleAssignment.objects.create(user=clerk, role=Role.VIEWER, unit=province.farmers)
    clerk = type(clerk).objects.get(pk=clerk.pk)  # the scope is cached on the user object
    assert _names(world, set(Nomination.objects.visible_to(clerk).values_list(
        "pk", flat=True))) == {"women", "farmers", "farmers_sub", "group"}
