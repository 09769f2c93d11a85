"""Honour history and issued decisions for the public board and decision search tests.

``entered(candidate, ...)`` records an honour a unit typed in from an old decision (through
the honours service, as the staff pages do); ``issued_to(province, personas, people)`` is
one commendation decision for ``people`` drafted, signed and issued through the services.
"""

import datetime as dt

from tests.decisions.support import approved, draft
from vinhdanh.decisions.services import issuing
from vinhdanh.honors.services.history import add_honor_record

DECIDED_ON = dt.date(2026, 12, 15)


def entered(candidate, *, honor_code="bang_khen_tinh", year=2024, number="123/QĐ-UBND",
            day=dt.date(2025, 1, 20), issuer="Chủ tịch Ủy ban nhân dân tỉnh", notes=""):
    return add_honor_record(candidate, actor=None, honor_code=honor_code, year=year,
                            decision_number=number, decision_date=day if number else None,
                            issuer=issuer, notes=notes)


def issued_to(province, personas, people, *, decided_on=DECIDED_ON, **fields):
    """One decision granting Bằng khen tỉnh to each of ``people`` (Farmers' Union staff)."""
    nominations = [approved(province, personas, candidate=person) for person in people]
    decision = draft(province, personas, nominations=nominations, **fields)
    issuing.send_for_signature(decision, actor=personas.board_officer)
    return issuing.issue(decision, actor=personas.signer, decided_on=decided_on)
