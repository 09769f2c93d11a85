import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tests.factories import PersonFactory
from tests.movements.support import honor, open_period, pdf
from tests.workspace.ui_support import count_queries, html
from vinhdanh.movements.models import Registration, RegistrationPeriod
from vinhdanh.movements.services.pledges import save_pledge
from vinhdanh.movements.services.registrations import register

LIST = reverse("workspace:registration-list")
PERIODS = reverse("workspace:registration-periods")
THIS_YEAR = timezone.localdate().year
LDTT = "lao_dong_tien_tien"


@pytest.fixture
def period(db):
    return open_period(year=THIS_YEAR, opens_on=dt.date(2000, 1, 1),
                       deadline=dt.date(2099, 12, 31))


def _register(candidate, code=LDTT):
    return register(candidate, honor(code), THIS_YEAR, actor=None)


def test_registration_pages_render(province, personas, client_for, period):
    client = client_for(personas.unit_clerk)

    for url in (LIST, PERIODS, reverse("workspace:registration-create"),
                reverse("workspace:registration-bulk"),
                reverse("workspace:registration-bulk") + f"?unit={province.farmers.pk}"):
        assert client.get(url).status_code == 200, url


def test_registration_list_has_no_n_plus_one(province, personas, client_for, period):
    client = client_for(personas.board_officer)
    _register(province.farmer_people[0])
    one = count_queries(client, LIST)
    _register(province.women_people[0])
    _register(province.farmers, "co_thi_dua_tinh")

    assert count_queries(client, LIST) == one


def test_registration_list_hides_other_units_from_the_clerk(province, personas, client_for,
                                                            period):
    _register(province.farmer_people[0])
    _register(province.women_people[0])

    page = html(client_for(personas.unit_clerk).get(LIST))

    assert province.farmer_people[0].full_name in page
    assert province.women_people[0].full_name not in page


def test_registration_list_filters_by_unit_subtree(province, personas, client_for, period):
    _register(province.farmer_people[1])
    _register(province.women_people[1])

    page = html(client_for(personas.admin).get(LIST, {"unit": province.women.pk}))

    assert province.women_people[1].full_name in page
    assert province.farmer_people[1].full_name not in page


def test_registration_export_is_a_workbook(province, personas, client_for, period):
    from openpyxl import load_workbook

    _register(province.farmer_people[0])

    response = client_for(personas.unit_clerk).get(reverse("workspace:registration-export"))

    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[1][2] == province.farmer_people[0].full_name


def test_clerk_registers_a_person(province, personas, client_for, period):
    person = province.farmer_people[0]
    data = {"year": THIS_YEAR, "honor": honor(LDTT).pk, "person": person.pk, "unit": "",
            "late_reason": ""}

    response = client_for(personas.unit_clerk).post(reverse("workspace:registration-create"),
                                                     data)

    assert response.status_code == 302
    assert Registration.objects.get().person == person


def test_register_form_needs_one_candidate_in_vietnamese(province, personas, client_for,
                                                         period):
    data = {"year": THIS_YEAR, "honor": honor(LDTT).pk, "person": "", "unit": ""}

    response = client_for(personas.unit_clerk).post(reverse("workspace:registration-create"),
                                                    data)

    assert gettext("Choose either a collective or a person.") in html(response)


def test_register_form_refuses_an_honour_for_another_subject(province, personas, client_for,
                                                             period):
    data = {"year": THIS_YEAR, "honor": honor(LDTT).pk, "unit": province.farmers.pk,
            "person": ""}

    response = client_for(personas.unit_clerk).post(reverse("workspace:registration-create"),
                                                    data)

    assert not Registration.objects.exists()
    assert response.status_code == 200


def test_clerk_cannot_register_another_units_person(province, personas, client_for, period):
    data = {"year": THIS_YEAR, "honor": honor(LDTT).pk, "person": province.women_people[0].pk,
            "unit": ""}

    client_for(personas.unit_clerk).post(reverse("workspace:registration-create"), data)

    assert not Registration.objects.exists()


def test_bulk_registration_registers_the_chosen_people(province, personas, client_for, period):
    people = [PersonFactory(unit=province.farmers) for _ in range(3)]
    url = reverse("workspace:registration-bulk") + f"?unit={province.farmers.pk}"
    data = {"year": THIS_YEAR, "honor": honor(LDTT).pk, "people": [p.pk for p in people[:2]]}

    response = client_for(personas.unit_clerk).post(url, data)

    assert response.status_code == 302
    assert Registration.objects.count() == 2


def test_withdraw_by_the_clerk(province, personas, client_for, period):
    registration = _register(province.farmer_people[0])

    client_for(personas.unit_clerk).post(
        reverse("workspace:registration-withdraw", args=[registration.pk]))

    assert not Registration.objects.exists()


def test_withdraw_other_units_registration_is_404(province, personas, client_for, period):
    registration = _register(province.women_people[0])

    response = client_for(personas.unit_clerk).post(
        reverse("workspace:registration-withdraw", args=[registration.pk]))

    assert response.status_code == 404


def test_clerk_may_not_set_periods(province, personas, client_for):
    data = {"year": 2030, "opens_on": "01/01/2030", "deadline": "31/03/2030"}

    assert client_for(personas.unit_clerk).post(PERIODS, data).status_code == 403


def test_board_officer_sets_a_period(province, personas, client_for):
    data = {"year": 2030, "opens_on": "01/01/2030", "deadline": "31/03/2030", "notes": ""}

    client_for(personas.board_officer).post(PERIODS, data)

    assert RegistrationPeriod.objects.get().deadline == dt.date(2030, 3, 31)


def test_period_form_error_in_vietnamese(province, personas, client_for):
    data = {"year": 2030, "opens_on": "01/04/2030", "deadline": "31/03/2030"}

    response = client_for(personas.board_officer).post(PERIODS, data)

    assert gettext("The deadline must not be before the opening day.") in html(response)


def test_person_and_unit_pages_show_registrations(province, personas, client_for, period):
    person = province.farmer_people[0]
    _register(person)
    _register(province.farmers, "co_thi_dua_tinh")
    client = client_for(personas.unit_clerk)

    assert honor(LDTT).name in html(client.get(person.get_absolute_url()))
    assert honor("co_thi_dua_tinh").name in html(client.get(province.farmers.get_absolute_url()))


def test_group_page_shows_the_pledge(province, personas, client_for):
    save_pledge(province.bloc, actor=None, text="Giao ước thi đua năm 2024", file=pdf(),
                signatories=[{"unit": province.farmers, "representative": "Trần Văn Hòa"}])

    page = html(client_for(personas.unit_clerk).get(province.bloc.get_absolute_url()))

    assert "Trần Văn Hòa" in page
    assert reverse("workspace:pledge-file", args=[province.bloc.pk]) in page


def test_group_leader_records_the_pledge(province, personas, client_for):
    url = reverse("workspace:pledge-edit", args=[province.bloc.pk])
    data = {"text": "Giao ước", "signed_on": "20/02/2024",
            f"representative_{province.farmers.pk}": "Nguyễn Văn An",
            f"position_{province.farmers.pk}": "Chủ tịch",
            f"representative_{province.women.pk}": "", f"position_{province.women.pk}": ""}

    response = client_for(personas.group_leader).post(url, data)

    assert response.status_code == 302
    assert [s.unit for s in province.bloc.pledge.signatories.all()] == [province.farmers]


def test_clerk_may_not_edit_the_pledge(province, personas, client_for):
    url = reverse("workspace:pledge-edit", args=[province.bloc.pk])

    assert client_for(personas.unit_clerk).get(url).status_code == 403
