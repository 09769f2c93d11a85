"""The journey of a dossier (services/workflow.py): each transition's sources and target,
its readable log message, its steps with working-day deadlines, the version check, the
guards (reasons, justification, documents, simplified procedure, group route, public
comment) and the re-run of the verdict when the candidate's history changes.

The dates are fixed (``now=``): Monday 3 March 2025 and the days after it.
"""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from tests.factories import PersonFactory
from tests.honors.factories import DisciplineFactory, give
from tests.nominations.support import (
    at,
    attach_required,
    clerk_for,
    dossier,
    in_appraisal,
    pdf,
    submitted,
)
from vinhdanh.core.audit import history_of
from vinhdanh.core.errors import DomainError
from vinhdanh.core.workdays import add_working_days, working_days_between
from vinhdanh.honors.models import RuleSetting
from vinhdanh.nominations.enums import FINAL_STATES, NominationState
from vinhdanh.nominations.models import (
    Nomination,
    NominationBatch,
    NominationStep,
    PublicNotice,
)
from vinhdanh.nominations.services import batches, comments, documents, workflow

S = NominationState
MONDAY = dt.date(2025, 3, 3)
REASON = "Thiếu biên bản họp xét"
CSTDTQ = "chien_si_thi_dua_toan_quoc"  # a State title: 7 days of public comment


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def clerk(personas):
    return personas.unit_clerk


@pytest.fixture
def officer(personas):
    return personas.board_officer


def day(n: int) -> dt.datetime:
    """9:00 on the n-th calendar day after Monday 3 March 2025."""
    return at(MONDAY + dt.timedelta(days=n))


def snapshot(nomination) -> tuple:
    row = Nomination.objects.get(pk=nomination.pk)
    return row.state, row.version, row.steps.count(), history_of(row).count()


def messages(nomination) -> list[str]:
    return [row.message for row in history_of(nomination).filter(
        action__startswith="nomination.").order_by("created_at", "id")]


def steps(nomination) -> list[NominationStep]:
    return list(workflow.journey(nomination))


# -- submit and receive: steps, deadlines, log -------------------------------------------

def test_submit_opens_the_receipt_step_with_its_working_day_limit(province, clerk):
    nomination = dossier(province, clerk)
    assert (nomination.state, nomination.version, nomination.steps.count()) == (S.DRAFT, 1, 0)

    workflow.submit(nomination, actor=clerk, now=day(0))

    assert (nomination.state, nomination.version) == (S.SUBMITTED, 2)
    [step] = steps(nomination)
    assert (step.state, step.action, step.actor, step.left_at) == (S.SUBMITTED, "submit",
                                                                   clerk, None)
    assert (step.limit_days, step.due_on) == (3, add_working_days(MONDAY, 3))
    assert step.due_on == dt.date(2025, 3, 6)
    assert nomination.due_on == step.due_on
    assert nomination.submitted_at == day(0)
    assert NominationBatch.objects.get(pk=nomination.batch_id).submitted_at == day(0)
    assert nomination.verdict and nomination.verdict_at is not None
    assert messages(nomination)[-1] == "Hội Nông dân tỉnh submitted the dossier"


def test_receive_closes_the_receipt_step_and_starts_the_board_appraisal(province, clerk,
                                                                        officer):
    nomination = submitted(province, clerk, now=day(0))

    workflow.receive(nomination, actor=officer, now=day(3))  # Thursday

    assert (nomination.state, nomination.version) == (S.APPRAISAL, 3)
    assert nomination.received_on == MONDAY + dt.timedelta(days=3)
    receipt, appraisal = steps(nomination)
    assert (receipt.left_at, receipt.working_days, receipt.on_time) == (day(3), 3, True)
    assert (appraisal.state, appraisal.left_at, appraisal.limit_days) == (S.APPRAISAL, None, 25)
    assert appraisal.due_on == add_working_days(dt.date(2025, 3, 6), 25)
    assert appraisal.due_on == dt.date(2025, 4, 10)
    assert nomination.due_on == appraisal.due_on
    assert messages(nomination)[-1] == "The commendation board received the dossier"


