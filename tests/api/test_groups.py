import datetime as dt

import pytest
from django.utils.translation import gettext

from tests.api.conftest import count_queries, ids
from tests.factories import UnitFactory
from vinhdanh.organisations.enums import GroupKind
from vinhdanh.organisations.models import EmulationGroup, HandoverRecord
from vinhdanh.organisations.services.groups import create_group, record_handover

URL = "/api/v1/groups/"


def _members(group):
    return [m.unit for m in group.memberships.order_by("rotation_position")]


@pytest.fixture
def women_cluster(province):
    """A group the Farmers' Union has nothing to do with."""
    return create_group(actor=None, kind=GroupKind.CLUSTER, year=2024, code="CUM-PN",
                        name="Cụm Phụ nữ", members=[province.women_sub], organiser=province.women)


def test_group_list_clerk_sees_only_groups_of_own_units(personas, province, women_cluster,
                                                        api_for):
    response = api_for(personas.unit_clerk).get(URL)

    assert response.status_code == 200
    assert ids(response) == {province.bloc.pk}


def test_group_list_board_officer_filters_by_kind_and_year(personas, province, women_cluster,
                                                           api_for):
    client = api_for(personas.board_officer)

    assert ids(client.get(URL, {"kind": GroupKind.CLUSTER})) == {women_cluster.pk}
    assert ids(client.get(URL, {"year": 2024})) == {province.bloc.pk, women_cluster.pk}
    assert ids(client.get(URL, {"year": 2025})) == set()


