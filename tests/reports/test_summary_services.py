"""Writing a summary report: pre-filled the first time, saved with an audit entry."""

import datetime as dt

import pytest
from django.utils import translation

from tests.reports.summary_support import summary_world
from vinhdanh.core.errors import DomainError
from vinhdanh.core.models import ActivityLog
from vinhdanh.reports.models import SummaryReport
from vinhdanh.reports.summary.services import draft_for, save_summary


@pytest.fixture
def world(province):
    return summary_world(province)


def test_draft_for_prefills_from_the_review_the_pledge_and_the_leader(world, province):
    draft = draft_for(province.bloc)

    assert draft.pk is None
    assert (draft.issuer_upper, draft.issuer) == (province.bloc.name, "Hội Nông dân tỉnh")
    assert (draft.results, draft.directions, draft.pledge) == (
        "Hoàn thành tốt nhiệm vụ năm 2024.", "Năm 2025 tiếp tục đổi mới.",
        "Giao ước thi đua năm 2024.")
    assert draft.dated == dt.date(2024, 12, 20)
    assert draft.place == "Hòa Bình Xanh" and draft.symbol == "BC-KTĐ"
    assert draft.title == ("Tổng kết công tác thi đua, khen thưởng năm 2024 và phương hướng, "
                           "nhiệm vụ năm 2025")
    assert draft.signer_title == "TM. KHỐI THI ĐUA\nKHỐI TRƯỞNG\nCHỦ TỊCH HỘI NÔNG DÂN TỈNH"
    assert draft.signer_name == "Đinh Thị Mận"


def test_draft_for_a_group_without_review_or_pledge_leaves_them_empty(world):
    draft = draft_for(world.other)

    assert (draft.results, draft.directions, draft.pledge, draft.dated) == ("", "", "", None)
    assert draft.signer_name == ""


def test_save_summary_creates_the_report_with_an_audit_entry(world, province, personas):
    report = save_summary(province.bloc, actor=personas.group_leader, number="7",
                          limitations="Còn chậm báo cáo.")

    assert SummaryReport.objects.get() == report
    assert (report.number, report.limitations, report.updated_by) == (
        "7", "Còn chậm báo cáo.", personas.group_leader)
    assert report.results == "Hoàn thành tốt nhiệm vụ năm 2024."  # the pre-filled text
    log = ActivityLog.objects.get(action="reports.summary_created")
    assert (log.object_id, log.actor) == (str(report.pk), personas.group_leader)


def test_save_summary_again_updates_and_logs_the_changed_fields(world, province, personas):
    first = save_summary(province.bloc, actor=None, number="7")

    again = save_summary(province.bloc, actor=personas.board_officer, number="7",
                         proposals="Đề nghị tập huấn nghiệp vụ.")

    assert again.pk == first.pk and SummaryReport.objects.count() == 1
    log = ActivityLog.objects.get(action="reports.summary_updated")
    assert log.data == {"fields": ["proposals"]}


def test_save_summary_without_changes_logs_nothing_more(world, province):
    save_summary(province.bloc, actor=None, number="7")
    save_summary(province.bloc, actor=None, number="7")

    assert ActivityLog.objects.filter(action__startswith="reports.summary").count() == 1


def test_save_summary_refuses_a_date_outside_the_groups_year(world, province):
    with translation.override("vi"), pytest.raises(DomainError) as refused:
        save_summary(province.bloc, actor=None, dated=dt.date(2022, 5, 1))

    assert "dated" in refused.value.message_dict
    assert not SummaryReport.objects.exists()


def test_save_summary_refuses_unknown_fields(world, province):
    with pytest.raises(TypeError):
        save_summary(province.bloc, actor=None, group=world.other)