def test_a_late_receipt_is_recorded_as_late(province, clerk, officer):
    nomination = submitted(province, clerk, now=day(0))
    workflow.receive(nomination, actor=officer, now=day(8))  # the next Tuesday
    receipt = steps(nomination)[0]
    assert receipt.working_days == working_days_between(MONDAY, MONDAY + dt.timedelta(days=8))
    assert (receipt.working_days, receipt.on_time) == (6, False)


def test_grassroots_titles_have_their_own_appraisal_limit(province, clerk, officer):
    nomination = in_appraisal(province, clerk, officer, honor_code="lao_dong_tien_tien",
                              now=day(0), justification="Đề nghị xem xét")
    assert steps(nomination)[-1].limit_days == 10


# -- every transition: where it may start and where it leads ----------------------------

CALLS = {
    "submit": lambda n: workflow.submit(n, actor=None, justification="Đề nghị xét",
                                        now=day(20)),
    "receive": lambda n: workflow.receive(n, actor=None, now=day(20)),
    "start_group_review": lambda n: workflow.start_group_review(n, actor=None, now=day(20)),
    "forward": lambda n: workflow.forward(n, actor=None, now=day(20)),
    "pass_to_council": lambda n: workflow.pass_to_council(n, actor=None, now=day(20)),
    "return": lambda n: workflow.return_nomination(n, actor=None, reason=REASON, now=day(20)),
    "reject": lambda n: workflow.reject(n, actor=None, reason=REASON, now=day(20)),
    "withdraw": lambda n: workflow.withdraw(n, actor=None, reason=REASON, now=day(20)),
}
GROUP_ROUTE = {"start_group_review", "forward"}


def _placed_in(province, clerk, action, state):
    """A dossier of the right route forced into ``state`` (the transitions are checked one
    by one here; the machine test walks the real paths)."""
    group = province.bloc if action in GROUP_ROUTE else None
    nomination = dossier(province, clerk, group=group)
    Nomination.objects.filter(pk=nomination.pk).update(state=state)
    nomination.refresh_from_db()
    if state == S.PUBLIC_COMMENT:  # a window that has closed
        notice = PublicNotice.objects.create(
            title="Danh sách lấy ý kiến", opens_on=MONDAY, closes_on=MONDAY)
        notice.nominations.add(nomination)
    return nomination


@pytest.mark.parametrize("action", sorted(CALLS))
@pytest.mark.parametrize("state", S.values)
def test_each_transition_starts_only_from_its_sources(province, clerk, action, state):
    transition = workflow.TRANSITIONS[action]
    nomination = _placed_in(province, clerk, action, state)
    before = snapshot(nomination)

    if state in transition.sources:
        CALLS[action](nomination)
        assert (nomination.state, nomination.version) == (transition.target, 2)
        assert steps(nomination)[-1].state == transition.target
    else:
        with pytest.raises(DomainError, match="it cannot be"):
            CALLS[action](nomination)
        assert snapshot(nomination) == before


def test_final_states_allow_nothing(province, clerk, personas):
    nomination = _placed_in(province, clerk, "withdraw", S.DRAFT)
    for state in FINAL_STATES:
        Nomination.objects.filter(pk=nomination.pk).update(state=state)
        nomination.refresh_from_db()
        for user in vars(personas).values():
            assert workflow.allowed_actions(nomination, user) == []


# -- reasons ------------------------------------------------------------------------------

def test_return_needs_a_reason_and_the_log_tells_it(province, clerk, officer):
    nomination = in_appraisal(province, clerk, officer, now=day(0))
    before = snapshot(nomination)
    for blank in ("", "   "):
        with pytest.raises(DomainError) as refused:
            workflow.return_nomination(nomination, actor=officer, reason=blank, now=day(1))
        assert refused.value.message_dict == {"reason": ["Give the reason."]}
    assert snapshot(nomination) == before

    workflow.return_nomination(nomination, actor=officer, reason=f"  {REASON} ", now=day(1))

    assert nomination.state == S.RETURNED
    returned = steps(nomination)[-1]
    assert (returned.reason, returned.actor, returned.limit_days) == (REASON, officer, 10)
    assert messages(nomination)[-1] == f"The commendation board returned the dossier: {REASON}"


