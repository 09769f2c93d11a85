"""A year (2024) of the conftest bloc (Farmers' Union leader, Women's Union deputy) with
known figures for its summary report, and what must stay out of it: another group (the
Finance department's bloc) with its own movement, reports and honours, and other years.

2024, in the bloc:
- movement "Vì người nghèo" (province, cascading): year-end reports of both members, the
  target "Hộ thoát nghèo" 30 + 45,5 of 100; a mid-year and a 2023 report that do not count;
- campaign "5 không, 3 sạch" (Women's Union, members named): only the Farmers reported;
- the ranking (Farmers 92, Women 88,5) with a Cờ proposal voted 2-0-0 and a Bằng khen one;
- dossiers: a submitted Cờ dossier of the Farmers' sub-unit; a draft that does not count;
- honours decided in 2024: LĐTT to a direct worker of the Farmers, CSTĐ cơ sở to a Women's
  person, Tập thể LĐTT to the Farmers' sub-unit; not counted: a revoked one, one decided in
  2025;
- the 2023 copy of the bloc (the previous year) with one honour, not to a direct worker.
"""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from tests.factories import PersonFactory, UnitFactory
from tests.scoring.factories import published_revision
from vinhdanh.honors.models import Honor, HonorRecord
from vinhdanh.movements.enums import MovementKind, ReportPeriod
from vinhdanh.movements.services.movements import launch_movement
from vinhdanh.movements.services.pledges import save_pledge
from vinhdanh.movements.services.reports import submit_report
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination, NominationBatch
from vinhdanh.organisations.enums import GroupKind
from vinhdanh.organisations.services.groups import create_group
from vinhdanh.scoring.models import RankingEntry
from vinhdanh.scoring.services.proposals import make_proposals
from vinhdanh.scoring.services.reviews import record_review, record_vote
from vinhdanh.scoring.services.templates import create_template, update_template

YEAR = 2024
REVIEW_ON = dt.date(2024, 12, 20)


def record(honour: str, day: dt.date, **candidate) -> HonorRecord:
    return HonorRecord.objects.create(honor=Honor.objects.get(code=honour), year=day.year,
                                      decision_date=day, decision_number="12/QĐ-HND",
                                      **candidate)


def _poverty(province, finance):
    movement = launch_movement(
        actor=None, kind=MovementKind.REGULAR, name="Vì người nghèo", launched_by=province.root,
        starts_on=dt.date(2023, 1, 1), ends_on=dt.date(2025, 12, 31), cascade=True,
        participants=[province.root],
        targets=[{"name": "Hộ thoát nghèo", "measure": "hộ", "target_value": 100},
                 {"name": "Buổi tuyên truyền", "measure": "buổi", "target_value": None}])
    poor, talks = list(movement.targets.all())
    for unit, value, year, period in (
            (province.farmers, "30", YEAR, ReportPeriod.YEAR_END),
            (province.women, "45.5", YEAR, ReportPeriod.YEAR_END),
            (province.farmers, "10", YEAR, ReportPeriod.MID_YEAR),
            (province.farmers, "7", 2023, ReportPeriod.YEAR_END),
            (finance, "1000", YEAR, ReportPeriod.YEAR_END)):
        submit_report(movement, actor=None, unit=unit, year=year, period=period,
                      summary="Báo cáo", figures={poor: Decimal(value)})
    return movement


def _campaign(province):
    campaign = launch_movement(
        actor=None, kind=MovementKind.CAMPAIGN, name="Xây dựng gia đình 5 không, 3 sạch",
        launched_by=province.women, starts_on=dt.date(2024, 1, 1), cascade=False,
        participants=[province.farmers, province.women],
        targets=[{"name": "Hộ đạt tiêu chí", "measure": "hộ", "target_value": 50}])
    submit_report(campaign, actor=None, unit=province.farmers, year=YEAR,
                  period=ReportPeriod.YEAR_END, summary="Báo cáo",
                  figures={campaign.targets.get(): Decimal(20)})
    return campaign


