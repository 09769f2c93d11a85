"""Object permissions of group scoring, built on the group predicates of organisations.

Who sees a group sees its template and rounds; group editors (the board over the organiser,
or the group-leader role) manage them; units enter scores through the units they act for.
"""

import rules

from vinhdanh.organisations.rules import edits_group, sees_group
from vinhdanh.scoring.enums import RoundState
from vinhdanh.scoring.queries import acting_units, is_group_editor

REVEALED_STATES = frozenset({RoundState.LEADER, RoundState.CLOSED, RoundState.PUBLISHED})


def _group_of(obj):
    """The EmulationGroup of a template or round (or the group itself)."""
    if obj is None:
        return None
    template = getattr(obj, "template", obj)
    return getattr(template, "group", template)


def _locked(template) -> bool:
    # The same test as services.templates.template_locked: once a round left DRAFT the
    # criteria are what units scored against.
    return template.rounds.exclude(state=RoundState.DRAFT).exists()


@rules.predicate
def sees_scoring(user, obj):
    return obj is not None and bool(sees_group(user, _group_of(obj)))


@rules.predicate
def manages_scoring(user, obj):
    return obj is not None and is_group_editor(user, _group_of(obj))


@rules.predicate
def changes_template(user, template):
    return bool(manages_scoring(user, template)) and not _locked(template)


@rules.predicate
def acts_in_group(user, obj):
    return obj is not None and bool(acting_units(user, _group_of(obj)))


@rules.predicate
def peers_revealed(user, scoring_round):
    # A preview of the ranking shows each scorer's totals: not before the peer pass closes.
    return scoring_round is not None and scoring_round.state in REVEALED_STATES


@rules.predicate
def ranking_published(user, scoring_round):
    # After a correction has started the earlier revision stays published and readable.
    return scoring_round is not None and (
        scoring_round.state == RoundState.PUBLISHED or scoring_round.revisions.exists()
    )


rules.add_perm("scoring.view_template", sees_scoring)
rules.add_perm("scoring.add_template", edits_group)
rules.add_perm("scoring.change_template", changes_template)
rules.add_perm("scoring.view_round", sees_scoring)
rules.add_perm("scoring.manage_round", manages_scoring)
rules.add_perm("scoring.enter_scores", acts_in_group | manages_scoring)
rules.add_perm("scoring.view_ranking",
               manages_scoring & peers_revealed | sees_scoring & ranking_published)
rules.add_perm("scoring.record_review", manages_scoring)
rules.add_perm("scoring.view_review", sees_scoring)