@pytest.mark.parametrize("action", ["reject", "withdraw"])
def test_reject_and_withdraw_need_a_reason(province, clerk, officer, action):
    nomination = in_appraisal(province, clerk, officer, now=day(0))
    before = snapshot(nomination)
    call = workflow.reject if action == "reject" else workflow.withdraw
    with pytest.raises(DomainError, match="Give the reason"):
        call(nomination, actor=officer, reason="")
    assert snapshot(nomination) == before
    call(nomination, actor=officer, reason=REASON, now=day(2))
    assert nomination.state == workflow.TRANSITIONS[action].target
    assert REASON in messages(nomination)[-1]


def test_the_unit_withdraws_in_its_own_name(province, clerk, officer):
    nomination = in_appraisal(province, clerk, officer, now=day(0))
    workflow.withdraw(nomination, actor=clerk, reason="Cá nhân xin rút", now=day(1))
    assert messages(nomination)[-1] == "Hội Nông dân tỉnh withdrew the dossier: Cá nhân xin rút"


def test_the_board_withdraws_in_its_own_name(province, clerk, officer):
    # The board's officers may prepare for any unit, but a withdrawal by the board is the
    # board's: the log must not name the unit.
    nomination = in_appraisal(province, clerk, officer, now=day(0))
    workflow.withdraw(nomination, actor=officer, reason="Trùng hồ sơ", now=day(1))
    assert messages(nomination)[-1] == "The commendation board withdrew the dossier: Trùng hồ sơ"


def test_a_withdrawn_dossier_stays_visible_to_the_board_with_its_journey(province, clerk,
                                                                         officer):
    nomination = in_appraisal(province, clerk, officer, now=day(0))
    workflow.withdraw(nomination, actor=clerk, reason="Cá nhân xin rút", now=day(1))

    assert Nomination.objects.visible_to(officer).filter(pk=nomination.pk).exists()
    assert Nomination.objects.visible_to(clerk).filter(pk=nomination.pk).exists()
    assert NominationBatch.objects.visible_to(officer).filter(pk=nomination.batch_id).exists()
    assert [s.state for s in steps(nomination)] == [S.SUBMITTED, S.APPRAISAL, S.WITHDRAWN]
    assert workflow.allowed_actions(nomination, officer) == []
    with pytest.raises(DomainError, match="it cannot be received"):
        workflow.receive(nomination, actor=officer)


# -- the version a page showed -----------------------------------------------------------

def test_a_stale_version_is_refused_with_who_moved_the_dossier(province, clerk, officer):
    nomination = submitted(province, clerk, now=day(0))
    shown = nomination.version
    workflow.receive(nomination, actor=officer, expected_version=shown, now=day(1))
    before = snapshot(nomination)

    with pytest.raises(DomainError) as refused:
        workflow.return_nomination(nomination, actor=officer, reason=REASON,
                                   expected_version=shown)

    message = refused.value.messages[0]
    assert "changed this dossier" in message
    assert officer.full_name and message.startswith(f"{officer.full_name} changed this dossier")
    assert "it is now “Board appraisal”" in message
    assert "04/03/2025" in message
    assert snapshot(nomination) == before


def test_the_current_version_is_accepted(province, clerk, officer):
    nomination = submitted(province, clerk, now=day(0))
    workflow.receive(nomination, actor=officer, expected_version=nomination.version)
    assert (nomination.state, nomination.version) == (S.APPRAISAL, 3)


def test_version_grows_by_one_per_transition(province, clerk, officer):
    nomination = dossier(province, clerk)
    workflow.submit(nomination, actor=clerk, now=day(0))
    workflow.receive(nomination, actor=officer, now=day(1))
    workflow.return_nomination(nomination, actor=officer, reason=REASON, now=day(2))
    workflow.submit(nomination, actor=clerk, now=day(3))
    workflow.receive(nomination, actor=officer, now=day(4))
    workflow.pass_to_council(nomination, actor=officer, now=day(7))
    assert (nomination.state, nomination.version) == (S.READY, 7)
    assert nomination.steps.count() == 6


