"""About 300 fictional people for the demo units, with valid citizen IDs.

Everything comes from one seeded ``random.Random``, so every load gives the same people.
"""

import datetime as dt
import random
from dataclasses import dataclass

from vinhdanh.core import citizen_id
from vinhdanh.demo import names
from vinhdanh.organisations.enums import CadreCategory, Gender
from vinhdanh.organisations.models import Person

SEED = 2023
PEOPLE = 300
# Most people were registered at birth in a handful of neighbouring provinces.
HOME_CODES = ("038", "040", "042")
LATEST_START = dt.date(2023, 9, 1)


@dataclass(frozen=True)
class Profile:
    head: str
    deputies: tuple[str, ...]
    staff: tuple[tuple[str, bool], ...]  # (position, direct worker)
    weight: int = 1  # share of the ordinary staff this kind of unit gets


OFFICER = ("Chuyên viên", False)
PROFILES = {
    "front": Profile("Chủ tịch", ("Phó Chủ tịch", "Phó Chủ tịch"), (OFFICER,)),
    "youth": Profile("Bí thư Tỉnh đoàn", ("Phó Bí thư Tỉnh đoàn",), (OFFICER,)),
    "office": Profile(
        "Chánh Văn phòng", ("Phó Chánh Văn phòng",),
        (OFFICER, ("Văn thư", False), ("Kế toán", False), ("Nhân viên lái xe", True)),
    ),
    "board": Profile("Trưởng ban", ("Phó Trưởng ban",), (OFFICER,)),
    "dept": Profile("Giám đốc", ("Phó Giám đốc", "Phó Giám đốc"), (OFFICER,)),
    "division": Profile("Trưởng phòng", ("Phó Trưởng phòng",), (OFFICER,)),
    "school": Profile("Hiệu trưởng", ("Phó Hiệu trưởng",), (("Giáo viên", True),), weight=3),
    "college": Profile("Hiệu trưởng", ("Phó Hiệu trưởng",), (("Giảng viên", True),), weight=2),
    "hospital": Profile("Giám đốc", ("Phó Giám đốc",),
                        (("Bác sĩ", True), ("Điều dưỡng", True)), weight=3),
    "public": Profile("Giám đốc", ("Phó Giám đốc",), (("Bác sĩ", True), ("Viên chức", False))),
    "broadcaster": Profile(
        "Giám đốc", ("Phó Giám đốc",),
        (("Phóng viên", True), ("Kỹ thuật viên", True), ("Biên tập viên", False)),
    ),
    "enterprise": Profile("Giám đốc", ("Phó Giám đốc",), (("Kỹ sư", False), ("Công nhân", True))),
    "workshop": Profile("Giám đốc xí nghiệp", ("Phó Giám đốc xí nghiệp",),
                        (("Công nhân vận hành", True), ("Công nhân", True)), weight=3),
    "district": Profile("Chủ tịch UBND huyện", ("Phó Chủ tịch UBND huyện",), (OFFICER,)),
    "town": Profile("Chủ tịch UBND thị trấn", ("Phó Chủ tịch UBND thị trấn",),
                    (("Công chức Văn phòng – Thống kê", False), ("Tổ trưởng tổ dân phố", True)),
                    weight=2),
    "commune": Profile("Chủ tịch UBND xã", ("Phó Chủ tịch UBND xã",),
                       (("Công chức Văn phòng – Thống kê", False), ("Hội viên Hội Nông dân", True),
                        ("Nông dân", True), ("Trưởng thôn", True), ("Hội viên Hội Phụ nữ", True)),
                       weight=4),
    "ward": Profile("Chủ tịch UBND phường", ("Phó Chủ tịch UBND phường",),
                    (("Công chức Văn hóa – Xã hội", False), ("Tổ trưởng tổ dân phố", True),
                     ("Tiểu thương", True)), weight=2),
}
# The leadership category (statutory forms 0602.N/0603.N) of a unit's head and deputies.
LEADER_CATEGORY = {
    **dict.fromkeys(("front", "youth", "office", "board", "dept", "district"),
                    CadreCategory.DEPARTMENT_LEADER),
    **dict.fromkeys(("enterprise", "workshop"), CadreCategory.BUSINESS_MANAGER),
}


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return dt.date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))


def _years_after(day: dt.date, years: int) -> dt.date:
    return dt.date(day.year + years, day.month, min(day.day, 28))


def make_citizen_id(rng: random.Random, gender: str, born: dt.date, taken: set) -> str:
    """A fresh 12-digit ID whose province, century/gender digit and year fit the person."""
    codes = sorted(citizen_id.PROVINCE_CODES)  # sorted: a frozenset's order varies per run
    century = (born.year // 100 - 19) * 2 + (gender == Gender.FEMALE)
    while True:
        province = rng.choice(HOME_CODES) if rng.random() < 0.8 else rng.choice(codes)
        value = f"{province}{century}{born.year % 100:02d}{rng.randrange(10**6):06d}"
        if value not in taken:
            taken.add(value)
            return value


def _slots(units: dict, specs, rng: random.Random) -> list[tuple]:
    """(unit, position, direct worker, leadership category or "" for staff) for every
    person to create."""
    staffed = [(units[s.code], PROFILES[s.profile],
                LEADER_CATEGORY.get(s.profile, CadreCategory.OTHER_LEADER))
               for s in specs if s.profile]
    slots = [(unit, p.head, False, category) for unit, p, category in staffed]
    slots += [(unit, title, False, category) for unit, p, category in staffed
              for title in p.deputies]
    weights = [p.weight for _, p, _category in staffed]
    for unit, profile, _category in rng.choices(staffed, weights=weights,
                                                k=PEOPLE - len(slots)):
        title, direct = rng.choice(profile.staff)
        slots.append((unit, title, direct, ""))
    return slots


def build_people(units: dict, specs, rng: random.Random) -> list[Person]:
    """Unsaved people for ``units`` (refresh_derived already called)."""
    slots = _slots(units, specs, rng)
    rng.shuffle(slots)  # so the tricky names land in all kinds of units
    taken, people = set(), []
    for (unit, position, direct, category), (full_name, gender) in zip(
        slots, names.names(rng, len(slots)), strict=True
    ):
        born = _day(rng, dt.date(1965, 1, 1), dt.date(1982 if category else 2000, 12, 31))
        start = min(_day(rng, _years_after(born, 21), _years_after(born, 30)), LATEST_START)
        person = Person(
            full_name=full_name, gender=gender, date_of_birth=born, unit=unit,
            citizen_id=make_citizen_id(rng, gender, born, taken), position=position,
            is_direct_worker=direct, cadre_category=category, employment_start=start,
        )
        person.refresh_derived()
        people.append(person)
    return people


def create_people(units: dict, specs, *, seed: int = SEED) -> list[Person]:
    """Writes the demo people in one bulk insert; returns them."""
    return Person.objects.bulk_create(build_people(units, specs, random.Random(seed)))
