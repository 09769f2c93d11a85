"""The honour-history pages: the panel on person, unit and household pages, the forms that
add to a history, households, and the history import."""

import datetime as dt
import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext
from openpyxl import load_workbook

from tests.fixtures.workbooks import xlsx
from tests.workspace.ui_support import count_queries, html
from vinhdanh.honors import history_rules  # noqa: F401  (registers the history permissions)
from vinhdanh.honors.enums import InitiativeLevel, RestrictionKind, TaskRating
from vinhdanh.honors.importers.schema import COLUMNS, RATINGS_SHEET
from vinhdanh.honors.models import DisciplinePeriod, HonorRecord, Initiative, TaskRatingRecord
from vinhdanh.honors.services.history import (
    add_honor_record,
    add_initiative,
    add_restriction,
    set_task_rating,
)
from vinhdanh.organisations.models import Household, ImportStatus
from vinhdanh.organisations.services.households import create_household

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _person_url(person):
    return reverse("workspace:person-detail", args=[person.pk])


def _form_url(name, candidate, kind="person"):
    return reverse(f"workspace:history-{name}", args=[kind, candidate.pk])


@pytest.fixture
def farmer(province):
    return province.farmer_people[1]  # in the Farmers' Union's sub-unit


@pytest.fixture
def household(province):
    return create_household(actor=None, head_name="Lò Văn Páo", address="Bản Khê",
                            unit=province.farmers_sub)


def _fill(person):
    add_honor_record(person, actor=None, honor_code="bang_khen_tinh", year=2024,
                     decision_number="1234/QĐ-UBND", decision_date=dt.date(2025, 2, 5),
                     issuer="UBND tỉnh")
    set_task_rating(person, actor=None, year=2024, rating=TaskRating.EXCELLENT)
    add_initiative(person, actor=None, title="Mô hình tổ hợp tác", kind="initiative",
                   level=InitiativeLevel.PROVINCE, year=2023)
    add_restriction(person, actor=None, kind=RestrictionKind.INVESTIGATION,
                    starts_on=dt.date(2022, 4, 1))


def test_person_page_panel_shows_the_history_by_year(farmer, personas, client_for):
    _fill(farmer)

    page = html(client_for(personas.unit_clerk).get(_person_url(farmer)))

    assert "Bằng khen của Chủ tịch UBND tỉnh" in page
    assert "1234/QĐ-UBND" in page and "05/02/2025" in page
    assert "Mô hình tổ hợp tác" in page and "01/04/2022" in page
    assert re.findall(r'colspan="4">(\d{4})<', page) == ["2024", "2023", "2022"]
    assert len(re.findall(r'class="badge badge--entered"', page)) == 4
    assert _form_url("honour-add", farmer) in page  # the clerk may add


def test_unit_page_panel_shows_collective_honours(province, personas, client_for):
    add_honor_record(province.women, actor=None, honor_code="co_thi_dua_tinh", year=2023,
                     decision_number="99/QĐ-UBND")

    page = html(client_for(personas.viewer).get(
        reverse("workspace:unit-detail", args=[province.women.pk])))

    assert "Cờ thi đua của Ủy ban nhân dân tỉnh" in page and "99/QĐ-UBND" in page
    assert _form_url("honour-add", province.women, "unit") not in page  # read-only


def test_clerk_sees_own_people_history_but_not_another_units(province, personas, client_for):
    client = client_for(personas.unit_clerk)
    woman = province.women_people[0]
    add_honor_record(woman, actor=None, honor_code="giay_khen", year=2023)

    assert client.get(_person_url(woman)).status_code == 404
    assert client.get(_form_url("honour-add", woman)).status_code == 404


def test_history_forms_refuse_the_read_only(province, farmer, personas, client_for):
    viewer, clerk = client_for(personas.viewer), client_for(personas.unit_clerk)

    assert viewer.get(_form_url("honour-add", farmer)).status_code == 403
    assert clerk.get(_form_url("honour-add", province.farmers, "unit")).status_code == 403
    assert clerk.get(_form_url("honour-add", farmer, "martian")).status_code == 404