# -- one open step, chronological, kept on resubmission ----------------------------------

def test_resubmission_after_a_return_keeps_the_earlier_steps(province, clerk, officer):
    nomination = in_appraisal(province, clerk, officer, now=day(0))
    workflow.return_nomination(nomination, actor=officer, reason=REASON, now=day(2))
    documents.attach(nomination.batch, "achievement_report", pdf("bao-cao-sua.pdf"),
                     actor=clerk, nomination=nomination)
    workflow.submit(nomination, actor=clerk, now=day(7))

    journey = steps(nomination)
    assert [(s.state, s.action) for s in journey] == [
        (S.SUBMITTED, "submit"), (S.APPRAISAL, "receive"), (S.RETURNED, "return"),
        (S.SUBMITTED, "submit")]
    assert [s.left_at is None for s in journey] == [False, False, False, True]
    assert all(a.left_at == b.entered_at for a, b in zip(journey, journey[1:], strict=False))
    assert all(s.working_days is not None for s in journey[:-1])
    assert journey[2].working_days == 3  # returned Wednesday, resubmitted next Monday
    assert nomination.submitted_at == day(0)  # the first submission is kept
    assert messages(nomination)[-1] == "Hội Nông dân tỉnh submitted the dossier"


def test_a_returned_dossier_can_change_again(province, clerk, officer):
    nomination = in_appraisal(province, clerk, officer, now=day(0))
    with pytest.raises(DomainError):
        batches.update_nomination(nomination, {"summary": "Sửa"}, actor=clerk)
    workflow.return_nomination(nomination, actor=officer, reason=REASON, now=day(1))
    batches.update_nomination(nomination, {"summary": "Bổ sung thành tích"}, actor=clerk)
    assert Nomination.objects.get(pk=nomination.pk).summary == "Bổ sung thành tích"


# -- guards of the submission -------------------------------------------------------------

def test_a_candidate_found_not_eligible_needs_a_justification(province, clerk):
    person = PersonFactory(unit=province.farmers)
    DisciplineFactory(person=person, starts_on=dt.date(2025, 1, 1),
                      ends_on=dt.date(2025, 12, 31))
    nomination = dossier(province, clerk, candidate=person)
    before = snapshot(nomination)

    with pytest.raises(DomainError) as refused:
        workflow.submit(nomination, actor=clerk, now=day(0))

    assert list(refused.value.message_dict) == ["justification"]
    assert "is not eligible for" in refused.value.message_dict["justification"][0]
    assert snapshot(nomination) == before
    assert Nomination.objects.get(pk=nomination.pk).justification == ""

    workflow.submit(nomination, actor=clerk, justification=" Kỷ luật đã được xóa ", now=day(0))
    assert nomination.state == S.SUBMITTED
    assert (nomination.verdict, nomination.justification) == ("not_eligible",
                                                              "Kỷ luật đã được xóa")


def test_a_candidate_already_honoured_for_the_year_is_not_eligible(province, clerk):
    person = PersonFactory(unit=province.farmers)
    give(person, "bang_khen_tinh", 2025)
    nomination = dossier(province, clerk, candidate=person)
    with pytest.raises(DomainError, match="explain in writing"):
        workflow.submit(nomination, actor=clerk, now=day(0))
    assert Nomination.objects.get(pk=nomination.pk).state == S.DRAFT


def test_an_incomplete_dossier_is_refused_with_what_it_lacks(province, clerk):
    nomination = dossier(province, clerk, documents_attached=False)
    before = snapshot(nomination)
    with pytest.raises(DomainError) as refused:
        workflow.submit(nomination, actor=clerk, now=day(0))
    assert refused.value.messages == [
        f"The dossier of {nomination.candidate} lacks: Submission letter, Minutes of the "
        "review meeting, Achievement report."]
    assert snapshot(nomination) == before

    documents.attach(nomination.batch, "submission_letter", pdf(), actor=clerk)
    with pytest.raises(DomainError, match=r"lacks: Minutes of the review meeting, "
                                          r"Achievement report\."):
        workflow.submit(nomination, actor=clerk, now=day(0))

    attach_required(nomination.batch, nomination, clerk)
    workflow.submit(nomination, actor=clerk, now=day(0))
    assert nomination.state == S.SUBMITTED


