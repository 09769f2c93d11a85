"""0601.N: movements launched in the year, by launcher, duration band and method."""

import datetime as dt

import pytest

from vinhdanh.movements.enums import MovementKind
from vinhdanh.movements.models import Movement
from vinhdanh.reports.statutory.facts import duration_band
from vinhdanh.reports.statutory.forms import CURRENT
from vinhdanh.reports.statutory.report import build_report

YEAR = 2024  # the conftest bloc's year


def _movement(kind, launcher, starts_on, ends_on, participants=()):
    movement = Movement.objects.create(kind=kind, name=f"Phong trào {starts_on}",
                                       launched_by=launcher, starts_on=starts_on,
                                       ends_on=ends_on)
    movement.participants.set(participants)
    return movement


@pytest.fixture
def movements(province):
    day = dt.date
    _movement(MovementKind.REGULAR, province.root, day(YEAR, 1, 9), day(YEAR, 12, 31))
    _movement(MovementKind.THEMATIC, province.farmers, day(YEAR, 3, 1), day(YEAR + 2, 2, 28),
              [province.farmers, province.women])  # the bloc's leader, for the bloc
    _movement(MovementKind.THEMATIC, province.farmers_sub, day(YEAR, 5, 1), day(YEAR, 7, 31),
              [province.farmers_sub])
    _movement(MovementKind.REGULAR, province.root, day(YEAR, 2, 1), None)
    _movement(MovementKind.CAMPAIGN, province.women, day(YEAR, 1, 1), day(YEAR, 12, 31))
    _movement(MovementKind.REGULAR, province.root, day(YEAR - 1, 1, 1), day(YEAR, 12, 31))


def _filled(user, unit):
    return build_report(user, year=YEAR, unit=unit, forms=[CURRENT.get("0601.N")]).forms[0]


@pytest.mark.parametrize(("starts_on", "ends_on", "band"), [
    (dt.date(2024, 1, 1), dt.date(2024, 11, 30), "lt1"),
    (dt.date(2024, 1, 9), dt.date(2024, 12, 31), "1"),
    (dt.date(2024, 1, 1), dt.date(2025, 6, 30), "1to3"),
    (dt.date(2023, 1, 1), dt.date(2025, 12, 31), "3to5"),
    (dt.date(2021, 1, 1), dt.date(2025, 12, 31), "ge5"),
    (dt.date(2024, 1, 1), None, "open"),
])
def test_duration_band_by_calendar_months(starts_on, ends_on, band):
    assert duration_band(starts_on, ends_on) == band


@pytest.mark.django_db
def test_movements_by_launcher_band_and_method(movements, province, personas):
    form = _filled(personas.board_officer, province.root)
    assert form.figure("Tổng số", "Tổng số") == 4  # not the campaign, not last year's
    assert form.figure("Tổng số", "Bộ, ngành, tỉnh phát động", "Chia ra") == 2
    assert form.figure("Tổng số", "Cơ quan, đơn vị phát động", "Chia ra") == 2
    assert form.figure("Tổng số", "Trung ương phát động", "Chia ra") is None
    assert form.figure("Cụm, khối thi đua", "Tổng số") == 1
    assert form.figure("Cơ quan, đơn vị", "Tổng số") == 1
    bands = ("Dưới 1 năm", "1 năm", "Từ trên 1 năm đến dưới 3 năm", "Từ 3 năm đến dưới 5 năm",
             "Không xác định thời hạn (chưa có ngày kết thúc)")
    assert [form.figure(band, "Tổng số") for band in bands] == [1, 1, 1, 0, 1]
    assert form.figure("Theo chuyên đề (theo đợt)", "Tổng số") == 2
    assert len(form.notes) == 2  # the campaign left out is said


@pytest.mark.django_db
def test_movements_of_a_subtree_only(movements, province, personas):
    form = _filled(personas.unit_clerk, province.farmers)
    assert form.figure("Tổng số", "Tổng số") == 2
    # Launched by the reporting unit itself: the column of the reporting level.
    assert form.figure("Tổng số", "Bộ, ngành, tỉnh phát động", "Chia ra") == 1
