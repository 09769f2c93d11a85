"""The folded ``search_text`` of a decision: written when it is issued, from its reference,
subject, authority, honours and recipients; empty before; filled for decisions issued before
the column existed by the data migration."""

import importlib
from types import SimpleNamespace

from django.apps import apps
from django.db import connection

from tests.decisions.support import draft, issued
from tests.factories import PersonFactory
from tests.public.honours_support import issued_to
from vinhdanh.core.text import fold
from vinhdanh.decisions.models import Decision
from vinhdanh.decisions.services import issuing, revocation
from vinhdanh.decisions.services.search import refresh_search_text, search_text_of

MIGRATION = importlib.import_module("vinhdanh.decisions.migrations.0002_decision_search_text")


def test_search_text_of_an_issued_decision_holds_its_parts_folded(province, personas):
    person = PersonFactory(unit=province.farmers, full_name="Nguyễn Văn Hoà")

    decision = issued_to(province, personas, [person])

    stored = Decision.objects.get(pk=decision.pk).search_text
    assert "1/qd-ubnd" in stored
    assert "nguyen van hoa" in stored
    assert "bang khen cua chu tich ubnd tinh" in stored
    assert fold(decision.subject) in stored
    assert "chu tich uy ban nhan dan tinh hoa binh xanh" in stored


def test_search_text_of_a_draft_is_empty(province, personas):
    decision = draft(province, personas)

    assert Decision.objects.get(pk=decision.pk).search_text == ""


def test_search_text_of_a_revocation_names_the_revoked_recipient(province, personas):
    person = PersonFactory(unit=province.farmers, full_name="Đặng Thị Thuỷ")
    entry = issued_to(province, personas, [person]).entries.get()
    decision = revocation.create_revocation(
        entry.decision.issuer, actor=personas.board_officer, decided_on=entry.decision.decided_on,
        lines=[(entry, "forged", "Giấy tờ giả")], signer_title="Chủ tịch",
        signer_name="Lê Văn Chủ")
    issuing.send_for_signature(decision, actor=personas.board_officer)

    issuing.issue(decision, actor=personas.signer, decided_on=entry.decision.decided_on)

    stored = Decision.objects.get(pk=decision.pk).search_text
    assert "dang thi thuy" in stored and "2/qd-ubnd" in stored
    assert "giay to gia" not in stored  # the detailed reason is internal


def test_search_text_names_each_honour_once():
    text = search_text_of(subject="Về việc", reference="5/QĐ-UBND", authority="Chủ tịch",
                          lines=[("Ông A", "Bằng khen"), ("Bà B", "Bằng khen")])

    assert text.count("bang khen") == 1
    assert text == "5/qd-ubnd ve viec chu tich bang khen ong a ba b"


def test_refresh_recomputes_a_cleared_text(province, personas):
    decision = issued(province, personas)
    expected = Decision.objects.get(pk=decision.pk).search_text
    Decision.objects.filter(pk=decision.pk).update(search_text="")

    refresh_search_text(Decision.objects.get(pk=decision.pk))

    assert Decision.objects.get(pk=decision.pk).search_text == expected


def test_data_migration_fills_issued_decisions_only(province, personas):
    done = issued(province, personas)
    waiting = draft(province, personas)
    expected = Decision.objects.get(pk=done.pk).search_text
    Decision.objects.update(search_text="")

    MIGRATION.fill(apps, SimpleNamespace(connection=connection))

    assert Decision.objects.get(pk=done.pk).search_text == expected
    assert Decision.objects.get(pk=waiting.pk).search_text == ""
