"""On PostgreSQL two officers acting on the same dossier at the same moment: the row lock
of ``workflow.move`` lets exactly one transition through; the other waits for it, then is
refused with a clear message (the version it saw is stale, or the state has moved).

Each officer acts in his own thread and connection; a barrier starts them together and the
first to take the lock holds it a while (its mail hook sleeps inside the transaction), so
the other really waits on the lock.
"""

import threading
import time
from unittest import mock

import pytest
from django.db import connection
from django.utils import translation

from tests.factories import UserFactory
from tests.nominations.support import in_appraisal, submitted
from vinhdanh.core.errors import DomainError
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination
from vinhdanh.nominations.services import notifications, workflow
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import RoleAssignment

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has a single writer"),
    pytest.mark.django_db(transaction=True),
]

S = NominationState
HOLD = 0.3  # seconds the winner keeps the row locked


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def officers(province, personas):
    second = UserFactory(username="officer2", full_name="Trần Thị Thẩm Định")
    RoleAssignment.objects.create(user=second, role=Role.BOARD_OFFICER,
                                  unit=province.root)
    return personas.board_officer, second


@pytest.fixture
def slow_hook():
    """The transition hook sleeps inside the transaction, holding the row lock."""
    original = notifications.after_transition

    def held(*args, **kwargs):
        time.sleep(HOLD)
        return original(*args, **kwargs)

    with mock.patch.object(notifications, "after_transition", held):
        yield


def race(*calls) -> list:
    """Runs each ``call()`` in its own thread and connection, started together; returns
    what each returned or raised, in the order given."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            with translation.override("en"):
                barrier.wait(timeout=5)
                outcomes[index] = call()
        except Exception as error:  # noqa: BLE001 - the outcome under test
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def fresh(nomination) -> Nomination:
    """The dossier as a page drawn now would hold it (each thread has its own object)."""
    return Nomination.objects.get(pk=nomination.pk)


def split(outcomes):
    moved = [o for o in outcomes if isinstance(o, Nomination)]
    refused = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(moved) == 1 and len(refused) == 1, outcomes
    return moved[0], refused[0]


def test_return_and_pass_at_once_with_the_shown_version(province, personas, officers,
                                                        slow_hook):
    nomination = in_appraisal(province, personas.unit_clerk, officers[0])
    shown = nomination.version
    steps_before = nomination.steps.count()
    first, second = fresh(nomination), fresh(nomination)

    outcomes = race(
        lambda: workflow.return_nomination(first, actor=officers[0], reason="Thiếu biên bản",
                                           expected_version=shown),
        lambda: workflow.pass_to_council(second, actor=officers[1], expected_version=shown))

    winner, refusal = split(outcomes)
    after = fresh(nomination)
    assert after.state == winner.state and after.state in (S.RETURNED, S.READY)
    assert after.version == shown + 1
    assert after.steps.count() == steps_before + 1
    assert after.steps.filter(left_at__isnull=True).count() == 1
    message = refusal.messages[0]
    assert "changed this dossier" in message and "Reload the page" in message
    assert f"it is now “{after.get_state_display()}”" in message
    winner_officer, loser = officers if after.state == S.RETURNED else officers[::-1]
    assert message.startswith(f"{winner_officer.full_name} changed this dossier")
    assert loser.full_name not in message


def test_both_receive_with_the_shown_version(province, personas, officers, slow_hook):
    nomination = submitted(province, personas.unit_clerk)
    shown = nomination.version
    copies = [fresh(nomination), fresh(nomination)]

    outcomes = race(*(lambda n=n, officer=officer: workflow.receive(
        n, actor=officer, expected_version=shown) for n, officer in zip(copies, officers,
                                                                         strict=True)))

    winner, refusal = split(outcomes)
    after = fresh(nomination)
    assert (after.state, after.version, after.steps.count()) == (S.APPRAISAL, shown + 1, 2)
    assert "changed this dossier" in refusal.messages[0]
    assert after.steps.get(state=S.APPRAISAL).actor_id == winner.steps.last().actor_id


@pytest.mark.parametrize("action", ["receive", "return", "reject"])
def test_the_same_action_twice_without_a_version(province, personas, officers, slow_hook,
                                                 action):
    if action == "receive":
        nomination = submitted(province, personas.unit_clerk)
    else:
        nomination = in_appraisal(province, personas.unit_clerk, officers[0])
    version, steps_before = nomination.version, nomination.steps.count()
    target = workflow.TRANSITIONS[action].target

    def act(officer):
        n = fresh(nomination)
        if action == "receive":
            return lambda: workflow.receive(n, actor=officer)
        call = workflow.return_nomination if action == "return" else workflow.reject
        return lambda: call(n, actor=officer, reason=f"Lý do của {officer.username}")

    outcomes = race(act(officers[0]), act(officers[1]))

    _, refusal = split(outcomes)
    after = fresh(nomination)
    assert (after.state, after.version) == (target, version + 1)
    assert after.steps.count() == steps_before + 1
    assert refusal.messages[0].startswith(
        f"This dossier is “{after.get_state_display()}”: it cannot be")
