"""Base salary (mức lương cơ sở) by effective date (law.md §6; law-addendum.md §4)."""

import datetime as dt

# (valid from, VND per month, legal basis, confirmed by a source)
BASE_SALARIES = [
    (dt.date(2019, 7, 1), 1_490_000, "Nghị định 38/2019/NĐ-CP", True),
    (dt.date(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP", True),
    (dt.date(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP", True),
    # Reported by several sources, not yet checked against the Official Gazette.
    (dt.date(2026, 7, 1), 2_530_000, "Nghị định 161/2026/NĐ-CP", False),
]
