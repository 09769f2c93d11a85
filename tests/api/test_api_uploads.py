"""File uploads through the API: directive documents, report evidence, signed pledges, score
evidence and review minutes go through the services the staff UI uses, which judge each file
by its content and size."""

import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext

from tests.movements.support import PDF, PNG, movement_for, pdf
from tests.scoring.factories import CriterionFactory, ScoringTemplateFactory
from tests.scoring.workflow_support import fill_pass, fill_sheet, pass_of, start, three_unit_bloc
from vinhdanh.core.models import ActivityLog
from vinhdanh.movements.enums import DirectiveKind, ReportPeriod
from vinhdanh.movements.models import Pledge
from vinhdanh.movements.services.directives import create_directive
from vinhdanh.movements.services.pledges import save_pledge
from vinhdanh.movements.services.reports import submit_report
from vinhdanh.organisations.enums import GroupKind
from vinhdanh.organisations.services.groups import create_group
from vinhdanh.scoring.enums import PassKind
from vinhdanh.scoring.models import Score, YearEndReview
from vinhdanh.scoring.services.passes import advance_round, open_round
from vinhdanh.scoring.services.reviews import record_review

DOCUMENT_REFUSED = "The file must be a PDF, a Word document (DOCX) or an image (JPEG, PNG)."
HELD_ON = dt.date(2024, 12, 20)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _text_as_pdf(name="ke-hoach.pdf"):
    return SimpleUploadedFile(name, b"just some words", content_type="application/pdf")


def _exe(name="setup.exe"):
    return SimpleUploadedFile(name, b"MZ\x90\x00" + b"\x00" * 60)


