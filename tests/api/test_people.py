import datetime as dt

from django.utils.translation import gettext

from tests.api.conftest import count_queries, ids
from tests.factories import PersonFactory, citizen_id_for
from vinhdanh.core.models import ActivityLog
from vinhdanh.organisations.enums import CadreCategory, Gender
from vinhdanh.organisations.models import Person

URL = "/api/v1/people/"


def _new_person(unit, **extra):
    born = dt.date(1990, 3, 5)
    return {"full_name": "Lê Thị Hoà", "gender": Gender.FEMALE, "date_of_birth": "1990-03-05",
            "citizen_id": citizen_id_for(Gender.FEMALE, born, 999), "unit": unit.pk,
            "position": "Chuyên viên", **extra}


def test_person_list_clerk_sees_only_farmers_people(personas, province, api_for):
    response = api_for(personas.unit_clerk).get(URL)

    assert response.status_code == 200
    assert ids(response) == {p.pk for p in province.farmer_people}


def test_person_list_group_leader_sees_no_people(personas, province, api_for):
    response = api_for(personas.group_leader).get(URL)

    assert ids(response) == set()


def test_person_retrieve_women_person_by_clerk_is_404(personas, province, api_for):
    response = api_for(personas.unit_clerk).get(f"{URL}{province.women_people[0].pk}/")

    assert response.status_code == 404


def test_person_retrieve_shows_citizen_id_to_clerk_for_own_people(personas, province, api_for):
    person = province.farmer_people[1]

    body = api_for(personas.unit_clerk).get(f"{URL}{person.pk}/").json()

    assert body["citizen_id"] == person.citizen_id
    assert body["date_of_birth"] == person.date_of_birth.isoformat()
    assert body["unit"] == province.farmers_sub.pk
    assert body["unit_name"] == province.farmers_sub.name


def test_person_list_hides_citizen_id_from_viewer(personas, province, api_for):
    rows = api_for(personas.viewer).get(URL).json()["results"]

    assert len(rows) == 4
    assert {(row["citizen_id"], row["date_of_birth"]) for row in rows} == {(None, None)}
    assert all(row["full_name"] for row in rows)


def test_person_list_search_ignores_tone_placement(personas, province, api_for):
    for person in province.farmer_people:  # factory names may include a Hòa of their own
        person.full_name = "Bùi Văn Nam"
        person.save()
    old = PersonFactory(full_name="Nguyễn Thị Hoà", unit=province.farmers)
    new = PersonFactory(full_name="Trần Văn Hòa", unit=province.farmers_sub)
    PersonFactory(full_name="Phạm Thị Hoà", unit=province.women)
    client = api_for(personas.unit_clerk)

    found = [ids(client.get(URL, {"q": q})) for q in ("hoa", "Hoà", "hòa")]

    assert found == [{old.pk, new.pk}] * 3


def test_person_list_digit_search_finds_own_people_for_clerk(personas, province, api_for):
    person = province.farmer_people[0]

    response = api_for(personas.unit_clerk).get(URL, {"q": person.citizen_id[:9]})

    assert person.pk in ids(response)


def test_person_list_digit_search_reveals_nothing_to_viewer(personas, province, api_for):
    response = api_for(personas.viewer).get(URL, {"q": "037"})

    assert ids(response) == set()


def test_person_list_filters(personas, province, api_for):
    client = api_for(personas.board_officer)
    retired = PersonFactory(unit=province.women_sub, is_active=False, is_direct_worker=True)

    assert ids(client.get(URL, {"unit": province.women.pk})) == {
        *(p.pk for p in province.women_people), retired.pk
    }
    assert ids(client.get(URL, {"is_active": "false"})) == {retired.pk}
    assert ids(client.get(URL, {"is_direct_worker": "true"})) == {retired.pk}
    assert ids(client.get(URL, {"gender": retired.gender})) == set(
        Person.objects.filter(gender=retired.gender).values_list("pk", flat=True)
    )


def test_person_list_unit_outside_scope_is_400(personas, province, api_for):
    response = api_for(personas.unit_clerk).get(URL, {"unit": province.women.pk})

    assert response.status_code == 400


