"""The demo province's honour history for 2019–2025, so that the eligibility sweep has real
cases to find.

Everyone gets a task rating every year they worked, most staff Lao động tiên tiến most
years, and units their ratings and some collective titles. The Farmers' Union (HND) holds
the named cases of a Chiến sĩ thi đua cấp tỉnh sweep for 2024:

- ELIGIBLE: Chiến sĩ thi đua cơ sở 2022, 2023 and 2024 and a province-level initiative;
- GAP: CSTĐ cơ sở in 2022 and 2024 but not 2023;
- DISCIPLINED: like ELIGIBLE, but reprimanded in December 2024;
- HINT: CSTĐ cơ sở in 2023 and 2024 only (one more year and they qualify).

The Veterans' Association led its bloc in 2023 and holds the provincial emulation flag for
it. Everything comes from one seeded ``random.Random``; rows go in with bulk_create.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from vinhdanh.demo.names import random_name
from vinhdanh.honors.enums import (
    RATING_RANK,
    DisciplineLevel,
    InitiativeLevel,
    RecordSource,
    RestrictionKind,
    TaskRating,
)
from vinhdanh.honors.models import (
    DisciplinePeriod,
    Honor,
    HonorRecord,
    Initiative,
    TaskRatingRecord,
)
from vinhdanh.organisations.enums import Gender, UnitKind, UnitLevel
from vinhdanh.organisations.models import Household, Person, Unit

SEED = 2019
YEARS = range(2019, 2026)
LAST_IMPORTED = 2023  # older records came from the legacy files, newer ones were entered
PROVINCE_ISSUER = "UBND tỉnh Hòa Sơn"
FARMERS = "HND"
# (case, how many, CSTĐ cơ sở years, province-level initiative year)
CASES = [
    ("eligible", 3, (2022, 2023, 2024), 2024),
    ("gap", 2, (2022, 2024), 2024),
    ("disciplined", 1, (2022, 2023, 2024), 2023),
    ("hint", 2, (2023, 2024), 2024),
]
RATING_WEIGHTS = {TaskRating.EXCELLENT: 20, TaskRating.GOOD: 60, TaskRating.COMPLETED: 17,
                  TaskRating.NOT_COMPLETED: 3}
UNIT_RATING_WEIGHTS = {TaskRating.EXCELLENT: 35, TaskRating.GOOD: 55,
                       TaskRating.COMPLETED: 10}
HOUSEHOLD_COMMUNES = ("NK-KT", "NK-KH", "DL-LN", "DL-DS")
INITIATIVE_TITLES = [
    "Ứng dụng phần mềm quản lý hồ sơ hội viên", "Mô hình tổ hợp tác sản xuất lúa an toàn",
    "Số hóa quy trình tiếp nhận đơn thư", "Cải tiến quy trình chăm sóc người bệnh cao tuổi",
    "Sổ tay hướng dẫn nông dân chuyển đổi số", "Giải pháp tiết kiệm nước tưới vụ Đông Xuân",
    "Bộ câu hỏi ôn tập trực tuyến cho học sinh", "Mô hình chi hội nông dân nghề nghiệp",
]


def _good(rating) -> bool:
    return RATING_RANK[rating] >= RATING_RANK[TaskRating.GOOD]


@dataclass
class Book:
    """The unsaved rows, and the seeded choices that fill them."""

    rng: random.Random
    honours: dict[str, Honor]
    orgs: dict[int, Unit]  # unit id → its organisation (the unit just below the province)
    records: list = field(default_factory=list)
    ratings: list = field(default_factory=list)
    initiatives: list = field(default_factory=list)
    restrictions: list = field(default_factory=list)

    def decision(self, year: int, *, province: bool, issuer: Unit | None = None,
                 code: str = "") -> dict:
        """A plausible decision: the province's early next year, a unit's in December."""
        if province:
            day = dt.date(year + 1, self.rng.randint(1, 3), self.rng.randint(1, 28))
            return {"decision_number": f"{self.rng.randint(100, 3999)}/QĐ-UBND",
                    "decision_date": day, "issuer": PROVINCE_ISSUER}
        day = dt.date(year, 12, self.rng.randint(5, 28))
        return {"decision_number": f"{self.rng.randint(10, 399)}/QĐ-{code or issuer.code}",
                "decision_date": day, "issuer": issuer.name}

    def honour(self, target: dict, code: str, year: int, **decision) -> None:
        self.records.append(HonorRecord(**target, honor=self.honours[code], year=year,
                                        source=_source(year), **decision))

    def rating(self, target: dict, year: int, rating: str) -> None:
        self.ratings.append(TaskRatingRecord(**target, year=year, rating=rating,
                                             source=_source(year)))

    def initiative(self, target: dict, year: int, level: str, recognised_by: str) -> None:
        self.initiatives.append(Initiative(
            **target, title=self.rng.choice(INITIATIVE_TITLES), level=level, year=year,
            recognised_by=recognised_by, source=_source(year)))

    def save(self) -> dict[str, int]:
        for model, rows in ((HonorRecord, self.records), (TaskRatingRecord, self.ratings),
                            (Initiative, self.initiatives),
                            (DisciplinePeriod, self.restrictions)):
            model.objects.bulk_create(rows, batch_size=1000)
        return {"honours": len(self.records), "ratings": len(self.ratings),
                "initiatives": len(self.initiatives), "restrictions": len(self.restrictions)}


def _source(year: int) -> str:
    return RecordSource.IMPORTED if year <= LAST_IMPORTED else RecordSource.ENTERED


def create_history(*, seed: int = SEED) -> dict[str, int]:
    """Writes the demo history (and a few households); returns the numbers of rows."""
    units = {unit.code: unit for unit in Unit.objects.order_by("code")}
    book = Book(random.Random(seed), Honor.objects.in_bulk(field_name="code"), _orgs(units))
    people = list(Person.objects.select_related("unit").order_by("citizen_id"))
    cases = _farmers_cases(people, units[FARMERS])
    for person in people:
        _person_history(book, person, cases.get(person.pk))
    _bank_awards(book, [p for p in people if p.pk not in cases])
    for unit in units.values():
        _unit_history(book, unit)
    _households(book, units)
    return book.save()


def _orgs(units: dict) -> dict[int, Unit]:
    """Each unit's organisation: its ancestor right below the province (itself if there)."""
    by_id = {unit.pk: unit for unit in units.values()}
    return {unit.pk: by_id[int(unit.path.strip("/").split("/")[min(1, unit.depth)])]
            for unit in units.values()}


