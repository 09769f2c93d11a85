"""Helpers of the workflow tests (passes, scores, publication, visibility, reminders).

The bloc of the ``province`` fixture has two members; peer scoring needs a third, so
``three_unit_bloc`` adds the Veterans' Association and a clerk for each member.
"""

from decimal import Decimal
from types import SimpleNamespace

from tests.factories import UnitFactory, UserFactory
from tests.scoring.factories import CriterionFactory, ScoringTemplateFactory
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import RoleAssignment
from vinhdanh.organisations.services.groups import set_members
from vinhdanh.scoring.enums import CriterionKind, RoundPeriod
from vinhdanh.scoring.queries import members_of
from vinhdanh.scoring.services.passes import open_round, required_sheets, scored_criteria
from vinhdanh.scoring.services.scores import record_sheet


def clerk_of(unit, username, email=""):
    user = UserFactory(username=username, email=email)
    RoleAssignment.objects.create(user=user, role=Role.UNIT_CLERK, unit=unit)
    return user


def three_unit_bloc(province, personas):
    """The bloc with HND (leader), HLHPN and HCCB, a clerk each, and a scoring template."""
    veterans = UnitFactory(code="HCCB", name="Hội Cựu chiến binh tỉnh", parent=province.root)
    bloc = set_members(province.bloc, actor=None,
                       members=[province.farmers, province.women, veterans])
    template = ScoringTemplateFactory(group=bloc)
    section = CriterionFactory(template=template, kind=CriterionKind.SECTION, code="I",
                               max_points=Decimal(30))
    criteria = [
        CriterionFactory(template=template, parent=section, code="1", max_points=Decimal(10)),
        CriterionFactory(template=template, parent=section, code="2", max_points=Decimal(20),
                         evidence_required=True),
        CriterionFactory(template=template, kind=CriterionKind.BONUS, code="3",
                         max_points=Decimal(5)),
        CriterionFactory(template=template, kind=CriterionKind.PENALTY, code="4",
                         max_points=Decimal(5)),
    ]
    return SimpleNamespace(
        bloc=bloc, template=template, section=section, criteria=criteria,
        farmers=province.farmers, women=province.women, veterans=veterans,
        farmers_clerk=personas.unit_clerk,
        women_clerk=clerk_of(province.women, "clerk.women", "phunu@example.vn"),
        veterans_clerk=clerk_of(veterans, "clerk.veterans", "ccb@example.vn"),
        leader=personas.group_leader, officer=personas.board_officer, admin=personas.admin,
    )


def start(world, period=RoundPeriod.YEAR_END, **kwargs):
    return open_round(world.template, actor=world.leader, period=period, **kwargs)


def pass_of(scoring_round, kind):
    return scoring_round.passes.get(kind=kind)


def rows(criteria, points=Decimal(4), **extra):
    return [dict(criterion=c, points=points, **extra) for c in criteria]


def fill_sheet(scoring_pass, scorer, subject, points=Decimal(4), actor=None):
    criteria = scored_criteria(scoring_pass.round.template)
    return record_sheet(scoring_pass, actor=actor, scorer=scorer, subject=subject,
                        rows=rows(criteria, points))


def fill_pass(scoring_pass, points=Decimal(4), skip=()):
    """Every required sheet of the pass, as the system, except the (scorer, subject) pairs
    of ``skip``."""
    members = members_of(scoring_pass.round.template.group)
    for scorer, subject in required_sheets(scoring_pass, members):
        if (scorer, subject) not in skip:
            fill_sheet(scoring_pass, scorer, subject, points)
