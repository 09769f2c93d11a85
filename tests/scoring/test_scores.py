import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.translation import gettext

from tests.scoring.factories import CriterionFactory
from tests.scoring.workflow_support import fill_pass, pass_of, rows, start, three_unit_bloc
from vinhdanh.core.audit import history_of
from vinhdanh.core.errors import DomainError
from vinhdanh.scoring.models import ScoringPass
from vinhdanh.scoring.services.passes import advance_round
from vinhdanh.scoring.services.scores import record_score, record_sheet


@pytest.fixture
def world(province, personas):
    return three_unit_bloc(province, personas)


@pytest.fixture
def self_pass(world):
    return pass_of(start(world), "self")


@pytest.fixture
def peer_pass(world):
    scoring_round = start(world)
    advance_round(scoring_round, actor=None, missing_reason="Thử")
    return pass_of(scoring_round, "peer")


@pytest.fixture
def leader_pass(world):
    scoring_round = start(world)
    fill_pass(pass_of(scoring_round, "self"), points=Decimal(4))
    advance_round(scoring_round, actor=None)
    advance_round(scoring_round, actor=None, missing_reason="Thử")
    return pass_of(scoring_round, "leader")


def _self(world, scoring_pass, actor=None, **kwargs):
    kwargs.setdefault("criterion", world.criteria[0])
    return record_score(scoring_pass, actor=actor, scorer=world.farmers, subject=world.farmers,
                        **kwargs)


def _refusal(call) -> dict | list:
    with pytest.raises(DomainError) as error:
        call()
    return error.value.message_dict if hasattr(error.value, "error_dict") else error.value.messages


def test_record_score_stores_points_with_two_decimals(world, self_pass):
    score = _self(world, self_pass, actor=world.farmers_clerk, points="7,5")

    score.refresh_from_db()
    assert (score.points, score.kind, score.entered_by) == (Decimal("7.50"), "self",
                                                             world.farmers_clerk)


def test_record_score_with_three_decimals_is_refused(world, self_pass):
    message = gettext("Enter a number with at most two decimals.")

    assert _refusal(lambda: _self(world, self_pass, points="7.125")) == {"points": [message]}


@pytest.mark.parametrize("points", ["10.01", "-1"])
def test_record_score_outside_the_range_is_refused(world, self_pass, points):
    message = gettext("The points must be between 0 and %(max)s.") % {"max": Decimal("10.00")}

    assert _refusal(lambda: _self(world, self_pass, points=points)) == {"points": [message]}


def test_record_score_of_a_section_is_refused(world, self_pass):
    refusal = _refusal(lambda: _self(world, self_pass, criterion=world.section, points=1))

    assert refusal == {"criterion": [
        gettext("Choose a criterion of this template; sections are not scored.")]}


def test_record_score_of_another_templates_criterion_is_refused(world, self_pass):
    stranger = CriterionFactory()

    refusal = _refusal(lambda: _self(world, self_pass, criterion=stranger, points=1))

    assert list(refusal) == ["criterion"]


def test_self_score_of_another_unit_is_refused(world, self_pass):
    refusal = _refusal(lambda: record_score(self_pass, actor=None, scorer=world.farmers,
                                            subject=world.women, criterion=world.criteria[0],
                                            points=1))

    assert refusal == [gettext("In the self-scoring pass a unit scores only itself.")]


def test_peer_score_of_oneself_is_refused(world, peer_pass):
    refusal = _refusal(lambda: _self(world, peer_pass, points=1))

    assert refusal == [gettext("A unit never scores itself in the peer pass.")]


def test_score_by_a_unit_outside_the_group_is_refused(world, province, self_pass):
    refusal = _refusal(lambda: record_score(
        self_pass, actor=None, scorer=province.farmers_sub, subject=province.farmers_sub,
        criterion=world.criteria[0], points=1))

    assert refusal == [gettext("Both units must be members of the group.")]


def test_clerk_entering_for_another_unit_is_refused(world, peer_pass):
    refusal = _refusal(lambda: record_score(
        peer_pass, actor=world.farmers_clerk, scorer=world.women, subject=world.veterans,
        criterion=world.criteria[0], points=1))

    assert refusal == [gettext("You may not enter scores for %(unit)s.") % {"unit": world.women}]


