"""Issuing a decision mails each dossier's proposing unit (its clerks and the batch's
creator) once per dossier, after the commit only; other units hear nothing of it."""

from unittest import mock

import pytest

from tests.decisions.support import DECIDED_ON, approved, draft
from tests.nominations.support import clerk_for, in_appraisal
from vinhdanh.core.errors import DomainError
from vinhdanh.decisions.services import issuing
from vinhdanh.honors.services.history import add_honor_record
from vinhdanh.nominations.services import workflow

pytestmark = pytest.mark.django_db

FARMERS, WOMEN = "vanthu@hnd.vn", "vanthu@phunu.vn"


@pytest.fixture
def mailed(personas):
    for user, address in ((personas.unit_clerk, FARMERS),
                          (personas.board_officer, "ban@tdkt.vn"),
                          (personas.signer, "chutich@ubnd.vn")):
        user.email = address
        user.save()
    return personas


def _women_approved(province, personas, clerk):
    nomination = in_appraisal(province, clerk, personas.board_officer,
                              justification="Thành tích đặc biệt")
    workflow.pass_to_council(nomination, actor=personas.board_officer)
    return workflow.record_council_result(nomination, actor=personas.board_officer,
                                          approved=True)


def _sent(province, personas, nominations):
    decision = draft(province, personas, nominations=nominations)
    return issuing.send_for_signature(decision, actor=personas.board_officer)


def _addressees(mailoutbox) -> list[str]:
    return sorted(address for mail in mailoutbox for address in mail.to)


@pytest.fixture
def quiet_files():
    """The files task (LibreOffice, certificates) is not what these tests look at."""
    with mock.patch.object(issuing, "_enqueue_files") as enqueue:
        yield enqueue


def test_issue_mails_each_dossier_s_unit_once(province, mailed, mailoutbox, quiet_files,
                                              django_capture_on_commit_callbacks):
    women_clerk = clerk_for(province.women, "vanthu_phunu", email=WOMEN)
    nominations = [approved(province, mailed), approved(province, mailed),
                   _women_approved(province, mailed, women_clerk)]
    decision = _sent(province, mailed, nominations)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        issuing.issue(decision, actor=mailed.signer, decided_on=DECIDED_ON)

    assert _addressees(mailoutbox) == [FARMERS, FARMERS, WOMEN]
    assert all("1/QĐ-UBND" in mail.body for mail in mailoutbox)
    quiet_files.assert_called_once_with(decision.pk)


def test_issue_mails_nobody_before_the_commit(province, mailed, mailoutbox, quiet_files,
                                              django_capture_on_commit_callbacks):
    decision = _sent(province, mailed, [approved(province, mailed)])
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        issuing.issue(decision, actor=mailed.signer, decided_on=DECIDED_ON)
    assert mailoutbox == []
    assert not quiet_files.called

    for callback in callbacks:
        callback()
    assert _addressees(mailoutbox) == [FARMERS]


def test_a_refused_issue_mails_nobody(province, mailed, mailoutbox, quiet_files,
                                      django_capture_on_commit_callbacks):
    """The first dossier is decided (its mail queued) before the second one's honour is
    found already recorded: the rollback drops the queued mail too."""
    decision = _sent(province, mailed, [approved(province, mailed), approved(province, mailed)])
    last = decision.entries.order_by("position").last()
    add_honor_record(last.candidate, actor=None, honor_code="bang_khen_tinh", year=last.year)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        issuing.issue(decision, actor=mailed.signer, decided_on=DECIDED_ON)

    assert mailoutbox == []
    assert not quiet_files.called
