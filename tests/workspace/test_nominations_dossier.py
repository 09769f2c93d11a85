"""The page of one dossier and its buttons: who sees which action, the version check, the
journey, comments, and adding a group's proposals to a batch."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tests.nominations.support import clerk_for, dossier, in_appraisal, submitted
from tests.scoring.factories import published_revision
from tests.workspace.ui_support import html
from vinhdanh.core.errors import DomainError
from vinhdanh.nominations.enums import NominationState as S
from vinhdanh.nominations.models import Nomination
from vinhdanh.nominations.services import batches, comments, workflow
from vinhdanh.scoring.enums import ProposalState
from vinhdanh.scoring.services import proposals as proposal_services
from vinhdanh.scoring.services.templates import create_template


def _act_url(nomination):
    return reverse("workspace:nomination-act", args=[nomination.pk])


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _actions(page: str) -> set[str]:
    import re

    return set(re.findall(r'data-action="([a-z_]+)"', page))


def _post(client, nomination, action, version=None, **fields):
    return client.post(_act_url(nomination), {
        "action": action, "version": version or nomination.version, **fields})


def test_board_officer_sees_receive_and_return(province, personas, client_for):
    nomination = submitted(province, personas.unit_clerk)

    board = html(client_for(personas.board_officer).get(nomination.get_absolute_url()))
    clerk = html(client_for(personas.unit_clerk).get(nomination.get_absolute_url()))

    assert {"receive", "return", "withdraw"} <= _actions(board)
    assert "receive" not in _actions(clerk)
    assert _actions(clerk) == {"withdraw"}
    assert f'name="version" value="{nomination.version}"' in board


def test_board_officer_receives_through_the_button(province, personas, client_for):
    nomination = submitted(province, personas.unit_clerk)

    response = _post(client_for(personas.board_officer), nomination, "receive")

    nomination.refresh_from_db()
    assert response.status_code == 302
    assert nomination.state == S.APPRAISAL
    assert nomination.received_on == timezone.localdate()


def test_a_stale_page_gets_the_changed_message_and_moves_nothing(province, personas,
                                                                  client_for):
    nomination = submitted(province, personas.unit_clerk)
    seen = nomination.version
    workflow.receive(nomination, actor=personas.board_officer)
    with pytest.raises(DomainError) as stale:
        workflow.return_nomination(nomination, actor=personas.admin, reason="x",
                                   expected_version=seen)

    response = _post(client_for(personas.admin), nomination, "return", version=seen,
                     reason="Thiếu biên bản")

    after = Nomination.objects.get(pk=nomination.pk)
    assert _messages(response) == stale.value.messages
    assert (after.state, after.version) == (S.APPRAISAL, nomination.version)
    assert after.steps.count() == 2


def test_return_needs_a_reason_and_shows_in_the_journey(province, personas, client_for):
    nomination = in_appraisal(province, personas.unit_clerk, personas.board_officer)
    client = client_for(personas.board_officer)

    refused = _post(client, nomination, "return")
    nomination.refresh_from_db()
    assert nomination.state == S.APPRAISAL
    assert _messages(refused) == [gettext("Give the reason.")]

    _post(client, nomination, "return", reason="Thiếu biên bản họp xét")
    nomination.refresh_from_db()
    page = html(client_for(personas.unit_clerk).get(nomination.get_absolute_url()))
    assert nomination.state == S.RETURNED
    assert "Thiếu biên bản họp xét" in page
    assert "submit" in _actions(page)  # the unit resubmits


def test_an_action_the_user_may_not_take_is_forbidden(province, personas, client_for):
    nomination = submitted(province, personas.unit_clerk)

    response = _post(client_for(personas.unit_clerk), nomination, "receive")

    nomination.refresh_from_db()
    assert response.status_code == 403
    assert nomination.state == S.SUBMITTED


def test_an_unknown_action_is_refused(province, personas, client_for):
    nomination = submitted(province, personas.unit_clerk)

    response = _post(client_for(personas.board_officer), nomination, "delete")

    nomination.refresh_from_db()
    assert response.status_code == 302
    assert nomination.state == S.SUBMITTED
    assert _messages(response)


def test_clerk_submits_one_dossier_with_a_justification(province, personas, client_for):
    nomination = dossier(province, personas.unit_clerk)

    _post(client_for(personas.unit_clerk), nomination, "submit",
          justification="Thành tích đột xuất trong phòng chống bão lũ")

    nomination.refresh_from_db()
    assert nomination.state == S.SUBMITTED
    assert nomination.justification == "Thành tích đột xuất trong phòng chống bão lũ"


def test_withdrawn_dossier_stays_visible_to_the_board(province, personas, client_for):
    nomination = submitted(province, personas.unit_clerk)
    _post(client_for(personas.unit_clerk), nomination, "withdraw", reason="Đổi đối tượng")

    client = client_for(personas.board_officer)
    page = client.get(nomination.get_absolute_url())
    listing = html(client.get(reverse("workspace:batch-list"), {"state": "withdrawn"}))

    nomination.refresh_from_db()
    assert nomination.state == S.WITHDRAWN
    assert page.status_code == 200
    assert 'data-state="withdrawn"' in html(page)
    assert _actions(html(page)) == set()
    assert nomination.batch.title in listing


def test_page_shows_overdue_days_and_the_journey(province, personas, client_for):
    long_ago = timezone.now() - dt.timedelta(days=60)
    nomination = submitted(province, personas.unit_clerk, now=long_ago)

    page = html(client_for(personas.board_officer).get(nomination.get_absolute_url()))

    assert "data-overdue=" in page
    assert nomination.due_on.strftime("%d/%m/%Y") in page
    assert long_ago.astimezone(timezone.get_current_timezone()).strftime("%d/%m/%Y") in page


def test_page_shows_stale_verdict_and_its_reasons(province, personas, client_for):
    nomination = submitted(province, personas.unit_clerk)
    Nomination.objects.filter(pk=nomination.pk).update(verdict_stale=True)

    page = html(client_for(personas.unit_clerk).get(nomination.get_absolute_url()))

    assert gettext("stale: history changed since the check") in page
    assert nomination.verdict_lines and 'data-outcome="' in page


def test_page_shows_public_comments_with_answers(province, personas, client_for):
    officer = personas.board_officer
    nomination = in_appraisal(province, personas.unit_clerk, officer)
    notice = comments.publish_notice([nomination], actor=officer, title="Lấy ý kiến", days=7)
    comment = comments.submit_comment(notice, nomination, name="Trần Văn Dân",
                                      contact="0912345678", text="Đồng ý đề nghị",
                                      address="10.0.0.1")
    comments.moderate(comment, actor=officer, accept=True)
    comments.answer(comment, actor=officer, text="Cảm ơn ý kiến")

    page = html(client_for(personas.unit_clerk).get(nomination.get_absolute_url()))

    assert "Đồng ý đề nghị" in page
    assert "Cảm ơn ý kiến" in page


def test_publish_is_a_link_to_the_boards_notice_page(province, personas, client_for):
    nomination = in_appraisal(province, personas.unit_clerk, personas.board_officer)

    page = html(client_for(personas.board_officer).get(nomination.get_absolute_url()))

    assert f"notices/new/?nominations={nomination.pk}" in page


def test_check_eligibility_on_the_dossier_page(province, personas, client_for):
    nomination = dossier(province, personas.unit_clerk)
    assert nomination.verdict == ""

    client_for(personas.unit_clerk).post(
        reverse("workspace:nomination-check", args=[nomination.pk]))

    nomination.refresh_from_db()
    assert nomination.verdict in ("eligible", "not_eligible", "missing")
    assert nomination.verdict_at is not None


def test_a_new_file_replaces_the_old_one_which_stays_listed(province, personas, client_for):
    from tests.nominations.support import pdf

    nomination = dossier(province, personas.unit_clerk)
    client = client_for(personas.unit_clerk)
    client.post(reverse("workspace:nomination-document-upload", args=[nomination.pk]),
                {"kind": "achievement_report", "file": pdf("bao-cao-moi.pdf")})

    page = html(client.get(nomination.get_absolute_url()))

    assert nomination.documents.count() == 2
    assert "bao-cao-moi.pdf" in page
    assert "achievement_report.pdf" in page
    assert gettext("Replaced") in page


# -- a group's proposals ---------------------------------------------------------------------

@pytest.fixture
def proposals(province):
    template = create_template(province.bloc, actor=None)
    revision = published_revision(template, [(province.farmers, Decimal(95)),
                                             (province.women, Decimal(90))])
    return proposal_services.make_proposals(revision)


def test_clerk_adds_the_groups_proposal_for_the_own_unit(province, personas, client_for,
                                                         proposals):
    clerk = personas.unit_clerk
    batch = batches.create_batch(actor=clerk, proposing_unit=province.farmers, year=2024,
                                 title="Tờ trình của Khối", group=province.bloc)
    ours = next(p for p in proposals if p.unit == province.farmers)
    theirs = next(p for p in proposals if p.unit == province.women)
    client = client_for(clerk)

    page = html(client.get(batch.get_absolute_url()))
    response = client.post(reverse("workspace:batch-add-proposals", args=[batch.pk]),
                           {"proposals": [ours.pk]})
    tampered = client.post(reverse("workspace:batch-add-proposals", args=[batch.pk]),
                           {"proposals": [theirs.pk]})

    ours.refresh_from_db()
    theirs.refresh_from_db()
    assert f'value="{ours.pk}"' in page
    assert f'value="{theirs.pk}"' not in page
    assert response.status_code == 302
    assert batch.nominations.get().proposal == ours
    assert (ours.state, theirs.state) == (ProposalState.NOMINATED, ProposalState.PROPOSED)
    assert tampered.status_code == 302 and batch.nominations.count() == 1


def test_women_clerk_cannot_act_on_a_farmers_dossier(province, personas, client_for):
    nomination = submitted(province, personas.unit_clerk)
    women_clerk = clerk_for(province.women, "clerk-women")

    response = _post(client_for(women_clerk), nomination, "withdraw", reason="x")

    nomination.refresh_from_db()
    assert response.status_code == 404
    assert nomination.state == S.SUBMITTED


# -- documents generated from the Word templates ----------------------------------------------

def test_generate_the_letter_and_the_report(province, personas, client_for):
    nomination = dossier(province, personas.unit_clerk, documents_attached=False)
    batch = nomination.batch
    client = client_for(personas.unit_clerk)

    client.post(reverse("workspace:batch-document-generate", args=[batch.pk]),
                {"kind": "submission_letter"})
    client.post(reverse("workspace:nomination-document-generate", args=[nomination.pk]),
                {"kind": "achievement_report"})

    letter = batch.documents.get(kind="submission_letter")
    report = nomination.documents.get(kind="achievement_report")
    assert (letter.generated, letter.file_format) == (True, "docx")
    assert (report.generated, report.nomination) == (True, nomination)
    download = client.get(reverse("workspace:nomination-document", args=[report.pk]))
    assert b"".join(download.streaming_content).startswith(b"PK")


def test_generate_offers_only_kinds_with_a_template(province, personas, client_for):
    nomination = dossier(province, personas.unit_clerk)

    page = html(client_for(personas.unit_clerk).get(nomination.get_absolute_url()))
    generate = page.split('name="kind" id="generate-kind-nomination"')[1].split("</select>")[0]

    assert 'value="achievement_report"' in generate
    assert 'value="initiative_proof"' not in generate


def test_generate_on_a_submitted_dossier_is_refused(province, personas, client_for):
    nomination = submitted(province, personas.unit_clerk)

    response = client_for(personas.unit_clerk).post(
        reverse("workspace:nomination-document-generate", args=[nomination.pk]),
        {"kind": "achievement_report"})

    assert response.status_code == 302
    assert not nomination.documents.filter(generated=True).exists()
    assert _messages(response)