def test_group_retrieve_fields(personas, province, api_for):
    response = api_for(personas.group_leader).get(f"{URL}{province.bloc.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert (body["kind"], body["year"], body["code"]) == (GroupKind.BLOC, 2024, "MTTQ")
    assert (body["organiser"], body["leader"], body["deputy"]) == (
        province.root.pk, province.farmers.pk, province.women.pk
    )
    assert body["members"] == [
        {"unit": province.farmers.pk, "rotation_position": 1},
        {"unit": province.women.pk, "rotation_position": 2},
    ]
    assert body["handover"] is None


def test_group_retrieve_invisible_group_is_404(personas, women_cluster, api_for):
    response = api_for(personas.unit_clerk).get(f"{URL}{women_cluster.pk}/")

    assert response.status_code == 404


def test_group_create_by_board_officer(personas, province, api_for):
    data = {"kind": GroupKind.CLUSTER, "year": 2024, "code": "CUM1", "name": "Cụm thi đua số 1",
            "organiser": province.root.pk, "leader": province.women_sub.pk,
            "members": [{"unit": province.farmers_sub.pk}, {"unit": province.women_sub.pk}]}

    response = api_for(personas.board_officer).post(URL, data, format="json")

    assert response.status_code == 201, response.content
    group = EmulationGroup.objects.get(code="CUM1")
    assert _members(group) == [province.farmers_sub, province.women_sub]
    assert group.leader == province.women_sub
    assert [m["rotation_position"] for m in response.json()["members"]] == [1, 2]


@pytest.mark.parametrize("persona", ["unit_clerk", "group_leader", "viewer"])
def test_group_create_without_editor_role_is_403(personas, province, api_for, persona):
    data = {"kind": GroupKind.CLUSTER, "year": 2024, "code": "CUM1", "name": "Cụm thi đua số 1",
            "members": [{"unit": province.farmers_sub.pk}]}

    response = api_for(getattr(personas, persona)).post(URL, data, format="json")

    assert response.status_code == 403
    assert not EmulationGroup.objects.filter(code="CUM1").exists()


def test_group_create_with_unit_already_in_a_bloc_is_400(personas, province, api_for):
    data = {"kind": GroupKind.BLOC, "year": 2024, "code": "K2", "name": "Khối thứ hai",
            "members": [{"unit": province.farmers.pk}]}

    response = api_for(personas.board_officer).post(URL, data, format="json")

    assert response.status_code == 400
    message = response.json()["non_field_errors"][0]
    prefix = gettext("A unit may be in only one group of each kind per year: %(units)s")
    assert message.startswith(prefix.split("%")[0])
    assert not EmulationGroup.objects.filter(code="K2").exists()


def test_group_create_with_a_unit_twice_is_400(personas, province, api_for):
    data = {"kind": GroupKind.CLUSTER, "year": 2024, "code": "CUM1", "name": "Cụm",
            "members": [{"unit": province.farmers_sub.pk}, {"unit": province.farmers_sub.pk}]}

    response = api_for(personas.board_officer).post(URL, data, format="json")

    assert response.status_code == 400
    assert "members" in response.json()


@pytest.mark.parametrize("persona", ["board_officer", "group_leader"])
def test_group_leadership_by_group_editors(personas, province, api_for, persona):
    data = {"leader": province.women.pk, "deputy": province.farmers.pk}

    response = api_for(getattr(personas, persona)).post(
        f"{URL}{province.bloc.pk}/leadership/", data, format="json"
    )

    assert response.status_code == 200, response.content
    province.bloc.refresh_from_db()
    assert (province.bloc.leader, province.bloc.deputy) == (province.women, province.farmers)
    assert (response.json()["leader"], response.json()["deputy"]) == (
        province.women.pk, province.farmers.pk
    )


def test_group_leadership_by_clerk_is_403(personas, province, api_for):
    data = {"leader": province.farmers.pk, "deputy": None}

    response = api_for(personas.unit_clerk).post(
        f"{URL}{province.bloc.pk}/leadership/", data, format="json"
    )

    assert response.status_code == 403
    province.bloc.refresh_from_db()
    assert province.bloc.deputy == province.women


def test_group_leadership_non_member_is_400_with_message(personas, province, api_for):
    data = {"leader": province.root.pk}

    response = api_for(personas.board_officer).post(
        f"{URL}{province.bloc.pk}/leadership/", data, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [gettext("The leader and the deputy must be members of the group.")]
    }


@pytest.mark.parametrize("persona", ["board_officer", "group_leader"])
def test_group_members_reorder_by_group_editors(personas, province, api_for, persona):
    data = {"members": [province.women.pk, province.farmers.pk]}

    response = api_for(getattr(personas, persona)).post(
        f"{URL}{province.bloc.pk}/members/", data, format="json"
    )

    assert response.status_code == 200, response.content
    assert _members(province.bloc) == [province.women, province.farmers]
    assert response.json()["members"] == [
        {"unit": province.women.pk, "rotation_position": 1},
        {"unit": province.farmers.pk, "rotation_position": 2},
    ]


def test_group_members_by_clerk_is_403(personas, province, api_for):
    data = {"members": [province.women.pk, province.farmers.pk]}

    response = api_for(personas.unit_clerk).post(
        f"{URL}{province.bloc.pk}/members/", data, format="json"
    )

    assert response.status_code == 403
    assert _members(province.bloc) == [province.farmers, province.women]


def test_group_members_dropping_the_leader_is_400(personas, province, api_for):
    response = api_for(personas.board_officer).post(
        f"{URL}{province.bloc.pk}/members/", {"members": [province.women.pk]}, format="json"
    )

    assert response.status_code == 400
    assert _members(province.bloc) == [province.farmers, province.women]


def test_group_members_on_invisible_group_is_404(personas, women_cluster, api_for):
    response = api_for(personas.unit_clerk).post(
        f"{URL}{women_cluster.pk}/members/", {"members": []}, format="json"
    )

    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["board_officer", "group_leader"])
def test_group_copy_to_next_year_by_group_editors(personas, province, api_for, persona):
    response = api_for(getattr(personas, persona)).post(
        f"{URL}{province.bloc.pk}/copy-to-next-year/", {}, format="json"
    )

    assert response.status_code == 201, response.content
    copy = EmulationGroup.objects.get(year=2025, code="MTTQ")
    assert response.json()["id"] == copy.pk
    assert copy.copied_from == province.bloc
    assert _members(copy) == [province.farmers, province.women]
    # the leadership moves on along the rotation
    assert (copy.leader, copy.deputy) == (province.women, province.farmers)


def test_group_copy_to_next_year_twice_is_400(personas, province, api_for):
    client, url = api_for(personas.board_officer), f"{URL}{province.bloc.pk}/copy-to-next-year/"
    client.post(url, {}, format="json")

    response = client.post(url, {}, format="json")

    assert response.status_code == 400
    assert EmulationGroup.objects.filter(year=2025, code="MTTQ").count() == 1


