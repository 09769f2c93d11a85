"""On PostgreSQL a score saved while the leader closes the pass waits for the close, then is
refused: the close never counts a sheet that lands after it."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, transaction

from tests.scoring.workflow_support import start, three_unit_bloc
from vinhdanh.core.errors import DomainError
from vinhdanh.scoring.enums import PassKind
from vinhdanh.scoring.models import Score
from vinhdanh.scoring.services.passes import advance_round, lock_round
from vinhdanh.scoring.services.scores import record_sheet

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has a single writer"),
    pytest.mark.django_db(transaction=True),
]


def _save_in_thread(world, self_pass, outcome: dict) -> threading.Thread:
    def save():
        try:
            record_sheet(self_pass, actor=world.farmers_clerk, scorer=world.farmers,
                         subject=world.farmers,
                         rows=[{"criterion": world.criteria[0], "points": Decimal(5)}])
            outcome["result"] = "saved"
        except DomainError as error:
            outcome["result"] = error.messages
        finally:
            connection.close()

    thread = threading.Thread(target=save)
    thread.start()
    return thread


def test_score_saved_during_the_close_of_its_pass_waits_and_is_refused(province, personas):
    world = three_unit_bloc(province, personas)
    scoring_round = start(world)
    self_pass = scoring_round.passes.get(kind=PassKind.SELF)
    outcome = {}

    with transaction.atomic():
        lock_round(scoring_round)  # the leader's close has begun
        thread = _save_in_thread(world, self_pass, outcome)
        thread.join(timeout=1)
        still_waiting = thread.is_alive()
        advance_round(scoring_round, actor=world.leader, missing_reason="Hết hạn")
    thread.join(timeout=10)

    assert still_waiting
    assert outcome["result"] != "saved"
    assert not Score.objects.filter(scoring_pass=self_pass, scorer=world.farmers).exists()
