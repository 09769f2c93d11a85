"""Public comment (services/comments.py): publishing a list, citizens' comments with their
rate limit, moderation and answers, all kept with the dossier's log."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from tests.nominations.support import at, in_appraisal, submitted
from vinhdanh.core.audit import history_of
from vinhdanh.core.errors import DomainError
from vinhdanh.nominations.enums import CommentState, NominationState
from vinhdanh.nominations.models import Nomination, PublicComment, PublicNotice
from vinhdanh.nominations.services import comments

S = NominationState
MONDAY = dt.date(2025, 3, 3)
CSTDTQ = "chien_si_thi_dua_toan_quoc"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def day(n: int, hour: int = 9) -> dt.datetime:
    return at(MONDAY + dt.timedelta(days=n), hour)


@pytest.fixture
def published(province, personas):
    """Two candidates of the Farmers' Union on one list, open 04/03–10/03/2025."""
    clerk, officer = personas.unit_clerk, personas.board_officer
    first = in_appraisal(province, clerk, officer, honor_code=CSTDTQ, justification="Đặc cách",
                         now=day(0))
    second = in_appraisal(province, clerk, officer, now=day(0))
    notice = comments.publish_notice([first, second], actor=officer, title=" Danh sách ",
                                     intro="Mời góp ý", now=day(1))
    return notice, first, second


def comment(notice, nomination, *, address="203.0.113.7", now=None, **fields):
    data = {"name": "Nguyễn Văn Dân", "contact": "0912345678",
            "text": "Ông ấy rất gương mẫu.", **fields}
    return comments.submit_comment(notice, nomination, address=address, now=now or day(2),
                                   **data)


def test_a_list_is_published_for_the_longest_window_its_honours_ask(published, personas):
    notice, first, second = published
    assert (notice.title, notice.intro) == ("Danh sách", "Mời góp ý")
    assert (notice.opens_on, notice.closes_on) == (dt.date(2025, 3, 4), dt.date(2025, 3, 10))
    assert notice.published_by == personas.board_officer
    assert set(notice.nominations.all()) == {first, second}
    assert set(Nomination.objects.filter(pk__in=[first.pk, second.pk])
               .values_list("state", flat=True)) == {S.PUBLIC_COMMENT}
    assert history_of(notice).get().message == ("Published 2 candidates for comment until "
                                                "10/03/2025")


def test_publishing_is_all_or_none(province, personas):
    clerk, officer = personas.unit_clerk, personas.board_officer
    ready = in_appraisal(province, clerk, officer, now=day(0))
    waiting = submitted(province, clerk, now=day(0))
    with pytest.raises(DomainError, match="cannot be published for comment"):
        comments.publish_notice([ready, waiting], actor=officer, title="Danh sách", days=7,
                                now=day(1))
    assert not PublicNotice.objects.exists()
    assert Nomination.objects.get(pk=ready.pk).state == S.APPRAISAL


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"title": "  "}, {"title": ["Give the notice a title."]}),
    ({"days": 0}, {"days": ["The rule pack asks for at least 1 days."]}),
])
def test_publishing_checks_its_fields(province, personas, kwargs, error):
    nomination = in_appraisal(province, personas.unit_clerk, personas.board_officer)
    with pytest.raises(DomainError) as refused:
        comments.publish_notice([nomination], actor=personas.board_officer,
                                **{"title": "Danh sách", "days": 7, **kwargs})
    assert refused.value.message_dict == error
    with pytest.raises(DomainError, match="Choose at least one dossier"):
        comments.publish_notice([], actor=personas.board_officer, title="Danh sách")


def test_a_comment_is_kept_with_a_hash_of_the_address_only(published):
    notice, first, _ = published
    saved = comment(notice, first, name=" Trần Thị Bé ", address="198.51.100.23")
    assert (saved.state, saved.name) == (CommentState.PENDING, "Trần Thị Bé")
    assert saved.client_key == comments.client_key("198.51.100.23")
    assert "198.51.100.23" not in saved.client_key
    assert history_of(first).filter(action="comment.received").get().message == (
        "A public comment was received from Trần Thị Bé")


