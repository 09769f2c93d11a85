"""The decision pages: who sees the list, the draft and the form; the list's tabs, search
and query count; drafting from the council's approved dossiers; the annex on the page."""

import pytest
from django.urls import reverse

from tests.council.support import make_session
from tests.decisions.support import DECIDED_ON, approved, draft, issued, issuer
from tests.workspace.test_layout import _assert_csp_clean
from tests.workspace.ui_support import count_queries, html
from vinhdanh.council.models import AgendaItem
from vinhdanh.decisions.models import Decision, DecisionEntry

pytestmark = pytest.mark.django_db

LIST = reverse("workspace:decision-list")
CREATE = reverse("workspace:decision-create")


def _detail(decision):
    return reverse("workspace:decision-detail", args=[decision.pk])


def _listed(response) -> list[int]:
    return [decision.pk for decision in response.context["page"].object_list]


def test_decision_draft_is_hidden_from_clerk_viewer_and_council_member(province, personas,
                                                                      client_for):
    decision = draft(province, personas)
    pages = [_detail(decision), reverse("workspace:decision-edit", args=[decision.pk]),
             reverse("workspace:decision-word", args=[decision.pk])]
    for user in (personas.unit_clerk, personas.viewer, personas.council_member):
        client = client_for(user)
        for url in pages:
            assert client.get(url).status_code == 404, (user, url)
        assert client.get(CREATE).status_code == 403, user
        assert _listed(client.get(LIST)) == [], user


def test_decision_pages_send_anonymous_visitors_to_the_login(province, personas, client):
    decision = draft(province, personas)
    for url in (LIST, CREATE, _detail(decision)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("workspace:login"))


def test_decision_draft_page_opens_for_board_and_signer_but_form_for_board_only(
        province, personas, client_for):
    decision = draft(province, personas)
    board, signer = client_for(personas.board_officer), client_for(personas.signer)

    assert board.get(_detail(decision)).status_code == 200
    assert signer.get(_detail(decision)).status_code == 200
    assert board.get(CREATE).status_code == 200
    assert signer.get(CREATE).status_code == 403
    assert signer.get(reverse("workspace:decision-edit", args=[decision.pk])).status_code == 403


def test_decision_list_shows_clerks_only_issued_decisions(province, personas, client_for):
    drafted = draft(province, personas)
    done = issued(province, personas)

    clerk = client_for(personas.unit_clerk).get(LIST)
    board = client_for(personas.board_officer).get(LIST)

    assert _listed(clerk) == [done.pk]
    assert clerk.context["tabs"] == []
    assert sorted(_listed(board)) == sorted([drafted.pk, done.pk])
    assert {tab["state"]: tab["count"] for tab in board.context["tabs"]} == {
        "draft": 1, "awaiting": 0, "issued": 1}
    assert client_for(personas.unit_clerk).get(_detail(done)).status_code == 200


def test_decision_list_tab_filters_by_state(province, personas, client_for):
    drafted = draft(province, personas)
    done = issued(province, personas)
    client = client_for(personas.board_officer)

    assert _listed(client.get(LIST, {"state": "draft"})) == [drafted.pk]
    assert _listed(client.get(LIST, {"state": "issued"})) == [done.pk]
    assert _listed(client.get(LIST, {"kind": "revocation"})) == []


def test_decision_list_searches_number_and_folded_subject(province, personas, client_for):
    done = issued(province, personas)
    other = draft(province, personas, subject="Về việc tặng Cờ thi đua")
    client = client_for(personas.board_officer)

    assert _listed(client.get(LIST, {"q": "1/QĐ-UBND"})) == [done.pk]
    assert _listed(client.get(LIST, {"q": "co THI dua"})) == [other.pk]
    assert _listed(client.get(LIST, {"q": "999"})) == []


def test_decision_list_shows_recipients_and_total(province, personas, client_for):
    decision = draft(province, personas, count=2)
    total = sum(DecisionEntry.objects.values_list("bonus_amount", flat=True))

    row = client_for(personas.board_officer).get(LIST).context["page"].object_list[0]

    assert (row.pk, row.recipients, row.total) == (decision.pk, 2, total)


def test_decision_list_runs_the_same_queries_for_one_and_three_decisions(province, personas,
                                                                        client_for):
    client = client_for(personas.board_officer)
    draft(province, personas)
    one = count_queries(client, LIST)

    issued(province, personas)
    draft(province, personas, count=2)

    assert Decision.objects.count() == 3
    assert count_queries(client, LIST) == one


def test_decision_create_preselects_the_dossiers_a_session_approved(province, personas,
                                                                   client_for):
    session = make_session(personas.board_officer)
    voted, elsewhere = approved(province, personas), approved(province, personas)
    AgendaItem.objects.create(session=session, nomination=voted, approved=True)
    issuer()

    response = client_for(personas.board_officer).get(CREATE, {"session": session.pk})

    form = response.context["form"]
    assert [n.pk for n in form.initial["nominations"]] == [voted.pk]
    assert form.initial["council_session"] == session.pk
    assert form.initial["issuer"] == issuer()
    choices = {n.pk for n in form.fields["nominations"].queryset}
    assert choices == {voted.pk, elsewhere.pk}
    assert session.title in html(response)


