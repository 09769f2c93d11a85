"""Posting the decision page's actions: each goes through its service and changes the
database; a refusal shows as a message and changes nothing; the wrong persona gets 403/404."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.decisions.support import DECIDED_ON, approved, draft, issued
from tests.workspace.ui_support import html
from vinhdanh.decisions.models import Decision, DecisionEntry
from vinhdanh.decisions.services import issuing

pytestmark = pytest.mark.django_db


def _url(name, obj):
    return reverse(f"workspace:decision-{name}", args=[obj.pk])


def _messages(response):
    return [str(message) for message in response.context["messages"]]


def _vi(msgid: str, **values) -> str:
    """What the page shows for ``msgid``: the site speaks Vietnamese."""
    with translation.override("vi"):
        return gettext(msgid) % values if values else gettext(msgid)


def _awaiting(province, personas, **kwargs):
    decision = draft(province, personas, **kwargs)
    return issuing.send_for_signature(decision, actor=personas.board_officer)


def test_decision_send_moves_the_draft_to_the_signer(province, personas, client_for):
    decision = draft(province, personas)

    response = client_for(personas.board_officer).post(
        _url("send", decision), {"version": decision.version}, follow=True)

    decision.refresh_from_db()
    assert decision.state == "awaiting"
    assert _messages(response) == [_vi("The draft was sent for signature.")]


def test_decision_send_with_a_stale_version_shows_the_refusal(province, personas, client_for):
    decision = draft(province, personas)

    response = client_for(personas.board_officer).post(
        _url("send", decision), {"version": decision.version - 1 or 99}, follow=True)

    decision.refresh_from_db()
    assert decision.state == "draft"
    assert _messages(response) == [_vi(
        "The decision was changed by someone else since you opened it; reload the page.")]


def test_decision_send_is_refused_to_the_signer(province, personas, client_for):
    decision = draft(province, personas)

    response = client_for(personas.signer).post(_url("send", decision),
                                                {"version": decision.version})

    assert response.status_code == 403
    assert Decision.objects.get().state == "draft"


def test_decision_actions_are_404_for_a_clerk(province, personas, client_for):
    decision = draft(province, personas)
    entry = decision.entries.get()
    client = client_for(personas.unit_clerk)
    urls = [_url(name, decision) for name in ("send", "return", "issue", "add", "edit")]
    urls += [_url("entry-edit", entry), _url("entry-remove", entry)]

    for url in urls:
        response = client.post(url, {"version": decision.version, "reason": "x",
                                     "recipient_name": "X", "decided_on": "15/12/2026"})
        assert response.status_code == 404, url
    decision.refresh_from_db()
    assert (decision.state, decision.version) == ("draft", 1)


def test_decision_return_needs_a_reason(province, personas, client_for):
    decision = _awaiting(province, personas)

    response = client_for(personas.signer).post(
        _url("return", decision), {"version": decision.version, "reason": ""}, follow=True)

    assert Decision.objects.get().state == "awaiting"
    assert _messages(response)


def test_decision_return_sends_the_draft_back_with_the_reason(province, personas, client_for):
    decision = _awaiting(province, personas)

    client_for(personas.signer).post(_url("return", decision), {
        "version": decision.version, "reason": "Sửa lại căn cứ pháp lý"})

    decision.refresh_from_db()
    assert (decision.state, decision.return_reason) == ("draft", "Sửa lại căn cứ pháp lý")
    page = html(client_for(personas.board_officer).get(decision.get_absolute_url()))
    assert "Sửa lại căn cứ pháp lý" in page


def test_decision_issue_confirmation_says_the_number_comes_at_issuing(province, personas,
                                                                      client_for):
    decision = _awaiting(province, personas)

    response = client_for(personas.signer).get(_url("issue", decision))

    assert response.status_code == 200
    assert response.context["next_number"] == "1/QĐ-UBND"
    assert 'id="number-notice"' in html(response)
    assert Decision.objects.get().number is None


def test_decision_issue_by_the_signer_numbers_and_issues(province, personas, client_for):
    decision = _awaiting(province, personas)

    response = client_for(personas.signer).post(_url("issue", decision), {
        "version": decision.version, "decided_on": "16/12/2026"}, follow=True)

    decision.refresh_from_db()
    assert (decision.state, decision.reference, decision.decided_on) == (
        "issued", "1/QĐ-UBND", dt.date(2026, 12, 16))
    assert _messages(response) == [_vi("Decision %(reference)s was issued.",
                                       reference="1/QĐ-UBND")]
    assert decision.entries.get().nomination.state == "decided"


def test_decision_issue_is_refused_to_the_board_officer(province, personas, client_for):
    decision = _awaiting(province, personas)
    client = client_for(personas.board_officer)

    assert client.get(_url("issue", decision)).status_code == 403
    response = client.post(_url("issue", decision), {"version": decision.version,
                                                     "decided_on": "16/12/2026"})

    assert response.status_code == 403
    assert Decision.objects.get().state == "awaiting"


def test_decision_issue_with_a_stale_version_keeps_it_unnumbered(province, personas,
                                                                 client_for):
    decision = _awaiting(province, personas)

    response = client_for(personas.signer).post(_url("issue", decision), {
        "version": decision.version + 5, "decided_on": "16/12/2026"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    decision.refresh_from_db()
    assert (decision.state, decision.number) == ("awaiting", None)


def test_decision_edit_saves_the_changed_text(province, personas, client_for):
    decision = draft(province, personas)
    client = client_for(personas.board_officer)
    form = client.get(_url("edit", decision)).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data |= {"signer": personas.signer.pk, "decided_on": DECIDED_ON.strftime("%d/%m/%Y"),
             "council_session": "", "subject": "Về việc tặng Bằng khen năm 2026"}

    response = client.post(_url("edit", decision), data)

    assert response.status_code == 302
    decision.refresh_from_db()
    assert (decision.subject, decision.version) == ("Về việc tặng Bằng khen năm 2026", 2)


def test_decision_edit_with_a_stale_version_changes_nothing(province, personas, client_for):
    decision = draft(province, personas)
    client = client_for(personas.board_officer)
    form = client.get(_url("edit", decision)).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data |= {"signer": personas.signer.pk, "decided_on": DECIDED_ON.strftime("%d/%m/%Y"),
             "version": 7, "subject": "Khác"}

    response = client.post(_url("edit", decision), data)

    assert response.status_code == 200
    assert Decision.objects.get().subject == decision.subject


def test_decision_entry_edit_changes_the_printed_name(province, personas, client_for):
    entry = draft(province, personas).entries.get()

    client_for(personas.board_officer).post(_url("entry-edit", entry), {
        "recipient_name": "Bà Nguyễn Thị Hương", "recipient_detail": "Chủ tịch Hội",
        "achievement": ""})

    entry.refresh_from_db()
    assert (entry.recipient_name, entry.recipient_detail) == (
        "Bà Nguyễn Thị Hương", "Chủ tịch Hội")


def test_decision_entry_remove_takes_one_line_off(province, personas, client_for):
    decision = draft(province, personas, count=2)
    first = decision.entries.first()

    client_for(personas.board_officer).post(_url("entry-remove", first))

    assert list(decision.entries.values_list("pk", flat=True)) != [first.pk]
    assert decision.entries.count() == 1


def test_decision_entry_remove_of_the_last_line_is_refused(province, personas, client_for):
    entry = draft(province, personas).entries.get()

    response = client_for(personas.board_officer).post(_url("entry-remove", entry),
                                                       follow=True)

    assert DecisionEntry.objects.filter(pk=entry.pk).exists()
    assert _messages(response) == [_vi("A decision needs at least one recipient.")]


def test_decision_add_puts_approved_dossiers_on_the_draft(province, personas, client_for):
    decision = draft(province, personas)
    more = approved(province, personas)

    client_for(personas.board_officer).post(_url("add", decision), {"nominations": [more.pk]})

    assert decision.entries.filter(nomination=more).exists()


def test_decision_revoke_drafts_a_revocation_of_one_line(province, personas, client_for):
    entry = issued(province, personas).entries.get()
    client = client_for(personas.board_officer)

    response = client.post(_url("revoke", entry), {
        "ground": "forged", "reason": "Kết luận thanh tra số 5/KL-TTr",
        "decided_on": "20/12/2026", "signer": personas.signer.pk,
        "signer_authority": "KT. CHỦ TỊCH", "signer_title": "Phó Chủ tịch",
        "signer_name": "Trần Văn Ký"})

    revocation = Decision.objects.get(kind="revocation")
    assert response["Location"] == revocation.get_absolute_url()
    line = revocation.entries.get()
    assert (line.revokes, line.ground, revocation.state) == (entry, "forged", "draft")
    page = html(client.get(entry.decision.get_absolute_url()))
    assert _url("revoke", entry) not in page
    assert "Kết luận thanh tra số 5/KL-TTr" in html(client.get(revocation.get_absolute_url()))


def test_decision_revoke_is_refused_to_the_signer_and_the_viewer(province, personas,
                                                                 client_for):
    entry = issued(province, personas).entries.get()
    for user in (personas.signer, personas.viewer):
        assert client_for(user).get(_url("revoke", entry)).status_code == 403

    assert not Decision.objects.filter(kind="revocation").exists()
