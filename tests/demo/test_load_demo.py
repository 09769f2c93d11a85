import datetime as dt
import io
import random
import re
import unicodedata

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from vinhdanh.core import citizen_id
from vinhdanh.core.text import fold
from vinhdanh.demo import people, province
from vinhdanh.demo.accounts import DEMO_PASSWORD, LOGINS
from vinhdanh.organisations.enums import GroupKind, Role, UnitKind
from vinhdanh.organisations.models import (
    EmulationGroup,
    GroupMembership,
    HandoverRecord,
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
