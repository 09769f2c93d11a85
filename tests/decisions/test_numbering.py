"""Decision and golden-book numbers: per issuer and year, consecutive, gapless (a refused
issue gives its number back), and unique when signers issue at the same moment."""

import datetime as dt
import threading
from unittest import mock

import pytest
from django.db import connection
from django.utils import translation

from tests.decisions.support import DECIDED_ON, approved, draft, issuer
from vinhdanh.core.errors import DomainError
from vinhdanh.decisions.enums import CounterKind, DecisionState
from vinhdanh.decisions.models import Decision, NumberCounter
from vinhdanh.decisions.services import drafting, issuing, numbering
from vinhdanh.honors.models import HonorRecord
from vinhdanh.honors.services.history import add_honor_record
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _send_and_issue(decision, personas, decided_on=DECIDED_ON):
    issuing.send_for_signature(decision, actor=personas.board_officer)
    return issuing.issue(decision, actor=personas.signer, decided_on=decided_on)


def _issued(province, personas, **kwargs):
    return _send_and_issue(draft(province, personas, **kwargs), personas)


def _other_issuer():
    return issuer(name="Ủy ban nhân dân huyện Sông Xanh", abbreviation="UBND",
                  authority="Chủ tịch Ủy ban nhân dân huyện Sông Xanh", place="Sông Xanh")


def _counter(kind, year=DECIDED_ON.year, of=None):
    row = NumberCounter.objects.filter(issuer=of or issuer(), year=year, kind=kind).first()
    return row.last if row else 0


@pytest.mark.django_db
def test_decision_numbers_count_up_per_issuer_and_year(province, personas):
    references = [_issued(province, personas).reference for _ in range(3)]

    assert references == ["1/QĐ-UBND", "2/QĐ-UBND", "3/QĐ-UBND"]
    assert _counter(CounterKind.DECISION) == 3


@pytest.mark.django_db
def test_decision_number_of_a_second_issuer_starts_at_one(province, personas):
    _issued(province, personas)
    _issued(province, personas)
    other = drafting.create_decision(
        _other_issuer(), actor=personas.board_officer, decided_on=DECIDED_ON,
        nominations=[approved(province, personas)], signer_title="Chủ tịch",
        signer_name="Lê Văn Huyện")

    decision = _send_and_issue(other, personas)

    assert (decision.issuer.name, decision.number, decision.year) == (
        "Ủy ban nhân dân huyện Sông Xanh", 1, 2026)
    assert _counter(CounterKind.DECISION) == 2


@pytest.mark.django_db
def test_decision_number_of_a_new_year_starts_at_one(province, personas):
    _issued(province, personas)
    _issued(province, personas)

    decision = _send_and_issue(draft(province, personas), personas, dt.date(2027, 1, 5))

    assert (decision.number, decision.year) == (1, 2027)
    assert _counter(CounterKind.DECISION, 2026) == 2


@pytest.mark.django_db
def test_refused_issue_gives_its_numbers_back(province, personas):
    """The second recipient already holds the honour for the year (entered by hand while the
    draft waited): the whole issue is refused, and the next decision takes the number it
    would have had."""
    first = _issued(province, personas)
    refused = draft(province, personas, count=2)
    issuing.send_for_signature(refused, actor=personas.board_officer)
    entry = refused.entries.order_by("position").last()
    add_honor_record(entry.candidate, actor=personas.board_officer,
                     honor_code="bang_khen_tinh", year=entry.year)
    records_before = HonorRecord.objects.count()

    with pytest.raises(DomainError, match="already has"):
        issuing.issue(refused, actor=personas.signer, decided_on=DECIDED_ON)

    refused.refresh_from_db()
    assert (refused.state, refused.number) == (DecisionState.AWAITING_SIGNATURE, None)
    assert HonorRecord.objects.count() == records_before
    assert not refused.entries.filter(golden_book_number__isnull=False).exists()
    assert set(Nomination.objects.filter(decision_entries__decision=refused)
               .values_list("state", flat=True)) == {NominationState.APPROVED}
    assert (_counter(CounterKind.DECISION), _counter(CounterKind.GOLDEN_BOOK)) == (1, 1)
    assert _issued(province, personas).number == first.number + 1 == 2