def test_abstention_without_reason_is_refused(world, peer_pass):
    refusal = _refusal(lambda: record_score(
        peer_pass, actor=None, scorer=world.women, subject=world.farmers,
        criterion=world.criteria[0], abstained=True))

    assert refusal == {"reason": [gettext("Say why the unit abstains.")]}


def test_abstention_with_points_is_refused(world, peer_pass):
    refusal = _refusal(lambda: record_score(
        peer_pass, actor=None, scorer=world.women, subject=world.farmers,
        criterion=world.criteria[0], abstained=True, points=3, reason="Không rõ"))

    assert refusal == {"points": [gettext("An abstention has no points.")]}


def test_abstention_in_the_self_pass_is_refused(world, self_pass):
    refusal = _refusal(lambda: _self(world, self_pass, abstained=True, reason="Không rõ"))

    assert refusal == {"abstained": [gettext("Only a peer score can be abstained from.")]}


def test_abstention_with_reason_is_recorded(world, peer_pass):
    score = record_score(peer_pass, actor=world.women_clerk, scorer=world.women,
                         subject=world.farmers, criterion=world.criteria[0], abstained=True,
                         reason="Không nắm được kết quả")

    assert (score.abstained, score.points, score.reason) == (True, None, "Không nắm được kết quả")


def test_leader_change_without_reason_is_refused(world, leader_pass):
    refusal = _refusal(lambda: record_score(
        leader_pass, actor=world.leader, scorer=world.farmers, subject=world.women,
        criterion=world.criteria[0], points=2))

    assert refusal == {"reason": [gettext("Give a reason for changing the unit's self-score.")]}


def test_leader_change_with_reason_is_recorded(world, leader_pass):
    score = record_score(leader_pass, actor=world.leader, scorer=world.farmers,
                         subject=world.women, criterion=world.criteria[0], points=2,
                         reason="Chưa đạt chỉ tiêu")

    assert (score.points, score.reason, score.entered_by) == (Decimal(2), "Chưa đạt chỉ tiêu",
                                                               world.leader)


def test_leader_value_resent_without_reason_keeps_its_reason(world, leader_pass):
    record_score(leader_pass, actor=world.leader, scorer=world.farmers, subject=world.women,
                 criterion=world.criteria[0], points=2, reason="Chưa đạt chỉ tiêu")

    score = record_score(leader_pass, actor=world.leader, scorer=world.farmers,
                         subject=world.women, criterion=world.criteria[0], points="2.00",
                         note="Nhập lại")

    assert (score.reason, score.note) == ("Chưa đạt chỉ tiêu", "Nhập lại")


def test_leader_pass_entered_by_a_clerk_is_refused(world, leader_pass):
    refusal = _refusal(lambda: record_score(
        leader_pass, actor=world.farmers_clerk, scorer=world.farmers, subject=world.women,
        criterion=world.criteria[0], points=4))

    assert refusal == [gettext("You may not enter scores for %(unit)s.") % {"unit": world.farmers}]


def test_leader_pass_scored_by_another_unit_is_refused(world, leader_pass):
    refusal = _refusal(lambda: record_score(
        leader_pass, actor=None, scorer=world.women, subject=world.women,
        criterion=world.criteria[0], points=4))

    assert refusal == [gettext("Only the group's leader unit consolidates the scores.")]


def test_score_in_a_closed_pass_is_refused(world, peer_pass):
    self_pass = pass_of(peer_pass.round, "self")

    refusal = _refusal(lambda: _self(world, self_pass, points=1))

    assert refusal == [gettext("This scoring pass is not open.")]


def _past_deadline(scoring_pass):
    ScoringPass.objects.filter(pk=scoring_pass.pk).update(
        deadline=timezone.localdate() - dt.timedelta(days=1))
    scoring_pass.refresh_from_db()


def test_clerk_after_the_deadline_is_refused(world, self_pass):
    _past_deadline(self_pass)

    refusal = _refusal(lambda: _self(world, self_pass, actor=world.farmers_clerk, points=1))

    assert refusal == [gettext("The deadline of this pass has passed; ask the group leader to "
                               "enter the scores.")]


def test_score_on_the_deadline_day_is_accepted(world, self_pass):
    ScoringPass.objects.filter(pk=self_pass.pk).update(deadline=timezone.localdate())
    self_pass.refresh_from_db()

    assert _self(world, self_pass, actor=world.farmers_clerk, points=1).points == 1


