import pytest
from django.utils import timezone

from tests.factories import UnitFactory
from tests.scoring.factories import ScoringTemplateFactory
from tests.scoring.workflow_support import clerk_of, start, three_unit_bloc
from vinhdanh.scoring.enums import RoundState
from vinhdanh.scoring.models import RankingRevision


@pytest.fixture
def world(province, personas):
    return three_unit_bloc(province, personas)


@pytest.fixture
def outsider(province):
    return clerk_of(UnitFactory(code="SYT", parent=province.root), "clerk.syt")


def test_view_template_for_members_and_not_for_outsiders(world, outsider):
    assert world.women_clerk.has_perm("scoring.view_template", world.template)
    assert not outsider.has_perm("scoring.view_template", world.template)


def test_add_template_for_group_editors_only(world, personas):
    assert world.leader.has_perm("scoring.add_template", world.bloc)
    assert world.officer.has_perm("scoring.add_template", world.bloc)
    assert not world.farmers_clerk.has_perm("scoring.add_template", world.bloc)
    assert not personas.viewer.has_perm("scoring.add_template", world.bloc)


def test_change_template_until_a_round_opens(world):
    assert world.leader.has_perm("scoring.change_template", world.template)
    assert not world.farmers_clerk.has_perm("scoring.change_template", world.template)

    start(world)

    assert not world.leader.has_perm("scoring.change_template", world.template)


def test_view_and_manage_round(world, personas, outsider):
    scoring_round = start(world)

    assert world.women_clerk.has_perm("scoring.view_round", scoring_round)
    assert not outsider.has_perm("scoring.view_round", scoring_round)
    assert world.leader.has_perm("scoring.manage_round", scoring_round)
    assert world.officer.has_perm("scoring.manage_round", scoring_round)
    assert not world.women_clerk.has_perm("scoring.manage_round", scoring_round)
    assert not personas.viewer.has_perm("scoring.manage_round", scoring_round)


def test_enter_scores_for_acting_users_and_managers(world, personas, outsider):
    scoring_round = start(world)

    assert world.women_clerk.has_perm("scoring.enter_scores", scoring_round)
    assert world.leader.has_perm("scoring.enter_scores", scoring_round)
    assert not personas.viewer.has_perm("scoring.enter_scores", scoring_round)
    assert not outsider.has_perm("scoring.enter_scores", scoring_round)


def test_view_ranking_is_hidden_from_everyone_while_peers_score(world):
    scoring_round = start(world)
    scoring_round.state = RoundState.PEER

    assert not world.leader.has_perm("scoring.view_ranking", scoring_round)
    assert not world.officer.has_perm("scoring.view_ranking", scoring_round)


def test_view_ranking_is_a_preview_for_managers_until_published(world, outsider):
    scoring_round = start(world)
    scoring_round.state = RoundState.LEADER

    assert world.leader.has_perm("scoring.view_ranking", scoring_round)
    assert not world.women_clerk.has_perm("scoring.view_ranking", scoring_round)
    scoring_round.state = RoundState.PUBLISHED
    assert world.women_clerk.has_perm("scoring.view_ranking", scoring_round)
    assert not outsider.has_perm("scoring.view_ranking", scoring_round)


def test_view_ranking_stays_during_a_correction(world):
    scoring_round = start(world)
    RankingRevision.objects.create(round=scoring_round, number=1, published_at=timezone.now(),
                                   results={})
    scoring_round.state = RoundState.LEADER

    assert world.women_clerk.has_perm("scoring.view_ranking", scoring_round)


def test_review_permissions(world, outsider):
    assert world.leader.has_perm("scoring.record_review", world.bloc)
    assert not world.women_clerk.has_perm("scoring.record_review", world.bloc)
    assert world.women_clerk.has_perm("scoring.view_review", world.bloc)
    assert not outsider.has_perm("scoring.view_review", world.bloc)


def test_permissions_of_another_groups_template_are_refused(world):
    other = ScoringTemplateFactory()

    assert not world.leader.has_perm("scoring.change_template", other)
    assert not world.women_clerk.has_perm("scoring.view_template", other)
