import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from vinhdanh.core.enums import HolidayKind
from vinhdanh.core.models import ActivityLog, Holiday
from vinhdanh.core.public_holidays import fill_statutory_holidays, statutory_holidays
from vinhdanh.core.workdays import (
    Calendar,
    OutOfRange,
    add_working_days,
    is_working_day,
    working_days_between,
)

D = dt.date


def holiday(day, kind=HolidayKind.HOLIDAY, name="Ngày nghỉ"):
    return Holiday.objects.create(day=day, name=name, kind=kind, confirmed=True)


def test_is_working_day_weekdays_yes_weekend_no(db):
    # 06/03/2026 is a Friday, 07/03/2026 a Saturday, 08/03/2026 a Sunday.
    assert [is_working_day(D(2026, 3, d)) for d in (6, 7, 8)] == [True, False, False]


def test_is_working_day_holiday_on_weekday_is_not(db):
    holiday(D(2026, 4, 30))  # a Thursday

    assert is_working_day(D(2026, 4, 30)) is False


def test_is_working_day_day_off_is_not(db):
    holiday(D(2026, 8, 31), kind=HolidayKind.DAY_OFF)  # a Monday, off by a swap

    assert is_working_day(D(2026, 8, 31)) is False


def test_is_working_day_working_saturday_is(db):
    holiday(D(2026, 8, 22), kind=HolidayKind.WORKING_DAY)  # a Saturday worked by the swap

    assert is_working_day(D(2026, 8, 22)) is True


def test_add_working_days_skips_weekend(db):
    # Received Friday 06/03/2026: day 1 is Monday 09/03/2026, day 5 is Friday 13/03/2026.
    assert (add_working_days(D(2026, 3, 6), 1), add_working_days(D(2026, 3, 6), 5)) == (
        D(2026, 3, 9), D(2026, 3, 13))


def test_add_working_days_zero_is_the_start(db):
    assert add_working_days(D(2026, 3, 7), 0) == D(2026, 3, 7)


def test_add_working_days_negative_raises(db):
    with pytest.raises(ValueError):
        add_working_days(D(2026, 3, 6), -1)


def test_add_working_days_counts_a_working_saturday(db):
    holiday(D(2026, 8, 22), kind=HolidayKind.WORKING_DAY)

    # Received Friday 21/08/2026: the Saturday 22/08/2026 is day 1.
    assert add_working_days(D(2026, 8, 21), 1) == D(2026, 8, 22)


def test_add_working_days_spans_tet_2026(db):
    fill_statutory_holidays(2026)

    # Received Thursday 12/02/2026. Day 1: Fri 13/02; 14–15/02 weekend; 16–20/02 Tết
    # (16/02 last day of the year Ất Tỵ, 17/02 mùng 1 … 20/02 mùng 4); 21–22/02 weekend;
    # days 2–6: Mon 23/02 – Fri 27/02; 28/02–01/03 weekend; days 7–10: Mon 02/03 – Thu 05/03.
    assert add_working_days(D(2026, 2, 12), 10) == D(2026, 3, 5)


def test_working_days_between_start_equals_end_is_zero(db):
    assert working_days_between(D(2026, 3, 6), D(2026, 3, 6)) == 0


def test_working_days_between_excludes_start_includes_end(db):
    # Friday 06/03/2026 to Monday 09/03/2026: only the Monday counts.
    assert working_days_between(D(2026, 3, 6), D(2026, 3, 9)) == 1


def test_working_days_between_swapped_is_negative(db):
    fill_statutory_holidays(2026)
    start, end = D(2026, 2, 12), D(2026, 3, 5)

    assert (working_days_between(start, end), working_days_between(end, start)) == (10, -10)


def test_working_days_between_inverts_add_working_days(db):
    fill_statutory_holidays(2026)
    calendar = Calendar.load(D(2026, 1, 1), D(2026, 12, 31))
    start = D(2026, 4, 24)  # a Friday before Giỗ Tổ (Sunday 26/04, off in lieu Monday 27/04)

    ends = [calendar.add_working_days(start, n) for n in range(0, 40)]

    assert [calendar.working_days_between(start, end) for end in ends] == list(range(0, 40))