@pytest.mark.django_db
def test_issue_of_a_dossier_no_longer_approved_is_refused_without_a_gap(province, personas):
    decision = draft(province, personas, count=2)
    issuing.send_for_signature(decision, actor=personas.board_officer)
    dossier = decision.entries.order_by("position").last().nomination
    Nomination.objects.filter(pk=dossier.pk).update(state=NominationState.WITHDRAWN)

    with pytest.raises(DomainError):
        issuing.issue(decision, actor=personas.signer, decided_on=DECIDED_ON)

    assert (_counter(CounterKind.DECISION), _counter(CounterKind.GOLDEN_BOOK)) == (0, 0)
    assert _issued(province, personas).reference == "1/QĐ-UBND"


@pytest.mark.django_db
def test_golden_book_numbers_run_on_across_decisions(province, personas):
    first = _issued(province, personas, count=2)
    second = _issued(province, personas, count=3)

    numbers = [list(d.entries.order_by("golden_book_number")
                    .values_list("golden_book_number", flat=True)) for d in (first, second)]

    assert numbers == [[1, 2], [3, 4, 5]]
    assert (_counter(CounterKind.DECISION), _counter(CounterKind.GOLDEN_BOOK)) == (2, 5)


@pytest.mark.django_db
def test_continue_from_carries_on_the_issuer_s_register(province, personas):
    numbering.continue_from(issuer(), 2026, CounterKind.DECISION, next_number=2345,
                            actor=personas.board_officer)

    assert _issued(province, personas).reference == "2345/QĐ-UBND"
    with pytest.raises(DomainError):
        numbering.continue_from(issuer(), 2026, CounterKind.DECISION, next_number=2345,
                                actor=personas.board_officer)
    assert _counter(CounterKind.DECISION) == 2345


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("take", [
    lambda i: numbering.take_number(i, 2026, CounterKind.DECISION),
    lambda i: numbering.take_numbers(i, 2026, CounterKind.GOLDEN_BOOK, 3),
], ids=["take_number", "take_numbers"])
def test_taking_numbers_outside_a_transaction_raises(take):
    """Autocommit would commit the number at once: a later failure would leave a gap."""
    with pytest.raises(RuntimeError, match="inside the transaction"):
        take(issuer())

    assert NumberCounter.objects.count() == 0


# -- concurrency (PostgreSQL: SQLite has a single writer) ----------------------------------

SIGNERS = 8


def _race(calls) -> list:
    """Runs each call in its own thread and connection, started together; returns what each
    returned or raised."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = call()
        except Exception as error:  # noqa: BLE001 - the outcome under test
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has a single writer")
@pytest.mark.django_db(transaction=True)
def test_signers_issuing_at_once_get_numbers_one_to_n(province, personas):
    drafts = [draft(province, personas) for _ in range(SIGNERS)]
    for decision in drafts:
        issuing.send_for_signature(decision, actor=personas.board_officer)
    copies = [Decision.objects.get(pk=d.pk) for d in drafts]

    # The files task would run LibreOffice eight times in parallel: not what is tested here.
    with mock.patch.object(issuing, "_enqueue_files"):
        outcomes = _race([lambda d=d: issuing.issue(d, actor=personas.signer,
                                                    decided_on=DECIDED_ON) for d in copies])

    assert all(isinstance(o, Decision) for o in outcomes), outcomes
    issued = Decision.objects.filter(state=DecisionState.ISSUED)
    assert sorted(issued.values_list("number", flat=True)) == list(range(1, SIGNERS + 1))
    golden = issued.values_list("entries__golden_book_number", flat=True)
    assert sorted(golden) == list(range(1, SIGNERS + 1))
    assert (_counter(CounterKind.DECISION), _counter(CounterKind.GOLDEN_BOOK)) == (
        SIGNERS, SIGNERS)
