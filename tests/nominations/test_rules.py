"""Who may move a dossier: the role × transition matrix.

For a unit's own batch and for a group's batch, in every state a dossier can reach, each
persona's ``allowed_actions`` is checked against the table below, and each transition the
state allows but the persona may not do is refused by the service with PermissionDenied,
leaving the dossier as it was.
"""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from tests.factories import GroupFactory, UserFactory
from tests.nominations.support import at, clerk_for, dossier
from vinhdanh.core.audit import history_of
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination
from vinhdanh.nominations.services import comments, workflow
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import RoleAssignment

S = NominationState
PERSONAS = ("admin", "board_officer", "group_leader", "unit_clerk", "other_clerk",
            "council_member", "signer", "viewer")
BOARD = {"admin", "board_officer"}
PREPARERS = BOARD | {"unit_clerk"}
REVIEWERS = BOARD | {"group_leader"}
NOBODY = set()

# (group batch?, state) -> action -> personas allowed. Actions not listed: nobody.
UNIT_ROUTE = {
    S.DRAFT: {"submit": PREPARERS, "withdraw": PREPARERS},
    S.SUBMITTED: {"receive": BOARD, "return": BOARD, "withdraw": PREPARERS},
    S.APPRAISAL: {"publish": BOARD, "pass_to_council": BOARD, "return": BOARD,
                  "reject": BOARD, "withdraw": PREPARERS},
    S.PUBLIC_COMMENT: {"pass_to_council": BOARD, "return": BOARD, "reject": BOARD,
                       "withdraw": PREPARERS},
    S.READY: {"return": BOARD, "reject": BOARD, "withdraw": PREPARERS},
    S.RETURNED: {"submit": PREPARERS, "withdraw": PREPARERS},
}
GROUP_ROUTE = {
    **UNIT_ROUTE,
    S.SUBMITTED: {"start_group_review": REVIEWERS, "return": REVIEWERS,
                  "withdraw": PREPARERS},
    S.GROUP_REVIEW: {"forward": REVIEWERS, "return": REVIEWERS, "withdraw": PREPARERS},
}
MATRIX = {(False, state): table for state, table in UNIT_ROUTE.items()} | {
    (True, state): table for state, table in GROUP_ROUTE.items()}
ORDER = list(workflow.TRANSITIONS)
LATER = at(dt.date.today() + dt.timedelta(days=30))  # every comment window has closed


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def people(personas, province):
    return SimpleNamespace(**vars(personas),
                           other_clerk=clerk_for(province.women, "clerk.women"))


def reach(province, clerk, grouped: bool, state: str) -> Nomination:
    """A dossier brought to ``state`` along its real route by the system (actor None)."""
    nomination = dossier(province, clerk, group=province.bloc if grouped else None)
    system = {"actor": None}
    if state == S.DRAFT:
        return nomination
    workflow.submit(nomination, **system)
    if state == S.SUBMITTED:
        return nomination
    if grouped:
        workflow.start_group_review(nomination, **system)
        if state == S.GROUP_REVIEW:
            return nomination
        workflow.forward(nomination, **system)
    else:
        workflow.receive(nomination, **system)
    if state == S.RETURNED:
        workflow.return_nomination(nomination, reason="Bổ sung hồ sơ", **system)
    elif state == S.PUBLIC_COMMENT:
        comments.publish_notice([nomination], title="Lấy ý kiến", days=1, **system)
    elif state == S.READY:
        workflow.pass_to_council(nomination, **system)
    nomination.refresh_from_db()
    assert nomination.state == state
    return nomination


def attempt(action: str, nomination, user):
    if action == "publish":
        return comments.publish_notice([nomination], actor=user, title="Lấy ý kiến", days=7)
    kwargs = {"actor": user}
    if workflow.TRANSITIONS[action].needs_reason:
        kwargs["reason"] = "Lý do"
    if action == "submit":
        kwargs["justification"] = "Đề nghị xét"
    if action == "pass_to_council":
        kwargs["now"] = LATER
    function = {"return": workflow.return_nomination}.get(action) or getattr(workflow, action)
    return function(nomination, **kwargs)


def snapshot(nomination) -> tuple:
    row = Nomination.objects.get(pk=nomination.pk)
    return row.state, row.version, row.steps.count(), history_of(row).count()


