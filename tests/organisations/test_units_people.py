import datetime as dt
import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UnitFactory
from vinhdanh.core.errors import DomainError
from vinhdanh.organisations.enums import Gender, UnitKind, UnitLevel
from vinhdanh.organisations.models import Person, Unit
from vinhdanh.organisations.services.people import create_person, update_person
from vinhdanh.organisations.services.units import create_unit, update_unit


def test_unit_paths_follow_the_tree(province):
    ids = (province.root.pk, province.farmers.pk, province.farmers_sub.pk)
    assert province.farmers_sub.path == "/{}/{}/{}/".format(*ids)
    assert province.farmers_sub.depth == 2


def test_moving_a_unit_moves_its_subtree(province):
    update_unit(province.farmers, actor=None, parent=province.women)
    sub = Unit.objects.get(pk=province.farmers_sub.pk)
    assert sub.path.startswith(province.women.path)
    assert sub.depth == 3


def test_unit_cannot_move_under_its_own_subtree(province):
    with pytest.raises(DomainError):
        update_unit(province.farmers, actor=None, parent=province.farmers_sub)


def test_create_unit_validates_active_period(province):
    with pytest.raises(ValidationError):
        create_unit(actor=None, code="X", name="Xã Thử", kind=UnitKind.COMMUNE,
                    level=UnitLevel.COMMUNE, parent=province.root,
                    active_from=dt.date(2025, 7, 1), active_until=dt.date(2025, 6, 30))


def test_create_person_rejects_inconsistent_citizen_id(province):
    with pytest.raises(ValidationError) as caught:
        create_person(actor=None, full_name="Lê Thị Hoa", gender=Gender.FEMALE,
                      date_of_birth=dt.date(1990, 5, 5), citizen_id="037090000001",
                      unit=province.farmers)
    assert "citizen_id" in caught.value.message_dict
    assert not Person.objects.filter(full_name="Lê Thị Hoa").exists()


def test_create_person_stores_nfc_and_search_text(province):
    person = create_person(actor=None, full_name=unicodedata.normalize("NFD", "Đỗ Thị Thuỷ"),
                           gender=Gender.FEMALE, date_of_birth=dt.date(1990, 5, 5),
                           citizen_id="037190000001", unit=province.farmers)
    person.refresh_from_db()
    assert person.full_name == "Đỗ Thị Thuỷ"
    assert person.search_text == "do thi thuy"


def test_search_matches_both_tone_placements(db):
    unit = UnitFactory()
    create_person(actor=None, full_name="Nguyễn Văn Hoà", gender=Gender.MALE, unit=unit)
    create_person(actor=None, full_name="Trần Thị Hòa", gender=Gender.FEMALE, unit=unit)
    create_person(actor=None, full_name="Trần Thị Hoan", gender=Gender.FEMALE, unit=UnitFactory())
    for query in ["hòa", "HÒA", "hoà", "Hoa", unicodedata.normalize("NFD", "Hòa")]:
        found = Person.objects.filter(unit=unit).search(query).values_list("full_name", flat=True)
        assert sorted(found) == ["Nguyễn Văn Hoà", "Trần Thị Hòa"], query


def test_search_folds_d_with_stroke(province):
    create_person(actor=None, full_name="Đặng Đình Đức", gender=Gender.MALE, unit=province.farmers)
    assert list(Person.objects.search("dang dinh duc").values_list("full_name", flat=True)) == [
        "Đặng Đình Đức"
    ]


def test_people_are_ordered_by_given_name_in_vietnamese_order(db):
    unit = UnitFactory()
    for name in ["Nguyễn Văn Đức", "Trần Văn Dũng", "Lê Thị Ánh", "Phạm Thị An", "Bùi Văn Ân"]:
        create_person(actor=None, full_name=name, gender=Gender.MALE, unit=unit)
    assert list(Person.objects.values_list("full_name", flat=True)) == [
        "Phạm Thị An", "Lê Thị Ánh", "Bùi Văn Ân", "Trần Văn Dũng", "Nguyễn Văn Đức",
    ]


def test_transfer_is_logged(province):
    person = province.farmer_people[0]
    update_person(person, actor=None, unit=province.farmers_sub)
    assert person.unit == province.farmers_sub


def test_a_second_province_root_is_refused(province):
    with pytest.raises(ValidationError):
        create_unit(actor=None, code="T2", name="Tỉnh thứ hai", kind=UnitKind.PROVINCE,
                    level=UnitLevel.PROVINCE, parent=None)
    assert Unit.objects.filter(parent__isnull=True).count() == 1


def test_province_wide_lists_need_no_path_filter(personas, province):
    with CaptureQueriesContext(connection) as queries:
        Person.objects.visible_to(personas.viewer).count()
        Person.objects.visible_to(personas.unit_clerk).count()
    viewer_sql, clerk_sql = queries.captured_queries[-2]["sql"], queries.captured_queries[-1]["sql"]
    assert ("LIKE" in viewer_sql, "LIKE" in clerk_sql) == (False, True)