def test_a_cstd_title_needs_the_proof_of_an_initiative(province, clerk):
    nomination = dossier(province, clerk, honor_code=CSTDTQ, documents_attached=False)
    documents.attach(nomination.batch, "submission_letter", pdf(), actor=clerk)
    documents.attach(nomination.batch, "review_minutes", pdf(), actor=clerk)
    documents.attach(nomination.batch, "achievement_report", pdf(), actor=clerk,
                     nomination=nomination)
    with pytest.raises(DomainError, match="lacks: Proof of an initiative"):
        workflow.submit(nomination, actor=clerk, justification="x", now=day(0))


def test_the_simplified_procedure_is_refused_for_a_year_end_batch(province, clerk):
    with pytest.raises(DomainError, match="simplified procedure is not allowed"):
        dossier(province, clerk, procedure="simplified", commendation_type="annual")
    # A batch changed behind the services' back is still refused at submission.
    nomination = dossier(province, clerk, procedure="simplified",
                         commendation_type="ad_hoc")
    assert sorted(nomination.batch.documents.values_list("kind", flat=True)) == [
        "brief_report", "submission_letter"]
    NominationBatch.objects.filter(pk=nomination.batch_id).update(commendation_type="annual")
    nomination.refresh_from_db()
    before = snapshot(nomination)
    with pytest.raises(DomainError, match="simplified procedure is not allowed .* "
                                          "“Annual \\(year-end\\)” batch"):
        workflow.submit(nomination, actor=clerk, now=day(0))
    assert snapshot(nomination) == before


def test_the_simplified_procedure_is_accepted_for_an_ad_hoc_award(province, clerk):
    nomination = dossier(province, clerk, procedure="simplified", commendation_type="ad_hoc")
    workflow.submit(nomination, actor=clerk, justification="Thành tích đột xuất", now=day(0))
    assert nomination.state == S.SUBMITTED


def test_submit_batch_is_all_or_none(province, clerk):
    nomination = dossier(province, clerk)
    incomplete = batches.add_candidate(nomination.batch, PersonFactory(unit=province.farmers),
                                       nomination.honor, actor=clerk)
    with pytest.raises(DomainError, match="lacks: Achievement report"):
        workflow.submit_batch(nomination.batch, actor=clerk, now=day(0))
    assert set(nomination.batch.nominations.values_list("state", flat=True)) == {S.DRAFT}
    assert not NominationStep.objects.filter(nomination__batch=nomination.batch).exists()

    documents.attach(nomination.batch, "achievement_report", pdf(), actor=clerk,
                     nomination=incomplete)
    moved = workflow.submit_batch(nomination.batch, actor=clerk, now=day(0))
    assert [n.state for n in moved] == [S.SUBMITTED, S.SUBMITTED]


# -- a group's proposal -------------------------------------------------------------------

def test_a_group_batch_goes_through_the_group_review(province, clerk, personas, officer):
    leader = personas.group_leader
    nomination = submitted(province, clerk, group=province.bloc, now=day(0))

    assert "receive" not in workflow.allowed_actions(nomination, officer)
    with pytest.raises(DomainError, match="it cannot be received now"):
        workflow.receive(nomination, actor=officer, now=day(1))
    with pytest.raises(DomainError, match="No dossier of this batch can be received now"):
        workflow.act_on_batch(nomination.batch, "receive", actor=officer)
    assert workflow.allowed_actions(nomination, leader) == ["start_group_review", "return"]

    workflow.start_group_review(nomination, actor=leader, now=day(1))
    review = steps(nomination)[-1]
    assert (nomination.state, review.limit_days) == (S.GROUP_REVIEW, 10)
    assert nomination.received_on is None
    workflow.forward(nomination, actor=leader, now=day(3))

    assert (nomination.state, nomination.version) == (S.APPRAISAL, 4)
    assert nomination.received_on == dt.date(2025, 3, 6)
    assert steps(nomination)[-1].limit_days == 25
    bloc = province.bloc.name
    assert messages(nomination)[-3:] == [
        "Hội Nông dân tỉnh submitted the dossier",
        f"{bloc} started the group review",
        f"{bloc} forwarded the dossier to the commendation board"]
    # The group leader's part is over: the board appraises.
    assert workflow.allowed_actions(nomination, leader) == []
    with pytest.raises(PermissionDenied):
        workflow.pass_to_council(nomination, actor=leader, now=day(4))


