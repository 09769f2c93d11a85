"""The statutory public holidays of a year (Bộ luật Lao động 2019, Điều 112), as data.

``fill_statutory_holidays`` writes them as ``Holiday`` rows; the province then corrects or
confirms the days the Government fixes each year (the exact Tết days, the day next to
Quốc khánh, swaps).
"""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.enums import HolidayKind
from vinhdanh.core.models import Holiday

SOURCE = "Bộ luật Lao động 2019, Điều 112"
SOURCE_IN_LIEU = "Bộ luật Lao động 2019, Điều 112 khoản 3"

# First day of the lunar year (mùng 1 Tết) and 10th day of the 3rd lunar month (Giỗ Tổ Hùng
# Vương), by the Vietnamese lunisolar calendar (computed for UTC+7, so it differs from the
# Chinese one in some years, e.g. 2030). Checked against python-holidays 0.109
# (VIETNAMESE_CALENDAR) and the Government's holiday schedules for 2023–2026.
LUNAR_NEW_YEAR = {
    2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6),
    2028: (1, 26), 2029: (2, 13), 2030: (2, 2), 2031: (1, 23), 2032: (2, 11),
    2033: (1, 31), 2034: (2, 19), 2035: (2, 8),
}
HUNG_KINGS = {
    2023: (4, 29), 2024: (4, 18), 2025: (4, 7), 2026: (4, 26), 2027: (4, 16),
    2028: (4, 4), 2029: (4, 23), 2030: (4, 12), 2031: (4, 1), 2032: (4, 19),
    2033: (4, 9), 2034: (4, 28), 2035: (4, 17),
}
# Quốc khánh is 2/9 and one adjacent day (1/9 or 3/9) that the Government picks each year;
# these are the days its schedules used. Other years default to 1/9, unconfirmed either way.
NATIONAL_DAY_ADJACENT = {2023: 1, 2024: 3, 2025: 1, 2026: 1}
YEARS = range(min(LUNAR_NEW_YEAR), max(LUNAR_NEW_YEAR) + 1)


def statutory_holidays(year: int) -> list[Holiday]:
    """The holidays of Article 112 for ``year`` (unsaved), then the days off in lieu."""
    if year not in LUNAR_NEW_YEAR:
        raise ValueError(_("Lunar dates are known for %(first)d–%(last)d only.")
                         % {"first": YEARS[0], "last": YEARS[-1]})
    days = [(dt.date(year, 1, 1), "Tết Dương lịch", True)]
    days += _tet(year)
    days.append((dt.date(year, *HUNG_KINGS[year]), "Giỗ Tổ Hùng Vương", True))
    days.append((dt.date(year, 4, 30), "Ngày Chiến thắng", True))
    days.append((dt.date(year, 5, 1), "Ngày Quốc tế Lao động", True))
    days.append((dt.date(year, 9, 2), "Quốc khánh", True))
    adjacent = dt.date(year, 9, NATIONAL_DAY_ADJACENT.get(year, 1))
    days.append((adjacent, "Quốc khánh (ngày liền kề)", False))
    holidays = [Holiday(day=d, name=name, kind=HolidayKind.HOLIDAY, source=SOURCE,
                        confirmed=confirmed) for d, name, confirmed in sorted(days)]
    return holidays + _in_lieu(holidays)


def _tet(year: int) -> list[tuple[dt.date, str, bool]]:
    # "Tết Âm lịch: 05 ngày": the last day of the old year and the first 4 of the new one.
    first = dt.date(year, *LUNAR_NEW_YEAR[year])
    names = ["Tết Nguyên đán (ngày cuối năm)"] + [f"Tết Nguyên đán (mùng {i})" for i in range(1, 5)]
    return [(first + dt.timedelta(days=i - 1), name, True) for i, name in enumerate(names)]


def _in_lieu(holidays: list[Holiday]) -> list[Holiday]:
    # Art. 112(3): a holiday on the weekly rest day gives a day off on the next working day.
    # Unconfirmed: the yearly schedule often moves these days (and Tết) by a swap.
    taken = {h.day for h in holidays}
    days_off = []
    for holiday in (h for h in holidays if h.day.weekday() >= 5):
        day = holiday.day
        while day in taken or day.weekday() >= 5:
            day += dt.timedelta(days=1)
        taken.add(day)
        days_off.append(Holiday(day=day, name=f"Nghỉ bù {holiday.name}", kind=HolidayKind.DAY_OFF,
                                source=SOURCE_IN_LIEU, confirmed=False))
    return days_off


@transaction.atomic
def fill_statutory_holidays(year: int, *, actor=None) -> int:
    """Adds the statutory holidays and days off in lieu of ``year`` that have no row yet.

    Existing rows (a province may have corrected them) are left as they are, so running it
    again adds nothing. Writes one ActivityLog entry when it adds rows. Returns how many.
    """
    wanted = statutory_holidays(year)
    existing = set(Holiday.objects.filter(day__in=[h.day for h in wanted])
                   .values_list("day", flat=True))
    new = Holiday.objects.bulk_create([h for h in wanted if h.day not in existing])
    if new:
        message = _("Public holidays of %(year)d filled in: %(count)d new days.")
        log_action(None, actor=actor, action="holidays.filled",
                   message=message % {"year": year, "count": len(new)}, year=year)
    return len(new)
