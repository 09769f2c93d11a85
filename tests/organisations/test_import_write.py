"""Valid workbooks are written whole: units with their paths, people in NFC, one log entry."""

import datetime as dt
import unicodedata
from io import BytesIO
from pathlib import Path

import pytest
from django.utils import translation
from openpyxl import load_workbook

from tests.factories import PersonFactory, UnitFactory, UserFactory
from tests.fixtures.workbooks import import_file, person_row, unit_row
from vinhdanh.core.models import ActivityLog
from vinhdanh.organisations.enums import CadreCategory, UnitKind, UnitLevel
from vinhdanh.organisations.importers import (
    ImportRejected,
    apply_plan,
    build_template,
    export_people,
    export_units,
    import_workbook,
    validate_workbook,
)
from vinhdanh.organisations.models import GroupMembership, Person, Unit

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _good_file():
    return import_file(
        units=[unit_row(code="HND-X2", name="Chi hội X2", parent_code="HND-X"),
               unit_row(code="HND-X", name="Chi hội Xuân Hòa", short_name="CH Xuân Hòa",
                        parent_code="HND", kind="Đơn vị sự nghiệp", level="Cơ sở",
                        active_from="01/01/2020", mostly_direct_workers="x")],
        people=[person_row(full_name="Nguyễn Văn Tùng", citizen_id=37085001234.0,
                           unit_code="HND-X2", is_direct_worker="Có",
                           cadre_category="lãnh đạo cấp sở"),
                person_row(full_name="Trần Thị Mận", gender="Nữ", date_of_birth="ngày 2 "
                           "tháng 9 năm 1990", citizen_id="037190001234", unit_code="HND",
                           is_active="Không")],
    )


def test_import_good_file_creates_units_below_their_parents(personas, province):
    result = import_workbook(_good_file(), actor=personas.admin)

    middle, leaf = Unit.objects.get(code="HND-X"), Unit.objects.get(code="HND-X2")
    assert (result.units, middle.parent, leaf.parent) == (2, province.farmers, middle)
    assert (middle.path, middle.depth) == (f"{province.farmers.path}{middle.pk}/", 2)
    assert (leaf.path, leaf.depth) == (f"{middle.path}{leaf.pk}/", 3)
    assert (middle.kind, middle.level, middle.active_from, middle.mostly_direct_workers) == (
        UnitKind.PUBLIC_SERVICE, UnitLevel.GRASSROOTS, dt.date(2020, 1, 1), True)
    assert list(Unit.objects.subtree_of(province.farmers).filter(pk=leaf.pk)) == [leaf]
    assert middle.search_text == "chi hoi xuan hoa ch xuan hoa hnd-x"


def test_import_good_file_creates_people_with_derived_columns(personas, province):
    import_workbook(_good_file(), actor=personas.admin)

    an, binh = Person.objects.get(full_name="Nguyễn Văn Tùng"), Person.objects.get(
        full_name="Trần Thị Mận")
    assert (an.unit.code, an.citizen_id, an.is_direct_worker, an.is_active) == (
        "HND-X2", "037085001234", True, True)
    assert (binh.gender, binh.date_of_birth, binh.is_active) == (
        "female", dt.date(1990, 9, 2), False)
    # An alias of the statutory forms' row, without diacritics' case; empty is no category.
    assert (an.cadre_category, binh.cadre_category) == (CadreCategory.DEPARTMENT_LEADER, "")
    assert (an.search_text, an.sort_key != "") == ("nguyen van tung", True)
    assert list(Person.objects.search("tran thi man")) == [binh]


def test_import_writes_one_log_entry_with_counts(personas):
    before = ActivityLog.objects.count()

    import_workbook(_good_file(), actor=personas.admin)

    entry = ActivityLog.objects.latest("id")
    assert ActivityLog.objects.count() == before + 1
    assert (entry.actor, entry.action, entry.data) == (
        personas.admin, "organisations.imported", {"units": 2, "people": 2})


def test_import_nfd_text_is_stored_nfc(personas):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hoà")
    data = import_file(
        units=[unit_row(code="HND-X", name=unicodedata.normalize("NFD", "Chi hội Đồng Tâm"),
                        parent_code="HND")],
        people=[person_row(full_name=nfd, gender=unicodedata.normalize("NFD", "Nữ"),
                           unit_code="HND-X", position=unicodedata.normalize("NFD", "Hội viên"))],
    )

    import_workbook(data, actor=personas.admin)

    person = Person.objects.get(unit__code="HND-X")
    assert (person.full_name, person.position, person.unit.name) == (
        "Nguyễn Thị Hoà", "Hội viên", "Chi hội Đồng Tâm")
    assert unicodedata.is_normalized("NFC", person.full_name)
    assert list(Person.objects.search("nguyen thi hòa")) == [person]


def test_import_old_xls_file_pads_numeric_citizen_id(personas):
    data = (FIXTURES / "people.xls").read_bytes()

    result = import_workbook(data, actor=personas.admin)

    hung, mai = Person.objects.get(full_name="Nguyễn Văn Hùng"), Person.objects.get(
        full_name="Trần Thị Mai")
    assert result.people == 2
    assert (hung.citizen_id, hung.date_of_birth, hung.employment_start) == (
        "037085001234", dt.date(1985, 3, 15), dt.date(2010, 6, 1))
    assert (mai.date_of_birth, mai.unit.code, mai.is_direct_worker) == (
        dt.date(1990, 11, 20), "HND-VP", True)


