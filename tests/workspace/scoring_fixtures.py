"""Fixtures of the scoring-page tests: a bloc of three units, its table and rounds.

Test modules load it with ``pytest_plugins = ["tests.workspace.scoring_fixtures"]``.
"""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from tests.factories import UnitFactory
from tests.workspace.scoring_ui_support import fill, fill_peers, fill_self, members, persona
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.services.groups import set_members
from vinhdanh.scoring.enums import CriterionKind, PassKind, RoundPeriod
from vinhdanh.scoring.services import passes
from vinhdanh.scoring.services import templates as template_services


@pytest.fixture
def bloc(province):
    """The province's bloc with a third member, the youth union."""
    youth = UnitFactory(code="DTN", name="Tỉnh đoàn", parent=province.root)
    set_members(province.bloc, actor=None, members=[province.farmers, province.women, youth])
    province.youth = youth
    return province


@pytest.fixture
def women_clerk(bloc):
    return persona(Role.UNIT_CLERK, unit=bloc.women, username="clerk-women")


@pytest.fixture
def outsider(db):
    unit = UnitFactory(code="NGOAI", name="Sở ngoài khối")
    return persona(Role.UNIT_CLERK, unit=unit, username="outsider")


@pytest.fixture
def table(bloc):
    """A table: a section with two criteria, another with a bonus and a penalty item."""
    template = template_services.create_template(bloc.bloc, actor=None)
    add = template_services.add_criterion
    section = add(template, actor=None, kind=CriterionKind.SECTION, title="Công tác thi đua",
                  max_points=Decimal(0), code="I")
    extra = add(template, actor=None, kind=CriterionKind.SECTION, title="Điểm thưởng, điểm trừ",
                max_points=Decimal(0), code="II")
    items = SimpleNamespace(
        section=section,
        first=add(template, actor=None, kind=CriterionKind.STANDARD, parent=section,
                  title="Ban hành kế hoạch", max_points=Decimal(10), code="1"),
        second=add(template, actor=None, kind=CriterionKind.STANDARD, parent=section,
                   title="Tổ chức phong trào", max_points=Decimal(20), code="2",
                   evidence_required=False),
        bonus=add(template, actor=None, kind=CriterionKind.BONUS, title="Sáng kiến",
                  max_points=Decimal(5), code="1", parent=extra),
        penalty=add(template, actor=None, kind=CriterionKind.PENALTY, title="Chậm báo cáo",
                    max_points=Decimal(3), code="2", parent=extra),
    )
    template.items = items
    return template


@pytest.fixture
def scoring_round(table):
    return passes.open_round(table, actor=None, period=RoundPeriod.YEAR_END)


@pytest.fixture
def closed_round(scoring_round, bloc):
    """Every pass done (the women's union scored the youth far below the others)."""
    units = members(bloc)
    fill_self(scoring_round, units)
    passes.advance_round(scoring_round, actor=None)
    fill_peers(scoring_round, units)
    fill(scoring_round, PassKind.PEER, bloc.women, bloc.youth, ["1", "2", "0", "3"])
    passes.advance_round(scoring_round, actor=None)
    passes.advance_round(scoring_round, actor=None)
    scoring_round.refresh_from_db()
    return scoring_round


@pytest.fixture
def published_round(closed_round):
    from vinhdanh.scoring.services.publication import publish_round

    publish_round(closed_round, actor=None, confirmation="CÔNG BỐ")
    closed_round.refresh_from_db()
    return closed_round
