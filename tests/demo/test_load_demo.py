import datetime as dt
import io
import random
import re
import unicodedata
from collections import defaultdict

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from vinhdanh.core import citizen_id
from vinhdanh.core.text import fold
from vinhdanh.demo import people, province
from vinhdanh.demo.accounts import DEMO_PASSWORD, LOGINS
from vinhdanh.honors.enums import InitiativeLevel, RestrictionKind
from vinhdanh.honors.models import DisciplinePeriod, HonorRecord, Initiative, TaskRatingRecord
from vinhdanh.organisations.enums import GroupKind, Role, UnitKind
from vinhdanh.organisations.models import (
    EmulationGroup,
    GroupMembership,
    HandoverRecord,
    Household,
    Person,
    Unit,
    User,
)

# People named in the article the project starts from (../shared/domain/origin-article.txt).
REAL_NAMES = ["Nguyễn Văn Giang", "Hồng Quân"]


def load(*args) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db):
    return load()


def test_load_demo_creates_units_people_and_groups_for_2023_and_2024(demo):
    assert Person.objects.count() == 300
    assert Unit.objects.filter(parent=None).get().kind == UnitKind.PROVINCE
    for year in (2023, 2024):
        groups = EmulationGroup.objects.filter(year=year)
        assert groups.filter(kind=GroupKind.BLOC).count() >= 3
        assert groups.filter(kind=GroupKind.CLUSTER).count() >= 2


def test_load_demo_hands_the_mttq_bloc_from_veterans_to_farmers(demo):
    handover = HandoverRecord.objects.get(group__year=2023, group__code=province.MTTQ_BLOC)
    bloc_2024 = EmulationGroup.objects.get(year=2024, code=province.MTTQ_BLOC)

    assert (handover.outgoing_leader.code, handover.incoming_leader.code) == ("HCCB", "HND")
    assert handover.held_on == dt.date(2023, 11, 29)
    assert handover.next_group == bloc_2024
    assert bloc_2024.leader.code == "HND"
    assert bloc_2024.copied_from == handover.group


def test_load_demo_puts_no_unit_in_two_groups_of_a_kind_in_one_year(demo):
    doubled = (GroupMembership.objects.values("unit", "year", "kind")
               .annotate(groups=Count("group")).filter(groups__gt=1))

    assert list(doubled) == []


def test_load_demo_gives_everyone_a_valid_citizen_id(demo):
    found = {
        p.full_name: citizen_id.problems(p.citizen_id, gender=p.gender, born=p.date_of_birth)
        for p in Person.objects.all()
    }

    assert {name: problems for name, problems in found.items() if problems} == {}
    assert Person.objects.filter(citizen_id=None).count() == 0


def test_load_demo_stores_names_in_nfc_with_tricky_spellings(demo):
    names = list(Person.objects.values_list("full_name", flat=True))

    assert [n for n in names if unicodedata.normalize("NFC", n) != n] == []
    assert {"Đặng Thị Thuỷ", "Lê Văn Hoà", "Trịnh Đức Khoẻ"} <= set(names)
    assert any(n.startswith("Đ") for n in names)


def test_load_demo_uses_no_real_names(demo):
    texts = [*Person.objects.values_list("full_name", flat=True),
             *User.objects.values_list("full_name", flat=True),
             *Unit.objects.values_list("name", flat=True)]

    # Whole words, ignoring case and diacritics ("Phòng Quản lý" is not "Hồng Quân").
    real = re.compile("|".join(rf"\b{fold(name)}\b" for name in REAL_NAMES))

    assert [t for t in texts if real.search(fold(t))] == []


def test_load_demo_marks_direct_workers_and_two_tier_communes(demo):
    districts = Unit.objects.filter(kind=UnitKind.DISTRICT)
    new_communes = Unit.objects.filter(active_from=dt.date(2025, 7, 1))

    assert districts.count() == 2
    assert set(districts.values_list("active_until", flat=True)) == {dt.date(2025, 6, 30)}
    assert new_communes.filter(kind=UnitKind.COMMUNE, parent__parent=None).count() >= 4
    assert new_communes.filter(mostly_direct_workers=True).exists()
    assert Person.objects.filter(is_direct_worker=True).count() >= 60


def test_load_demo_gives_each_role_a_login(demo):
    users = {u.username: u for u in User.objects.prefetch_related("role_assignments")}

    assert {a.role for u in users.values() for a in u.role_assignments.all()} == set(Role.values)
    assert all(users[login.username].check_password(DEMO_PASSWORD) for login in LOGINS)
    assert users["khoitruong"].role_assignments.get().group.year == 2024
    assert all(login.username in demo for login in LOGINS)
    assert DEMO_PASSWORD in demo