def test_decision_create_drafts_from_the_ticked_dossiers(province, personas, client_for):
    first, second, _left = (approved(province, personas) for _ in range(3))
    response = client_for(personas.board_officer).post(CREATE, {
        "issuer": issuer().pk, "decided_on": DECIDED_ON.strftime("%d/%m/%Y"),
        "signer": personas.signer.pk, "signer_authority": "KT. CHỦ TỊCH",
        "signer_title": "Phó Chủ tịch", "signer_name": "Trần Văn Ký",
        "nominations": [first.pk, second.pk]})

    decision = Decision.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _detail(decision)
    assert (decision.state, decision.decided_on, decision.signer) == (
        "draft", DECIDED_ON, personas.signer)
    assert sorted(decision.entries.values_list("nomination_id", flat=True)) == sorted(
        [first.pk, second.pk])


def test_decision_create_offers_no_dossier_already_in_a_decision(province, personas,
                                                                client_for):
    taken = draft(province, personas).entries.get().nomination
    free = approved(province, personas)

    form = client_for(personas.board_officer).get(CREATE).context["form"]

    assert [n.pk for n in form.fields["nominations"].queryset] == [free.pk]
    assert taken.pk != free.pk


def test_decision_create_refills_the_signature_for_the_chosen_signer(province, personas,
                                                                    client_for):
    draft(province, personas, signer_title="Chủ tịch", signer_name="Lê Văn Chủ",
          signer_authority="")

    response = client_for(personas.board_officer).get(
        CREATE, {"signer": personas.signer.pk}, headers={"HX-Request": "true"})

    page = html(response)
    assert 'id="signature-fields"' in page
    assert "<html" not in page
    assert 'value="Lê Văn Chủ"' in page
    assert 'value="Chủ tịch"' in page


def test_decision_detail_shows_the_annex_by_honour_with_total(province, personas,
                                                              client_for):
    decision = draft(province, personas, count=2)
    entries = list(decision.entries.all())
    decision.entries.update(bonus_confirmed=True)
    DecisionEntry.objects.filter(pk=entries[0].pk).update(
        bonus_confirmed=False, bonus_explanation="1,5 × lương cơ sở (chưa xác nhận)")

    response = client_for(personas.board_officer).get(_detail(decision))

    page = html(response)
    group, = response.context["groups"]
    assert [e.pk for e in group["entries"]] == [e.pk for e in entries]
    assert response.context["total"] == sum(e.bonus_amount for e in entries)
    assert page.count("data-unconfirmed") == 1
    assert 'title="1,5 × lương cơ sở (chưa xác nhận)"' in page
    for entry in entries:
        assert entry.recipient_name in page
    assert reverse("workspace:decision-send", args=[decision.pk]) in page
    assert reverse("workspace:decision-issue", args=[decision.pk]) not in page


def test_decision_detail_offers_the_signer_issue_and_return_when_awaiting(province, personas,
                                                                         client_for):
    from vinhdanh.decisions.services import issuing

    decision = draft(province, personas)
    issuing.send_for_signature(decision, actor=personas.board_officer)

    signer_page = html(client_for(personas.signer).get(_detail(decision)))
    board_page = html(client_for(personas.board_officer).get(_detail(decision)))

    issue_url = reverse("workspace:decision-issue", args=[decision.pk])
    assert issue_url in signer_page
    assert reverse("workspace:decision-return", args=[decision.pk]) in signer_page
    assert issue_url not in board_page
    assert reverse("workspace:decision-send", args=[decision.pk]) not in board_page


def test_decision_pages_have_no_inline_style_or_script(province, personas, client_for):
    drafted = draft(province, personas)
    done = issued(province, personas)
    client = client_for(personas.board_officer)
    urls = [LIST, CREATE, _detail(drafted), _detail(done),
            reverse("workspace:decision-edit", args=[drafted.pk]),
            reverse("workspace:decision-revoke", args=[done.entries.get().pk]),
            reverse("workspace:issuer-list")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_csp_clean(html(response))


def test_decision_menu_tag_shows_decisions_to_role_holders_only(province, personas,
                                                                 client_for):
    from django.contrib.auth.models import AnonymousUser

    from tests.factories import UserFactory
    from vinhdanh.workspace.templatetags.decisions_tags import sees_decisions

    nobody = UserFactory(username="khong-vai-tro")

    assert [sees_decisions(user) for user in (personas.viewer, personas.unit_clerk,
                                              nobody, AnonymousUser())] == [
        True, True, False, False]
    assert client_for(nobody).get(LIST).status_code == 403