def test_the_group_leader_returns_a_proposal_in_the_group_s_name(province, clerk, personas):
    nomination = submitted(province, clerk, group=province.bloc, now=day(0))
    workflow.start_group_review(nomination, actor=personas.group_leader, now=day(1))
    workflow.return_nomination(nomination, actor=personas.group_leader, reason=REASON,
                               now=day(2))
    assert messages(nomination)[-1] == (f"{province.bloc.name} returned the dossier: {REASON}")


def test_a_unit_batch_has_no_group_review(province, clerk, officer):
    nomination = submitted(province, clerk, now=day(0))
    for call in (workflow.start_group_review, workflow.forward):
        with pytest.raises(DomainError, match="it cannot be"):
            call(nomination, actor=officer)


def test_act_on_batch_moves_every_dossier_waiting_for_that_action(province, clerk, officer):
    nomination = dossier(province, clerk)
    second = batches.add_candidate(nomination.batch, PersonFactory(unit=province.farmers),
                                   nomination.honor, actor=clerk)
    attach_required(nomination.batch, second, clerk)
    workflow.submit_batch(nomination.batch, actor=clerk, now=day(0))
    moved = workflow.act_on_batch(nomination.batch, "receive", actor=officer, now=day(1))
    assert [n.state for n in moved] == [S.APPRAISAL, S.APPRAISAL]
    with pytest.raises(DomainError, match="No dossier of this batch can be received now"):
        workflow.act_on_batch(nomination.batch, "receive", actor=officer, now=day(1))


# -- public comment -----------------------------------------------------------------------

def test_an_honour_without_public_comment_passes_straight_to_the_council(province, clerk,
                                                                         officer):
    nomination = in_appraisal(province, clerk, officer, now=day(0))
    workflow.pass_to_council(nomination, actor=officer, now=day(1))
    ready = steps(nomination)[-1]
    assert (nomination.state, ready.limit_days) == (S.READY, 20)
    assert messages(nomination)[-1] == "The commendation board passed the dossier to the council"


def test_a_state_honour_cannot_pass_without_a_notice(province, clerk, officer):
    nomination = in_appraisal(province, clerk, officer, honor_code=CSTDTQ,
                              justification="Thành tích xuất sắc", now=day(0))
    before = snapshot(nomination)
    with pytest.raises(DomainError, match="needs 7 days of public comment: publish"):
        workflow.pass_to_council(nomination, actor=officer, now=day(30))
    assert snapshot(nomination) == before


def test_a_province_setting_asks_public_comment_for_its_own_award(province, clerk, officer):
    for pack in ("law2022-nd98", "law2022-nd152", "law2026-qh16"):
        RuleSetting.objects.create(pack_code=pack, key="dossier.public_comment.bang_khen_tinh",
                                   value=5)
    nomination = in_appraisal(province, clerk, officer, now=day(0))
    with pytest.raises(DomainError, match="needs 5 days of public comment"):
        workflow.pass_to_council(nomination, actor=officer, now=day(1))
    with pytest.raises(DomainError, match="at least 5 days"):
        comments.publish_notice([nomination], actor=officer, title="Lấy ý kiến", days=3,
                                now=day(1))
    notice = comments.publish_notice([nomination], actor=officer, title="Lấy ý kiến",
                                     now=day(1))
    assert (notice.opens_on, notice.closes_on) == (dt.date(2025, 3, 4), dt.date(2025, 3, 8))


