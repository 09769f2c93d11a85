from django.utils.translation import gettext

from tests.api.conftest import count_queries, ids
from tests.factories import UnitFactory
from vinhdanh.core.models import ActivityLog
from vinhdanh.organisations.enums import UnitKind, UnitLevel
from vinhdanh.organisations.models import Unit

URL = "/api/v1/units/"


def test_unit_list_clerk_sees_only_farmers_union(personas, province, api_for):
    response = api_for(personas.unit_clerk).get(URL)

    assert response.status_code == 200
    assert ids(response) == {province.farmers.pk, province.farmers_sub.pk}


def test_unit_list_board_officer_sees_every_unit(personas, province, api_for):
    response = api_for(personas.board_officer).get(URL)

    assert ids(response) == set(Unit.objects.values_list("pk", flat=True))


def test_unit_list_group_leader_sees_member_units(personas, province, api_for):
    response = api_for(personas.group_leader).get(URL)

    assert ids(response) == {province.farmers.pk, province.women.pk}


def test_unit_retrieve_fields(personas, province, api_for):
    response = api_for(personas.unit_clerk).get(f"{URL}{province.farmers_sub.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body["parent"] == province.farmers.pk
    assert body["path"] == province.farmers_sub.path
    assert body["depth"] == 2
    assert body["url"] == f"http://testserver{URL}{province.farmers_sub.pk}/"
    assert "sort_key" not in body and "search_text" not in body


def test_unit_retrieve_outside_scope_is_404(personas, province, api_for):
    response = api_for(personas.unit_clerk).get(f"{URL}{province.women.pk}/")

    assert response.status_code == 404


def test_unit_list_search_ignores_tone_placement(personas, province, api_for):
    client = api_for(personas.board_officer)

    found = [ids(client.get(URL, {"q": q})) for q in ("hoa", "Hoà", "HÒA")]

    assert found == [{province.root.pk}] * 3


def test_unit_list_filters_by_parent_subtree_kind_and_level(personas, province, api_for):
    client = api_for(personas.board_officer)

    assert ids(client.get(URL, {"parent": province.root.pk})) == {
        province.farmers.pk, province.women.pk
    }
    assert ids(client.get(URL, {"subtree": province.women.pk})) == {
        province.women.pk, province.women_sub.pk
    }
    assert ids(client.get(URL, {"kind": UnitKind.PROVINCE})) == {province.root.pk}
    assert ids(client.get(URL, {"level": UnitLevel.GRASSROOTS})) == {
        province.farmers_sub.pk, province.women_sub.pk
    }


def test_unit_list_subtree_outside_scope_is_400(personas, province, api_for):
    response = api_for(personas.unit_clerk).get(URL, {"subtree": province.women.pk})

    assert response.status_code == 400
    assert "subtree" in response.json()


def test_unit_list_invalid_filter_is_400(personas, province, api_for):
    response = api_for(personas.board_officer).get(URL, {"kind": "nonsense", "parent": "x"})

    assert response.status_code == 400
    assert set(response.json()) == {"kind", "parent"}


def test_unit_create_by_board_officer(personas, province, api_for):
    data = {"code": "DTN", "name": "Tỉnh đoàn", "kind": UnitKind.FRONT,
            "level": UnitLevel.PROVINCE, "parent": province.root.pk,
            "active_from": "01/02/2020"}

    response = api_for(personas.board_officer).post(URL, data, format="json")

    assert response.status_code == 201, response.content
    unit = Unit.objects.get(code="DTN")
    assert response.json()["id"] == unit.pk
    assert response.json()["path"] == f"{province.root.path}{unit.pk}/"
    assert response.json()["active_from"] == "2020-02-01"
    assert ActivityLog.objects.filter(action="unit.created", object_id=str(unit.pk)).exists()


def test_unit_create_by_clerk_is_403(personas, province, api_for):
    data = {"code": "X", "name": "Chi hội mới", "kind": UnitKind.FRONT,
            "level": UnitLevel.GRASSROOTS, "parent": province.farmers.pk}

    response = api_for(personas.unit_clerk).post(URL, data, format="json")

    assert response.status_code == 403
    assert not Unit.objects.filter(code="X").exists()


def test_unit_create_duplicate_code_is_400(personas, province, api_for):
    data = {"code": "HND", "name": "Trùng mã", "kind": UnitKind.FRONT,
            "level": UnitLevel.PROVINCE, "parent": province.root.pk}

    response = api_for(personas.board_officer).post(URL, data, format="json")

    assert response.status_code == 400
    assert "code" in response.json()


def test_unit_patch_by_board_officer(personas, province, api_for):
    url = f"{URL}{province.farmers.pk}/"

    response = api_for(personas.board_officer).patch(url, {"short_name": "HND"}, format="json")

    assert response.status_code == 200
    province.farmers.refresh_from_db()
    assert province.farmers.short_name == "HND"


def test_unit_patch_move_carries_the_subtree(personas, province, api_for):
    url = f"{URL}{province.farmers.pk}/"

    response = api_for(personas.board_officer).patch(url, {"parent": province.women.pk},
                                                     format="json")

    assert response.status_code == 200
    province.farmers_sub.refresh_from_db()
    assert province.farmers_sub.path.startswith(province.women.path)


def test_unit_patch_under_own_subunit_is_400_with_message(personas, province, api_for):
    url = f"{URL}{province.farmers.pk}/"

    response = api_for(personas.board_officer).patch(
        url, {"parent": province.farmers_sub.pk}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [
            gettext("A unit cannot be placed under itself or one of its sub-units.")
        ]
    }


def test_unit_patch_inactive_period_reversed_is_400(personas, province, api_for):
    url = f"{URL}{province.farmers.pk}/"
    data = {"active_from": "2020-01-01", "active_until": "2019-01-01"}

    response = api_for(personas.board_officer).patch(url, data, format="json")

    assert response.status_code == 400


def test_unit_patch_by_clerk_is_403(personas, province, api_for):
    url = f"{URL}{province.farmers.pk}/"

    response = api_for(personas.unit_clerk).patch(url, {"name": "Đổi tên"}, format="json")

    assert response.status_code == 403
    province.farmers.refresh_from_db()
    assert province.farmers.name == "Hội Nông dân tỉnh"


def test_unit_put_is_not_allowed(personas, province, api_for):
    url = f"{URL}{province.farmers.pk}/"

    response = api_for(personas.board_officer).put(url, {}, format="json")

    assert response.status_code == 405


def test_unit_list_query_count_does_not_grow(personas, province, api_for):
    client, url = api_for(personas.unit_clerk), f"{URL}?parent={province.farmers.pk}"
    few, body = count_queries(client, url)
    UnitFactory.create_batch(29, parent=province.farmers)

    many, more = count_queries(client, url)

    assert (body["count"], more["count"]) == (1, 30)
    assert few == many


def test_unit_list_blank_search_returns_everything_visible(personas, province, api_for):
    response = api_for(personas.unit_clerk).get(URL, {"q": ""})

    assert ids(response) == {province.farmers.pk, province.farmers_sub.pk}


def test_second_province_root_is_refused(personas, province, api_for):
    body = {"code": "NEW", "name": "Tỉnh khác", "kind": "province", "level": "province"}

    by_officer = api_for(personas.board_officer).post(URL, body, format="json")
    by_admin = api_for(personas.admin).post(URL, body, format="json")

    assert (by_officer.status_code, by_admin.status_code) == (403, 400)
    assert by_admin.json() == {"non_field_errors": [
        gettext("There is already a province; a new unit needs a parent unit.")
    ]}
    assert not Unit.objects.filter(code="NEW").exists()
