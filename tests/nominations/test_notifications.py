"""Who is mailed when a dossier moves (services/notifications.py), after the commit."""

import pytest

from tests.nominations.support import dossier, submitted
from vinhdanh.nominations.services import workflow


@pytest.fixture
def mailed(personas):
    personas.unit_clerk.email = "vanthu@hnd.vn"
    personas.unit_clerk.save()
    personas.board_officer.email = "ban@tdkt.vn"
    personas.board_officer.save()
    return personas


def _to(mailoutbox) -> set[str]:
    return {address for mail in mailoutbox for address in mail.to}


@pytest.mark.django_db
def test_submission_mails_the_board_and_a_return_mails_the_unit(
        province, mailed, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        nomination = submitted(province, mailed.unit_clerk)
    assert _to(mailoutbox) == {"ban@tdkt.vn"}
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        workflow.return_nomination(nomination, actor=mailed.board_officer,
                                   reason="Thiếu biên bản họp xét")
    assert _to(mailoutbox) == {"vanthu@hnd.vn"}
    assert "Thiếu biên bản họp xét" in mailoutbox[0].body


@pytest.mark.django_db
def test_withdrawing_a_draft_the_board_never_saw_mails_nobody(
        province, mailed, mailoutbox, django_capture_on_commit_callbacks):
    nomination = dossier(province, mailed.unit_clerk)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.withdraw(nomination, actor=mailed.unit_clerk, reason="Nhập nhầm")
    assert mailoutbox == []


@pytest.mark.django_db
def test_withdrawing_a_submitted_dossier_tells_the_board(
        province, mailed, mailoutbox, django_capture_on_commit_callbacks):
    nomination = submitted(province, mailed.unit_clerk)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.withdraw(nomination, actor=mailed.unit_clerk, reason="Đơn vị rút hồ sơ")
    assert _to(mailoutbox) == {"ban@tdkt.vn"}
