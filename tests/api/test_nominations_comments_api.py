"""Public notices, comment moderation, generated documents, proposals and timeliness figures
through the API."""

import pytest
from django.utils.translation import gettext

from tests.api.conftest import ids
from tests.nominations.support import clerk_for, dossier, in_appraisal
from vinhdanh.nominations.enums import CommentState
from vinhdanh.nominations.enums import NominationState as S
from vinhdanh.nominations.models import Nomination, NominationDocument
from vinhdanh.nominations.services import comments, workflow


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def women_clerk(province):
    return clerk_for(province.women, "clerk-women")


def _publish(nomination, officer):
    return comments.publish_notice([nomination], actor=officer, title="Lấy ý kiến nhân dân",
                                   days=7)


def _comment(notice, nomination, name="Nguyễn Văn An"):
    return comments.submit_comment(notice, nomination, name=name, contact="0912345678",
                                   text="Ông An rất tích cực", address="203.0.113.9")


# --- notices -----------------------------------------------------------------------------------

def test_board_publishes_a_notice(province, personas, api_for):
    nomination = in_appraisal(province, personas.unit_clerk, personas.board_officer)

    response = api_for(personas.board_officer).post("/api/v1/notices/", {
        "title": "Lấy ý kiến nhân dân đợt 1", "days": 7, "nominations": [nomination.pk]},
        format="json")

    assert response.status_code == 201, response.content
    assert response.json()["nominations"] == [nomination.pk]
    nomination.refresh_from_db()
    assert nomination.state == S.PUBLIC_COMMENT


def test_clerk_may_not_publish_a_notice(province, personas, api_for):
    nomination = in_appraisal(province, personas.unit_clerk, personas.board_officer)

    response = api_for(personas.unit_clerk).post("/api/v1/notices/", {
        "title": "Lấy ý kiến", "days": 7, "nominations": [nomination.pk]}, format="json")

    assert response.status_code == 403
    nomination.refresh_from_db()
    assert nomination.state == S.APPRAISAL


def test_notice_of_a_draft_is_refused_with_the_workflow_message(province, personas, api_for):
    nomination = dossier(province, personas.unit_clerk)

    response = api_for(personas.board_officer).post("/api/v1/notices/", {
        "title": "Lấy ý kiến", "days": 7, "nominations": [nomination.pk]}, format="json")

    assert response.status_code == 400
    assert nomination.get_state_display() in response.json()["non_field_errors"][0]


def test_notices_list_shows_only_those_with_visible_candidates(province, personas, api_for,
                                                               women_clerk):
    farmers = in_appraisal(province, personas.unit_clerk, personas.board_officer)
    women = in_appraisal(province, women_clerk, personas.board_officer)
    farmers_notice, women_notice = (_publish(farmers, personas.board_officer),
                                    _publish(women, personas.board_officer))

    mine = api_for(women_clerk).get("/api/v1/notices/")
    everyone = api_for(personas.board_officer).get("/api/v1/notices/")

    assert ids(mine) == {women_notice.pk}
    assert ids(everyone) == {farmers_notice.pk, women_notice.pk}


# --- comments ----------------------------------------------------------------------------------

def test_board_moderates_and_answers_a_comment(province, personas, api_for):
    nomination = in_appraisal(province, personas.unit_clerk, personas.board_officer)
    comment = _comment(_publish(nomination, personas.board_officer), nomination)
    board = api_for(personas.board_officer)

    moderated = board.post(f"/api/v1/comments/{comment.pk}/moderate/", {"accept": True},
                           format="json")
    answered = board.post(f"/api/v1/comments/{comment.pk}/answer/",
                          {"text": "Cảm ơn ý kiến của ông"}, format="json")

    assert moderated.status_code == 200
    assert moderated.json()["state"] == CommentState.ACCEPTED
    assert answered.json()["answer"] == "Cảm ơn ý kiến của ông"
    assert answered.json()["answered_at"] is not None
    assert ids(board.get("/api/v1/comments/", {"state": "accepted"})) == {comment.pk}