def _published(province, clerk, officer, *, days=7):
    nomination = in_appraisal(province, clerk, officer, honor_code=CSTDTQ,
                              justification="Thành tích xuất sắc", now=day(0))
    notice = comments.publish_notice([nomination], actor=officer, title="Lấy ý kiến nhân dân",
                                     days=days, now=day(1))
    nomination.refresh_from_db()
    return nomination, notice


def test_publishing_opens_a_window_that_the_dossier_is_due_on(province, clerk, officer):
    nomination, notice = _published(province, clerk, officer)
    assert (notice.opens_on, notice.closes_on) == (dt.date(2025, 3, 4), dt.date(2025, 3, 10))
    step = steps(nomination)[-1]
    # Due on the first working day after the window, when the dossier may move on.
    assert (nomination.state, step.due_on, step.limit_days) == (
        S.PUBLIC_COMMENT, add_working_days(notice.closes_on, 1), None)
    assert nomination.due_on == step.due_on == dt.date(2025, 3, 11)
    assert messages(nomination)[-1] == ("The commendation board published the candidate for "
                                        "public comment")


def test_the_dossier_passes_only_after_the_window_has_closed(province, clerk, officer):
    nomination, notice = _published(province, clerk, officer)
    before = snapshot(nomination)
    for n in (1, 4, 7):  # opening day, middle, last day (10/03)
        with pytest.raises(DomainError, match="runs until 10/03/2025"):
            workflow.pass_to_council(nomination, actor=officer, now=day(n))
    assert snapshot(nomination) == before
    workflow.pass_to_council(nomination, actor=officer, now=day(8))
    assert nomination.state == S.READY
    assert notice.closes_on < timezone.localdate(steps(nomination)[-1].entered_at)


def test_a_longer_window_than_the_pack_asks_is_kept(province, clerk, officer):
    nomination, notice = _published(province, clerk, officer, days=10)
    with pytest.raises(DomainError, match="runs until 13/03/2025"):
        workflow.pass_to_council(nomination, actor=officer, now=day(9))
    workflow.pass_to_council(nomination, actor=officer, now=day(11))


def _comment(notice, nomination, n=0):
    return comments.submit_comment(notice, nomination, name="Nguyễn Văn Dân",
                                   contact="0912345678", text="Tôi đồng ý với đề nghị này.",
                                   address=f"203.0.113.{n}", now=day(2))


def test_a_pending_comment_holds_the_dossier_until_it_is_answered(province, clerk, officer):
    nomination, notice = _published(province, clerk, officer)
    comment = _comment(notice, nomination)
    with pytest.raises(DomainError, match="1 public comments on this candidate still need"):
        workflow.pass_to_council(nomination, actor=officer, now=day(8))

    comments.moderate(comment, actor=officer, accept=True)
    with pytest.raises(DomainError, match="still need moderation or an answer"):
        workflow.pass_to_council(nomination, actor=officer, now=day(8))
    assert Nomination.objects.get(pk=nomination.pk).state == S.PUBLIC_COMMENT

    comments.answer(comment, actor=officer, text="Cảm ơn ý kiến của ông.")
    workflow.pass_to_council(nomination, actor=officer, now=day(8))
    assert nomination.state == S.READY


def test_a_rejected_comment_needs_no_answer(province, clerk, officer):
    nomination, notice = _published(province, clerk, officer)
    comments.moderate(_comment(notice, nomination), actor=officer, accept=False)
    workflow.pass_to_council(nomination, actor=officer, now=day(8))
    assert nomination.state == S.READY


def test_a_comment_after_the_window_is_refused(province, clerk, officer):
    nomination, notice = _published(province, clerk, officer)
    with pytest.raises(DomainError, match="closed"):
        comments.submit_comment(notice, nomination, name="A", contact="a@example.vn",
                                text="Muộn", address="203.0.113.9", now=day(8))


