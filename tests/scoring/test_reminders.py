import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import gettext

from tests.scoring.workflow_support import clerk_of, fill_sheet, pass_of, start, three_unit_bloc
from vinhdanh.core.errors import DomainError
from vinhdanh.scoring.models import ScoringPass
from vinhdanh.scoring.services.passes import advance_round, send_reminders


@pytest.fixture
def world(province, personas):
    return three_unit_bloc(province, personas)


@pytest.fixture
def self_pass(world):
    """The self pass with the Farmers' Union done, the other two units late."""
    scoring_pass = pass_of(start(world), "self")
    fill_sheet(scoring_pass, world.farmers, world.farmers, Decimal(4))
    scoring_pass.scores.filter(criterion=world.criteria[1]).update(evidence="x.pdf")
    return scoring_pass


def test_send_reminders_mails_the_clerks_of_late_units_after_commit(
        world, self_pass, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        count = send_reminders(self_pass, actor=world.leader)
        assert mail.outbox == []

    assert count == 2 and len(callbacks) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["ccb@example.vn", "phunu@example.vn"]
    self_pass.refresh_from_db()
    assert self_pass.reminded_at is not None


def test_reminder_mail_is_in_vietnamese_and_counts_what_is_missing(world, self_pass,
                                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders(self_pass, actor=world.leader)

    message = next(m for m in mail.outbox if m.to == ["phunu@example.vn"])
    assert message.subject == gettext("Reminder: scores missing in %(pass)s") % {
        "pass": self_pass}
    assert world.women.name in message.body
    assert gettext("Please sign in to Vinh Danh and complete the scoring sheets.") in message.body


def test_send_reminders_skips_clerks_without_email(world, self_pass, province,
                                                   django_capture_on_commit_callbacks):
    clerk_of(province.women, "clerk.women2", email="")

    with django_capture_on_commit_callbacks(execute=True):
        count = send_reminders(self_pass, actor=None)

    assert count == 2 and len(mail.outbox) == 2


def test_reminder_is_not_sent_when_the_unit_finished_meanwhile(world, self_pass,
                                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_reminders(self_pass, actor=None)
    fill_sheet(self_pass, world.women, world.women)
    self_pass.scores.filter(criterion=world.criteria[1]).update(evidence="x.pdf")

    for callback in callbacks:
        callback()

    assert [m.to for m in mail.outbox] == [["ccb@example.vn"]]


def test_send_reminders_of_a_closed_pass_is_refused(world, self_pass):
    advance_round(self_pass.round, actor=world.leader, missing_reason="Thử")

    with pytest.raises(DomainError) as error:
        send_reminders(pass_of(self_pass.round, "self"), actor=None)

    assert error.value.messages == [gettext("This scoring pass is not open.")]


def _deadline(scoring_pass, days):
    ScoringPass.objects.filter(pk=scoring_pass.pk).update(
        deadline=timezone.localdate() + dt.timedelta(days=days))


def test_command_reminds_passes_due_within_the_days(world, self_pass,
                                                    django_capture_on_commit_callbacks):
    _deadline(self_pass, 2)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("scoring_reminders", "--days", "3", stdout=None)

    assert len(mail.outbox) == 2


def test_command_skips_passes_due_later(world, self_pass, django_capture_on_commit_callbacks):
    _deadline(self_pass, 10)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("scoring_reminders", "--days", "3")

    assert mail.outbox == []


def test_command_run_twice_a_day_reminds_once(world, self_pass,
                                              django_capture_on_commit_callbacks):
    _deadline(self_pass, 1)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("scoring_reminders", "--days", "3")
        call_command("scoring_reminders", "--days", "3")

    assert len(mail.outbox) == 2