def test_comments_are_taken_only_while_the_list_is_open(published):
    notice, first, _ = published
    for moment in (day(0), day(8)):  # the day before it opens, the day after it closes
        with pytest.raises(DomainError, match="closed"):
            comment(notice, first, now=moment)
    comment(notice, first, now=day(1, hour=7))  # the opening day
    comment(notice, first, now=day(7, hour=23))  # the last day, late in the evening
    assert first.comments.count() == 2


def test_a_comment_needs_every_field_and_a_listed_candidate(published, province, personas):
    notice, first, _ = published
    with pytest.raises(DomainError) as refused:
        comment(notice, first, name=" ", text="")
    assert set(refused.value.message_dict) == {"name", "text"}
    other = in_appraisal(province, personas.unit_clerk, personas.board_officer)
    with pytest.raises(DomainError, match="not on this list"):
        comment(notice, other)
    assert not PublicComment.objects.exists()


def test_an_address_may_send_five_comments_an_hour(province, personas):
    # Real time here: the comment's submitted_at is stamped by the database clock.
    first = in_appraisal(province, personas.unit_clerk, personas.board_officer)
    second = in_appraisal(province, personas.unit_clerk, personas.board_officer)
    notice = comments.publish_notice([first, second], actor=personas.board_officer,
                                     title="Danh sách", days=7)
    now = timezone.now()
    for n in range(5):
        comments.submit_comment(notice, first if n % 2 else second, name="Dân", contact="09",
                                text=f"Ý kiến {n}", address="203.0.113.7")
    with pytest.raises(DomainError, match="Too many comments"):
        comments.submit_comment(notice, first, name="Dân", contact="09", text="Lần 6",
                                address="203.0.113.7")
    comments.submit_comment(notice, first, name="Dân", contact="09", text="Người khác",
                            address="203.0.113.8")
    # An hour later the address may write again.
    comments.submit_comment(notice, first, name="Dân", contact="09", text="Sau một giờ",
                            address="203.0.113.7", now=now + dt.timedelta(hours=1, minutes=1))
    assert PublicComment.objects.count() == 7


def test_moderation_and_answer_are_logged_on_the_dossier(published, personas):
    notice, first, _ = published
    officer = personas.board_officer
    accepted = comment(notice, first)
    comments.moderate(accepted, actor=officer, accept=True)
    comments.answer(accepted, actor=officer, text=" Cảm ơn ông. ")
    accepted.refresh_from_db()
    assert (accepted.state, accepted.answer, accepted.answered_by) == (
        CommentState.ACCEPTED, "Cảm ơn ông.", officer)
    assert [row.message for row in history_of(first).filter(
        action__startswith="comment.").order_by("id")][1:] == [
        "The commendation board accepted the comment of Nguyễn Văn Dân",
        "The commendation board answered the comment of Nguyễn Văn Dân: Cảm ơn ông."]
    with pytest.raises(DomainError, match="answered already"):
        comments.moderate(accepted, actor=officer, accept=False)


def test_an_answer_accepts_a_pending_comment(published, personas):
    notice, first, _ = published
    pending = comment(notice, first)
    comments.answer(pending, actor=personas.board_officer, text="Đã ghi nhận.")
    pending.refresh_from_db()
    assert (pending.state, pending.moderated_by) == (CommentState.ACCEPTED,
                                                     personas.board_officer)


def test_a_rejected_comment_is_not_answered(published, personas):
    notice, first, _ = published
    spam = comment(notice, first, text="Quảng cáo")
    comments.moderate(spam, actor=personas.board_officer, accept=False)
    with pytest.raises(DomainError, match="rejected comment is not answered"):
        comments.answer(spam, actor=personas.board_officer, text="…")
    with pytest.raises(DomainError, match="Write the answer"):
        comments.answer(comment(notice, first), actor=personas.board_officer, text=" ")


def test_each_candidate_is_held_only_by_its_own_comments(published, personas):
    notice, first, second = published
    comment(notice, first)
    from vinhdanh.nominations.services import workflow

    workflow.pass_to_council(second, actor=personas.board_officer, now=day(8))
    with pytest.raises(DomainError, match="1 public comments"):
        workflow.pass_to_council(first, actor=personas.board_officer, now=day(8))
    assert (Nomination.objects.get(pk=second.pk).state,
            Nomination.objects.get(pk=first.pk).state) == (S.READY, S.PUBLIC_COMMENT)
