import datetime as dt
import io
from decimal import Decimal

import pytest
from django.utils.translation import gettext

from tests.factories import UnitFactory
from tests.scoring.factories import published_revision
from vinhdanh.core.errors import DomainError
from vinhdanh.core.models import ActivityLog
from vinhdanh.honors.law.packs import effective_pack_for
from vinhdanh.organisations.enums import GroupKind
from vinhdanh.organisations.services.groups import create_group
from vinhdanh.scoring.enums import ProposalState
from vinhdanh.scoring.models import Proposal
from vinhdanh.scoring.services import proposals as svc
from vinhdanh.scoring.services.templates import create_template, update_template

FLAG, MERIT = "co_thi_dua_tinh", "bang_khen_tinh"


@pytest.fixture
def units(province):
    return [UnitFactory(code=f"DV{n}", name=f"Sở thử nghiệm {n}") for n in range(1, 6)]


@pytest.fixture
def template(units):
    group = create_group(actor=None, kind=GroupKind.BLOC, year=2024, code="KSO",
                         name="Khối các sở", members=units, leader=units[0])
    return create_template(group, actor=None)


def _finals(units, *scores):
    return list(zip(units, [None if s is None else Decimal(s) for s in scores], strict=True))


def _plan(proposals) -> list[tuple]:
    return [(p.unit.code, p.honor.code, p.rank, p.state) for p in proposals]


def test_make_proposals_takes_the_counts_from_the_rule_pack(template, units):
    revision = published_revision(template, _finals(units, 95, 90, 88, 80, 70))
    made = svc.make_proposals(revision)
    pack = effective_pack_for(dt.date(2024, 12, 20))
    flags = pack.emulation("group_flags").value
    merits = pack.emulation("group_merit_certificates").value
    assert [p.honor.code for p in made] == [FLAG] * flags + [MERIT] * merits
    assert _plan(made)[:2] == [("DV1", FLAG, 1, "proposed"), ("DV2", MERIT, 2, "proposed")]


def test_make_proposals_uses_the_groups_own_counts(template, units):
    update_template(template, actor=None, flag_count=2, merit_count=1)
    made = svc.make_proposals(published_revision(template, _finals(units, 95, 90, 88, 80, 70)))
    assert _plan(made) == [("DV1", FLAG, 1, "proposed"), ("DV2", FLAG, 2, "proposed"),
                           ("DV3", MERIT, 3, "proposed")]


def test_make_proposals_skips_units_without_a_final_score(template, units):
    update_template(template, actor=None, flag_count=1, merit_count=1)
    made = svc.make_proposals(published_revision(template, _finals(units, None, 90, None, 80,
                                                                   70)))
    assert _plan(made) == [("DV2", FLAG, 2, "proposed"), ("DV4", MERIT, 4, "proposed")]


def test_make_proposals_of_a_mid_year_round_makes_none(template, units):
    revision = published_revision(template, _finals(units, 95, 90, 88, 80, 70),
                                  period="mid_year")
    assert svc.make_proposals(revision) == []
    assert not Proposal.objects.exists()


def test_make_proposals_twice_keeps_the_first_ones(template, units):
    revision = published_revision(template, _finals(units, 95, 90, 88, 80, 70))
    first = svc.make_proposals(revision)
    assert svc.make_proposals(revision) == first
    assert Proposal.objects.count() == len(first)


def test_make_proposals_logs(template, units):
    svc.make_proposals(published_revision(template, _finals(units, 95, 90, 88, 80, 70)))
    assert ActivityLog.objects.filter(action="scoring.proposals_made").count() == 1


def test_correction_makes_new_proposals_and_keeps_the_old(template, units):
    first = published_revision(template, _finals(units, 95, 90, 88, 80, 70))
    svc.make_proposals(first)
    second = published_revision(template, _finals(units[::-1], 95, 90, 88, 80, 70), number=2)
    svc.make_proposals(second)
    assert first.proposals.first().unit.code == "DV1"
    assert [p.unit.code for p in svc.proposals_for(template.group)][:1] == ["DV5"]
    assert {p.revision_id for p in svc.proposals_for(template.group)} == {second.pk}


def test_proposals_for_a_group_without_a_ranking_is_empty(template, province):
    assert list(svc.proposals_for(template.group)) == []


def test_withdraw_proposal_keeps_the_reason_and_logs(template, units):
    proposal = svc.make_proposals(published_revision(template, _finals(units, 95, 90, 88, 80,
                                                                       70)))[0]
    svc.withdraw_proposal(proposal, actor=None, reason="Đơn vị có cán bộ bị kỷ luật")
    proposal.refresh_from_db()
    assert (proposal.state, proposal.note) == (ProposalState.WITHDRAWN,
                                               "Đơn vị có cán bộ bị kỷ luật")
    assert ActivityLog.objects.filter(action="scoring.proposal_withdrawn").count() == 1


def test_withdraw_proposal_without_reason_is_refused(template, units):
    proposal = svc.make_proposals(published_revision(template, _finals(units, 95, 90, 88, 80,
                                                                       70)))[0]
    with pytest.raises(DomainError) as error:
        svc.withdraw_proposal(proposal, actor=None, reason="  ")
    assert error.value.message_dict == {
        "reason": [gettext("Say why the proposal is withdrawn.")]}


def test_withdraw_proposal_twice_is_refused(template, units):
    proposal = svc.make_proposals(published_revision(template, _finals(units, 95, 90, 88, 80,
                                                                       70)))[0]
    svc.withdraw_proposal(proposal, actor=None, reason="Lý do")
    with pytest.raises(DomainError) as error:
        svc.withdraw_proposal(proposal, actor=None, reason="Lý do")
    assert error.value.messages == [
        gettext("Only a proposal that is still proposed can be withdrawn.")]


def test_withdraw_proposal_of_a_corrected_ranking_is_refused(template, units):
    old = svc.make_proposals(published_revision(template, _finals(units, 95, 90, 88, 80, 70)))
    published_revision(template, _finals(units, 95, 90, 88, 80, 70), number=2)
    with pytest.raises(DomainError) as error:
        svc.withdraw_proposal(old[0], actor=None, reason="Lý do")
    assert error.value.messages == [
        gettext("This proposal belongs to a corrected ranking and is kept as history.")]


def test_export_proposals_lists_rank_unit_score_honour_and_state(template, units):
    from openpyxl import load_workbook

    update_template(template, actor=None, flag_count=1, merit_count=1)
    revision = published_revision(template, _finals(units, "95.5", 90, 88, 80, 70))
    svc.make_proposals(revision)
    sheet = load_workbook(io.BytesIO(svc.export_proposals(revision))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3, max_col=5)]
    assert rows == [
        ["Hạng", "Đơn vị", "Điểm cuối cùng", "Hình thức đề nghị", "Trạng thái"],
        [1, "Sở thử nghiệm 1", 95.5, "Cờ thi đua của Ủy ban nhân dân tỉnh",
         str(ProposalState.PROPOSED.label)],
        [2, "Sở thử nghiệm 2", 90, "Bằng khen của Chủ tịch UBND tỉnh",
         str(ProposalState.PROPOSED.label)],
    ]
