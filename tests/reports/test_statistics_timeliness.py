"""Timeliness of the dossiers decided in a year: working days from submission to decision
(the sum of the journey's steps, as core.workdays counted them) and the share within the
limit (the sum of the limits of the steps the dossier went through)."""

import datetime as dt

import pytest

from tests.reports import statistics_support as support
from vinhdanh.core.workdays import working_days_between
from vinhdanh.nominations.models import Nomination
from vinhdanh.reports.statistics import dashboard
from vinhdanh.reports.statistics.timeliness import journeys, summarise


@pytest.fixture
def dossiers(province, personas):
    return support.journeys(province, personas)


def _days(days: list[dt.date]) -> int:
    return working_days_between(days[0], days[-1])


def test_each_journey_sums_the_working_days_and_the_limits(dossiers):
    # journeys() groups without an order (PostgreSQL returned the late one first): sorted,
    # the on-time dossier (fewer days) comes first.
    on_time, late = sorted(journeys(
        Nomination.objects.filter(pk__in=[dossiers.on_time.pk, dossiers.late.pk])))
    assert on_time == (22, 3 + 25 + 20 + 5)
    assert late[0] == _days(support.LATE) > late[1]


def test_summary_of_the_year(personas, province, dossiers):
    rows = [list(row[1:]) for row in dashboard(
        personas.board_officer, year=2025, unit=province.farmers).chart("timeliness").table.rows]
    on_time, late = _days(support.ON_TIME), _days(support.LATE)
    # Columns: 2024, 2025.
    assert rows[0] == [1, 2]
    assert rows[1] == [_days(support.LAST_YEAR), (on_time + late) / 2]
    assert rows[2] == [_days(support.LAST_YEAR), round((on_time + late) / 2, 1)]
    assert rows[3] == [1, 1]
    assert rows[4] == [1.0, 0.5]


def test_the_province_counts_the_other_union_and_a_clerk_does_not(personas, province,
                                                                  dossiers):
    board = dashboard(personas.board_officer, year=2025, unit=province.root)
    assert board.chart("timeliness").table.rows[0][1:] == [1, 3]
    clerk = dashboard(personas.unit_clerk, year=2025, unit=province.root)
    assert clerk.chart("timeliness").table.rows[0][1:] == [1, 2]


def test_a_decided_dossier_makes_a_year_with_data(personas, province, dossiers):
    board = dashboard(personas.board_officer, year=2025, unit=province.women)
    assert board.has_data  # no honour record there, but a dossier decided
    assert not board.chart("timeliness").is_empty


def test_summarise_without_dossiers():
    empty = summarise([])
    assert (empty.decided, empty.median_days, empty.mean_days, empty.share_within) == (
        0, None, None, None)
