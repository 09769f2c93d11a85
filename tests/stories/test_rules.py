"""Who sees and changes which story: the staff list, the permissions of each role."""

import pytest

from tests.stories.support import collective_honour, honour, story
from vinhdanh.stories.models import ExemplaryStory
from vinhdanh.stories.queries import records_for


@pytest.fixture
def stories(province):
    return {"farmers": story(honour(province.farmer_people[1]), title="Nông dân"),
            "women": story(honour(province.women_people[0]), title="Phụ nữ")}


def _seen(user):
    return set(ExemplaryStory.objects.visible_to(user).values_list("title", flat=True))


def test_visible_to_by_role(province, personas, stories):
    assert _seen(personas.board_officer) == {"Nông dân", "Phụ nữ"}
    assert _seen(personas.viewer) == {"Nông dân", "Phụ nữ"}
    assert _seen(personas.unit_clerk) == {"Nông dân"}


def test_group_leader_sees_member_units_stories(province, personas, stories):
    # Member units' own stories, not those of their sub-units (the farmers' story is).
    story(collective_honour(province.women), title="Tập thể")
    assert _seen(personas.group_leader) == {"Phụ nữ", "Tập thể"}


def test_nobody_without_a_role_sees_stories(province, stories):
    from tests.factories import UserFactory

    assert _seen(UserFactory()) == set()


def test_clerk_of_another_unit_may_not_change_or_submit(province, personas, stories):
    clerk = personas.unit_clerk
    women = stories["women"]
    assert not clerk.has_perm("stories.view_story", women)
    assert not clerk.has_perm("stories.change_story", women)
    assert not clerk.has_perm("stories.submit_story", women)
    assert clerk.has_perm("stories.change_story", stories["farmers"])


@pytest.mark.parametrize("persona, publishes", [
    ("board_officer", True), ("admin", True), ("unit_clerk", False),
    ("group_leader", False), ("viewer", False), ("signer", False)])
def test_publish_permission(province, personas, stories, persona, publishes):
    assert getattr(personas, persona).has_perm(
        "stories.publish_story", stories["farmers"]) is publishes


def test_viewer_may_not_draft(province, personas):
    assert not personas.viewer.has_perm("stories.add_story")
    assert personas.unit_clerk.has_perm("stories.add_story")
    assert personas.group_leader.has_perm("stories.add_story")


def test_records_for_clerk_are_his_units_and_not_revoked(province, personas):
    own = honour(province.farmer_people[1])
    revoked = honour(province.farmer_people[0])
    revoked.revoked_on = revoked.decision_date
    revoked.save()
    honour(province.women_people[0])
    assert list(records_for(personas.unit_clerk)) == [own]


def test_records_for_group_leader_are_member_collectives(province, personas):
    flag = collective_honour(province.women)
    honour(province.women_people[0])
    collective_honour(province.women_sub)
    assert list(records_for(personas.group_leader)) == [flag]