def _xlsx(name="minh-chung.xlsx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def _actions(obj, action):
    return list(ActivityLog.objects.filter(object_id=str(obj.pk), action=action))


# --- directives ------------------------------------------------------------------------------

def _directive(unit, number="5/KH"):
    return create_directive(actor=None, number=number, issued_on=dt.date(2024, 1, 5),
                            issuer="UBND tỉnh", kind=DirectiveKind.PLAN, summary="Kế hoạch",
                            issuer_unit=unit)


def _directive_file(directive):
    return f"/api/v1/directives/{directive.pk}/file/"


def test_directive_file_upload_stores_it_and_logs(province, personas, api_for):
    directive = _directive(province.root)

    response = api_for(personas.board_officer).post(_directive_file(directive),
                                                    {"file": pdf()})

    assert response.status_code == 200, response.content
    assert response.json()["has_file"] is True
    directive.refresh_from_db()
    assert directive.file.name.endswith(".pdf")
    assert [log.data["fields"] for log in _actions(directive, "directive.updated")] == [["file"]]


def test_directive_file_downloads_for_whoever_sees_the_directive(province, personas, api_for):
    directive = _directive(province.root)
    api_for(personas.board_officer).post(_directive_file(directive), {"file": pdf()})

    response = api_for(personas.unit_clerk).get(_directive_file(directive),
                                                HTTP_ACCEPT="application/pdf")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "ke-hoach" in response["Content-Disposition"]


def test_directive_without_a_file_downloads_nothing(province, personas, api_for):
    directive = _directive(province.root)

    response = api_for(personas.unit_clerk).get(_directive_file(directive))

    assert response.status_code == 404


def test_directive_file_upload_by_a_clerk_is_403(province, personas, api_for):
    directive = _directive(province.root)

    response = api_for(personas.unit_clerk).post(_directive_file(directive), {"file": pdf()})

    assert response.status_code == 403
    directive.refresh_from_db()
    assert not directive.file


def test_directive_file_of_another_unit_is_404(province, personas, api_for):
    directive = _directive(province.women)

    response = api_for(personas.unit_clerk).post(_directive_file(directive), {"file": pdf()})

    assert response.status_code == 404


@pytest.mark.parametrize("upload", [_text_as_pdf, _exe])
def test_directive_file_refuses_what_is_not_a_document(province, personas, api_for, upload):
    directive = _directive(province.root)

    response = api_for(personas.board_officer).post(_directive_file(directive),
                                                    {"file": upload()})

    assert response.status_code == 400
    assert response.json() == {"file": [gettext(DOCUMENT_REFUSED)]}
    assert not _actions(directive, "directive.updated")


def test_directive_file_refuses_an_oversize_file(province, personas, api_for, monkeypatch):
    monkeypatch.setattr("vinhdanh.movements.services.files.MAX_DOCUMENT_BYTES", 10)
    directive = _directive(province.root)

    response = api_for(personas.board_officer).post(_directive_file(directive),
                                                    {"file": pdf()})

    assert response.status_code == 400
    assert response.json() == {"file": [gettext("The file is larger than 20 MB.")]}


def test_directive_file_upload_needs_multipart(province, personas, api_for):
    directive = _directive(province.root)

    response = api_for(personas.board_officer).post(_directive_file(directive),
                                                    {"file": "x"}, format="json")

    assert response.status_code == 415


# --- movement reports ------------------------------------------------------------------------

def _report(movement, unit):
    return submit_report(movement, actor=None, unit=unit, year=2024,
                         period=ReportPeriod.YEAR_END, summary="Kết quả")


def _evidence_url(report):
    return f"/api/v1/movement-reports/{report.pk}/evidence/"


def test_report_evidence_upload_adds_a_file_and_logs(province, personas, api_for):
    report = _report(movement_for(province), province.farmers)

    response = api_for(personas.unit_clerk).post(
        _evidence_url(report), {"evidence": SimpleUploadedFile("anh-cong-trinh.png", PNG)})

    assert response.status_code == 200, response.content
    assert response.json()["evidence_count"] == 1
    assert [e.title for e in report.evidence.all()] == ["anh-cong-trinh.png"]
    assert [log.data["evidence"] for log in _actions(report, "movement_report.updated")] == [
        ["anh-cong-trinh.png"]]


def test_report_evidence_of_another_unit_is_404(province, personas, api_for):
    movement = movement_for(province, participants=[province.farmers, province.women])
    report = _report(movement, province.women)

    response = api_for(personas.unit_clerk).post(_evidence_url(report), {"evidence": pdf()})

    assert response.status_code == 404
    assert not report.evidence.exists()


def test_report_evidence_refuses_what_is_not_a_document(province, personas, api_for):
    report = _report(movement_for(province), province.farmers)

    response = api_for(personas.unit_clerk).post(_evidence_url(report),
                                                 {"evidence": _text_as_pdf()})

    assert response.status_code == 400
    assert response.json() == {"evidence": [gettext(DOCUMENT_REFUSED)]}
    assert not report.evidence.exists()


def test_report_evidence_refuses_an_oversize_file(province, personas, api_for, monkeypatch):
    monkeypatch.setattr("vinhdanh.movements.services.files.MAX_DOCUMENT_BYTES", 10)
    report = _report(movement_for(province), province.farmers)

    response = api_for(personas.unit_clerk).post(_evidence_url(report), {"evidence": pdf()})

    assert response.status_code == 400
    assert response.json() == {"evidence": [gettext("The file is larger than 20 MB.")]}


# --- pledges ---------------------------------------------------------------------------------

def _pledge_file(group):
    return f"/api/v1/groups/{group.pk}/pledge/file/"


def _signed_pledge(province):
    return save_pledge(province.bloc, actor=None, text="Giao ước", signed_on=dt.date(2024, 2, 20),
                       signatories=[{"unit": province.farmers, "representative": "Lê Văn An"}])


def test_pledge_file_upload_keeps_the_pledge_and_logs(province, personas, api_for):
    _signed_pledge(province)

    response = api_for(personas.group_leader).post(_pledge_file(province.bloc),
                                                   {"file": pdf("giao-uoc.pdf")})

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["has_file"], body["text"], body["signed_on"]) == (True, "Giao ước", "2024-02-20")
    assert [row["representative"] for row in body["signatories"]] == ["Lê Văn An"]
    assert Pledge.objects.get().file.name.endswith(".pdf")
    assert len(_actions(province.bloc, "pledge.saved")) == 2


