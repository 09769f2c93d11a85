"""Deadline reminders: who is mailed for each state, after the commit, one mail per user."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import gettext

from tests.factories import UserFactory
from tests.nominations.test_timeliness import JUSTIFICATION, dossier
from vinhdanh.core.models import ActivityLog
from vinhdanh.nominations.services import batches, documents, reminders, workflow
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import RoleAssignment

LONG_AGO = dt.timedelta(days=120)  # every limit (25 working days at most) has run out


def ago(delta=LONG_AGO) -> dt.datetime:
    return timezone.now() - delta


@pytest.fixture
def people(province, personas):
    """Everyone with an e-mail, and a clerk of the Women's Union too."""
    for user, email in ((personas.admin, "quantri@example.vn"),
                        (personas.board_officer, "bantdkt@example.vn"),
                        (personas.group_leader, "khoitruong@example.vn"),
                        (personas.unit_clerk, "vanthu.hnd@example.vn")):
        user.email = email
        user.save(update_fields=["email"])
    women_clerk = UserFactory(username="clerk.women", email="vanthu.hlhpn@example.vn")
    RoleAssignment.objects.create(user=women_clerk, role=Role.UNIT_CLERK, unit=province.women)
    personas.women_clerk = women_clerk
    return personas


def submitted(clerk, unit, person, **kwargs):
    nomination = dossier(clerk, unit, person, **kwargs)
    workflow.submit(nomination, actor=clerk, justification=JUSTIFICATION, now=ago())
    return nomination


def group_dossier(province, people):
    """The bloc's proposal of the Farmers' Union, submitted long ago to the group."""
    clerk = people.unit_clerk
    batch = batches.create_batch(actor=clerk, proposing_unit=province.farmers, year=2025,
                                 title="Tờ trình của Khối", group=province.bloc)
    from vinhdanh.honors.models import Honor

    nomination = batches.add_candidate(batch, province.farmers,
                                       Honor.objects.get(code="bang_khen_tinh"), actor=clerk)
    documents.attach(batch, "submission_letter", _pdf(), actor=clerk)
    documents.attach(batch, "review_minutes", _pdf(), actor=clerk)
    documents.attach(batch, "achievement_report", _pdf(), actor=clerk, nomination=nomination)
    workflow.submit(nomination, actor=clerk, justification=JUSTIFICATION, now=ago())
    return nomination


def _pdf():
    from tests.movements.support import pdf

    return pdf()


def mailed(outbox) -> dict[str, str]:
    return {message.to[0]: message.body for message in outbox}


BOARD = {"quantri@example.vn", "bantdkt@example.vn"}


def test_an_overdue_appraisal_mails_the_board_after_commit(
        province, people, mailoutbox, django_capture_on_commit_callbacks):
    nomination = submitted(people.unit_clerk, province.farmers, province.farmer_people[0])
    workflow.receive(nomination, actor=people.board_officer, now=ago(LONG_AGO / 2))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        count = reminders.send_reminders()
        assert mailoutbox == []

    assert count == 2 and len(callbacks) == 2
    assert set(mailed(mailoutbox)) == BOARD
    body = mailed(mailoutbox)["bantdkt@example.vn"]
    assert str(nomination.candidate) in body and province.farmers.name in body
    assert f"{nomination.due_on:%d/%m/%Y}" in body
    assert mailoutbox[0].subject == gettext(
        "Reminder: %(count)s dossiers are due or overdue") % {"count": 1}


def test_an_overdue_submission_of_a_unit_goes_to_the_board_and_of_a_group_to_its_leader(
        province, people, mailoutbox, django_capture_on_commit_callbacks):
    submitted(people.unit_clerk, province.farmers, province.farmer_people[0])
    group_dossier(province, people)

    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_reminders()

    assert set(mailed(mailoutbox)) == BOARD | {"khoitruong@example.vn"}
    assert province.farmers.name in mailed(mailoutbox)["khoitruong@example.vn"]


def test_a_group_review_reminds_the_group_leader_only(
        province, people, mailoutbox, django_capture_on_commit_callbacks):
    nomination = group_dossier(province, people)
    workflow.start_group_review(nomination, actor=people.group_leader, now=ago(LONG_AGO / 2))

    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_reminders()

    assert set(mailed(mailoutbox)) == {"khoitruong@example.vn"}