def test_calendar_one_query_for_many_deadlines(db, django_assert_num_queries):
    fill_statutory_holidays(2026)
    received = [D(2026, 1, 1) + dt.timedelta(days=i) for i in range(300)]

    with django_assert_num_queries(1):
        calendar = Calendar.load(D(2026, 1, 1), D(2027, 3, 31))
        deadlines = [calendar.add_working_days(day, 20) for day in received]

    assert len(deadlines) == 300
    # Received Wednesday 11/02/2026: days 1–2 are 12–13/02, Tết 16–20/02, days 3–17 are the
    # three weeks 23/02 – 13/03, days 18–20 are 16–18/03/2026.
    assert deadlines[41] == D(2026, 3, 18)


def test_calendar_outside_loaded_range_raises(db):
    calendar = Calendar.load(D(2026, 3, 1), D(2026, 3, 10))

    with pytest.raises(OutOfRange):
        calendar.add_working_days(D(2026, 3, 6), 10)


@pytest.mark.parametrize(("year", "tet", "hung_kings"), [
    (2024, D(2024, 2, 10), D(2024, 4, 18)),
    (2025, D(2025, 1, 29), D(2025, 4, 7)),
    (2026, D(2026, 2, 17), D(2026, 4, 26)),
])
def test_statutory_holidays_known_lunar_dates(year, tet, hung_kings):
    names = {h.day: h.name for h in statutory_holidays(year)}

    assert names[tet] == "Tết Nguyên đán (mùng 1)"
    assert names[tet - dt.timedelta(days=1)] == "Tết Nguyên đán (ngày cuối năm)"
    assert names[hung_kings] == "Giỗ Tổ Hùng Vương"


def test_statutory_holidays_2023_days_off_in_lieu():
    days_off = [h.day for h in statutory_holidays(2023) if h.kind == HolidayKind.DAY_OFF]

    # Sunday 01/01/2023 → Monday 02/01; Tết Sat 21/01 and Sun 22/01 → Thu 26/01 and Fri 27/01
    # (23–25/01 are Tết); Sat 29/04 (Giỗ Tổ) and Sun 30/04 → Tue 02/05 and Wed 03/05 (Monday
    # 01/05 is itself a holiday); Sat 02/09 → Mon 04/09/2023.
    assert days_off == [D(2023, 1, 2), D(2023, 1, 26), D(2023, 1, 27), D(2023, 5, 2),
                        D(2023, 5, 3), D(2023, 9, 4)]


def test_statutory_holidays_unknown_year_raises():
    with pytest.raises(ValueError):
        statutory_holidays(2040)


def test_fill_statutory_holidays_counts_2026(db):
    added = fill_statutory_holidays(2026)

    # 01/01; Tết 16–20/02; 26/04 Giỗ Tổ (a Sunday) and its day off Mon 27/04; 30/04; 01/05;
    # 01/09 (adjacent day, unconfirmed) and 02/09.
    assert added == 12 == Holiday.objects.count()
    unconfirmed = Holiday.objects.filter(confirmed=False).values_list("day", flat=True)
    assert sorted(unconfirmed) == [D(2026, 4, 27), D(2026, 9, 1)]


def test_fill_statutory_holidays_is_idempotent(db):
    fill_statutory_holidays(2026)

    assert fill_statutory_holidays(2026) == 0
    assert Holiday.objects.count() == 12
    assert ActivityLog.objects.filter(action="holidays.filled").count() == 1


def test_fill_statutory_holidays_keeps_a_corrected_row(db):
    # The province moved the adjacent day of Quốc khánh and confirmed it; 01/09 stays a
    # working day in its calendar because it already holds a row of its own.
    Holiday.objects.create(day=D(2026, 9, 1), name="Làm việc bình thường", source="Tỉnh",
                           kind=HolidayKind.WORKING_DAY, confirmed=True)

    added = fill_statutory_holidays(2026)

    row = Holiday.objects.get(day=D(2026, 9, 1))
    assert (added, row.name, row.kind, row.confirmed) == (
        11, "Làm việc bình thường", HolidayKind.WORKING_DAY, True)


def test_holidays_command_fills_the_year(db):
    out = StringIO()

    call_command("holidays", "--year", "2027", stdout=out)

    # 11 holidays; Tết Sat 06/02 and Sun 07/02 → off Wed 10/02 and Thu 11/02; Sat 01/05 → Mon 03/05.
    assert out.getvalue().strip() == "2027: 14 new days"
    assert Holiday.objects.filter(day__year=2027, kind=HolidayKind.HOLIDAY).count() == 11
