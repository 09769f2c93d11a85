import re

from django.urls import reverse

from tests.factories import PersonFactory, UnitFactory
from tests.workspace.ui_support import count_queries, html
from vinhdanh.core.audit import history_of
from vinhdanh.organisations.models import Person

# Fixtures shared by the staff-UI tests.

PERSON_LIST = reverse("workspace:person-list")
PERSON_CREATE = reverse("workspace:person-create")


def _detail(person):
    return reverse("workspace:person-detail", args=[person.pk])


def _edit(person):
    return reverse("workspace:person-edit", args=[person.pk])


def _names(response) -> list[str]:
    return re.findall(r'class="person-name">([^<]+)<', html(response))


def _person_form(unit, **changes):
    data = {"full_name": "Lò Thị Mai", "gender": "female", "date_of_birth": "05/03/1985",
            "citizen_id": "", "unit": unit.pk, "position": "Chuyên viên",
            "employment_start": "", "is_active": "on"}
    return {**data, **changes}


def test_person_pages_render_for_board_officer(personas, client_for, province):
    client = client_for(personas.board_officer)
    person = province.women_people[0]

    for url in (PERSON_LIST, PERSON_CREATE, _detail(person), _edit(person)):
        assert client.get(url).status_code == 200, url


def test_person_list_for_clerk_shows_only_farmers_people(personas, client_for, province):
    response = client_for(personas.unit_clerk).get(PERSON_LIST)

    assert set(_names(response)) == {p.full_name for p in province.farmer_people}


def test_person_list_orders_by_given_name_first(personas, client_for, province):
    unit = UnitFactory(parent=province.farmers)
    for name in ("Nguyễn Văn Đức", "Trần Thị Dung", "Lê Văn Anh", "Phạm Thị Ánh"):
        PersonFactory(unit=unit, full_name=name)

    response = client_for(personas.unit_clerk).get(PERSON_LIST, {"unit": unit.pk})

    assert _names(response) == ["Lê Văn Anh", "Phạm Thị Ánh", "Trần Thị Dung", "Nguyễn Văn Đức"]


def test_person_list_search_ignores_tone_marks_and_their_placement(personas, client_for,
                                                                     province):
    PersonFactory(unit=province.farmers, full_name="Nguyễn Thị Hòa")
    client = client_for(personas.unit_clerk)

    for query in ("hoa", "hoà", "HÒA"):
        assert "Nguyễn Thị Hòa" in _names(client.get(PERSON_LIST, {"q": query})), query


def test_person_list_search_by_citizen_id_prefix(personas, client_for, province):
    person = province.farmer_people[0]

    response = client_for(personas.unit_clerk).get(PERSON_LIST, {"q": person.citizen_id[:9]})

    assert _names(response) == [person.full_name]


def test_person_list_unit_filter_includes_sub_units(personas, client_for, province):
    response = client_for(personas.board_officer).get(PERSON_LIST, {"unit": province.women.pk})

    assert set(_names(response)) == {p.full_name for p in province.women_people}


def test_person_list_unit_filter_offers_two_levels_and_accepts_deeper_links(
        personas, client_for, province):
    deep = UnitFactory(name="Chi hội Nông dân thôn Đông", parent=province.farmers_sub)
    person = PersonFactory(unit=deep)
    client = client_for(personas.board_officer)

    offered = set(re.findall(r'<option value="(\d+)"', html(client.get(PERSON_LIST))))
    linked = client.get(PERSON_LIST, {"unit": deep.pk})

    top_two = {province.root, province.farmers, province.women}
    assert offered == {str(unit.pk) for unit in top_two}
    assert _names(linked) == [person.full_name]


def test_person_list_filters_gender_direct_and_active(personas, client_for, province):
    unit = UnitFactory(parent=province.farmers)
    PersonFactory(unit=unit, full_name="Lò Văn Páo", gender="male", is_direct_worker=True)
    PersonFactory(unit=unit, full_name="Lò Thị Dua", gender="female", is_direct_worker=True)
    PersonFactory(unit=unit, full_name="Lò Thị Xoan", gender="female", is_active=False)
    client = client_for(personas.unit_clerk)

    def names(**filters):
        return _names(client.get(PERSON_LIST, {"unit": unit.pk, **filters}))

    assert names(gender="female", direct="yes") == ["Lò Thị Dua"]
    assert names(active="no") == ["Lò Thị Xoan"]
    assert names(direct="no", active="yes") == []


