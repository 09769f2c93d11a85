"""A synthetic province for the benchmark: a unit tree of depth 4 and many people.

Written with bulk_create (derived columns filled by ``refresh_derived()`` first, unit paths
computed level by level), so 200,000 people take seconds, not the minutes the services would.
Everything is drawn from one seeded random generator: every run builds the same province.
"""

import datetime as dt
import random
from dataclasses import dataclass

from vinhdanh.demo.names import random_name
from vinhdanh.organisations.enums import Gender, Role, UnitKind, UnitLevel
from vinhdanh.organisations.models import Person, RoleAssignment, Unit, User

SEED = 2023
HOME_CODES = ("038", "040", "042", "044")
POSITIONS = [("Chuyên viên", False), ("Trưởng phòng", False), ("Phó Trưởng phòng", False),
             ("Công nhân", True), ("Nông dân", True), ("Giáo viên", True), ("Kế toán", False)]
OFFICER, CLERK = "bench.officer", "bench.clerk"
PASSWORD = "bench-only-password"  # noqa: S105 - a throwaway database under /tmp


@dataclass(frozen=True)
class Size:
    units: int
    people: int
    import_rows: int
    fan_out: tuple[int, int]  # children per unit at depths 1 and 2; depth 3 takes the rest


SIZES = {
    "small": Size(units=300, people=20_000, import_rows=10_000, fan_out=(10, 5)),
    # 1 province → 30 organisations → 300 sub-units → 2,669 grassroots units
    "full": Size(units=3_000, people=200_000, import_rows=100_000, fan_out=(30, 10)),
}
LEVEL_KINDS = (
    (UnitKind.PROVINCE, UnitLevel.PROVINCE, "Tỉnh Thử Nghiệm"),
    (UnitKind.STATE, UnitLevel.PROVINCE, "Sở Tổng hợp"),
    (UnitKind.PUBLIC_SERVICE, UnitLevel.GRASSROOTS, "Trung tâm Dịch vụ"),
    (UnitKind.COMMUNE, UnitLevel.COMMUNE, "Xã Đồng Thuận"),
)


def citizen_id(gender: str, born: dt.date, serial: int, rng: random.Random) -> str:
    """Unique by ``serial`` (below 10**6), valid for the gender and the year of birth."""
    century = (born.year // 100 - 19) * 2 + (gender == Gender.FEMALE)
    return f"{rng.choice(HOME_CODES)}{century}{born.year % 100:02d}{serial:06d}"


def _level_counts(total: int, fan_out) -> list[int]:
    counts = [1]
    for fan in fan_out:
        counts.append(counts[-1] * fan)
    counts.append(total - sum(counts))
    return counts


def _save_level(units: list[Unit], parents: list[Unit]) -> list[Unit]:
    """Inserts one level, then writes each unit's materialised path below its parent."""
    for unit in units:
        unit.refresh_derived()
    created = Unit.objects.bulk_create(units, batch_size=1000)
    by_id = {p.pk: p for p in parents}
    for unit in created:
        unit.path = unit.path_below(by_id[unit.parent_id].path if unit.parent_id else "")
        unit.depth = unit.path.count("/") - 2
    Unit.objects.bulk_update(created, ["path", "depth"], batch_size=1000)
    return created


def build_units(total: int, fan_out) -> list[list[Unit]]:
    """The unit tree, returned level by level (root first)."""
    levels, parents = [], []
    for depth, count in enumerate(_level_counts(total, fan_out)):
        kind, level, label = LEVEL_KINDS[depth]
        units = [
            Unit(code=f"B{depth}-{i:05d}", name=f"{label} {i + 1}", kind=kind, level=level,
                 parent=parents[i % len(parents)] if parents else None,
                 mostly_direct_workers=depth == 3 and i % 3 == 0)
            for i in range(count)
        ]
        parents = _save_level(units, parents)
        levels.append(parents)
    return levels


def person_row(rng: random.Random, serial: int) -> dict:
    """One person's fields (no unit): the same draw feeds the database and the import file."""
    gender = rng.choice([Gender.MALE, Gender.FEMALE])
    born = dt.date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))
    position, direct = rng.choice(POSITIONS)
    return {
        "full_name": random_name(rng, gender), "gender": gender, "date_of_birth": born,
        "citizen_id": citizen_id(gender, born, serial, rng), "position": position,
        "is_direct_worker": direct,
        "employment_start": dt.date(born.year + rng.randint(20, 25), rng.randint(1, 12), 1),
    }


def build_people(units: list[Unit], count: int, rng: random.Random, batch: int = 5000) -> None:
    pending = []
    for serial in range(count):
        person = Person(unit=rng.choice(units), **person_row(rng, serial))
        person.refresh_derived()
        pending.append(person)
        if len(pending) == batch:
            Person.objects.bulk_create(pending)
            pending = []
    Person.objects.bulk_create(pending)


def build_users(root: Unit, clerk_unit: Unit) -> tuple[User, User]:
    officer = User.objects.create_user(OFFICER, password=PASSWORD, full_name="Cán bộ Ban TĐKT")
    clerk = User.objects.create_user(CLERK, password=PASSWORD, full_name="Văn thư đơn vị")
    RoleAssignment.objects.create(user=officer, role=Role.BOARD_OFFICER, unit=root)
    RoleAssignment.objects.create(user=clerk, role=Role.UNIT_CLERK, unit=clerk_unit)
    return officer, clerk


def generate(size: Size) -> dict:
    """Fills an empty database; returns what the other workloads need to know."""
    rng = random.Random(SEED)
    levels = build_units(size.units, size.fan_out)
    # People sit mostly in the lower levels, a few in the upper ones.
    weighted = levels[1] + levels[2] * 3 + levels[3] * 6
    build_people(weighted, size.people, rng)
    build_users(levels[0][0], levels[1][0])
    return {"units": sum(len(level) for level in levels), "people": size.people,
            "unit_codes": [u.code for level in levels[1:] for u in level]}