def test_group_copy_to_next_year_by_clerk_is_403(personas, province, api_for):
    response = api_for(personas.unit_clerk).post(
        f"{URL}{province.bloc.pk}/copy-to-next-year/", {}, format="json"
    )

    assert response.status_code == 403
    assert not EmulationGroup.objects.filter(year=2025).exists()


@pytest.mark.parametrize("persona", ["board_officer", "group_leader"])
def test_group_handover_by_group_editors(personas, province, api_for, persona):
    data = {"held_on": "20/12/2024", "incoming_leader": province.women.pk,
            "incoming_deputy": province.farmers.pk, "notes": "Hội nghị tổng kết"}
    client = api_for(getattr(personas, persona))

    response = client.post(f"{URL}{province.bloc.pk}/handover/", data, format="json")

    assert response.status_code == 201, response.content
    record = HandoverRecord.objects.get(group=province.bloc)
    assert (record.held_on, record.outgoing_leader, record.incoming_leader) == (
        dt.date(2024, 12, 20), province.farmers, province.women
    )
    handover = client.get(f"{URL}{province.bloc.pk}/").json()["handover"]
    assert handover == {
        "held_on": "2024-12-20", "outgoing_leader": province.farmers.pk,
        "outgoing_deputy": province.women.pk, "incoming_leader": province.women.pk,
        "incoming_deputy": province.farmers.pk, "next_group": None,
        "notes": "Hội nghị tổng kết", "has_minutes": False,
    }


def test_group_handover_twice_is_400(personas, province, api_for):
    client, url = api_for(personas.board_officer), f"{URL}{province.bloc.pk}/handover/"
    data = {"held_on": "2024-12-20", "incoming_leader": province.women.pk}
    client.post(url, data, format="json")

    response = client.post(url, data, format="json")

    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [gettext("The handover of this group has already been recorded.")]
    }


def test_group_handover_by_clerk_is_403(personas, province, api_for):
    data = {"held_on": "2024-12-20", "incoming_leader": province.women.pk}

    response = api_for(personas.unit_clerk).post(
        f"{URL}{province.bloc.pk}/handover/", data, format="json"
    )

    assert response.status_code == 403
    assert not HandoverRecord.objects.exists()


def _group_with_handover(number, root):
    unit = UnitFactory(parent=root)
    group = create_group(actor=None, kind=GroupKind.BLOC, year=2024, code=f"G{number}",
                         name=f"Khối {number}", members=[unit], organiser=root, leader=unit)
    record_handover(group, actor=None, held_on=dt.date(2024, 12, 1), incoming_leader=unit)


def test_group_list_query_count_does_not_grow(personas, province, api_for):
    client, url = api_for(personas.board_officer), f"{URL}?year=2024"
    few, body = count_queries(client, url)
    for number in range(29):
        _group_with_handover(number, province.root)

    many, more = count_queries(client, url)

    assert (body["count"], more["count"]) == (1, 30)
    assert few == many
    added = [row for row in more["results"] if row["id"] != province.bloc.pk]
    assert all(row["members"] and row["handover"] for row in added)


def test_group_patch_renames_for_group_leader(personas, province, api_for):
    response = api_for(personas.group_leader).patch(
        f"{URL}{province.bloc.pk}/", {"name": "Khối MTTQ và các đoàn thể"}, format="json"
    )

    province.bloc.refresh_from_db()
    assert response.status_code == 200
    assert response.json()["name"] == province.bloc.name == "Khối MTTQ và các đoàn thể"
    assert [m["unit"] for m in response.json()["members"]] == [
        province.farmers.pk, province.women.pk,
    ]


def test_group_patch_by_clerk_is_forbidden(personas, province, api_for):
    response = api_for(personas.unit_clerk).patch(
        f"{URL}{province.bloc.pk}/", {"name": "Tên khác"}, format="json"
    )

    province.bloc.refresh_from_db()
    assert response.status_code == 403
    assert province.bloc.name == "Khối MTTQ và các tổ chức chính trị - xã hội"
