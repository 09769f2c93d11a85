"""The group's scoring table pages: the tree, creating it, settings, criteria, Excel."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext

from tests.workspace.ui_support import count_queries, html
from vinhdanh.organisations.services.groups import copy_group_to_next_year
from vinhdanh.scoring.enums import CriterionKind, TieBreak
from vinhdanh.scoring.models import Criterion, ScoringTemplate
from vinhdanh.scoring.services import templates as template_services

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.workspace.scoring_fixtures"]


def _table_url(group):
    return reverse("workspace:scoring-table", args=[group.pk])


def _url(name, obj):
    return reverse(f"workspace:scoring-{name}", args=[obj.pk])


def test_table_page_shows_tree_to_those_who_see_the_group(personas, client_for, table,
                                                          women_clerk):
    for user in (personas.board_officer, personas.group_leader, personas.unit_clerk,
                 women_clerk, personas.viewer):
        response = client_for(user).get(_table_url(table.group))

        assert response.status_code == 200, user
        assert "Tổ chức phong trào" in html(response)


def test_table_page_is_missing_for_outsider(client_for, table, outsider):
    response = client_for(outsider).get(_table_url(table.group))

    assert response.status_code == 404


def test_table_edit_links_only_for_managers(personas, client_for, table):
    add_url = _url("criterion-create", table)

    assert add_url in html(client_for(personas.group_leader).get(_table_url(table.group)))
    assert add_url not in html(client_for(personas.unit_clerk).get(_table_url(table.group)))


def test_missing_table_offers_creation_to_managers_only(personas, client_for, bloc):
    url = _table_url(bloc.bloc)
    create = _url("table-create", bloc.bloc)

    assert create in html(client_for(personas.group_leader).get(url))
    assert create not in html(client_for(personas.unit_clerk).get(url))
    assert client_for(personas.unit_clerk).post(create).status_code == 403


def test_create_copies_last_years_table_by_default(personas, client_for, table):
    next_year = copy_group_to_next_year(table.group, actor=None)
    client = client_for(personas.board_officer)

    page = client.get(_table_url(next_year))
    response = client.post(_url("table-create", next_year),
                           {"copy_from": page.context["form"]["copy_from"].initial.pk})

    assert response.status_code == 302
    copy = ScoringTemplate.objects.get(group=next_year)
    assert copy.copied_from == table
    assert copy.criteria.count() == table.criteria.count()


def test_create_blank_table_without_previous_year(personas, client_for, bloc):
    response = client_for(personas.board_officer).post(_url("table-create", bloc.bloc),
                                                       {"copy_from": ""})

    assert response.status_code == 302
    assert ScoringTemplate.objects.get(group=bloc.bloc).criteria.count() == 0


def test_create_blank_table_although_last_year_has_one(personas, client_for, table):
    next_year = copy_group_to_next_year(table.group, actor=None)

    response = client_for(personas.board_officer).post(_url("table-create", next_year),
                                                       {"copy_from": ""})

    assert response.status_code == 302
    assert ScoringTemplate.objects.get(group=next_year).criteria.count() == 0


def test_settings_saved_with_tie_break_order(personas, client_for, table):
    data = {"formula": "weighted", "weight_self": "0,2", "weight_peer": "0,3",
            "weight_leader": "0,5", "normalise_peers": "on", "deviation_threshold": "2",
            "self_gap_threshold": "0,1", "flag_count": "1", "merit_count": "2", "notes": "",
            "tie_break_1": TieBreak.MORE_BONUS, "tie_break_2": TieBreak.FEWER_PENALTY}

    response = client_for(personas.group_leader).post(_url("table-settings", table), data)

    assert response.status_code == 302, response.context["form"].errors
    table.refresh_from_db()
    assert table.tie_breaks == [TieBreak.MORE_BONUS, TieBreak.FEWER_PENALTY]
    assert table.weight_peer == Decimal("0.3")
    assert table.normalise_peers is True


def test_settings_refuse_a_repeated_tie_break(personas, client_for, table):
    data = {"formula": "consolidated", "weight_self": "0", "weight_peer": "0",
            "weight_leader": "1", "deviation_threshold": "2", "self_gap_threshold": "0,1",
            "tie_break_1": TieBreak.MORE_BONUS, "tie_break_2": TieBreak.MORE_BONUS}

    response = client_for(personas.group_leader).post(_url("table-settings", table), data)

    assert response.status_code == 200
    assert gettext("Each tie-break rule may be chosen only once.") in html(response)


def test_settings_refused_to_unit_clerk(personas, client_for, table):
    assert client_for(personas.unit_clerk).get(_url("table-settings", table)).status_code == 403


def test_criterion_added_under_a_section(personas, client_for, table):
    data = {"parent": table.items.section.pk, "kind": CriterionKind.STANDARD, "code": "3",
            "title": "Nhân rộng điển hình", "max_points": "5", "guidance": ""}

    response = client_for(personas.group_leader).post(_url("criterion-create", table), data)

    assert response.status_code == 302
    assert Criterion.objects.get(title="Nhân rộng điển hình").parent == table.items.section


def test_criterion_edited_and_deleted(personas, client_for, table):
    client = client_for(personas.group_leader)
    data = {"parent": table.items.section.pk, "kind": CriterionKind.STANDARD, "code": "1",
            "title": "Ban hành kế hoạch năm", "max_points": "12", "guidance": "Có văn bản"}

    client.post(_url("criterion-edit", table.items.first), data)
    client.post(_url("criterion-delete", table.items.bonus))

    table.items.first.refresh_from_db()
    assert table.items.first.max_points == Decimal(12)
    assert not Criterion.objects.filter(pk=table.items.bonus.pk).exists()


def test_criteria_locked_once_a_round_opened(personas, client_for, scoring_round):
    table = scoring_round.template
    client = client_for(personas.group_leader)

    page = html(client.get(_table_url(table.group)))

    assert _url("criterion-create", table) not in page
    assert client.get(_url("criterion-edit", table.items.first)).status_code == 403


def test_export_is_an_xlsx_workbook(personas, client_for, table):
    response = client_for(personas.unit_clerk).get(_url("table-export", table))

    assert response.status_code == 200
    assert response.content.startswith(b"PK\x03\x04")


def test_import_round_trips_the_exported_table(personas, client_for, table):
    client = client_for(personas.group_leader)
    data = client.get(_url("table-export", table)).content

    response = client.post(_url("table-import", table),
                           {"file": SimpleUploadedFile("bang-diem.xlsx", data)})

    assert response.status_code == 302
    assert table.criteria.count() == 6


def test_import_refuses_a_file_that_is_not_a_workbook(personas, client_for, table):
    response = client_for(personas.group_leader).post(
        _url("table-import", table), {"file": SimpleUploadedFile("x.xlsx", b"not excel")})

    assert response.status_code == 200
    assert gettext("This is not an Excel workbook: upload an .xlsx file.") in html(response)


def test_table_page_queries_do_not_grow_with_criteria(personas, client_for, table):
    client = client_for(personas.group_leader)
    url = _table_url(table.group)
    before = count_queries(client, url)
    for n in range(3):
        template_services.add_criterion(table, actor=None, kind=CriterionKind.STANDARD,
                                        parent=table.items.section, title=f"Mục {n}",
                                        max_points=Decimal(1))

    assert count_queries(client, url) == before


def _spoiled(data: bytes) -> bytes:
    """The workbook with a word where a maximum of points belongs."""
    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(data))
    sheet = workbook.active
    header = next(row for row in sheet.iter_rows() if any(c.value == "Điểm tối đa" for c in row))
    column = next(c.column for c in header if c.value == "Điểm tối đa")
    sheet.cell(header[0].row + 2, column, "mười")
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_import_lists_each_problem_and_changes_nothing(personas, client_for, table):
    client = client_for(personas.group_leader)
    data = _spoiled(client.get(_url("table-export", table)).content)

    response = client.post(_url("table-import", table),
                           {"file": SimpleUploadedFile("bang-diem.xlsx", data)})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert table.criteria.count() == 6


def test_criterion_delete_asks_to_confirm_naming_what_goes_with_it(personas, client_for,
                                                                   table):
    url = _url("criterion-delete", table.items.section)

    response = client_for(personas.group_leader).get(url)

    assert response.status_code == 200
    assert [node.pk for node in response.context["held"]] == [table.items.first.pk,
                                                              table.items.second.pk]
    assert "Tổ chức phong trào" in html(response)
    assert Criterion.objects.filter(pk=table.items.section.pk).exists()


def test_criterion_delete_confirmed_deletes_the_section_with_its_criteria(
        personas, client_for, table):
    response = client_for(personas.group_leader).post(_url("criterion-delete",
                                                           table.items.section))

    assert response.status_code == 302
    assert not Criterion.objects.filter(pk__in=[table.items.section.pk,
                                                table.items.first.pk]).exists()
    assert table.criteria.count() == 3


def test_table_page_links_to_the_delete_confirmation(personas, client_for, table):
    page = html(client_for(personas.group_leader).get(_table_url(table.group)))

    assert f'href="{_url("criterion-delete", table.items.bonus)}"' in page


def test_criterion_delete_refused_to_unit_clerk(personas, client_for, table):
    client = client_for(personas.unit_clerk)
    url = _url("criterion-delete", table.items.bonus)

    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert Criterion.objects.filter(pk=table.items.bonus.pk).exists()