def test_person_list_paginates_by_fifty_keeping_filters(personas, client_for, province):
    unit = UnitFactory(parent=province.farmers)
    PersonFactory.create_batch(120, unit=unit)
    client = client_for(personas.unit_clerk)

    first = client.get(PERSON_LIST, {"unit": unit.pk})
    last = client.get(PERSON_LIST, {"unit": unit.pk, "page": 3})

    assert len(_names(first)) == 50
    assert len(_names(last)) == 20
    assert f'href="?unit={unit.pk}&amp;page=2"' in html(first)


def test_person_list_htmx_request_gets_only_the_results(personas, client_for):
    response = client_for(personas.unit_clerk).get(PERSON_LIST, {"q": "a"},
                                                    headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in html(response)
    assert "result-count" in html(response)
    assert "HX-Request" in response["Vary"]


def test_person_list_query_count_does_not_grow_with_rows(personas, client_for, province):
    unit = UnitFactory(parent=province.farmers)
    PersonFactory(unit=unit, full_name="Hà Văn An")
    client = client_for(personas.board_officer)
    url = f"{PERSON_LIST}?unit={unit.pk}&q=an"
    one = count_queries(client, url)
    PersonFactory.create_batch(29, unit=unit, full_name="Hà Văn An")

    thirty = count_queries(client, url)

    assert one == thirty


def test_person_detail_shows_citizen_id_to_who_may_change(personas, client_for, province):
    person = province.farmer_people[0]

    clerk_page = html(client_for(personas.unit_clerk).get(_detail(person)))
    viewer_page = html(client_for(personas.viewer).get(_detail(person)))

    assert person.citizen_id in clerk_page
    assert person.citizen_id not in viewer_page
    assert f"********{person.citizen_id[-4:]}" in viewer_page


def test_person_detail_of_other_unit_is_404_for_clerk(personas, client_for, province):
    response = client_for(personas.unit_clerk).get(_detail(province.women_people[0]))

    assert response.status_code == 404


def test_person_create_by_clerk_in_own_unit_saves(personas, client_for, province):
    client = client_for(personas.unit_clerk)

    response = client.post(PERSON_CREATE, _person_form(province.farmers_sub))

    person = Person.objects.get(full_name="Lò Thị Mai")
    assert response.status_code == 302
    assert response.url == person.get_absolute_url()
    assert person.date_of_birth.isoformat() == "1985-03-05"
    assert history_of(person).count() == 1


def test_person_create_by_clerk_in_other_unit_is_forbidden(personas, client_for, province):
    client = client_for(personas.unit_clerk)

    response = client.post(PERSON_CREATE, _person_form(province.women))

    assert response.status_code == 403
    assert not Person.objects.filter(full_name="Lò Thị Mai").exists()


def test_person_create_by_viewer_is_forbidden(personas, client_for, province):
    response = client_for(personas.viewer).get(PERSON_CREATE)

    assert response.status_code == 403


def test_person_create_with_bad_citizen_id_shows_error(personas, client_for, province):
    client = client_for(personas.unit_clerk)

    response = client.post(PERSON_CREATE, _person_form(province.farmers, citizen_id="12345"))

    assert response.status_code == 200
    assert "citizen_id" in response.context["form"].errors


def test_person_edit_by_clerk_in_own_unit_saves(personas, client_for, province):
    person = province.farmer_people[0]
    client = client_for(personas.unit_clerk)

    response = client.post(_edit(person), _person_form(province.farmers, citizen_id=""))

    person.refresh_from_db()
    assert response.status_code == 302
    assert person.full_name == "Lò Thị Mai"
    assert "full_name" in history_of(person).first().data["fields"]


def test_person_edit_of_other_unit_is_404_for_clerk(personas, client_for, province):
    person = province.women_people[0]
    client = client_for(personas.unit_clerk)

    response = client.post(_edit(person), _person_form(province.women))

    person.refresh_from_db()
    assert response.status_code == 404
    assert person.full_name != "Lò Thị Mai"


def test_person_edit_moving_to_other_unit_is_forbidden(personas, client_for, province):
    person = province.farmer_people[0]
    client = client_for(personas.unit_clerk)

    response = client.post(_edit(person), _person_form(province.women, citizen_id=""))

    person.refresh_from_db()
    assert response.status_code == 403
    assert person.unit == province.farmers


def test_person_edit_by_viewer_is_forbidden(personas, client_for, province):
    person = province.farmer_people[0]

    response = client_for(personas.viewer).post(_edit(person), _person_form(province.farmers))

    person.refresh_from_db()
    assert response.status_code == 403
    assert person.full_name != "Lò Thị Mai"


def test_person_form_offers_only_units_the_clerk_may_fill(personas, client_for, province):
    response = client_for(personas.unit_clerk).get(PERSON_CREATE)

    units = set(response.context["form"].fields["unit"].queryset)
    assert units == {province.farmers, province.farmers_sub}
