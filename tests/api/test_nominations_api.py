"""Batches and nominations through the API: visibility by unit, the whole journey of a dossier
(create, add candidates, upload, submit, receive, return, stale version), refusals and
uploads the services judge."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext

from tests.api.conftest import count_queries, ids
from tests.factories import PersonFactory
from tests.nominations.support import PDF, clerk_for, dossier, honor, in_appraisal, pdf, submitted
from vinhdanh.nominations.enums import NominationState as S
from vinhdanh.nominations.models import Nomination, NominationDocument

FORMAT_REFUSED = ("Upload a PDF, Word (.docx, .doc) or image (JPEG, PNG) file whose name ends "
                  "with its format's extension.")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def women_clerk(province):
    return clerk_for(province.women, "clerk-women")


def _move(client, nomination, action, **body):
    return client.post(f"/api/v1/nominations/{nomination.pk}/transition/",
                       {"action": action, **body}, format="json")


# --- visibility ------------------------------------------------------------------------------

def test_batch_list_shows_only_batches_of_the_clerks_unit(province, personas, api_for,
                                                          women_clerk):
    farmers = dossier(province, personas.unit_clerk)
    women = dossier(province, women_clerk)

    response = api_for(women_clerk).get("/api/v1/batches/")

    assert response.status_code == 200
    assert ids(response) == {women.batch_id}
    assert farmers.batch_id not in ids(api_for(women_clerk).get("/api/v1/batches/"))


def test_nomination_list_shows_only_nominations_of_the_clerks_unit(province, personas, api_for,
                                                                   women_clerk):
    dossier(province, personas.unit_clerk)
    women = dossier(province, women_clerk)

    response = api_for(women_clerk).get("/api/v1/nominations/")

    assert ids(response) == {women.pk}


def test_board_sees_the_nominations_of_every_unit(province, personas, api_for, women_clerk):
    farmers = dossier(province, personas.unit_clerk)
    women = dossier(province, women_clerk)

    response = api_for(personas.board_officer).get("/api/v1/nominations/")

    assert ids(response) == {farmers.pk, women.pk}


def test_other_units_batch_and_nomination_are_404(province, personas, api_for, women_clerk):
    farmers = dossier(province, personas.unit_clerk)
    client = api_for(women_clerk)

    assert client.get(f"/api/v1/batches/{farmers.batch_id}/").status_code == 404
    assert client.get(f"/api/v1/nominations/{farmers.pk}/").status_code == 404
    assert _move(client, farmers, "submit", version=1).status_code == 404


def test_other_units_document_download_is_404(province, personas, api_for, women_clerk):
    farmers = dossier(province, personas.unit_clerk)
    document = NominationDocument.objects.filter(batch=farmers.batch).first()

    response = api_for(women_clerk).get(f"/api/v1/dossier-documents/{document.pk}/download/")

    assert response.status_code == 404


def test_document_downloads_for_whoever_sees_the_batch(province, personas, api_for):
    farmers = dossier(province, personas.unit_clerk)
    document = NominationDocument.objects.filter(batch=farmers.batch).first()

    response = api_for(personas.board_officer).get(
        f"/api/v1/dossier-documents/{document.pk}/download/", HTTP_ACCEPT="application/pdf")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert document.name in response["Content-Disposition"]


def test_nomination_list_filters_by_state_and_overdue(province, personas, api_for):
    draft = dossier(province, personas.unit_clerk)
    late = submitted(province, personas.unit_clerk)
    Nomination.objects.filter(pk=late.pk).update(due_on="2020-01-02")
    client = api_for(personas.board_officer)

    assert ids(client.get("/api/v1/nominations/", {"state": "draft"})) == {draft.pk}
    overdue = client.get("/api/v1/nominations/", {"overdue": "true"})
    assert ids(overdue) == {late.pk}
    assert overdue.json()["results"][0]["days_overdue"] > 0


def test_nomination_list_runs_the_same_queries_for_one_or_three(province, personas, api_for):
    client = api_for(personas.board_officer)
    submitted(province, personas.unit_clerk)
    one, _ = count_queries(client, "/api/v1/nominations/")
    submitted(province, personas.unit_clerk)
    in_appraisal(province, personas.unit_clerk, personas.board_officer)

    three, body = count_queries(client, "/api/v1/nominations/")

    assert body["count"] == 3
    assert three == one


def test_batch_list_runs_the_same_queries_for_one_or_three(province, personas, api_for):
    client = api_for(personas.unit_clerk)
    dossier(province, personas.unit_clerk)
    one, _ = count_queries(client, "/api/v1/batches/")
    dossier(province, personas.unit_clerk)
    submitted(province, personas.unit_clerk)

    three, body = count_queries(client, "/api/v1/batches/")

    assert body["count"] == 3
    assert three == one


# --- the journey -----------------------------------------------------------------------------

def _create_batch(client, province):
    response = client.post("/api/v1/batches/", {
        "proposing_unit": province.farmers.pk, "year": 2025,
        "title": "Tờ trình đề nghị tặng Bằng khen năm 2025"}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def _upload(client, batch_id, kind, nomination_id=None, upload=None):
    body = {"kind": kind, "file": upload or pdf(f"{kind}.pdf")}
    if nomination_id is not None:
        body["nomination"] = nomination_id
    return client.post(f"/api/v1/batches/{batch_id}/documents/", body, format="multipart")


def _prepared(client, province):
    """A batch with one candidate and its three documents, through the API."""
    batch = _create_batch(client, province)
    person = PersonFactory(unit=province.farmers)
    added = client.post(f"/api/v1/batches/{batch['id']}/candidates/",
                        {"honor": "bang_khen_tinh", "people": [person.pk]}, format="json")
    assert added.status_code == 201, added.content
    nomination_id = added.json()[0]["id"]
    for kind, nomination in (("submission_letter", None), ("review_minutes", None),
                             ("achievement_report", nomination_id)):
        assert _upload(client, batch["id"], kind, nomination).status_code == 201
    return batch, Nomination.objects.get(pk=nomination_id)


def test_clerk_prepares_and_submits_a_batch(province, personas, api_for):
    client = api_for(personas.unit_clerk)
    batch, nomination = _prepared(client, province)
    assert client.get(f"/api/v1/nominations/{nomination.pk}/").json()["missing_documents"] == []

    response = client.post(f"/api/v1/batches/{batch['id']}/submit/",
                           {"justifications": {str(nomination.pk): "Thành tích xuất sắc"}},
                           format="json")

    assert response.status_code == 200, response.content
    assert response.json()["counts"] == {"submitted": 1}
    assert response.json()["editable"] is False
    nomination.refresh_from_db()
    assert nomination.state == S.SUBMITTED
    assert nomination.verdict != ""


def test_candidates_added_show_in_the_batch_counts(province, personas, api_for):
    client = api_for(personas.unit_clerk)
    batch = _create_batch(client, province)
    people = [PersonFactory(unit=province.farmers).pk, PersonFactory(unit=province.farmers).pk]

    response = client.post(f"/api/v1/batches/{batch['id']}/candidates/",
                           {"honor": "bang_khen_tinh", "people": people}, format="json")

    assert response.status_code == 201
    assert sorted(row["candidate"]["id"] for row in response.json()) == sorted(people)
    assert {row["allowed_actions"][0] for row in response.json()} == {"submit"}
    detail = client.get(f"/api/v1/batches/{batch['id']}/").json()
    assert detail["counts"] == {"draft": 2}
    assert detail["editable"] is True


def test_nomination_detail_lists_the_missing_documents(province, personas, api_for):
    nomination = dossier(province, personas.unit_clerk, documents_attached=False)

    body = api_for(personas.unit_clerk).get(f"/api/v1/nominations/{nomination.pk}/").json()

    assert [row["kind"] for row in body["missing_documents"]] == [
        "submission_letter", "review_minutes", "achievement_report"]
    assert body["state"] == "draft"
    assert body["candidate"]["name"] == str(nomination.candidate)


def test_board_receives_then_returns_with_the_reason(province, personas, api_for):
    nomination = submitted(province, personas.unit_clerk)
    board = api_for(personas.board_officer)

    received = _move(board, nomination, "receive", version=nomination.version)
    returned = _move(board, nomination, "return", version=received.json()["version"],
                     reason="Thiếu biên bản họp xét")

    assert received.status_code == 200, received.content
    assert returned.status_code == 200, returned.content
    assert returned.json()["state"] == "returned"
    history = board.get(f"/api/v1/nominations/{nomination.pk}/history/").json()
    assert "Thiếu biên bản họp xét" in history[0]["message"]
    journey = board.get(f"/api/v1/nominations/{nomination.pk}/journey/").json()
    assert [step["state"] for step in journey] == ["submitted", "appraisal", "returned"]
    assert journey[-1]["reason"] == "Thiếu biên bản họp xét"


def test_stale_version_is_409_with_who_moved_it(province, personas, api_for):
    nomination = submitted(province, personas.unit_clerk)
    seen = nomination.version
    board = api_for(personas.board_officer)
    assert _move(board, nomination, "receive", version=seen).status_code == 200

    response = _move(board, nomination, "return", version=seen, reason="Thiếu hồ sơ")

    assert response.status_code == 409
    assert str(personas.board_officer) in response.json()["detail"]
    nomination.refresh_from_db()
    assert nomination.state == S.APPRAISAL


def test_return_without_a_reason_is_400(province, personas, api_for):
    nomination = in_appraisal(province, personas.unit_clerk, personas.board_officer)

    response = _move(api_for(personas.board_officer), nomination, "return",
                     version=nomination.version)

    assert response.status_code == 400
    assert response.json() == {"reason": [gettext("Give the reason.")]}


def test_full_flow_through_the_api(province, personas, api_for):
    clerk, board = api_for(personas.unit_clerk), api_for(personas.board_officer)
    batch, nomination = _prepared(clerk, province)
    assert clerk.post(f"/api/v1/batches/{batch['id']}/submit/", {},
                      format="json").status_code == 200
    nomination.refresh_from_db()
    assert _move(board, nomination, "receive", version=nomination.version).status_code == 200
    returned = _move(board, nomination, "return", version=nomination.version + 1,
                     reason="Báo cáo thành tích chưa có xác nhận")
    assert returned.json()["state"] == "returned"

    # The clerk acts on the page drawn before the return: refused as stale.
    stale = _move(clerk, nomination, "withdraw", version=nomination.version, reason="Rút")
    mine = clerk.get(f"/api/v1/nominations/{nomination.pk}/").json()

    assert stale.status_code == 409
    assert mine["state"] == "returned"
    assert set(mine["allowed_actions"]) == {"submit", "withdraw"}


# --- refusals --------------------------------------------------------------------------------

def test_clerk_may_not_receive_a_dossier(province, personas, api_for):
    nomination = submitted(province, personas.unit_clerk)

    response = _move(api_for(personas.unit_clerk), nomination, "receive",
                     version=nomination.version)

    assert response.status_code == 403
    nomination.refresh_from_db()
    assert nomination.state == S.SUBMITTED


def test_viewer_may_not_submit_a_batch(province, personas, api_for):
    nomination = dossier(province, personas.unit_clerk)

    response = api_for(personas.viewer).post(f"/api/v1/batches/{nomination.batch_id}/submit/",
                                             {}, format="json")

    assert response.status_code == 403
    nomination.refresh_from_db()
    assert nomination.state == S.DRAFT


def test_batch_for_another_unit_is_403(province, api_for, women_clerk):
    response = api_for(women_clerk).post("/api/v1/batches/", {
        "proposing_unit": province.farmers.pk, "year": 2025, "title": "Tờ trình"},
        format="json")

    assert response.status_code == 403


def test_upload_to_another_units_visible_batch_is_403(province, personas, api_for):
    nomination = dossier(province, personas.unit_clerk, documents_attached=False)

    response = _upload(api_for(personas.viewer), nomination.batch_id, "submission_letter")

    assert response.status_code == 403
    assert not NominationDocument.objects.filter(batch=nomination.batch).exists()


def test_upload_of_a_wrong_file_type_is_400_with_the_message(province, personas, api_for):
    nomination = dossier(province, personas.unit_clerk, documents_attached=False)
    program = SimpleUploadedFile("to-trinh.pdf", b"MZ\x90\x00" + b"\x00" * 60)

    response = _upload(api_for(personas.unit_clerk), nomination.batch_id, "submission_letter",
                       upload=program)

    assert response.status_code == 400
    assert response.json() == {"file": [gettext(FORMAT_REFUSED)]}
    assert not NominationDocument.objects.filter(batch=nomination.batch).exists()


def test_upload_replaces_and_lists_both_versions(province, personas, api_for):
    nomination = dossier(province, personas.unit_clerk)
    client = api_for(personas.unit_clerk)

    new = _upload(client, nomination.batch_id, "submission_letter").json()
    listed = client.get(f"/api/v1/batches/{nomination.batch_id}/documents/").json()

    letters = [row for row in listed if row["kind"] == "submission_letter"]
    assert [(row["id"], row["current"]) for row in letters][0] == (new["id"], True)
    assert [row["replaced_by"] for row in letters[1:]] == [new["id"]]


def test_batch_header_is_locked_once_submitted(province, personas, api_for):
    nomination = submitted(province, personas.unit_clerk)

    response = api_for(personas.unit_clerk).patch(f"/api/v1/batches/{nomination.batch_id}/",
                                                  {"title": "Tờ trình mới"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [gettext(
        "This batch is with the board; its header can no longer change.")]}


def test_clerk_changes_the_summary_of_a_draft(province, personas, api_for):
    nomination = dossier(province, personas.unit_clerk)

    response = api_for(personas.unit_clerk).patch(f"/api/v1/nominations/{nomination.pk}/",
                                                  {"summary": "Dẫn đầu phong trào"},
                                                  format="json")

    assert response.status_code == 200
    assert response.json()["summary"] == "Dẫn đầu phong trào"


def test_evaluate_records_a_verdict(province, personas, api_for):
    nomination = dossier(province, personas.unit_clerk)

    response = api_for(personas.unit_clerk).post(
        f"/api/v1/nominations/{nomination.pk}/evaluate/")

    assert response.status_code == 200
    assert response.json()["verdict"] in {"eligible", "not_eligible", "missing"}
    assert response.json()["verdict_lines"]


# --- a group's proposals ---------------------------------------------------------------------

def _proposal(province, unit, code="bang_khen_tinh"):
    from decimal import Decimal

    from tests.scoring.factories import ScoringTemplateFactory, published_revision
    from vinhdanh.scoring.models import Proposal

    template = ScoringTemplateFactory(group=province.bloc)
    revision = published_revision(template, [(unit, Decimal(95))])
    return Proposal.objects.create(revision=revision, unit=unit, honor=honor(code), rank=1)


def test_batch_takes_candidates_from_the_groups_proposals(province, personas, api_for):
    proposal = _proposal(province, province.women)
    # The leading unit's clerk prepares the group's batch; the women's union is a member.
    client = api_for(personas.unit_clerk)
    batch = client.post("/api/v1/batches/", {
        "proposing_unit": province.farmers.pk, "group": province.bloc.pk, "year": 2024,
        "title": "Tờ trình của Khối MTTQ"}, format="json")
    assert batch.status_code == 201, batch.content

    response = client.post(f"/api/v1/batches/{batch.json()['id']}/from-proposals/",
                           {"proposals": [proposal.pk]}, format="json")

    assert response.status_code == 201, response.content
    assert [row["candidate"]["id"] for row in response.json()] == [province.women.pk]
    proposal.refresh_from_db()
    assert proposal.state == "nominated"


def test_viewer_may_not_evaluate(province, personas, api_for):
    nomination = dossier(province, personas.unit_clerk)

    response = api_for(personas.viewer).post(f"/api/v1/nominations/{nomination.pk}/evaluate/")

    assert response.status_code == 403
    nomination.refresh_from_db()
    assert nomination.verdict_at is None
