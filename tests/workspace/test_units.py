from django.urls import reverse

from tests.factories import UnitFactory
from tests.workspace.ui_support import count_queries, html
from vinhdanh.core.audit import history_of
from vinhdanh.organisations.models import Unit

UNIT_LIST = reverse("workspace:unit-list")


def _detail(unit):
    return reverse("workspace:unit-detail", args=[unit.pk])


def _children(unit):
    return reverse("workspace:unit-children", args=[unit.pk])


def _edit(unit):
    return reverse("workspace:unit-edit", args=[unit.pk])


def _unit_form(**changes):
    data = {"code": "HND-BTC", "name": "Ban Tổ chức Hội Nông dân", "short_name": "",
            "kind": "front", "level": "province", "parent": "", "active_from": "",
            "active_until": ""}
    return {**data, **changes}


def test_unit_pages_render_for_board_officer(personas, client_for, province):
    client = client_for(personas.board_officer)

    for url in (UNIT_LIST, _detail(province.farmers), _edit(province.farmers),
                _children(province.farmers), reverse("workspace:unit-create")):
        assert client.get(url).status_code == 200, url


def test_unit_list_shows_the_tree_indented(personas, client_for, province):
    response = client_for(personas.board_officer).get(UNIT_LIST)

    [root] = response.context["roots"]
    assert root.unit == province.root
    # Vietnamese order: "Hội Liên hiệp …" before "Hội Nông dân …".
    assert [n.unit for n in root.children] == [province.women, province.farmers]
    # The third level waits until its branch is opened.
    farmers = root.children[1]
    assert (farmers.depth, farmers.children, farmers.unit.has_children) == (1, [], True)
    assert f'hx-get="{_children(province.farmers)}"' in html(response)


def test_unit_children_lists_the_sub_units_of_an_opened_branch(personas, client_for, province):
    deeper = UnitFactory(name="Chi hội thôn Đông", parent=province.farmers_sub)

    response = client_for(personas.board_officer).get(_children(province.farmers))

    assert [n.unit for n in response.context["nodes"]] == [province.farmers_sub]
    assert f'hx-get="{_children(province.farmers_sub)}"' in html(response)
    assert deeper.name not in html(response)


def test_unit_children_of_other_units_are_404_for_clerk(personas, client_for, province):
    response = client_for(personas.unit_clerk).get(_children(province.women))

    assert response.status_code == 404


def test_unit_list_for_clerk_shows_only_farmers_units(personas, client_for, province):
    response = client_for(personas.unit_clerk).get(UNIT_LIST)

    page = html(response)
    assert province.farmers.name in page
    assert province.farmers_sub.name in page
    assert province.women.name not in page
    assert province.root.name not in page


def test_unit_list_search_ignores_diacritics(personas, client_for, province):
    response = client_for(personas.board_officer).get(UNIT_LIST, {"q": "phu nu"})

    [root] = response.context["roots"]
    [women] = root.children
    assert women.unit == province.women
    assert women.matched and not root.matched


def test_unit_detail_for_clerk_of_other_unit_is_404(personas, client_for, province):
    response = client_for(personas.unit_clerk).get(_detail(province.women))

    assert response.status_code == 404


def test_unit_detail_shows_people_count_and_groups(personas, client_for, province):
    response = client_for(personas.unit_clerk).get(_detail(province.farmers))

    assert response.status_code == 200
    assert response.context["people_count"] == 2
    assert [m.group for m in response.context["memberships"]] == [province.bloc]


def test_unit_edit_by_clerk_is_forbidden(personas, client_for, province):
    client = client_for(personas.unit_clerk)

    assert client.get(_edit(province.farmers)).status_code == 403
    assert client.get(_edit(province.women)).status_code == 404


def test_unit_create_by_board_officer_saves_and_logs(personas, client_for, province):
    client = client_for(personas.board_officer)

    response = client.post(reverse("workspace:unit-create"),
                           _unit_form(parent=province.farmers.pk, active_from="05/03/2020"))

    unit = Unit.objects.get(code="HND-BTC")
    assert response.status_code == 302
    assert unit.parent == province.farmers
    assert unit.active_from.isoformat() == "2020-03-05"
    assert history_of(unit).count() == 1


def test_unit_create_by_clerk_is_forbidden(personas, client_for, province):
    client = client_for(personas.unit_clerk)

    response = client.post(reverse("workspace:unit-create"),
                           _unit_form(parent=province.farmers.pk))

    assert response.status_code == 403
    assert not Unit.objects.filter(code="HND-BTC").exists()


def test_unit_edit_moves_unit_and_logs_changed_fields(personas, client_for, province):
    client = client_for(personas.board_officer)
    data = _unit_form(code="HND-VP", name="Văn phòng Hội", parent=province.women.pk,
                      level="grassroots")

    response = client.post(_edit(province.farmers_sub), data)

    province.farmers_sub.refresh_from_db()
    assert response.status_code == 302
    assert province.farmers_sub.path.startswith(province.women.path)
    assert history_of(province.farmers_sub).first().data["fields"] == ["name", "parent"]


def test_unit_edit_cannot_move_unit_under_itself(personas, client_for, province):
    client = client_for(personas.board_officer)
    data = _unit_form(code="HND", name=province.farmers.name, parent=province.farmers_sub.pk)

    response = client.post(_edit(province.farmers), data)

    assert response.status_code == 200
    assert response.context["form"].errors


def test_unit_list_query_count_does_not_grow_with_rows(personas, client_for, province):
    client = client_for(personas.board_officer)
    one = count_queries(client, UNIT_LIST)
    for _ in range(29):
        UnitFactory(parent=province.farmers_sub)

    thirty = count_queries(client, UNIT_LIST)

    assert one == thirty


def test_unit_detail_for_group_leader_shows_member_unit_without_people(personas, client_for,
                                                                      province):
    response = client_for(personas.group_leader).get(_detail(province.women))

    assert response.status_code == 200
    assert response.context["people_count"] == 0
    assert not response.context["can_change"]


def test_unit_create_parent_choices_are_units_the_user_edits(personas, client_for, province):
    response = client_for(personas.board_officer).get(reverse("workspace:unit-create"),
                                                      {"parent": province.farmers.pk})

    form = response.context["form"]
    assert set(form.fields["parent"].queryset) == set(Unit.objects.all())
    assert form["parent"].value() == str(province.farmers.pk)