def test_pledge_file_before_the_pledge_is_404(province, personas, api_for):
    response = api_for(personas.group_leader).post(_pledge_file(province.bloc), {"file": pdf()})

    assert response.status_code == 404
    assert not Pledge.objects.exists()


def test_pledge_file_upload_by_a_clerk_is_403(province, personas, api_for):
    _signed_pledge(province)

    response = api_for(personas.unit_clerk).post(_pledge_file(province.bloc), {"file": pdf()})

    assert response.status_code == 403
    assert not Pledge.objects.get().file


def test_pledge_file_refuses_what_is_not_a_document(province, personas, api_for):
    _signed_pledge(province)

    response = api_for(personas.group_leader).post(_pledge_file(province.bloc),
                                                   {"file": _exe("giao-uoc.pdf")})

    assert response.status_code == 400
    assert response.json() == {"file": [gettext(DOCUMENT_REFUSED)]}


# --- score evidence --------------------------------------------------------------------------

@pytest.fixture
def world(province, personas):
    return three_unit_bloc(province, personas)


def _score_evidence(client, scoring_round, kind, scorer, subject, criterion, upload):
    return client.post(f"/api/v1/scoring-rounds/{scoring_round.pk}/evidence/", {
        "pass": kind, "scorer": scorer.pk, "subject": subject.pk, "criterion": criterion.pk,
        "evidence": upload})


def _self_scored(world):
    scoring_round = start(world)
    fill_sheet(pass_of(scoring_round, PassKind.SELF), world.farmers, world.farmers,
               Decimal("3.5"))
    return scoring_round


def test_score_evidence_upload_keeps_the_points_and_logs(world, api_for):
    scoring_round = _self_scored(world)
    criterion = world.criteria[1]

    response = _score_evidence(api_for(world.farmers_clerk), scoring_round, "self",
                               world.farmers, world.farmers, criterion, _xlsx())

    assert response.status_code == 200, response.content
    assert (response.json()["points"], response.json()["has_evidence"]) == ("3.50", True)
    score = Score.objects.get(scorer=world.farmers, criterion=criterion)
    assert score.evidence.name.endswith(".xlsx")
    latest = _actions(pass_of(scoring_round, PassKind.SELF), "scoring.scores_recorded")[0]
    assert list(latest.data["changes"][str(criterion.pk)]) == ["evidence"]


def test_score_evidence_before_the_score_is_refused(world, api_for):
    scoring_round = start(world)

    response = _score_evidence(api_for(world.farmers_clerk), scoring_round, "self",
                               world.farmers, world.farmers, world.criteria[0], pdf())

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [
        gettext("Enter the score before attaching its evidence.")]}
    assert not Score.objects.exists()


def test_score_evidence_for_another_units_score_is_refused(world, api_for):
    scoring_round = _self_scored(world)

    response = _score_evidence(api_for(world.women_clerk), scoring_round, "self",
                               world.farmers, world.farmers, world.criteria[0], pdf())

    assert response.status_code == 400
    assert response.json() == {"non_field_errors": [
        gettext("You may not enter scores for %(unit)s.") % {"unit": world.farmers}]}
    assert not Score.objects.filter(evidence__gt="").exists()


def test_score_evidence_over_a_hidden_peer_value_is_refused(world, api_for):
    scoring_round = start(world)
    fill_pass(pass_of(scoring_round, PassKind.SELF))
    advance_round(scoring_round, actor=None)
    fill_sheet(pass_of(scoring_round, PassKind.PEER), world.women, world.farmers)

    response = _score_evidence(api_for(world.leader), scoring_round, "peer", world.women,
                               world.farmers, world.criteria[0], pdf())

    assert response.status_code == 400
    assert response.json() == {"points": [gettext(
        "The unit has already entered this score; only the unit can change it while the pass "
        "is open.")]}
    assert not Score.objects.filter(evidence__gt="").exists()


def test_score_evidence_by_a_viewer_is_403(world, personas, api_for):
    scoring_round = _self_scored(world)

    response = _score_evidence(api_for(personas.viewer), scoring_round, "self", world.farmers,
                               world.farmers, world.criteria[0], pdf())

    assert response.status_code == 403


