"""Vietnamese citizen identity numbers (số định danh cá nhân / CCCD, 12 digits).

Layout (Circular 07/2016/TT-BCA, Art 7): 3 digits of the birth-registration province,
1 digit of gender and century, 2 digits of the birth year, then 6 random digits.
"""

import datetime as dt

PROVINCE_CODES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 "
    "034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 "
    "067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096".split()
)


def problems(value: str, *, gender: str | None = None, born: dt.date | None = None) -> list[str]:
    """Reasons (untranslated message keys) why ``value`` is not a valid citizen ID."""
    if len(value) != 12 or not value.isdigit():
        return ["format"]
    if value[:3] not in PROVINCE_CODES:
        return ["province"]
    found = []
    century_digit = int(value[3])
    if born is not None:
        if century_digit // 2 != (born.year // 100) - 19 or value[4:6] != f"{born.year % 100:02d}":
            found.append("birth_year")
    if gender in {"male", "female"} and century_digit % 2 != (gender == "female"):
        found.append("gender")
    return found