# -- people ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    name: str
    grassroots_years: tuple[int, ...]  # Chiến sĩ thi đua cơ sở
    initiative_year: int  # a province-level initiative


def _farmers_cases(people, farmers: Unit) -> dict[int, Case]:
    """The named cases, given to long-serving people of the Farmers' Union."""
    staff = [p for p in people if p.unit.path.startswith(farmers.path)
             and p.employment_start and p.employment_start.year <= 2017]
    wanted = sum(count for _name, count, _years, _initiative in CASES)
    if len(staff) < wanted:
        raise ValueError(f"The Farmers' Union has {len(staff)} long-serving people; the "
                         f"demo history needs {wanted}.")
    cases, chosen = {}, iter(staff)
    for name, count, years, initiative in CASES:
        for _ in range(count):
            cases[next(chosen).pk] = Case(name, years, initiative)
    return cases


def _person_history(book: Book, person: Person, case: Case | None) -> None:
    target, org = {"person_id": person.pk}, book.orgs[person.unit_id]
    first = max(YEARS.start, (person.employment_start or dt.date(2000, 1, 1)).year)
    for year in range(first, YEARS.stop):
        rating = _person_rating(book, case, year)
        book.rating(target, year, rating)
        # Less than six months in the year: no Lao động tiên tiến (TT 01/2024).
        if _good(rating) and year > first and (case or book.rng.random() < 0.9):
            book.honour(target, "lao_dong_tien_tien", year,
                        **book.decision(year, province=False, issuer=org))
            _grassroots_fighter(book, target, org, case, year, rating)
    if case:
        _case_extras(book, target, case)


def _person_rating(book: Book, case: Case | None, year: int) -> str:
    if case and year in case.grassroots_years:
        return TaskRating.EXCELLENT
    if case:
        return TaskRating.GOOD
    return book.rng.choices(list(RATING_WEIGHTS), weights=list(RATING_WEIGHTS.values()))[0]


