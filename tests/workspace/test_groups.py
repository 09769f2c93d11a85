import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import UnitFactory
from tests.workspace.ui_support import count_queries, html
from vinhdanh.organisations.models import EmulationGroup, HandoverRecord
from vinhdanh.organisations.services.groups import create_group
from vinhdanh.workspace.forms import fields

# Fixtures shared by the staff-UI tests.

GROUP_LIST = reverse("workspace:group-list")
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _url(name, group):
    return reverse(f"workspace:group-{name}", args=[group.pk])


@pytest.fixture
def rotation(province):
    """A 2024 cluster of four units whose leader is the second in the rotation."""
    units = [UnitFactory(parent=province.root, name=f"Xã {n}") for n in ("A", "B", "C", "D")]
    group = create_group(actor=None, kind="cluster", year=2024, code="CUM1", name="Cụm số 1",
                         members=units, organiser=province.root, leader=units[1],
                         deputy=units[2])
    return group, units


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _handover_form(leader, **changes):
    data = {"held_on": "20/12/2024", "leader": leader.pk, "deputy": "", "next_group": "",
            "notes": "", "minutes_file": SimpleUploadedFile("bien-ban.pdf", PDF)}
    return {**data, **changes}


def test_group_pages_render_for_board_officer(personas, client_for, province):
    client = client_for(personas.board_officer)
    bloc = province.bloc

    urls = [GROUP_LIST, reverse("workspace:group-create")] + [
        _url(name, bloc)
        for name in ("detail", "edit", "members", "leadership", "handover", "copy")
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_group_list_defaults_to_latest_year_with_sections(personas, client_for, province,
                                                          rotation):
    old = create_group(actor=None, kind="bloc", year=2023, code="OLD", name="Khối cũ",
                       members=[], organiser=province.root)

    response = client_for(personas.board_officer).get(GROUP_LIST)

    assert response.context["year"] == 2024
    assert response.context["years"] == [2024, 2023]
    blocs, clusters = response.context["sections"]
    assert blocs[1] == [province.bloc]
    assert clusters[1] == [rotation[0]]
    assert old.name not in html(response)


def test_group_list_shows_members_in_rotation_order(personas, client_for, rotation):
    group, units = rotation

    response = client_for(personas.board_officer).get(GROUP_LIST, {"year": 2024})

    page = html(response)
    positions = [page.index(unit.name) for unit in units]
    assert positions == sorted(positions)


def test_group_list_for_clerk_shows_only_groups_of_farmers(personas, client_for, province,
                                                           rotation):
    response = client_for(personas.unit_clerk).get(GROUP_LIST)

    assert province.bloc.name in html(response)
    assert rotation[0].name not in html(response)


def test_group_detail_outside_visibility_is_404(personas, client_for, rotation):
    response = client_for(personas.unit_clerk).get(_url("detail", rotation[0]))

    assert response.status_code == 404


def test_group_change_by_clerk_is_forbidden(personas, client_for, province):
    client = client_for(personas.unit_clerk)

    response = client.post(_url("leadership", province.bloc),
                           {"leader": province.women.pk, "deputy": province.farmers.pk})

    province.bloc.refresh_from_db()
    assert response.status_code == 403
    assert province.bloc.leader == province.farmers


def test_group_edit_renames_and_logs(personas, client_for, province):
    client = client_for(personas.board_officer)

    response = client.post(_url("edit", province.bloc), {
        "code": "MTTQ", "name": "Khối thi đua MTTQ và các đoàn thể", "organiser": province.root.pk,
        "notes": "Đổi tên theo quy chế mới",
    })

    province.bloc.refresh_from_db()
    assert response.status_code == 302
    assert province.bloc.name == "Khối thi đua MTTQ và các đoàn thể"
    assert province.bloc.notes == "Đổi tên theo quy chế mới"


def test_group_edit_by_clerk_is_forbidden(personas, client_for, province):
    response = client_for(personas.unit_clerk).post(_url("edit", province.bloc), {
        "code": "X", "name": "Tên khác", "organiser": "", "notes": "",
    })

    province.bloc.refresh_from_db()
    assert response.status_code == 403
    assert province.bloc.code == "MTTQ"


def test_group_set_leadership_saves(personas, client_for, province):
    client = client_for(personas.group_leader)

    response = client.post(_url("leadership", province.bloc),
                           {"leader": province.women.pk, "deputy": province.farmers.pk})

    province.bloc.refresh_from_db()
    assert response.status_code == 302
    assert (province.bloc.leader, province.bloc.deputy) == (province.women, province.farmers)


def test_group_set_leadership_same_unit_twice_shows_error(personas, client_for, province):
    client = client_for(personas.board_officer)

    response = client.post(_url("leadership", province.bloc),
                           {"leader": province.women.pk, "deputy": province.women.pk})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_group_members_sets_rotation_from_codes(personas, client_for, rotation):
    group, units = rotation
    client = client_for(personas.board_officer)
    codes = [units[2].code, units[1].code, units[0].code]

    response = client.post(_url("members", group), {"members": "\n".join(codes)})

    assert response.status_code == 302
    assert [m.unit.code for m in group.memberships.select_related("unit")] == codes


def test_group_members_unknown_code_shows_error(personas, client_for, rotation):
    group, units = rotation
    client = client_for(personas.board_officer)

    response = client.post(_url("members", group), {"members": f"{units[1].code}\nKHONG-CO"})

    assert response.status_code == 200
    assert "KHONG-CO" in str(response.context["form"].errors["members"])


def test_group_create_with_members_in_order(personas, client_for, province):
    client = client_for(personas.board_officer)

    response = client.post(reverse("workspace:group-create"), {
        "kind": "bloc", "year": 2025, "code": "MTTQ", "name": "Khối MTTQ",
        "organiser": province.root.pk, "members": "HLHPN\nHND  Hội Nông dân",
        "leader": province.women.pk, "deputy": province.farmers.pk, "notes": "",
    })

    group = EmulationGroup.objects.get(year=2025, code="MTTQ")
    assert response.status_code == 302
    assert [m.unit for m in group.memberships.all()] == [province.women, province.farmers]
    assert group.leader == province.women


def test_group_create_with_unit_in_another_bloc_shows_error(personas, client_for, province):
    client = client_for(personas.board_officer)

    response = client.post(reverse("workspace:group-create"), {
        "kind": "bloc", "year": 2024, "code": "KHAC", "name": "Khối khác",
        "members": "HND", "organiser": "", "leader": "", "deputy": "", "notes": "",
    })

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not EmulationGroup.objects.filter(code="KHAC").exists()


def test_group_handover_with_pdf_minutes_is_recorded(personas, client_for, province):
    client = client_for(personas.group_leader)

    response = client.post(_url("handover", province.bloc), _handover_form(province.women))

    record = HandoverRecord.objects.get(group=province.bloc)
    assert response.status_code == 302
    assert (record.outgoing_leader, record.incoming_leader) == (province.farmers, province.women)
    assert record.held_on.isoformat() == "2024-12-20"
    with record.minutes_file.open("rb") as minutes:
        assert minutes.read() == PDF


def test_group_minutes_download_after_handover(personas, client_for, province):
    client = client_for(personas.board_officer)
    client.post(_url("handover", province.bloc), _handover_form(province.women))

    response = client.get(_url("minutes", province.bloc))

    content = b"".join(response.streaming_content)
    response.close()
    assert response.status_code == 200
    assert content == PDF
    assert "attachment" in response["Content-Disposition"]


def test_group_handover_accepts_docx_minutes(personas, client_for, province):
    upload = SimpleUploadedFile("bien-ban.docx", _docx())

    response = client_for(personas.board_officer).post(
        _url("handover", province.bloc), _handover_form(province.women, minutes_file=upload))

    assert response.status_code == 302


@pytest.mark.parametrize("name, content", [
    ("bien-ban.pdf", b"MZ\x90\x00 not a pdf"),
    ("bien-ban.exe", PDF),
    ("bien-ban.docx", b"PK\x03\x04 not a word file"),
])
def test_group_handover_rejects_other_files(personas, client_for, province, name, content):
    upload = SimpleUploadedFile(name, content)

    response = client_for(personas.board_officer).post(
        _url("handover", province.bloc), _handover_form(province.women, minutes_file=upload))

    assert response.status_code == 200
    assert "minutes_file" in response.context["form"].errors
    assert not HandoverRecord.objects.exists()


def test_group_handover_rejects_files_over_the_limit(personas, client_for, province,
                                                     monkeypatch):
    monkeypatch.setattr(fields, "MAX_MINUTES_BYTES", len(PDF) - 1)

    response = client_for(personas.board_officer).post(
        _url("handover", province.bloc), _handover_form(province.women))

    assert "minutes_file" in response.context["form"].errors


def test_group_copy_proposes_the_next_units_in_rotation(personas, client_for, rotation):
    group, units = rotation

    response = client_for(personas.board_officer).get(_url("copy", group))

    assert response.context["form"].initial == {"leader": units[2], "deputy": units[3]}


def test_group_copy_creates_next_years_group_with_chosen_leader(personas, client_for,
                                                                rotation):
    group, units = rotation
    client = client_for(personas.board_officer)

    response = client.post(_url("copy", group), {"leader": units[3].pk, "deputy": units[0].pk})

    copy = EmulationGroup.objects.get(year=2025, code="CUM1")
    assert response.status_code == 302
    assert response.url == copy.get_absolute_url()
    assert (copy.leader, copy.deputy, copy.copied_from) == (units[3], units[0], group)
    assert [m.unit for m in copy.memberships.all()] == units


def test_group_copy_twice_shows_error(personas, client_for, rotation):
    group, units = rotation
    client = client_for(personas.board_officer)
    client.post(_url("copy", group), {"leader": units[3].pk, "deputy": units[0].pk})

    response = client.post(_url("copy", group), {"leader": units[3].pk, "deputy": units[0].pk})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_group_detail_links_previous_and_next_year(personas, client_for, rotation):
    group, units = rotation
    client = client_for(personas.board_officer)
    client.post(_url("copy", group), {"leader": units[3].pk, "deputy": units[0].pk})
    copy = EmulationGroup.objects.get(year=2025, code="CUM1")

    old_page = html(client.get(_url("detail", group)))
    new_page = html(client.get(_url("detail", copy)))

    assert copy.get_absolute_url() in old_page
    assert group.get_absolute_url() in new_page


def test_group_list_query_count_does_not_grow_with_rows(personas, client_for, province):
    client = client_for(personas.board_officer)
    one = count_queries(client, GROUP_LIST)
    for n in range(29):
        members = [UnitFactory(parent=province.root), UnitFactory(parent=province.root)]
        create_group(actor=None, kind="cluster", year=2024, code=f"C{n}", name=f"Cụm {n}",
                     members=members, organiser=province.root, leader=members[0])

    thirty = count_queries(client, GROUP_LIST)

    assert one == thirty


def test_group_create_by_clerk_is_forbidden(personas, client_for, province):
    response = client_for(personas.unit_clerk).post(reverse("workspace:group-create"), {
        "kind": "bloc", "year": 2025, "code": "X", "name": "X", "members": "HND",
    })

    assert response.status_code == 403
    assert not EmulationGroup.objects.filter(code="X").exists()


def test_group_copy_by_group_leader_is_forbidden(personas, client_for, province):
    client = client_for(personas.group_leader)

    response = client.post(_url("copy", province.bloc),
                           {"leader": province.women.pk, "deputy": province.farmers.pk})

    assert response.status_code == 403
    assert not EmulationGroup.objects.filter(year=2025).exists()
