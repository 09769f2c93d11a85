"""The summary report page and its Word download: who reads, who writes, what it shows."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from docx import Document

from tests.reports.summary_support import record, summary_world
from tests.scoring.workflow_support import clerk_of
from vinhdanh.core.models import ActivityLog
from vinhdanh.movements.enums import MovementKind
from vinhdanh.movements.services.movements import launch_movement
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import RoleAssignment
from vinhdanh.reports.models import SummaryReport
from vinhdanh.reports.summary.services import FIELDS, draft_for


@pytest.fixture
def world(province):
    return summary_world(province)


def _page(group):
    return reverse("workspace:summary-report", args=[group.pk])


def _word(group):
    return reverse("workspace:summary-word", args=[group.pk])


def _posted(group, **changes) -> dict:
    draft = draft_for(group)
    data = {name: getattr(draft, name) for name in FIELDS}
    data["dated"] = draft.dated.strftime("%d/%m/%Y") if draft.dated else ""
    return {**data, **changes}


def _document(response):
    return Document(io.BytesIO(response.content))


def test_leader_sees_the_prefilled_form_and_the_figures(world, province, personas, client_for):
    response = client_for(personas.group_leader).get(_page(province.bloc))

    assert response.status_code == 200
    assert response.context["form"]["results"].value() == "Hoàn thành tốt nhiệm vụ năm 2024."
    figures = response.context["figures"]
    assert [m.name for m in figures.movements] == ["Vì người nghèo",
                                                   "Xây dựng gia đình 5 không, 3 sạch"]
    assert "75,5" in response.content.decode()  # the summed target, the Vietnamese way


def test_leader_saves_the_report_with_an_audit_entry(world, province, personas, client_for):
    data = _posted(province.bloc, number="21", limitations="Còn chậm báo cáo.")

    response = client_for(personas.group_leader).post(_page(province.bloc), data)

    assert response.status_code == 302
    report = SummaryReport.objects.get(group=province.bloc)
    assert (report.number, report.limitations, report.updated_by) == (
        "21", "Còn chậm báo cáo.", personas.group_leader)
    assert ActivityLog.objects.filter(action="reports.summary_created",
                                      object_id=str(report.pk)).exists()


def test_board_officer_may_edit_too(world, province, personas, client_for):
    response = client_for(personas.board_officer).post(_page(province.bloc),
                                                       _posted(province.bloc, number="3"))

    assert response.status_code == 302
    assert SummaryReport.objects.get().number == "3"


def test_a_date_outside_the_year_is_refused_in_the_form(world, province, personas, client_for):
    with translation.override("vi"):
        response = client_for(personas.group_leader).post(
            _page(province.bloc), _posted(province.bloc, dated="05/05/2022"))
        expected = gettext("The report is dated in the group's year or early in the next one.")

    assert response.status_code == 200
    assert response.context["form"].errors["dated"] == [expected]
    assert not SummaryReport.objects.exists()


def test_member_clerk_reads_and_downloads_but_may_not_edit(world, province, personas,
                                                           client_for):
    client = client_for(personas.unit_clerk)  # a clerk of the Farmers' Union, a member

    page = client.get(_page(province.bloc))
    posted = client.post(_page(province.bloc), _posted(province.bloc, number="9"))
    word = client.get(_word(province.bloc))

    assert page.status_code == 200 and page.context["form"] is None
    assert posted.status_code == 403 and not SummaryReport.objects.exists()
    assert word.status_code == 200


def test_viewer_reads_but_may_not_edit(world, province, personas, client_for):
    client = client_for(personas.viewer)

    assert client.get(_page(province.bloc)).context["form"] is None
    assert client.post(_page(province.bloc), _posted(province.bloc)).status_code == 403


def test_clerk_outside_the_group_gets_404(world, province, client_for):
    outsider = clerk_of(world.finance, "clerk.finance")
    client = client_for(outsider)

    assert client.get(_page(province.bloc)).status_code == 404
    assert client.get(_word(province.bloc)).status_code == 404
    assert client.get(_page(world.other)).status_code == 200


def test_leader_of_another_group_gets_404(world, province, client_for):
    other_leader = clerk_of(world.finance, "leader.finance")
    RoleAssignment.objects.filter(user=other_leader).update(role=Role.GROUP_LEADER,
                                                             unit=None, group=world.other)

    assert client_for(other_leader).get(_page(province.bloc)).status_code == 404


def test_anonymous_is_sent_to_log_in(world, province, client):
    assert client.get(_word(province.bloc)).status_code == 302


def test_word_download_holds_the_figures_and_the_saved_text(world, province, personas,
                                                            client_for):
    client = client_for(personas.group_leader)
    client.post(_page(province.bloc), _posted(province.bloc, number="21"))

    response = client.get(_word(province.bloc))

    assert response["Content-Disposition"] == \
        'attachment; filename="bao-cao-tong-ket-mttq-2024.docx"'
    doc = _document(response)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Số: 21/BC-KTĐ" in doc.tables[0].rows[1].cells[0].text
    assert "Hội Nông dân tỉnh" in text and "Vì người nghèo" in doc.tables[1].rows[1].cells[0].text
    assert ["1.1", "Hộ thoát nghèo", "hộ", "100", "75,5", "75,5%"] == [
        cell.text for cell in doc.tables[1].rows[2].cells]


def test_group_page_links_to_the_report(world, province, personas, client_for):
    response = client_for(personas.unit_clerk).get(province.bloc.get_absolute_url())

    assert _page(province.bloc) in response.content.decode()


def test_report_page_queries_do_not_grow_with_movements_and_honours(
        world, province, personas, client_for, django_assert_max_num_queries):
    client = client_for(personas.group_leader)
    with django_assert_max_num_queries(200) as first:
        client.get(_page(province.bloc))
    for number in range(2):
        launch_movement(actor=None, kind=MovementKind.THEMATIC, name=f"Phong trào {number}",
                        launched_by=province.root, starts_on=dt.date(2024, 3, 1),
                        participants=[province.women],
                        targets=[{"name": "Chỉ tiêu", "measure": "lần", "target_value": 5}])
        record("lao_dong_tien_tien", dt.date(2024, 12, 1), person=province.farmer_people[number])

    with django_assert_max_num_queries(len(first.captured_queries)):
        response = client.get(_page(province.bloc))
    assert len(response.context["figures"].movements) == 4