def test_load_demo_if_empty_leaves_a_loaded_database_alone(demo):
    counts = (Unit.objects.count(), Person.objects.count(), EmulationGroup.objects.count())

    load("--if-empty")

    assert (Unit.objects.count(), Person.objects.count(), EmulationGroup.objects.count()) == counts


def test_load_demo_refuses_a_loaded_database_without_reset(demo):
    with pytest.raises(CommandError):
        load()


def test_load_demo_reset_replaces_the_demo(demo):
    load("--reset")

    assert Person.objects.count() == 300
    assert User.objects.filter(username="quantri").count() == 1


def test_build_people_is_the_same_on_every_run():
    units = {s.code: Unit(code=s.code, name=s.name) for s in province.unit_specs()}

    def draw():
        built = people.build_people(units, province.unit_specs(), random.Random(people.SEED))
        return [(p.full_name, p.citizen_id, p.unit.code, p.position) for p in built]

    assert draw() == draw()


def _grassroots_fighter_years(people) -> dict[int, set[int]]:
    years = {person.pk: set() for person in people}
    for pk, year in HonorRecord.objects.filter(
            person__in=people, honor__code="chien_si_thi_dua_co_so").values_list("person",
                                                                                "year"):
        years[pk].add(year)
    return years


def test_load_demo_rates_every_person_and_unit_every_year(demo):
    rated = defaultdict(set)
    for pk, year in TaskRatingRecord.objects.filter(person__isnull=False).values_list(
            "person", "year"):
        rated[pk].add(year)
    expected = {pk: set(range(max(2019, start.year), 2026))
                for pk, start in Person.objects.values_list("pk", "employment_start")}
    assert rated == expected
    rated_units = TaskRatingRecord.objects.filter(unit__isnull=False).values("unit").distinct()
    assert rated_units.count() == Unit.objects.exclude(kind=UnitKind.PROVINCE).count()
    assert not TaskRatingRecord.objects.filter(unit__code="H-NK", year=2025).exists()


def test_load_demo_gives_most_staff_lao_dong_tien_tien_and_units_titles(demo):
    ldtt = HonorRecord.objects.filter(honor__code="lao_dong_tien_tien")
    collective = HonorRecord.objects.filter(unit__isnull=False)

    assert ldtt.filter(year=2024).count() >= Person.objects.count() // 2
    assert collective.filter(honor__code="tap_the_lao_dong_tien_tien").count() >= 20
    assert collective.filter(honor__code="tap_the_lao_dong_xuat_sac").count() >= 5
    assert Initiative.objects.filter(level=InitiativeLevel.GRASSROOTS).count() >= 5


def test_load_demo_farmers_union_holds_the_named_cstd_cases(demo):
    farmers = Unit.objects.get(code="HND")
    staff = list(Person.objects.filter(unit__path__startswith=farmers.path))
    held = _grassroots_fighter_years(staff)
    provincial = set(Initiative.objects.filter(
        person__in=staff, level=InitiativeLevel.PROVINCE, year__gte=2022,
        year__lte=2024).values_list("person", flat=True))
    disciplined = set(DisciplinePeriod.objects.filter(
        person__in=staff, kind=RestrictionKind.DISCIPLINE, starts_on__year=2024)
        .values_list("person", flat=True))
    three = {pk for pk, years in held.items() if {2022, 2023, 2024} <= years}

    assert len((three & provincial) - disciplined) >= 3
    assert len(three & disciplined) == 1
    assert len([pk for pk, y in held.items() if {2022, 2024} <= y and 2023 not in y]) >= 2
    assert len([pk for pk, y in held.items() if y == {2023, 2024}]) >= 2


def test_load_demo_bloc_leader_flag_province_awards_and_households(demo):
    flag = HonorRecord.objects.get(honor__code="co_thi_dua_tinh")
    awards = HonorRecord.objects.filter(honor__code="bang_khen_tinh")
    families = HonorRecord.objects.filter(honor__code="gia_dinh_van_hoa")

    assert (flag.unit.code, flag.year, flag.decision_number) == ("HCCB", 2023, "3456/QĐ-UBND")
    assert awards.count() >= 10
    assert all(re.fullmatch(r"\d+/QĐ-UBND", a.decision_number) and a.decision_date
               for a in awards)
    assert Household.objects.count() >= 4
    assert families.values("household").distinct().count() >= 3


def test_load_demo_fills_the_public_holidays_of_2023_to_2027(demo):
    from vinhdanh.core.models import Holiday

    years = {day.year for day in Holiday.objects.dates("day", "year")}

    assert years == {2023, 2024, 2025, 2026, 2027}
    assert Holiday.objects.filter(day=dt.date(2026, 2, 17)).exists()  # mùng 1 Tết Bính Ngọ