def test_add_honour_form_records_it_and_returns_to_the_person(farmer, personas, client_for):
    honour = HonorRecord._meta.get_field("honor").related_model.objects.get(
        code="chien_si_thi_dua_co_so")

    response = client_for(personas.unit_clerk).post(_form_url("honour-add", farmer), {
        "honor": honour.pk, "year": 2024, "decision_number": "7/QĐ-HND",
        "decision_date": "15/12/2024", "issuer": "Hội Nông dân tỉnh"})

    record = HonorRecord.objects.get()
    assert response.status_code == 302 and response["Location"] == _person_url(farmer)
    assert (record.person, record.honor, record.decision_date) == (
        farmer, honour, dt.date(2024, 12, 15))


def test_add_honour_form_shows_the_service_refusal(farmer, personas, client_for):
    add_honor_record(farmer, actor=None, honor_code="giay_khen", year=2024)
    honour = HonorRecord.objects.get().honor

    response = client_for(personas.unit_clerk).post(_form_url("honour-add", farmer),
                                                    {"honor": honour.pk, "year": 2024})

    assert response.status_code == 200 and "field--error" in html(response)
    assert HonorRecord.objects.count() == 1


def test_add_honour_form_offers_only_honours_for_the_subject(province, personas, client_for):
    page = html(client_for(personas.board_officer).get(
        _form_url("honour-add", province.farmers, "unit")))

    assert "Tập thể lao động xuất sắc" in page and "Lao động tiên tiến<" not in page


def test_rating_initiative_and_case_forms_record_them(farmer, personas, client_for):
    client = client_for(personas.unit_clerk)

    client.post(_form_url("rating-set", farmer), {"year": 2024, "rating": "good"})
    client.post(_form_url("initiative-add", farmer), {
        "title": "Sổ tay nông dân số", "kind": "initiative", "level": "grassroots",
        "year": 2024})
    client.post(_form_url("restriction-add", farmer), {
        "kind": "discipline", "level": "reprimand", "starts_on": "01/03/2024"})
    period = DisciplinePeriod.objects.get()
    response = client.post(reverse("workspace:history-restriction-end", args=[period.pk]),
                           {"ends_on": "01/03/2025"})

    period.refresh_from_db()
    assert TaskRatingRecord.objects.get().rating == TaskRating.GOOD
    assert Initiative.objects.get().title == "Sổ tay nông dân số"
    assert (period.level, period.ends_on) == ("reprimand", dt.date(2025, 3, 1))
    assert response.status_code == 302


def test_end_case_of_another_units_person_is_not_found(province, personas, client_for):
    period = add_restriction(province.women_people[0], actor=None,
                             kind=RestrictionKind.COMPLAINT, starts_on=dt.date(2024, 1, 1))

    response = client_for(personas.unit_clerk).get(
        reverse("workspace:history-restriction-end", args=[period.pk]))

    assert response.status_code == 404


def test_person_page_panel_queries_do_not_grow_with_records(farmer, personas, client_for):
    client = client_for(personas.unit_clerk)
    add_honor_record(farmer, actor=None, honor_code="giay_khen", year=1990)
    one = count_queries(client, _person_url(farmer))
    for year in range(1991, 2020):
        add_honor_record(farmer, actor=None, honor_code="giay_khen", year=year)
        set_task_rating(farmer, actor=None, year=year, rating=TaskRating.GOOD)

    assert count_queries(client, _person_url(farmer)) == one


