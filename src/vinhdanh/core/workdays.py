"""Working days for time limits ("trong thời hạn 20 ngày làm việc").

Monday to Friday are working days unless a ``Holiday`` row of kind ``holiday`` or ``day_off``
says otherwise; Saturday and Sunday are not, unless a ``working_day`` row (a swap) says so.

Counting convention, as in administrative practice: the day a dossier is received is not
counted; the limit runs from the next working day, and a limit of n working days ends at the
end of the n-th working day after receipt.

A ``Calendar`` holds the exceptions of one date range, read with one query, so computing the
deadlines of hundreds of dossiers costs one query: load it once for the whole span and pass it.
"""

import datetime as dt

from vinhdanh.core.enums import HolidayKind
from vinhdanh.core.models import Holiday

ONE_DAY = dt.timedelta(days=1)


class OutOfRange(ValueError):
    """A day outside the range the calendar was loaded for (its exceptions are unknown)."""


class Calendar:
    def __init__(self, first: dt.date, last: dt.date, exceptions: dict[dt.date, bool]):
        self.first, self.last = first, last
        self.exceptions = exceptions  # day -> is a working day, where it breaks the weekday rule

    @classmethod
    def load(cls, first: dt.date, last: dt.date) -> "Calendar":
        """Reads the exceptions between ``first`` and ``last`` (inclusive) in one query."""
        rows = Holiday.objects.filter(day__range=(first, last)).values_list("day", "kind")
        return cls(first, last, {day: kind == HolidayKind.WORKING_DAY for day, kind in rows})

    def is_working_day(self, day: dt.date) -> bool:
        if not self.first <= day <= self.last:
            span = f"{self.first:%d/%m/%Y}–{self.last:%d/%m/%Y}"
            raise OutOfRange(f"{day:%d/%m/%Y} is outside the loaded range {span}")
        return self.exceptions.get(day, day.weekday() < 5)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The day a limit of ``n`` working days received on ``start`` ends (``start`` itself
        for n = 0)."""
        if n < 0:
            raise ValueError("n must not be negative")
        day = start
        while n:
            day += ONE_DAY
            n -= self.is_working_day(day)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``; negative when end < start."""
        if end < start:
            return -self.working_days_between(end, start)
        days = (start + ONE_DAY * i for i in range(1, (end - start).days + 1))
        return sum(self.is_working_day(day) for day in days)


def _span_for(n: int) -> dt.timedelta:
    # Generous: a week holds at least 5 days, and Tết with its weekends blocks about 9 more.
    return dt.timedelta(days=2 * n + 30)


def is_working_day(day: dt.date, calendar: Calendar | None = None) -> bool:
    return (calendar or Calendar.load(day, day)).is_working_day(day)


def add_working_days(start: dt.date, n: int, calendar: Calendar | None = None) -> dt.date:
    """See ``Calendar.add_working_days``; without a calendar, loads one wide enough."""
    if calendar is not None:
        return calendar.add_working_days(start, n)
    return Calendar.load(start, start + _span_for(n)).add_working_days(start, n)


def working_days_between(start: dt.date, end: dt.date, calendar: Calendar | None = None) -> int:
    """See ``Calendar.working_days_between``."""
    calendar = calendar or Calendar.load(min(start, end), max(start, end))
    return calendar.working_days_between(start, end)