CASES = sorted(MATRIX)


@pytest.mark.parametrize(("grouped", "state"), CASES,
                         ids=[f"{'group' if g else 'unit'}-{s}" for g, s in CASES])
def test_allowed_actions_follow_the_matrix(province, people, grouped, state):
    nomination = reach(province, people.unit_clerk, grouped, state)
    table = MATRIX[(grouped, state)]
    for persona in PERSONAS:
        expected = [a for a in ORDER if persona in table.get(a, NOBODY)]
        assert workflow.allowed_actions(nomination, getattr(people, persona)) == expected, \
            persona


@pytest.mark.parametrize(("grouped", "state"), CASES,
                         ids=[f"{'group' if g else 'unit'}-{s}" for g, s in CASES])
def test_the_services_refuse_who_the_matrix_refuses(province, people, grouped, state):
    nomination = reach(province, people.unit_clerk, grouped, state)
    before = snapshot(nomination)
    for action, allowed in MATRIX[(grouped, state)].items():
        for persona in set(PERSONAS) - allowed:
            with pytest.raises(PermissionDenied):
                attempt(action, nomination, getattr(people, persona))
            assert snapshot(nomination) == before, (action, persona)


@pytest.mark.parametrize(("grouped", "state"), CASES,
                         ids=[f"{'group' if g else 'unit'}-{s}" for g, s in CASES])
@pytest.mark.parametrize("persona", sorted(BOARD | {"unit_clerk", "group_leader"}))
def test_the_services_let_through_who_the_matrix_allows(province, people, grouped, state,
                                                        persona):
    for action, allowed in MATRIX[(grouped, state)].items():
        if persona not in allowed:
            continue
        nomination = reach(province, people.unit_clerk, grouped, state)
        attempt(action, nomination, getattr(people, persona))
        nomination.refresh_from_db()
        assert nomination.state == workflow.TRANSITIONS[action].target, (action, persona)


def test_the_group_leader_of_another_group_may_not_review(province, people):
    other = GroupFactory(year=2024, organiser=province.root)
    stranger = UserFactory(username="leader.other")
    RoleAssignment.objects.create(user=stranger, role=Role.GROUP_LEADER, group=other)
    nomination = reach(province, people.unit_clerk, True, S.SUBMITTED)
    assert workflow.allowed_actions(nomination, stranger) == []
    with pytest.raises(PermissionDenied):
        workflow.start_group_review(nomination, actor=stranger)


def test_a_sub_unit_batch_is_prepared_by_the_clerk_above(province, people):
    below = clerk_for(province.farmers_sub, "clerk.sub")
    nomination = dossier(province, below)
    assert nomination.batch.proposing_unit == province.farmers_sub
    assert workflow.allowed_actions(nomination, people.unit_clerk) == ["submit", "withdraw"]
    # ...but the sub-unit's clerk does not prepare his parent's batch.
    parent = dossier(province, people.unit_clerk)
    assert workflow.allowed_actions(parent, below) == []


@pytest.mark.parametrize(("persona", "farmers", "women"), [
    ("admin", True, True), ("board_officer", True, True), ("unit_clerk", True, False),
    ("other_clerk", False, True), ("group_leader", False, False),
    ("council_member", False, False), ("signer", False, False), ("viewer", False, False),
])
def test_who_may_start_a_batch_for_a_unit(province, people, persona, farmers, women):
    user = getattr(people, persona)
    assert user.has_perm("nominations.add_nominationbatch", province.farmers) is farmers
    assert user.has_perm("nominations.add_nominationbatch", province.women) is women


@pytest.mark.parametrize(("persona", "moderates"), [
    ("admin", True), ("board_officer", True), ("unit_clerk", False), ("other_clerk", False),
    ("group_leader", False), ("council_member", False), ("signer", False), ("viewer", False),
])
def test_only_the_board_moderates_comments(people, persona, moderates):
    assert getattr(people, persona).has_perm("nominations.moderate_comment") is moderates


def test_change_batch_follows_the_proposing_unit(province, people):
    nomination = dossier(province, people.unit_clerk)
    allowed = {p for p in PERSONAS
               if getattr(people, p).has_perm("nominations.change_nominationbatch",
                                              nomination.batch)}
    assert allowed == PREPARERS