def test_person_create_in_own_unit_by_clerk(personas, province, api_for):
    data = _new_person(province.farmers_sub, date_of_birth="05/03/1990")

    response = api_for(personas.unit_clerk).post(URL, data, format="json")

    assert response.status_code == 201, response.content
    person = Person.objects.get(citizen_id=data["citizen_id"])
    assert person.unit == province.farmers_sub
    assert person.date_of_birth == dt.date(1990, 3, 5)
    assert response.json()["citizen_id"] == data["citizen_id"]
    assert ActivityLog.objects.filter(action="person.created", actor=personas.unit_clerk).exists()


def test_person_create_in_women_union_by_clerk_is_403(personas, province, api_for):
    before = set(Person.objects.values_list("pk", flat=True))

    response = api_for(personas.unit_clerk).post(URL, _new_person(province.women), format="json")

    assert response.status_code == 403
    assert set(Person.objects.values_list("pk", flat=True)) == before


def test_person_create_by_viewer_is_403(personas, province, api_for):
    response = api_for(personas.viewer).post(URL, _new_person(province.farmers), format="json")

    assert response.status_code == 403
    assert not Person.objects.filter(full_name="Lê Thị Hoà").exists()


def test_person_create_with_wrong_citizen_id_is_400(personas, province, api_for):
    data = _new_person(province.farmers, citizen_id="037090000999")  # male digit, female person

    response = api_for(personas.unit_clerk).post(URL, data, format="json")

    assert response.status_code == 400
    assert response.json() == {"citizen_id": [gettext("Digit 4 does not match the gender.")]}
    assert not Person.objects.filter(full_name="Lê Thị Hoà").exists()


def test_person_create_unknown_unit_is_400(personas, province, api_for):
    data = {**_new_person(province.farmers), "unit": 999999}

    response = api_for(personas.unit_clerk).post(URL, data, format="json")

    assert response.status_code == 400
    assert "unit" in response.json()


def test_person_patch_own_person_by_clerk(personas, province, api_for):
    person = province.farmer_people[0]

    response = api_for(personas.unit_clerk).patch(
        f"{URL}{person.pk}/", {"position": "Phó Chánh Văn phòng", "unit": province.farmers_sub.pk},
        format="json",
    )

    assert response.status_code == 200, response.content
    person.refresh_from_db()
    assert (person.position, person.unit) == ("Phó Chánh Văn phòng", province.farmers_sub)
    assert response.json()["position"] == "Phó Chánh Văn phòng"


def test_person_leadership_category_is_read_and_set_for_the_statutory_forms(
        personas, province, api_for):
    person = province.farmer_people[0]
    api = api_for(personas.unit_clerk)

    assert api.get(f"{URL}{person.pk}/").json()["cadre_category"] == ""
    response = api.patch(f"{URL}{person.pk}/", {"cadre_category": "department_leader"},
                         format="json")
    wrong = api.patch(f"{URL}{person.pk}/", {"cadre_category": "village_head"}, format="json")

    assert response.status_code == 200 and wrong.status_code == 400
    person.refresh_from_db()
    assert person.cadre_category == CadreCategory.DEPARTMENT_LEADER
    assert "cadre_category" in wrong.json()


def test_person_patch_transfer_to_women_union_by_clerk_is_403(personas, province, api_for):
    person = province.farmer_people[0]

    response = api_for(personas.unit_clerk).patch(
        f"{URL}{person.pk}/", {"unit": province.women.pk}, format="json"
    )

    assert response.status_code == 403
    person.refresh_from_db()
    assert person.unit == province.farmers


def test_person_patch_women_person_by_clerk_is_404(personas, province, api_for):
    person = province.women_people[0]

    response = api_for(personas.unit_clerk).patch(
        f"{URL}{person.pk}/", {"position": "X"}, format="json"
    )

    assert response.status_code == 404
    person.refresh_from_db()
    assert person.position == "Chuyên viên"


def test_person_patch_by_viewer_is_403(personas, province, api_for):
    person = province.farmer_people[0]

    response = api_for(personas.viewer).patch(f"{URL}{person.pk}/", {"position": "X"},
                                              format="json")

    assert response.status_code == 403


def test_person_list_query_count_does_not_grow(personas, province, api_for):
    client, url = api_for(personas.unit_clerk), f"{URL}?unit={province.farmers_sub.pk}"
    few, body = count_queries(client, url)
    PersonFactory.create_batch(29, unit=province.farmers_sub)

    many, more = count_queries(client, url)

    assert (body["count"], more["count"]) == (1, 30)
    assert few == many
    assert all(row["citizen_id"] for row in more["results"])
