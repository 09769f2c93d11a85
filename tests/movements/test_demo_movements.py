import io

import pytest
from django.core.management import call_command

from vinhdanh.demo import movements as demo
from vinhdanh.movements.enums import MovementKind, ReportPeriod
from vinhdanh.movements.models import (
    Directive,
    Movement,
    Pledge,
    ProgressReport,
    Registration,
    RegistrationPeriod,
)
from vinhdanh.movements.queries import progress_table
from vinhdanh.organisations.models import EmulationGroup

ARTICLE_MOVEMENTS = [
    "Chung sức xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu",
    "Vì người nghèo - Không để ai bị bỏ lại phía sau",
    "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại, thực hành tiết kiệm, chống lãng phí",
    "Phát huy sáng kiến, cải tiến kỹ thuật",
    "Giải phóng mặt bằng",
    "Trách nhiệm, kỷ cương, tăng cường cải cách, tận dụng cơ hội, bứt phá đi lên",
]


@pytest.fixture
def loaded(db):
    call_command("load_demo", stdout=io.StringIO())
    if not Movement.objects.exists():  # until the lead wires it into the loader
        demo.create_movements()


def test_demo_has_the_article_s_movements_and_the_campaign(loaded):
    names = set(Movement.objects.values_list("name", flat=True))

    assert set(ARTICLE_MOVEMENTS) <= names
    assert Movement.objects.get(kind=MovementKind.CAMPAIGN).name == (
        "Xây dựng gia đình 5 không, 3 sạch")
    assert Directive.objects.filter(issuer="UBND tỉnh Hòa Sơn").count() >= 2
    assert set(ProgressReport.objects.filter(year=2023).values_list("period", flat=True)) == {
        ReportPeriod.MID_YEAR, ReportPeriod.YEAR_END}


def test_demo_movement_page_shows_a_unit_that_did_not_report(loaded):
    movement = Movement.objects.get(name=ARTICLE_MOVEMENTS[0])

    table = progress_table(movement, year=2023, period=ReportPeriod.YEAR_END,
                           reports=ProgressReport.objects.all())

    assert [unit.code for unit in table["missing"]] == ["TD"]
    assert len(table["rows"]) == 6
    assert all(total > 0 for _target, total in table["totals"])


def test_demo_registrations_periods_and_pledges(loaded):
    assert list(RegistrationPeriod.objects.values_list("year", flat=True)) == [2025, 2024, 2023]
    assert Registration.objects.filter(honor__code="co_thi_dua_tinh", year=2023).get(
    ).unit.code == "HCCB"
    assert Registration.objects.filter(person__isnull=False,
                                       honor__code="lao_dong_tien_tien").count() >= 20
    for year in (2023, 2024):
        group = EmulationGroup.objects.get(year=year, code=demo.BLOC)
        pledge = Pledge.objects.get(group=group)
        assert pledge.signatories.count() == group.memberships.count()


def test_demo_clear_removes_everything(loaded):
    demo.clear()

    assert not Movement.objects.exists()
    assert not Registration.objects.exists()
    assert not Pledge.objects.exists()
    assert not Directive.objects.exists()