def test_board_officer_after_the_deadline_is_accepted_and_logged_late(world, self_pass):
    _past_deadline(self_pass)

    _self(world, self_pass, actor=world.officer, points=1)

    assert history_of(self_pass).get().data["late"] is True


def _upload(name, content):
    return SimpleUploadedFile(name, content)


def _xlsx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


@pytest.mark.parametrize("name,content", [
    ("minh-chung.pdf", b"%PDF-1.7\n..."),
    ("anh.jpg", b"\xff\xd8\xff\xe0 jpeg"),
    ("bang.xlsx", _xlsx_bytes()),
])
def test_evidence_of_an_accepted_kind_is_stored(world, self_pass, name, content):
    score = _self(world, self_pass, criterion=world.criteria[1], points=15,
                  evidence=_upload(name, content))

    assert score.evidence.name.startswith("scoring-evidence/")


@pytest.mark.parametrize("name,content", [
    ("gia.pdf", b"<html>not a pdf</html>"),
    ("nen.zip", _xlsx_bytes().replace(b"xl/workbook.xml", b"xl/other000.xml")),
])
def test_evidence_judged_by_content_is_refused(world, self_pass, name, content):
    refusal = _refusal(lambda: _self(world, self_pass, points=1, evidence=_upload(name, content)))

    assert refusal == {"evidence": [gettext(
        "The evidence must be a PDF, an image (PNG, JPEG), a DOCX or an XLSX file.")]}


def test_evidence_larger_than_the_limit_is_refused(world, self_pass):
    big = _upload("lon.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))

    refusal = _refusal(lambda: _self(world, self_pass, points=1, evidence=big))

    assert refusal == {"evidence": [gettext("The evidence file is larger than 10 MB.")]}


def test_record_sheet_writes_every_row_and_logs_once(world, self_pass):
    scores = record_sheet(self_pass, actor=world.farmers_clerk, scorer=world.farmers,
                          subject=world.farmers, rows=rows(world.criteria, Decimal(3)))

    [entry] = history_of(self_pass)
    assert len(scores) == 4
    assert (entry.actor, entry.data["scorer"], entry.data["subject"]) == (
        world.farmers_clerk, world.farmers.pk, world.farmers.pk)
    assert entry.data["changes"][str(world.criteria[0].pk)] == {"points": [None, "3.00"]}
    assert world.farmers.name in entry.message and "1, 2, 3, 4" in entry.message


def test_record_sheet_logs_only_the_changed_criteria(world, self_pass):
    record_sheet(self_pass, actor=None, scorer=world.farmers, subject=world.farmers,
                 rows=rows(world.criteria, Decimal(3)))
    changed = rows(world.criteria, Decimal(3))
    changed[2]["points"] = Decimal(1)

    record_sheet(self_pass, actor=None, scorer=world.farmers, subject=world.farmers,
                 rows=changed)

    latest = history_of(self_pass).order_by("-pk").first()
    assert latest.data["changes"] == {str(world.criteria[2].pk): {"points": ["3.00", "1.00"]}}


def test_record_sheet_unchanged_writes_no_log(world, self_pass):
    record_sheet(self_pass, actor=None, scorer=world.farmers, subject=world.farmers,
                 rows=rows(world.criteria, Decimal(3)))

    record_sheet(self_pass, actor=None, scorer=world.farmers, subject=world.farmers,
                 rows=rows(world.criteria, Decimal(3)))

    assert history_of(self_pass).count() == 1


def test_record_sheet_with_a_bad_row_writes_nothing(world, self_pass):
    sheet = rows(world.criteria, Decimal(3))
    sheet[3]["points"] = Decimal(6)

    refusal = _refusal(lambda: record_sheet(self_pass, actor=None, scorer=world.farmers,
                                            subject=world.farmers, rows=sheet))

    message = gettext("The points must be between 0 and %(max)s.") % {"max": Decimal("5.00")}
    assert refusal == [f"{world.criteria[3]}: {message}"]
    assert not self_pass.scores.exists()


def test_record_sheet_blank_row_clears_a_score(world, self_pass):
    record_sheet(self_pass, actor=None, scorer=world.farmers, subject=world.farmers,
                 rows=rows(world.criteria, Decimal(3)))

    record_sheet(self_pass, actor=None, scorer=world.farmers, subject=world.farmers,
                 rows=[dict(criterion=world.criteria[0].pk, points="")])

    assert self_pass.scores.get(criterion=world.criteria[0]).points is None