def test_clerk_may_not_read_or_moderate_comments(province, personas, api_for):
    nomination = in_appraisal(province, personas.unit_clerk, personas.board_officer)
    comment = _comment(_publish(nomination, personas.board_officer), nomination)
    clerk = api_for(personas.unit_clerk)

    assert clerk.get("/api/v1/comments/").status_code == 403
    assert clerk.post(f"/api/v1/comments/{comment.pk}/moderate/", {"accept": False},
                      format="json").status_code == 403
    comment.refresh_from_db()
    assert comment.state == CommentState.PENDING


def test_empty_answer_is_400(province, personas, api_for):
    nomination = in_appraisal(province, personas.unit_clerk, personas.board_officer)
    comment = _comment(_publish(nomination, personas.board_officer), nomination)

    response = api_for(personas.board_officer).post(f"/api/v1/comments/{comment.pk}/answer/",
                                                    {"text": "   "}, format="json")

    assert response.status_code == 400


# --- generated documents -------------------------------------------------------------------------

def test_generate_attaches_the_submission_letter(province, personas, api_for):
    nomination = dossier(province, personas.unit_clerk, documents_attached=False)

    response = api_for(personas.unit_clerk).post(
        f"/api/v1/batches/{nomination.batch_id}/generate/", {"kind": "submission_letter"},
        format="json")

    assert response.status_code == 201, response.content
    assert response.json()["generated"] is True
    assert response.json()["file_format"] == "docx"
    assert NominationDocument.objects.filter(batch=nomination.batch, generated=True).count() == 1


def test_generate_of_an_unknown_kind_is_400(province, personas, api_for):
    nomination = dossier(province, personas.unit_clerk, documents_attached=False)

    response = api_for(personas.unit_clerk).post(
        f"/api/v1/batches/{nomination.batch_id}/generate/", {"kind": "review_minutes"},
        format="json")

    assert response.status_code == 400
    assert response.json() == {"kind": [gettext("This kind of document cannot be generated.")]}


def test_viewer_may_not_generate(province, personas, api_for):
    nomination = dossier(province, personas.unit_clerk, documents_attached=False)

    response = api_for(personas.viewer).post(
        f"/api/v1/batches/{nomination.batch_id}/generate/", {"kind": "submission_letter"},
        format="json")

    assert response.status_code == 403


# --- timeliness ---------------------------------------------------------------------------------

def test_timeliness_counts_only_visible_dossiers(province, personas, api_for, women_clerk):
    in_appraisal(province, personas.unit_clerk, personas.board_officer)
    women = in_appraisal(province, women_clerk, personas.board_officer)
    workflow.return_nomination(women, actor=personas.board_officer, reason="Thiếu biên bản")

    mine = api_for(women_clerk).get("/api/v1/timeliness/", {"year": 2025})
    board = api_for(personas.board_officer).get("/api/v1/timeliness/", {"by": "unit"})

    assert mine.status_code == 200, mine.content
    steps = {row["state"]: row["count"] for row in mine.json()["steps"]}
    assert steps["submitted"] == 1
    assert steps["appraisal"] == 1
    assert [row["key"] for row in mine.json()["breakdown"]] == [province.women.name]
    assert {row["key"] for row in board.json()["breakdown"]} == {province.farmers.name,
                                                                 province.women.name}


def test_timeliness_rejects_an_unknown_breakdown(personas, api_for):
    response = api_for(personas.board_officer).get("/api/v1/timeliness/", {"by": "weather"})

    assert response.status_code == 400
    assert "by" in response.json()


def test_nominations_of_a_batch_filter(province, personas, api_for):
    first = dossier(province, personas.unit_clerk)
    dossier(province, personas.unit_clerk)

    response = api_for(personas.unit_clerk).get("/api/v1/nominations/",
                                                {"batch": first.batch_id})

    assert ids(response) == {first.pk}
    assert Nomination.objects.count() == 2