def _elsewhere(finance):
    """A movement of the other group only, and one that ended before the year."""
    launch_movement(actor=None, kind=MovementKind.REGULAR, name="Tiết kiệm ngân sách",
                    launched_by=finance, starts_on=dt.date(2024, 1, 1), cascade=False,
                    participants=[finance])
    launch_movement(actor=None, kind=MovementKind.REGULAR, name="Phong trào năm 2022",
                    launched_by=finance.parent, starts_on=dt.date(2022, 1, 1),
                    ends_on=dt.date(2022, 12, 31), participants=[finance.parent])


def _ranking(province):
    template = create_template(province.bloc, actor=None)
    update_template(template, actor=None, flag_count=1, merit_count=1)
    finals = [(province.farmers, Decimal(92)), (province.women, Decimal("88.5"))]
    revision = published_revision(template, finals)
    RankingEntry.objects.bulk_create(  # publication writes them; the factory does not
        RankingEntry(revision=revision, unit=unit, rank=rank, final_score=score)
        for rank, (unit, score) in enumerate(finals, start=1))
    proposals = make_proposals(revision)
    review = record_review(province.bloc, actor=None, held_on=REVIEW_ON,
                           participants=[province.farmers, province.women],
                           results="Hoàn thành tốt nhiệm vụ năm 2024.",
                           directions="Năm 2025 tiếp tục đổi mới.")
    record_vote(review, proposals[0], actor=None, agree=2)
    return proposals


def _dossiers(province, finance):
    flag = Honor.objects.get(code="co_thi_dua_tinh")
    for unit, proposer, state in ((province.farmers_sub, province.farmers_sub,
                                   NominationState.SUBMITTED),
                                  (province.women, province.women, NominationState.DRAFT),
                                  (finance, finance, NominationState.SUBMITTED)):
        batch = NominationBatch.objects.create(year=YEAR, title="Tờ trình",
                                               proposing_unit=proposer)
        Nomination.objects.create(batch=batch, honor=flag, unit=unit, state=state)


def _honours(province, finance_person):
    worker = PersonFactory(unit=province.farmers_sub, is_direct_worker=True)
    women_person = province.women_people[1]
    record("lao_dong_tien_tien", dt.date(2024, 12, 10), person=worker)
    record("chien_si_thi_dua_co_so", dt.date(2024, 12, 12), person=women_person)
    record("tap_the_lao_dong_tien_tien", dt.date(2024, 12, 15), unit=province.farmers_sub)
    revoked = record("lao_dong_tien_tien", dt.date(2024, 12, 10), person=women_person)
    HonorRecord.objects.filter(pk=revoked.pk).update(revoked_on=dt.date(2025, 2, 1))
    HonorRecord.objects.create(honor=Honor.objects.get(code="bang_khen_tinh"), year=YEAR,
                               decision_date=dt.date(2025, 1, 20), person=worker)
    record("lao_dong_tien_tien", dt.date(2024, 12, 10), person=finance_person)
    record("lao_dong_tien_tien", dt.date(2023, 12, 10), person=province.farmer_people[0])
    return worker


def summary_world(province) -> SimpleNamespace:
    finance = UnitFactory(code="STC", name="Sở Tài chính", parent=province.root)
    other = create_group(actor=None, kind=GroupKind.BLOC, year=YEAR, code="QLNN",
                         name="Khối các cơ quan quản lý nhà nước", members=[finance],
                         organiser=province.root, leader=finance)
    previous = create_group(actor=None, kind=GroupKind.BLOC, year=2023, code="MTTQ",
                            name="Khối MTTQ năm 2023", members=[province.farmers, province.women],
                            organiser=province.root, leader=province.women)
    save_pledge(province.bloc, actor=None, text="Giao ước thi đua năm 2024.",
                signed_on=dt.date(2024, 2, 20),
                signatories=[{"unit": province.farmers, "representative": "Đinh Thị Mận",
                              "position": "Chủ tịch"},
                             {"unit": province.women, "representative": "Hà Thị Nguyệt",
                              "position": "Chủ tịch"}])
    finance_person = PersonFactory(unit=finance)
    _elsewhere(finance)
    return SimpleNamespace(
        bloc=province.bloc, other=other, previous=previous, finance=finance,
        poverty=_poverty(province, finance), campaign=_campaign(province),
        proposals=_ranking(province), worker=_honours(province, finance_person),
        dossiers=_dossiers(province, finance))
