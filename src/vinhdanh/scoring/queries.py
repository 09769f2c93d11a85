"""Visibility of templates, rounds and scores, and who may score as which unit.

Peer scoring is blind: while the peer pass is open, a peer value is shown only to the
scoring unit's own clerks and to the user who typed it. Board officers, administrators and
group editors may enter a unit's sheet (a unit without a clerk, a signed paper sheet handed
to the leader), but they do not read the values others typed, nor overwrite them
(``services.scores``); the group leader and the board see only who has finished
(``services.passes.missing_scores``) until the pass closes.
"""

from django.db.models import Q, QuerySet

from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import EmulationGroup, Unit
from vinhdanh.organisations.queries import scope_of
from vinhdanh.organisations.rules import edits_group
from vinhdanh.scoring.enums import PassKind
from vinhdanh.scoring.models import Score, ScoringPass, ScoringRound, ScoringTemplate

# Unit-scoped roles that may enter scores for the units they reach.
ACTING_ROLES = frozenset({Role.UNIT_CLERK, Role.BOARD_OFFICER, Role.ADMIN})
# The unit's own staff: the only ones who read its peer values while the pass is open.
OWN_UNIT_ROLES = frozenset({Role.UNIT_CLERK})


def members_of(group: EmulationGroup) -> list[Unit]:
    """The group's member units in rotation order."""
    return [m.unit for m in group.memberships.select_related("unit")]


def acting_units(user, group: EmulationGroup) -> list[Unit]:
    """Member units of ``group`` the user may score for (superusers: all members)."""
    scope = scope_of(user)
    return [unit for unit in members_of(group) if scope.covers_unit(unit, ACTING_ROLES)]


def own_units(user, group: EmulationGroup) -> list[Unit]:
    """Member units whose own clerk the user is (not reached through a province-wide role)."""
    scope = scope_of(user)
    paths = scope.paths(OWN_UNIT_ROLES)
    return [unit for unit in members_of(group)
            if any(unit.path.startswith(path) for path in paths)]


def is_group_editor(user, group: EmulationGroup) -> bool:
    """Group editors manage the rounds and enter the leader pass as the leader unit."""
    return scope_of(user).everything or bool(edits_group(user, group))


def scoring_units(user, scoring_pass: ScoringPass) -> list[Unit]:
    """The units the user may enter ``scoring_pass`` as.

    The leader pass: the leader unit, for group editors. The self and peer passes: the
    acting units, and for group editors every member (units often hand their signed sheets
    to the leader, who types them in).
    """
    group = scoring_pass.round.template.group
    editor = is_group_editor(user, group)
    if scoring_pass.kind == PassKind.LEADER:
        return [group.leader] if editor and group.leader is not None else []
    return members_of(group) if editor else acting_units(user, group)


def subjects_for(scoring_pass: ScoringPass, scorer: Unit) -> list[Unit]:
    """The units ``scorer`` scores in this pass: itself, every other member, or everyone."""
    members = members_of(scoring_pass.round.template.group)
    if scoring_pass.kind == PassKind.SELF:
        return [unit for unit in members if unit.pk == scorer.pk]
    if scoring_pass.kind == PassKind.PEER:
        return [unit for unit in members if unit.pk != scorer.pk]
    return members


def pass_of(scoring_round: ScoringRound, kind: str) -> ScoringPass | None:
    return next((p for p in scoring_round.passes.all() if p.kind == kind), None)


def current_pass(scoring_round: ScoringRound) -> ScoringPass | None:
    """The open pass (the round's state names its kind), or None."""
    return pass_of(scoring_round, scoring_round.state)


def templates_visible_to(user) -> QuerySet[ScoringTemplate]:
    groups = EmulationGroup.objects.visible_to(user)
    return ScoringTemplate.objects.filter(group__in=groups).select_related("group")


def rounds_visible_to(user) -> QuerySet[ScoringRound]:
    groups = EmulationGroup.objects.visible_to(user)
    return ScoringRound.objects.filter(template__group__in=groups).select_related(
        "template__group"
    )


def _closed_kinds(scoring_round: ScoringRound) -> set[str]:
    return {p.kind for p in scoring_round.passes.all() if p.closed_at is not None}


def _typed_by(user) -> Q:
    return Q(entered_by=user) if user.is_authenticated else Q(pk__in=[])


def _self_q(user, closed, acting, editor) -> Q:
    # Once the self pass is closed the peers read the self-scores they are to weigh.
    if PassKind.SELF in closed and (acting or editor):
        return Q(kind=PassKind.SELF)
    return Q(kind=PassKind.SELF) & (Q(scorer__in=acting) | _typed_by(user))


def _peer_q(user, closed, acting, own, editor) -> Q:
    if PassKind.PEER not in closed:
        return Q(kind=PassKind.PEER) & (Q(scorer__in=own) | _typed_by(user))
    if editor:
        return Q(kind=PassKind.PEER)
    return Q(kind=PassKind.PEER) & (Q(scorer__in=acting) | Q(subject__in=acting))


def _leader_q(closed, acting, editor) -> Q:
    if editor:
        return Q(kind=PassKind.LEADER)
    if PassKind.LEADER in closed:
        return Q(kind=PassKind.LEADER, subject__in=acting)
    return Q(pk__in=[])


def scores_visible_to(user, scoring_round: ScoringRound) -> QuerySet[Score]:
    """The scores of ``scoring_round`` the user may read (see the module docstring)."""
    group = scoring_round.template.group
    closed = _closed_kinds(scoring_round)
    acting = [unit.pk for unit in acting_units(user, group)]
    own = [unit.pk for unit in own_units(user, group)]
    editor = is_group_editor(user, group)
    visible = (_self_q(user, closed, acting, editor) | _peer_q(user, closed, acting, own, editor)
               | _leader_q(closed, acting, editor))
    return Score.objects.filter(visible, scoring_pass__round=scoring_round)