def test_import_province_root_into_an_empty_database(db):
    actor = UserFactory(is_superuser=True)
    data = import_file(units=[unit_row(code="T", name="Tỉnh", parent_code="", kind="Tỉnh"),
                              unit_row(code="S1", name="Sở Nội vụ", parent_code="T",
                                       kind="Cơ quan nhà nước")])

    import_workbook(data, actor=actor)

    root, child = Unit.objects.get(code="T"), Unit.objects.get(code="S1")
    assert (root.parent, root.path, child.path) == (None, f"/{root.pk}/",
                                                    f"/{root.pk}/{child.pk}/")


def test_apply_plan_with_errors_raises_and_writes_nothing(personas):
    plan = validate_workbook(import_file(people=[person_row(full_name="")]), actor=personas.admin)

    with pytest.raises(ImportRejected) as rejected:
        apply_plan(plan, actor=personas.admin)

    assert rejected.value.errors == plan.errors


def test_apply_plan_reports_progress_up_to_the_total(personas):
    plan = validate_workbook(_good_file(), actor=personas.admin)
    calls = []

    apply_plan(plan, actor=personas.admin, progress=lambda done, total: calls.append((done, total)))

    assert calls == [(2, 4), (4, 4)]


def test_apply_plan_conflict_since_validation_writes_nothing(personas):
    plan = validate_workbook(_good_file(), actor=personas.admin)
    PersonFactory(citizen_id="037190001234", unit=Unit.objects.get(code="HND"))
    before = Unit.objects.count(), Person.objects.count()

    with pytest.raises(ImportRejected) as rejected:
        apply_plan(plan, actor=personas.admin)

    assert (Unit.objects.count(), Person.objects.count()) == before
    assert rejected.value.errors[0].reason.startswith("Someone added some of these")


def test_apply_plan_refuses_another_actor(personas):
    plan = validate_workbook(_good_file(), actor=personas.admin)

    with pytest.raises(ValueError):
        apply_plan(plan, actor=personas.unit_clerk)


def _tree():
    root = UnitFactory(code="T", name="Tỉnh Thử", kind=UnitKind.PROVINCE, parent=None)
    office = UnitFactory(code="VP", name="Văn phòng", parent=root, short_name="VP UBND",
                         active_from=dt.date(2001, 2, 3), mostly_direct_workers=True)
    team = UnitFactory(code="VP-1", name="Tổ Hành chính", parent=office,
                       level=UnitLevel.GRASSROOTS)
    PersonFactory.create_batch(3, unit=team)
    PersonFactory(unit=office, citizen_id=None, date_of_birth=None, employment_start=None,
                  is_direct_worker=True, is_active=False)
    PersonFactory(unit=root, full_name="Đỗ Thị Hoà", citizen_id="001190000123",
                  gender="female", date_of_birth=dt.date(1990, 1, 1),
                  cadre_category=CadreCategory.PROVINCE_LEADER)
    PersonFactory(unit=office, cadre_category=CadreCategory.BUSINESS_MANAGER)


UNIT_VALUES = ("code", "name", "short_name", "parent__code", "kind", "level", "active_from",
               "active_until", "mostly_direct_workers")
PERSON_VALUES = ("full_name", "gender", "date_of_birth", "citizen_id", "unit__code", "position",
                 "is_direct_worker", "employment_start", "is_active", "cadre_category")


def test_export_then_import_into_an_empty_database_gives_the_same_records(db):
    _tree()
    units_file, people_file = export_units(Unit.objects.all()), export_people(Person.objects.all())
    units_before = set(Unit.objects.values_list(*UNIT_VALUES))
    people_before = sorted(Person.objects.values_list(*PERSON_VALUES))
    GroupMembership.objects.all().delete()
    Person.objects.all().delete()
    for unit in Unit.objects.order_by("-depth"):
        unit.delete()
    actor = UserFactory(is_superuser=True)

    import_workbook(units_file, actor=actor)
    import_workbook(people_file, actor=actor)

    assert set(Unit.objects.values_list(*UNIT_VALUES)) == units_before
    assert sorted(Person.objects.values_list(*PERSON_VALUES)) == people_before


def test_export_writes_dates_as_date_cells_and_citizen_ids_as_text(db):
    _tree()

    sheet = load_workbook(BytesIO(export_people(Person.objects.filter(full_name="Đỗ Thị Hoà"))))[
        "Nhân sự"]

    born, citizen_id = sheet["C2"], sheet["D2"]
    assert (born.value.date(), born.number_format) == (dt.date(1990, 1, 1), "DD/MM/YYYY")
    assert (citizen_id.value, citizen_id.data_type) == ("001190000123", "s")
    assert (sheet["A1"].value, sheet["A1"].font.b) == ("Họ và tên*", True)


def test_template_has_both_sheets_a_guide_and_dropdowns(db):
    book = load_workbook(BytesIO(build_template()))

    people = book["Nhân sự"]
    assert book.sheetnames[:3] == ["Đơn vị", "Nhân sự", "Hướng dẫn"]
    assert ([c.value for c in people[1]][:2], people["A1"].font.b) == (
        ["Họ và tên*", "Giới tính*"], True)
    assert people.column_dimensions["A"].width == 28
    assert {v.formula1 for v in people.data_validations.dataValidation} >= {'"Có,Không"'}
    assert "Số CCCD" in [row[1] for row in book["Hướng dẫn"].iter_rows(values_only=True)]


def test_template_filled_with_one_row_imports(personas):
    book = load_workbook(BytesIO(build_template()))
    book["Nhân sự"].append(["Nguyễn Văn Tùng", "Nam", dt.date(1985, 3, 15), "037085001234",
                            "HND", "Chuyên viên", "Không", dt.date(2010, 6, 1), "Có"])
    buffer = BytesIO()
    book.save(buffer)

    result = import_workbook(buffer.getvalue(), actor=personas.admin)

    assert (result.units, result.people) == (0, 1)
    assert Person.objects.get(citizen_id="037085001234").full_name == "Nguyễn Văn Tùng"