def test_a_dossier_returned_during_public_comment_can_be_published_again(province, clerk,
                                                                         officer):
    nomination, first = _published(province, clerk, officer)
    workflow.return_nomination(nomination, actor=officer, reason=REASON, now=day(3))
    workflow.submit(nomination, actor=clerk, now=day(4))
    workflow.receive(nomination, actor=officer, now=day(5))
    # The first window has closed by day 8, but a second one is open.
    second = comments.publish_notice([nomination], actor=officer, title="Lần 2", days=7,
                                     now=day(6))
    with pytest.raises(DomainError, match=f"runs until {second.closes_on:%d/%m/%Y}"):
        workflow.pass_to_council(nomination, actor=officer, now=day(9))
    workflow.pass_to_council(nomination, actor=officer, now=day(13))
    assert nomination.state == S.READY
    assert first.closes_on < second.closes_on


# -- the verdict follows the candidate's history -----------------------------------------

def test_a_new_honour_in_the_history_reruns_the_verdict(province, clerk,
                                                        django_capture_on_commit_callbacks):
    nomination = submitted(province, clerk, now=day(0))
    assert (nomination.verdict, nomination.verdict_stale) == ("missing", False)
    evaluated_at = nomination.verdict_at

    with django_capture_on_commit_callbacks() as callbacks:
        give(nomination.person, "bang_khen_tinh", 2025)
    nomination.refresh_from_db()
    assert (nomination.verdict, nomination.verdict_stale) == ("missing", True)
    assert len(callbacks) == 1

    for callback in callbacks:
        callback()
    nomination.refresh_from_db()
    assert (nomination.verdict, nomination.verdict_stale) == ("not_eligible", False)
    assert nomination.verdict_at > evaluated_at


def test_a_discipline_period_reruns_the_verdict(province, clerk,
                                                django_capture_on_commit_callbacks):
    nomination = submitted(province, clerk, now=day(0))
    with django_capture_on_commit_callbacks(execute=True):
        DisciplineFactory(person=nomination.person, starts_on=dt.date(2025, 1, 1),
                          ends_on=dt.date(2025, 12, 31))
    nomination.refresh_from_db()
    assert (nomination.verdict, nomination.verdict_stale) == ("not_eligible", False)
    assert any(line["outcome"] == "fail" for line in nomination.verdict_lines)


def test_history_of_someone_else_leaves_the_verdict_alone(province, clerk,
                                                          django_capture_on_commit_callbacks):
    nomination = submitted(province, clerk, now=day(0))
    other = clerk_for(province.women, "clerk.women")
    theirs = submitted(province, other, now=day(0))
    with django_capture_on_commit_callbacks(execute=True):
        give(theirs.person, "bang_khen_tinh", 2025)
    assert Nomination.objects.get(pk=nomination.pk).verdict == "missing"
    assert Nomination.objects.get(pk=theirs.pk).verdict == "not_eligible"


def test_a_closed_dossier_keeps_its_verdict(province, clerk, officer,
                                            django_capture_on_commit_callbacks):
    nomination = in_appraisal(province, clerk, officer, now=day(0))
    workflow.reject(nomination, actor=officer, reason=REASON, now=day(1))
    with django_capture_on_commit_callbacks(execute=True):
        give(nomination.person, "bang_khen_tinh", 2025)
    nomination.refresh_from_db()
    assert (nomination.verdict, nomination.verdict_stale) == ("missing", False)


def test_a_dossier_published_voluntarily_waits_for_its_window_after_a_return(
        province, clerk, officer):
    # Bằng khen tỉnh needs no public comment, but once published, the dossier must not
    # reach the council while people may still comment on it.
    nomination = in_appraisal(province, clerk, officer, now=day(0))
    notice = comments.publish_notice([nomination], actor=officer, title="Lấy ý kiến",
                                     days=10, now=day(1))
    with pytest.raises(DomainError, match="runs until 13/03/2025"):
        workflow.pass_to_council(nomination, actor=officer, now=day(2))
    workflow.return_nomination(nomination, actor=officer, reason=REASON, now=day(2))
    workflow.submit(nomination, actor=clerk, now=day(3))
    workflow.receive(nomination, actor=officer, now=day(3))
    assert comments.is_open(notice, MONDAY + dt.timedelta(days=4))

    with pytest.raises(DomainError, match="runs until 13/03/2025"):
        workflow.pass_to_council(nomination, actor=officer, now=day(4))
    workflow.pass_to_council(nomination, actor=officer, now=day(11))
    assert nomination.state == S.READY