def test_a_returned_dossier_reminds_its_own_unit_s_clerks_only(
        province, people, mailoutbox, django_capture_on_commit_callbacks):
    nomination = submitted(people.women_clerk, province.women, province.women_people[0])
    workflow.receive(nomination, actor=people.board_officer, now=ago(LONG_AGO / 2))
    workflow.return_nomination(nomination, actor=people.board_officer,
                               reason="Thiếu biên bản họp xét", now=ago(LONG_AGO / 4))
    other = submitted(people.unit_clerk, province.farmers, province.farmer_people[0])
    workflow.receive(other, actor=people.board_officer)  # due in 25 working days: not late

    with django_capture_on_commit_callbacks(execute=True):
        count = reminders.send_reminders()

    assert count == 1
    assert set(mailed(mailoutbox)) == {"vanthu.hlhpn@example.vn"}
    assert "vanthu.hnd@example.vn" not in mailed(mailoutbox)


def test_users_without_email_or_inactive_are_skipped(
        province, people, mailoutbox, django_capture_on_commit_callbacks):
    people.admin.email = ""
    people.admin.save(update_fields=["email"])
    people.board_officer.is_active = False
    people.board_officer.save(update_fields=["is_active"])
    nomination = submitted(people.unit_clerk, province.farmers, province.farmer_people[0])
    workflow.receive(nomination, actor=None, now=ago(LONG_AGO / 2))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        count = reminders.send_reminders()

    assert count == 0 and callbacks == [] and mailoutbox == []


def test_days_also_warns_about_steps_due_soon_one_mail_per_user(
        province, people, mailoutbox, django_capture_on_commit_callbacks):
    late = submitted(people.unit_clerk, province.farmers, province.farmer_people[0])
    workflow.receive(late, actor=people.board_officer, now=ago(LONG_AGO / 2))
    soon = submitted(people.unit_clerk, province.farmers, province.farmer_people[1])
    workflow.receive(soon, actor=people.board_officer, now=ago(dt.timedelta(days=30)))

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.send_reminders() == 2
    overdue_only = mailed(mailoutbox)["bantdkt@example.vn"]
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_reminders(days=30)

    both = mailed(mailoutbox)["bantdkt@example.vn"]
    assert len(mailoutbox) == 2  # one mail per user, however many dossiers
    assert str(soon.candidate) not in overdue_only
    assert str(soon.candidate) in both and str(late.candidate) in both


def test_a_dossier_moved_on_before_the_task_runs_is_left_out(
        province, people, mailoutbox, django_capture_on_commit_callbacks):
    nomination = submitted(people.unit_clerk, province.farmers, province.farmer_people[0])
    workflow.receive(nomination, actor=people.board_officer, now=ago(LONG_AGO / 2))
    found = reminders.recipients(reminders.due_nominations())
    workflow.pass_to_council(nomination, actor=people.board_officer)

    assert reminders.deliver_reminder(people.board_officer.pk,
                                      found[people.board_officer.pk]) is False
    assert mailoutbox == []


def test_each_run_is_logged_once(province, people):
    submitted(people.unit_clerk, province.farmers, province.farmer_people[0])

    reminders.send_reminders()
    entry = ActivityLog.objects.get(action=reminders.ACTION)

    assert entry.message == gettext(
        "Deadline reminders: %(users)s people mailed about %(count)s dossiers") % {
        "users": 2, "count": 1}
    assert sorted(entry.data["users"]) == sorted([people.admin.pk, people.board_officer.pk])


def test_the_command_runs_once_a_day_unless_forced(province, people, mailoutbox,
                                                   django_capture_on_commit_callbacks):
    submitted(people.unit_clerk, province.farmers, province.farmer_people[0])
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("nominations_reminders", "--days", "2", stdout=out)
        call_command("nominations_reminders", stdout=out)
    assert len(mailoutbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        call_command("nominations_reminders", "--force", stdout=out)

    assert len(mailoutbox) == 4
    assert ActivityLog.objects.filter(action=reminders.ACTION).count() == 2
    assert out.getvalue().splitlines()[0] == "2"