def _grassroots_fighter(book, target, org, case, year, rating) -> None:
    """Chiến sĩ thi đua cơ sở: the cases' years; elsewhere now and then (not in HND, so
    the Farmers' Union shows exactly the named cases)."""
    if case:
        awarded = year in case.grassroots_years
    else:
        awarded = (rating == TaskRating.EXCELLENT and org.code != FARMERS
                   and book.rng.random() < 0.3)
    if awarded:
        book.honour(target, "chien_si_thi_dua_co_so", year,
                    **book.decision(year, province=False, issuer=org))
        if not case and book.rng.random() < 0.5:
            book.initiative(target, year, InitiativeLevel.GRASSROOTS,
                            f"Hội đồng sáng kiến {org.name}")


def _case_extras(book: Book, target: dict, case: Case) -> None:
    book.initiative(target, case.initiative_year, InitiativeLevel.PROVINCE,
                    "Hội đồng sáng kiến tỉnh Hòa Sơn")
    if case.name == "disciplined":
        book.restrictions.append(DisciplinePeriod(
            **target, kind=RestrictionKind.DISCIPLINE, level=DisciplineLevel.REPRIMAND,
            starts_on=dt.date(2024, 12, 20), ends_on=dt.date(2025, 12, 19),
            notes="Vi phạm quy chế làm việc", source=RecordSource.ENTERED))


def _bank_awards(book: Book, people: list[Person]) -> None:
    """Bằng khen of the provincial chairman for a dozen people, in various years."""
    for person in book.rng.sample(people, 12):
        year = book.rng.randint(2019, 2024)
        book.honour({"person_id": person.pk}, "bang_khen_tinh", year,
                    **book.decision(year, province=True))


# -- units and households ----------------------------------------------------------------

def _active_years(unit: Unit) -> range:
    """Whole years of work: a unit closed in mid-2025 is not rated for 2025."""
    first = max(YEARS.start, unit.active_from.year if unit.active_from else YEARS.start)
    last = YEARS.stop - 1
    if unit.active_until:
        last = min(last, unit.active_until.year - (unit.active_until.month < 12))
    return range(first, last + 1)


def _unit_history(book: Book, unit: Unit) -> None:
    if unit.kind == UnitKind.PROVINCE:
        return
    target = {"unit_id": unit.pk}
    for year in _active_years(unit):
        rating = book.rng.choices(list(UNIT_RATING_WEIGHTS),
                                  weights=list(UNIT_RATING_WEIGHTS.values()))[0]
        if unit.code == "HCCB" and year == 2023:
            rating = TaskRating.EXCELLENT
        book.rating(target, year, rating)
        _collective_title(book, unit, target, year, rating)
    if unit.code == "HCCB":  # the 2023 bloc leader
        book.honour(target, "co_thi_dua_tinh", 2023, decision_number="3456/QĐ-UBND",
                    decision_date=dt.date(2024, 1, 25), issuer=PROVINCE_ISSUER)


def _collective_title(book: Book, unit: Unit, target: dict, year: int, rating: str) -> None:
    if rating == TaskRating.EXCELLENT and book.rng.random() < 0.35:
        book.honour(target, "tap_the_lao_dong_xuat_sac", year,
                    **book.decision(year, province=True))
    elif _good(rating) and unit.level != UnitLevel.PROVINCE and book.rng.random() < 0.7:
        book.honour(target, "tap_the_lao_dong_tien_tien", year,
                    **book.decision(year, province=False, issuer=book.orgs[unit.pk]))


def _households(book: Book, units: dict) -> None:
    """Two households in each of four old communes, most of them Gia đình văn hóa."""
    households = []
    for code in HOUSEHOLD_COMMUNES:
        for village in (1, 2):
            household = Household(head_name=random_name(book.rng, Gender.MALE),
                                  address=f"Thôn {village}, {units[code].name}",
                                  unit=units[code])
            household.refresh_derived()
            households.append(household)
    Household.objects.bulk_create(households)
    for household in households:
        for year in range(2021, 2025):
            if book.rng.random() < 0.8:
                book.honour({"household_id": household.pk}, "gia_dinh_van_hoa", year,
                            **book.decision(year, province=False, issuer=household.unit,
                                            code="UBND"))


def clear() -> None:
    """Deletes every history row and household (they hold the people and units)."""
    for model in (HonorRecord, TaskRatingRecord, Initiative, DisciplinePeriod, Household):
        model.objects.all().delete()
