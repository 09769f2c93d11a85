"""Who sees, drafts, signs and prints decisions: every persona against a draft and an issued
decision; drafts stay with the board and the signers, issued decisions are public to
anyone holding a role, and an anonymous visitor sees nothing here."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.decisions.support import draft, issued
from tests.factories import UserFactory
from vinhdanh.decisions.models import Certificate, Decision
from vinhdanh.decisions.queries import sees_drafts
from vinhdanh.decisions.services import issuing
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import RoleAssignment

pytestmark = pytest.mark.django_db

PERSONAS = ["admin", "board_officer", "group_leader", "unit_clerk", "council_member",
            "signer", "viewer", "anonymous"]
SEES_DRAFTS = {"admin", "board_officer", "signer"}
BOARD = {"admin", "board_officer"}
SIGNS = {"signer"}


@pytest.fixture
def decisions(province, personas):
    """A draft, a draft awaiting signature and an issued decision."""
    sent = draft(province, personas)
    issuing.send_for_signature(sent, actor=personas.board_officer)
    return {"draft": draft(province, personas), "awaiting": sent,
            "issued": issued(province, personas)}


def _user(personas, name):
    return AnonymousUser() if name == "anonymous" else getattr(personas, name)


def _perms(user, decision) -> set[str]:
    names = ("view_decision", "draft_decision", "sign_decision", "print_certificates")
    return {name for name in names if user.has_perm(f"decisions.{name}", decision)}


@pytest.mark.parametrize("name", PERSONAS)
def test_permissions_on_a_draft(personas, decisions, name):
    expected = ({"view_decision"} if name in SEES_DRAFTS else set()) | (
        {"draft_decision", "print_certificates"} if name in BOARD else set()) | (
        {"sign_decision"} if name in SIGNS else set())

    for state in ("draft", "awaiting"):
        assert _perms(_user(personas, name), decisions[state]) == expected, state


@pytest.mark.parametrize("name", PERSONAS)
def test_permissions_on_an_issued_decision(personas, decisions, name):
    expected = ({"view_decision"} if name != "anonymous" else set()) | (
        {"draft_decision", "print_certificates"} if name in BOARD else set()) | (
        {"sign_decision"} if name in SIGNS else set())

    assert _perms(_user(personas, name), decisions["issued"]) == expected


@pytest.mark.parametrize("name", PERSONAS)
def test_visible_list_of_each_persona(personas, decisions, name):
    user = _user(personas, name)

    visible = set(Decision.objects.visible_to(user))

    if name == "anonymous":
        assert visible == set()
    elif name in SEES_DRAFTS:
        assert visible == set(decisions.values())
    else:
        assert visible == {decisions["issued"]}
    assert sees_drafts(user) == (name in SEES_DRAFTS)


def test_a_signer_not_named_cannot_sign_but_sees_drafts(province, personas, decisions):
    deputy = UserFactory(username="phochutich")
    RoleAssignment.objects.create(user=deputy, role=Role.SIGNER, unit=province.root)
    unnamed = draft(province, personas, signer=None)

    assert not deputy.has_perm("decisions.sign_decision", decisions["awaiting"])
    assert deputy.has_perm("decisions.sign_decision", unnamed)
    assert deputy.has_perm("decisions.view_decision", decisions["draft"])


def test_unit_scoped_board_officer_and_signer_see_issued_only(province, personas, decisions):
    """The board's and signers' powers come from a grant over the whole province: the same
    roles held for one unit give nothing more than a viewer has."""
    officer = UserFactory(username="canbo_hnd")
    RoleAssignment.objects.create(user=officer, role=Role.BOARD_OFFICER, unit=province.farmers)
    signer = UserFactory(username="ky_hnd")
    RoleAssignment.objects.create(user=signer, role=Role.SIGNER, unit=province.women)

    for user in (officer, signer):
        assert set(Decision.objects.visible_to(user)) == {decisions["issued"]}
        assert _perms(user, decisions["draft"]) == set()
        assert _perms(user, decisions["issued"]) == {"view_decision"}


def test_a_user_without_any_role_sees_nothing(decisions):
    stranger = UserFactory(username="nguoila")

    assert not Decision.objects.visible_to(stranger).exists()
    assert _perms(stranger, decisions["issued"]) == set()


def test_certificates_follow_their_decision(personas, decisions):
    def visible(user):
        return Certificate.objects.filter(
            entry__decision__in=Decision.objects.visible_to(user))

    assert visible(personas.unit_clerk).get().entry.decision == decisions["issued"]
    assert not visible(AnonymousUser()).exists()
