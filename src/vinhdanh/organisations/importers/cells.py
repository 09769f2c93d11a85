"""Reading one cell as Excel hands it over: text, dates, yes/no, choices and citizen IDs.

Each reader returns a Python value or raises CellProblem with the reason for the user.
"""

import datetime as dt
import re
from functools import lru_cache

from django.utils.translation import gettext as _

from vinhdanh.core import citizen_id
from vinhdanh.core.text import fold, nfc
from vinhdanh.organisations.models.person import CITIZEN_ID_MESSAGES

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1 January 1900 (with Lotus's leap-year bug)
LAST_SERIAL = 2958465  # 31 December 9999
_NUMERIC_DATE = re.compile(
    r"(\d{1,4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
)
# Decree 30/2020 form; a place name may come first ("Hà Nội, ngày 05 tháng 02 năm 2026").
_WORDED_DATE = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{2}|\d{4})$")


class CellProblem(ValueError):
    """The cell's value cannot be used; the message is the reason shown to the user."""


@lru_cache(maxsize=4096)  # the same few words ("Nam", "Có") fill most coded cells
def key(value: str) -> str:
    """Comparison form of a header or a choice: folded, without notes, marks or punctuation."""
    bare = re.sub(r"\(.*?\)", " ", fold(nfc(value)))
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value) -> str:
    """The value as the user sees it in Excel, for error reports."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return nfc(str(value))[:100]


def text(value, max_length: int) -> str:
    """NFC text with single spaces; numbers keep the digits Excel shows."""
    raw = value if isinstance(value, str) else shown(value)
    result = " ".join(nfc(raw).split())
    if len(result) > max_length:
        raise CellProblem(_("At most %(count)s characters.") % {"count": max_length})
    return result


def date(value, *, today: dt.date | None = None) -> dt.date:
    """A real date cell, an Excel serial number or day-first text in the common forms."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_serial(value)
    return _from_text(fold(str(value)), today or dt.date.today())


def past_date(value, *, today: dt.date | None = None) -> dt.date:
    """A date of birth: any accepted form, but not after today."""
    today = today or dt.date.today()
    result = date(value, today=today)
    if result > today:
        raise CellProblem(_("A date of birth cannot be in the future."))
    return result


def _not_a_date() -> CellProblem:
    return CellProblem(_("Not a date: write the day first, as dd/mm/yyyy."))


def _from_serial(number: float) -> dt.date:
    if not 1 <= number <= LAST_SERIAL:
        raise _not_a_date()
    return EXCEL_EPOCH + dt.timedelta(days=int(number))


def _from_text(folded: str, today: dt.date) -> dt.date:
    worded = _WORDED_DATE.search(folded)
    numeric = worded or _NUMERIC_DATE.fullmatch(folded)
    if numeric is None:
        raise _not_a_date()
    first, month, last = numeric.groups()
    if len(first) == 4 and not worded:  # ISO order, year first
        first, last = last, first
    if len(first) > 2 or len(last) not in (2, 4):
        raise _not_a_date()
    return _calendar_day(int(first), int(month), _full_year(last, today))


def _full_year(digits: str, today: dt.date) -> int:
    """Two-digit years mean the most recent such year that is not in the future."""
    if len(digits) == 4:
        return int(digits)
    century = today.year // 100 * 100
    return century + int(digits) - (100 if int(digits) > today.year % 100 else 0)


def _calendar_day(day: int, month: int, year: int) -> dt.date:
    if year < 1900:
        raise _not_a_date()
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellProblem(_("There is no such day in the calendar.")) from None


def choice(value, vocabulary: dict[str, str]) -> str:
    """The code of the choice written in the cell, compared by key()."""
    found = vocabulary.get(key(shown(value)))
    if found is None:
        raise CellProblem(accepted_values_message(vocabulary))
    return found


def accepted_values_message(vocabulary) -> str:
    shown_values = getattr(vocabulary, "shown", None) or sorted(set(vocabulary.values()))
    return _("Not one of the accepted values: %(values)s.") % {"values": ", ".join(shown_values)}


class Vocabulary(dict):
    """Accepted spellings (by key()) mapped to codes, and the ones to show users."""

    def __init__(self, spellings: dict[str, str], shown_values: list[str]):
        super().__init__({key(word): code for word, code in spellings.items()})
        self.shown = shown_values


YES_NO = Vocabulary(
    {"Có": True, "x": True, "1": True, "true": True, "yes": True, "đúng": True,
     "Không": False, "0": False, "false": False, "no": False, "sai": False},
    ["Có", "Không"],
)


def yes_no(value) -> bool:
    if isinstance(value, bool):
        return value
    return choice(value, YES_NO)


def citizen_id_text(value) -> str:
    """Twelve digits; a number from Excel gets back the leading zeros it lost."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not float(value).is_integer() or not 0 < value < 10**12:
            raise CellProblem(str(CITIZEN_ID_MESSAGES["format"]))
        return f"{int(value):012d}"
    return "".join(str(value).split()).lstrip("'")


def check_citizen_id(value: str, *, gender: str | None, born: dt.date | None) -> None:
    found = citizen_id.problems(value, gender=gender, born=born)
    if found:
        raise CellProblem(" ".join(str(CITIZEN_ID_MESSAGES[name]) for name in found))