def test_household_pages_list_search_and_detail(province, personas, client_for, household):
    create_household(actor=None, head_name="Hà Thị Mai", address="", unit=province.women_sub)
    client = client_for(personas.unit_clerk)
    add_honor_record(household, actor=None, honor_code="gia_dinh_van_hoa", year=2024)

    listing = html(client.get(reverse("workspace:household-list")))
    found = html(client.get(reverse("workspace:household-list"), {"q": "pao"}))
    detail = html(client.get(reverse("workspace:household-detail", args=[household.pk])))

    assert "Lò Văn Páo" in listing and "Hà Thị Mai" not in listing
    assert "Lò Văn Páo" in found
    assert "Gia đình văn hóa" in detail
    assert _form_url("honour-add", household, "household") in detail


def test_household_of_another_unit_is_not_found_for_a_clerk(province, personas, client_for):
    other = create_household(actor=None, head_name="Hà Thị Mai", address="",
                             unit=province.women_sub)

    response = client_for(personas.unit_clerk).get(
        reverse("workspace:household-detail", args=[other.pk]))

    assert response.status_code == 404


def test_household_list_queries_do_not_grow_with_households(province, personas, client_for):
    client = client_for(personas.board_officer)
    create_household(actor=None, head_name="Hộ số 0", address="", unit=province.farmers_sub)
    one = count_queries(client, reverse("workspace:household-list"))
    for number in range(1, 30):
        create_household(actor=None, head_name=f"Hộ số {number}", address="",
                         unit=province.women_sub)

    assert count_queries(client, reverse("workspace:household-list")) == one


def test_household_create_form_by_clerk_and_refused_to_viewer(province, personas, client_for):
    url = reverse("workspace:household-create")
    data = {"head_name": "Vàng A Dính", "address": "Bản Pắc", "unit": province.farmers_sub.pk}

    response = client_for(personas.unit_clerk).post(url, data)
    refused = client_for(personas.unit_clerk).post(url, {**data, "unit": province.women.pk})

    household = Household.objects.get()
    assert response["Location"] == reverse("workspace:household-detail", args=[household.pk])
    assert refused.status_code == 403
    assert client_for(personas.viewer).get(url).status_code == 403


def test_history_import_page_imports_a_file_and_shows_the_counts(farmer, personas, client_for):
    header = [column.title for column in COLUMNS[RATINGS_SHEET]]
    row = [farmer.citizen_id, "", "", 2024, "HTXS"]
    data = xlsx({RATINGS_SHEET: [header, row]})

    response = client_for(personas.unit_clerk).post(
        reverse("workspace:history-import"),
        {"file": SimpleUploadedFile("xep-loai.xlsx", data)}, follow=True)

    assert TaskRatingRecord.objects.get().person == farmer
    assert (gettext("Imported %(honours)s honours, %(ratings)s task ratings, %(initiatives)s "
                    "initiatives and %(restrictions)s discipline or pending cases.")
            % {"honours": 0, "ratings": 1, "initiatives": 0, "restrictions": 0}
            ) in html(response)
    listing = html(client_for(personas.unit_clerk).get(reverse("workspace:history-import")))
    assert "xep-loai.xlsx" in listing


def test_history_import_page_rejected_file_lists_the_errors(province, personas, client_for):
    header = [column.title for column in COLUMNS[RATINGS_SHEET]]
    woman = province.women_people[0]
    data = xlsx({RATINGS_SHEET: [header, [woman.citizen_id, "", "", 2024, "HT"]]})

    response = client_for(personas.unit_clerk).post(
        reverse("workspace:history-import"),
        {"file": SimpleUploadedFile("xep-loai.xlsx", data)}, follow=True)

    page = html(response)
    assert gettext("Nothing was imported.") in page and woman.citizen_id in page
    assert response.context["job"].status == ImportStatus.REJECTED


def test_history_import_page_and_template_permissions(personas, client_for):
    clerk = client_for(personas.unit_clerk)

    template = clerk.get(reverse("workspace:history-import-template"))

    assert template["Content-Type"] == XLSX_TYPE
    assert RATINGS_SHEET in load_workbook(BytesIO(template.content)).sheetnames
    assert client_for(personas.viewer).get(reverse("workspace:history-import")).status_code \
        == 403