def test_score_evidence_of_an_invisible_round_is_404(world, province, api_for):
    group = create_group(actor=None, kind=GroupKind.CLUSTER, year=2024, code="CUM-PN",
                         name="Cụm Phụ nữ", members=[province.women_sub],
                         organiser=province.women, leader=province.women_sub)
    template = ScoringTemplateFactory(group=group)
    criterion = CriterionFactory(template=template, code="1", max_points=Decimal(10))
    other = open_round(template, actor=None, period="year_end")

    response = _score_evidence(api_for(world.farmers_clerk), other, "self", province.women_sub,
                               province.women_sub, criterion, pdf())

    assert response.status_code == 404


@pytest.mark.parametrize("upload", [_text_as_pdf, _exe])
def test_score_evidence_refuses_what_is_not_evidence(world, api_for, upload):
    scoring_round = _self_scored(world)

    response = _score_evidence(api_for(world.farmers_clerk), scoring_round, "self",
                               world.farmers, world.farmers, world.criteria[0], upload())

    assert response.status_code == 400
    assert response.json() == {"evidence": [gettext(
        "The evidence must be a PDF, an image (PNG, JPEG), a DOCX or an XLSX file.")]}


def test_score_evidence_refuses_an_oversize_file(world, api_for, monkeypatch):
    monkeypatch.setattr("vinhdanh.scoring.services.scores.EVIDENCE_MAX_BYTES", 10)
    scoring_round = _self_scored(world)

    response = _score_evidence(api_for(world.farmers_clerk), scoring_round, "self",
                               world.farmers, world.farmers, world.criteria[0], pdf())

    assert response.status_code == 400
    assert response.json() == {"evidence": [gettext("The evidence file is larger than 10 MB.")]}


# --- review minutes --------------------------------------------------------------------------

def _minutes_url(group):
    return f"/api/v1/reviews/{group.pk}/minutes/"


def _review(province):
    return record_review(province.bloc, actor=None, held_on=HELD_ON, venue="Hội trường tỉnh",
                         participants=[province.farmers, province.women])


def test_review_minutes_upload_keeps_the_review_and_logs(province, personas, api_for):
    review = _review(province)

    response = api_for(personas.group_leader).post(_minutes_url(province.bloc),
                                                   {"minutes": pdf("bien-ban.pdf")})

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["has_minutes"], body["venue"], body["held_on"]) == (
        True, "Hội trường tỉnh", HELD_ON.isoformat())
    assert sorted(body["participants"]) == sorted([province.farmers.pk, province.women.pk])
    assert YearEndReview.objects.get().minutes.name.endswith(".pdf")
    assert len(_actions(review, "scoring.review_updated")) == 1


def test_review_minutes_before_the_review_is_404(province, personas, api_for):
    response = api_for(personas.group_leader).post(_minutes_url(province.bloc),
                                                   {"minutes": pdf()})

    assert response.status_code == 404


def test_review_minutes_upload_by_a_clerk_is_403(province, personas, api_for):
    _review(province)

    response = api_for(personas.unit_clerk).post(_minutes_url(province.bloc), {"minutes": pdf()})

    assert response.status_code == 403
    assert not YearEndReview.objects.get().minutes


def test_review_minutes_refuse_what_is_not_a_document(province, personas, api_for):
    _review(province)

    response = api_for(personas.group_leader).post(_minutes_url(province.bloc),
                                                   {"minutes": _exe("bien-ban.pdf")})

    assert response.status_code == 400
    assert response.json() == {"minutes": [gettext(
        "The minutes must be a PDF, a DOCX or a scanned image (PNG, JPEG).")]}


def test_review_minutes_refuse_an_oversize_file(province, personas, api_for, monkeypatch):
    monkeypatch.setattr("vinhdanh.scoring.services.reviews.MINUTES_MAX_BYTES", 10)
    _review(province)

    response = api_for(personas.group_leader).post(_minutes_url(province.bloc),
                                                   {"minutes": pdf()})

    assert response.status_code == 400
    assert response.json() == {"minutes": [gettext("The minutes file is larger than 20 MB.")]}
