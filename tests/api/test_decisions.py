"""Decisions through the API: drafting from approved dossiers, sending, returning and issuing
with the version the client read, certificate jobs, the Word document, the issuers, and who
sees and does what."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.utils.translation import gettext

from tests.api.conftest import count_queries, ids
from tests.decisions.support import DECIDED_ON, approved, draft, issued, issuer
from tests.factories import UserFactory
from vinhdanh.decisions.enums import DecisionState, JobState
from vinhdanh.decisions.models import CertificateJob, Decision
from vinhdanh.decisions.services import files, issuing

URL = "/api/v1/decisions/"
JOBS = "/api/v1/certificate-jobs/"
SIGNER = {"signer_title": "Phó Chủ tịch", "signer_name": "Trần Văn Ký",
          "signer_authority": "KT. CHỦ TỊCH"}


def detail(decision, action=""):
    return f"{URL}{decision.pk}/{action + '/' if action else ''}"


def message(response) -> str:
    return " ".join(response.json()["non_field_errors"])


@pytest.fixture
def board(personas, api_for):
    return api_for(personas.board_officer)


@pytest.fixture
def signer(personas, api_for):
    return api_for(personas.signer)


@pytest.fixture
def awaiting(province, personas):
    decision = draft(province, personas)
    return issuing.send_for_signature(decision, actor=personas.board_officer)


# -- drafting ------------------------------------------------------------------------------

def test_board_drafts_a_decision_from_approved_dossiers(province, personas, board):
    dossiers = [approved(province, personas) for _ in range(2)]

    response = board.post(URL, {"issuer": issuer().pk, "nominations": [n.pk for n in dossiers],
                                "decided_on": f"{DECIDED_ON}", **SIGNER}, format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["state"], body["version"], body["reference"]) == ("draft", 1, "")
    assert [e["nomination"] for e in body["entries"]] == [n.pk for n in dossiers]
    assert body["entries"][0]["honor"] == "bang_khen_tinh"
    assert body["entries"][0]["certificate"] is None
    assert body["total_bonus"] == sum(e["bonus_amount"] for e in body["entries"]) > 0
    assert body["subject"].startswith("Về việc")


def test_drafting_a_dossier_not_approved_is_refused_with_the_reason(province, personas,
                                                                    board):
    from tests.council.support import ready

    pending = ready(province, personas)

    response = board.post(URL, {"issuer": issuer().pk, "nominations": [pending.pk],
                                "decided_on": f"{DECIDED_ON}", **SIGNER}, format="json")

    assert response.status_code == 400
    expected = gettext("%(candidate)s: only dossiers approved by the council can be decided "
                       "(this one is %(state)s).") % {
        "candidate": pending.candidate, "state": pending.get_state_display()}
    assert message(response) == expected
    assert not Decision.objects.exists()


def test_drafting_needs_the_signer_and_dossiers(province, personas, board):
    response = board.post(URL, {"issuer": issuer().pk, "nominations": [],
                                "decided_on": f"{DECIDED_ON}"}, format="json")

    assert response.status_code == 400
    assert set(response.json()) == {"nominations", "signer_title", "signer_name"}


@pytest.mark.parametrize("persona", ["unit_clerk", "signer", "council_member", "viewer"])
def test_only_the_board_drafts(province, personas, api_for, persona):
    dossier = approved(province, personas)

    response = api_for(getattr(personas, persona)).post(
        URL, {"issuer": issuer().pk, "nominations": [dossier.pk],
              "decided_on": f"{DECIDED_ON}", **SIGNER}, format="json")

    assert response.status_code == 403
    assert not Decision.objects.exists()


def test_anonymous_is_refused(province, personas, client):
    issued(province, personas)

    assert client.get(URL).status_code == 401
    assert client.get("/api/v1/issuers/").status_code == 401
    assert client.get(JOBS).status_code == 401


def test_board_changes_a_draft_with_the_version_it_read(province, personas, board):
    decision = draft(province, personas)

    response = board.patch(detail(decision), {"version": 1, "citation": "Đã có thành tích "
                                              "xuất sắc năm 2025"}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["citation"] == "Đã có thành tích xuất sắc năm 2025"
    assert response.json()["version"] == 2


def test_changing_a_draft_from_a_stale_version_is_a_conflict(province, personas, board):
    decision = draft(province, personas)
    board.patch(detail(decision), {"version": 1, "proposal": "Xét đề nghị …"}, format="json")

    response = board.patch(detail(decision), {"version": 1, "citation": "Khác"},
                           format="json")

    assert response.status_code == 409
    decision.refresh_from_db()
    assert (decision.version, decision.proposal) == (2, "Xét đề nghị …")
    assert decision.citation != "Khác"


def test_changing_needs_the_version(province, personas, board):
    decision = draft(province, personas)

    response = board.patch(detail(decision), {"citation": "Khác"}, format="json")

    assert response.status_code == 400
    assert set(response.json()) == {"version"}


def test_a_signer_cannot_change_a_draft(province, personas, signer):
    decision = draft(province, personas)

    response = signer.patch(detail(decision), {"version": 1, "citation": "Khác"},
                            format="json")

    assert response.status_code == 403


# -- signing -------------------------------------------------------------------------------

def test_board_sends_the_draft_for_signature(province, personas, board):
    decision = draft(province, personas)

    response = board.post(detail(decision, "send"), {"version": 1}, format="json")

    assert response.status_code == 200, response.content
    assert (response.json()["state"], response.json()["version"]) == ("awaiting", 2)


def test_sending_from_a_stale_version_is_a_conflict(province, personas, board):
    decision = draft(province, personas)
    board.patch(detail(decision), {"version": 1, "citation": "Khác"}, format="json")

    response = board.post(detail(decision, "send"), {"version": 1}, format="json")

    assert response.status_code == 409
    assert Decision.objects.get(pk=decision.pk).state == DecisionState.DRAFT


def test_signer_returns_a_draft_with_the_reason(personas, awaiting, signer):
    response = signer.post(detail(awaiting, "return"),
                           {"version": awaiting.version, "reason": "Sửa trích yếu"},
                           format="json")

    assert response.status_code == 200, response.content
    assert (response.json()["state"], response.json()["return_reason"]) == (
        "draft", "Sửa trích yếu")


def test_returning_without_a_reason_says_so(personas, awaiting, signer):
    response = signer.post(detail(awaiting, "return"),
                           {"version": awaiting.version, "reason": " "}, format="json")

    assert response.status_code == 400
    assert response.json() == {"reason": [gettext("Give the reason.")]}


def test_signer_issues_the_decision(personas, awaiting, signer):
    response = signer.post(detail(awaiting, "issue"),
                           {"version": awaiting.version, "decided_on": f"{DECIDED_ON}"},
                           format="json")

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["state"], body["reference"], body["decided_on"]) == (
        "issued", "1/QĐ-UBND", f"{DECIDED_ON}")
    entry = body["entries"][0]
    assert entry["golden_book_number"] == 1
    certificate = awaiting.entries.get().certificate
    assert entry["certificate"]["public_id"] == str(certificate.public_id)
    assert entry["certificate"]["verify_url"].endswith(certificate.get_absolute_url())


# The board sees the draft but may not sign it; the others do not even see it.
@pytest.mark.parametrize(("persona", "status"), [
    ("board_officer", 403), ("unit_clerk", 404), ("council_member", 404)])
def test_only_a_signer_issues(personas, awaiting, api_for, persona, status):
    response = api_for(getattr(personas, persona)).post(
        detail(awaiting, "issue"), {"version": awaiting.version}, format="json")

    assert response.status_code == status
    assert Decision.objects.get(pk=awaiting.pk).state == DecisionState.AWAITING_SIGNATURE


def test_another_signer_cannot_issue_a_decision_naming_its_signer(province, personas,
                                                                 awaiting, api_for):
    from vinhdanh.organisations.enums import Role
    from vinhdanh.organisations.models import RoleAssignment

    deputy = UserFactory(username="pho-chu-tich")
    RoleAssignment.objects.create(user=deputy, role=Role.SIGNER, unit=province.root)

    response = api_for(deputy).post(detail(awaiting, "issue"), {"version": awaiting.version},
                                    format="json")

    assert response.status_code == 403


def test_issuing_from_a_stale_version_is_a_conflict(personas, awaiting, signer):
    response = signer.post(detail(awaiting, "issue"), {"version": awaiting.version - 1},
                           format="json")

    assert response.status_code == 409
    assert Decision.objects.get(pk=awaiting.pk).number is None


def test_issuing_a_draft_is_refused_with_the_reason(province, personas, signer):
    decision = draft(province, personas)

    response = signer.post(detail(decision, "issue"), {"version": 1}, format="json")

    assert response.status_code == 400
    assert message(response) == gettext(
        "This decision is “%(state)s”: the action is not possible now.") % {
        "state": DecisionState.DRAFT.label}


# -- reading -------------------------------------------------------------------------------

def test_unit_clerk_sees_issued_decisions_only(province, personas, api_for):
    published = issued(province, personas)
    pending = draft(province, personas)
    clerk = api_for(personas.unit_clerk)

    assert ids(clerk.get(URL)) == {published.pk}
    assert clerk.get(detail(pending)).status_code == 404
    assert clerk.get(detail(published)).status_code == 200


def test_board_and_signer_see_drafts(province, personas, api_for):
    published = issued(province, personas)
    pending = draft(province, personas)

    for persona in (personas.board_officer, personas.signer):
        assert ids(api_for(persona).get(URL)) == {published.pk, pending.pk}


def test_user_without_a_role_sees_no_decision(province, personas, api_for):
    issued(province, personas)

    response = api_for(UserFactory()).get(URL)

    assert response.status_code == 200
    assert response.json()["results"] == []


def test_decisions_filter_by_state_kind_year_and_issuer(province, personas, board):
    published = issued(province, personas)
    pending = draft(province, personas)

    assert ids(board.get(URL, {"state": "draft"})) == {pending.pk}
    assert ids(board.get(URL, {"year": DECIDED_ON.year})) == {published.pk}
    assert ids(board.get(URL, {"kind": "revocation"})) == set()
    assert ids(board.get(URL, {"issuer": issuer().pk})) == {published.pk, pending.pk}
    assert board.get(URL, {"state": "signed"}).status_code == 400


def test_decision_list_queries_do_not_grow_with_decisions(province, personas, board):
    draft(province, personas, count=2)
    one, _ = count_queries(board, URL)
    issued(province, personas, count=2)
    draft(province, personas)

    three, body = count_queries(board, URL)

    assert body["count"] == 3
    assert three == one


# -- certificates --------------------------------------------------------------------------

def test_board_starts_printing_the_certificates(province, personas, board):
    decision = issued(province, personas, count=2)

    response = board.post(detail(decision, "certificates"), {"preprinted": True},
                          format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["decision"], body["state"], body["total"], body["preprinted"]) == (
        decision.pk, "queued", 2, True)
    assert (body["archive"], body["print_file"]) == (None, None)


def test_certificates_of_a_draft_are_refused(province, personas, board):
    decision = draft(province, personas)

    response = board.post(detail(decision, "certificates"), {}, format="json")

    assert response.status_code == 400
    assert message(response) == gettext(
        "Certificates are printed for issued commendation decisions only.")


def test_unit_clerk_cannot_print_certificates(province, personas, api_for):
    decision = issued(province, personas)

    response = api_for(personas.unit_clerk).post(detail(decision, "certificates"), {},
                                                 format="json")

    assert response.status_code == 403
    assert not CertificateJob.objects.exists()


def _done_job(decision):
    job = CertificateJob.objects.create(decision=decision, total=1, done=1,
                                        state=JobState.DONE)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("0001-a.pdf", b"%PDF-1.7 a")
    job.archive.save("bang-1-2026.zip", ContentFile(archive.getvalue()), save=False)
    job.print_file.save("bang-1-2026-in.pdf", ContentFile(b"%PDF-1.7 all"), save=False)
    job.save()
    return job


def test_a_finished_job_links_its_files(province, personas, api_for):
    job = _done_job(issued(province, personas))
    clerk = api_for(personas.unit_clerk)

    body = clerk.get(f"{JOBS}{job.pk}/").json()
    archive = clerk.get(body["archive"])
    print_file = clerk.get(body["print_file"])

    assert (body["state"], body["percent"], body["is_finished"]) == ("done", 100, True)
    assert archive.status_code == 200
    assert zipfile.ZipFile(io.BytesIO(b"".join(archive.streaming_content))).namelist() == [
        "0001-a.pdf"]
    assert b"".join(print_file.streaming_content) == b"%PDF-1.7 all"


def test_jobs_follow_their_decision(province, personas, api_for):
    published = _done_job(issued(province, personas))
    pending = CertificateJob.objects.create(decision=draft(province, personas))

    assert ids(api_for(personas.board_officer).get(JOBS)) == {published.pk, pending.pk}
    assert ids(api_for(personas.unit_clerk).get(JOBS)) == {published.pk}
    assert ids(api_for(personas.board_officer).get(
        JOBS, {"decision": published.decision_id})) == {published.pk}


def test_a_queued_job_has_no_file_to_download(province, personas, board):
    job = CertificateJob.objects.create(decision=issued(province, personas))

    assert board.get(f"{JOBS}{job.pk}/archive/").status_code == 404


# -- the Word document ---------------------------------------------------------------------

def test_word_of_a_draft_is_drawn_from_it(province, personas, board, monkeypatch):
    decision = draft(province, personas)
    monkeypatch.setattr(files, "word", lambda d: b"PK docx of %d" % d.pk)

    response = board.get(detail(decision, "word"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f'filename="du-thao-quyet-dinh-{decision.pk}.docx"' in response[
        "Content-Disposition"]
    assert response.content == b"PK docx of %d" % decision.pk


def test_word_of_an_issued_decision_is_the_stored_file(province, personas, api_for):
    decision = issued(province, personas)
    decision.word_file.save("quyet-dinh-1-2026.docx", ContentFile(b"PK issued"))

    response = api_for(personas.unit_clerk).get(detail(decision, "word"))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PK issued"


def test_word_of_a_draft_is_hidden_from_the_unit_clerk(province, personas, api_for):
    decision = draft(province, personas)

    assert api_for(personas.unit_clerk).get(detail(decision, "word")).status_code == 404


# -- issuers -------------------------------------------------------------------------------

def test_everyone_with_a_role_reads_the_issuers(province, personas, api_for):
    committee = issuer()

    response = api_for(personas.viewer).get("/api/v1/issuers/")

    assert response.status_code == 200
    assert [(row["id"], row["symbol"]) for row in response.json()["results"]] == [
        (committee.pk, "QĐ-UBND")]


def test_issuers_are_hidden_without_a_role(province, api_for):
    issuer()

    assert api_for(UserFactory()).get("/api/v1/issuers/").json()["results"] == []


def test_issuers_cannot_be_changed_through_the_api(province, personas, board):
    assert board.post("/api/v1/issuers/", {"name": "X"}, format="json").status_code == 405
