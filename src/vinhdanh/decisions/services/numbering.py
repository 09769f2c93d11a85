"""Numbers that must be unique and gapless: decision numbers per issuer and year, and the
golden-book (sổ vàng) numbers of the certificates."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.decisions.models import Issuer, NumberCounter


def take_number(issuer: Issuer, year: int, kind: str) -> int:
    """The next number of ``kind`` for ``issuer`` and ``year``. Call it inside the
    transaction that uses the number: the counter's row stays locked until that transaction
    ends, so concurrent issuers wait in turn, and a rollback gives the number back."""
    return take_numbers(issuer, year, kind, 1)[0]


def take_numbers(issuer: Issuer, year: int, kind: str, count: int) -> range:
    """``count`` consecutive numbers at once (the golden-book numbers of one decision); the
    same transaction rule as ``take_number``."""
    # SQLite ignores select_for_update, so autocommit would go unnoticed there: a number
    # committed at once would leave a gap when the issue then fails.
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take_numbers() must run inside the transaction that uses it")
    counter = _locked(issuer, year, kind)
    first = counter.last + 1
    counter.last += count
    counter.save(update_fields=["last"])
    return range(first, first + count)


def _locked(issuer: Issuer, year: int, kind: str) -> NumberCounter:
    rows = NumberCounter.objects.select_for_update()
    counter = rows.filter(issuer=issuer, year=year, kind=kind).first()
    if counter is not None:
        return counter
    # The year's first number: two issuers may both find no row; the unique constraint
    # lets one insert win, and the other then waits on the winner's lock.
    try:
        with transaction.atomic():
            NumberCounter.objects.create(issuer=issuer, year=year, kind=kind)
    except IntegrityError:
        pass
    return rows.get(issuer=issuer, year=year, kind=kind)


@transaction.atomic
def continue_from(issuer: Issuer, year: int, kind: str, *, next_number: int, actor) -> None:
    """Makes the next number ``next_number``: an issuer that numbered decisions before
    Vinh Danh (or keeps one register for all its decisions) carries on from its register.
    Never backwards, so no number is given twice."""
    counter = _locked(issuer, year, kind)
    if next_number <= counter.last:
        raise DomainError(_("Number %(last)s is already given: the next one must be greater.")
                          % {"last": counter.last})
    counter.last = next_number - 1
    counter.save(update_fields=["last"])
    log_action(issuer, actor=actor, action="decisions.numbering_continued",
               message=_("Numbering of %(year)s continues from %(number)s")
               % {"year": year, "number": next_number}, kind=kind)
