"""Public comment on the staff side: publishing candidates in appraisal (workspace:notice-
create), the list of notices, and moderating and answering comments on one notice."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from tests.nominations.support import clerk_for, in_appraisal, submitted
from tests.workspace.ui_support import count_queries, html
from vinhdanh.nominations.enums import CommentState
from vinhdanh.nominations.enums import NominationState as S
from vinhdanh.nominations.models import Nomination, PublicComment, PublicNotice
from vinhdanh.nominations.services import comments

CREATE = reverse("workspace:notice-create")
LIST = reverse("workspace:notice-list")
STATE_HONOUR = "bang_khen_thu_tuong"  # the pack asks 7 days of comment (unconfirmed)
JUSTIFICATION = "Đơn vị đề nghị xét theo thành tích đặc biệt."


@pytest.fixture
def national(province, personas):
    """A farmers' dossier for a State honour, with the board."""
    return in_appraisal(province, personas.unit_clerk, personas.board_officer,
                        honor_code=STATE_HONOUR, justification=JUSTIFICATION)


@pytest.fixture
def provincial(province, personas):
    return in_appraisal(province, clerk_for(province.women, "women-clerk"),
                        personas.board_officer)


def _notice(officer, *nominations, days=7):
    return comments.publish_notice(list(nominations), actor=officer, title="Lấy ý kiến",
                                   days=days)


def _comment(notice, nomination, name="Nguyễn Thị Hoa"):
    return comments.submit_comment(notice, nomination, name=name, contact="0912345678",
                                   text="Tôi đồng ý với đề nghị.", address="203.0.113.7")


def test_the_form_offers_the_longest_window_the_pack_asks(personas, client_for, national,
                                                          provincial):
    response = client_for(personas.board_officer).get(
        CREATE, {"nominations": f"{national.pk},{provincial.pk}"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form["days"].value() == 7
    assert {n.pk for n in form.initial["nominations"]} == {national.pk, provincial.pk}
    assert 'data-needed-days="7"' in html(response)
    assert gettext("UNCONFIRMED") in html(response)


def test_the_inbox_s_selection_preselects_candidates(personas, client_for, national,
                                                     provincial):
    response = client_for(personas.board_officer).get(CREATE, {"selected": [provincial.pk]})
    assert [n.pk for n in response.context["form"].initial["nominations"]] == [provincial.pk]
    # Bằng khen tỉnh needs no public comment; a window still lasts one day at least.
    assert response.context["form"]["days"].value() == 1


def test_publishing_moves_the_candidates_to_public_comment(personas, client_for, national,
                                                           provincial):
    response = client_for(personas.board_officer).post(CREATE, {
        "title": "Lấy ý kiến nhân dân đợt 1", "intro": "", "days": 10,
        "nominations": [national.pk, provincial.pk]})
    notice = PublicNotice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:notice-detail", args=[notice.pk])
    assert set(Nomination.objects.values_list("state", flat=True)) == {S.PUBLIC_COMMENT}
    assert (notice.closes_on - notice.opens_on).days == 9


def test_publishing_refuses_fewer_days_than_the_pack_needs(personas, client_for, national):
    response = client_for(personas.board_officer).post(CREATE, {
        "title": "Lấy ý kiến", "days": 3, "nominations": [national.pk]})
    assert response.status_code == 200
    assert response.context["form"].errors["days"] == [
        gettext("The rule pack asks for at least %(days)s days.") % {"days": 7}]
    assert Nomination.objects.get(pk=national.pk).state == S.APPRAISAL
    assert not PublicNotice.objects.exists()


def test_only_dossiers_in_appraisal_can_be_chosen(province, personas, client_for, national):
    waiting = submitted(province, personas.unit_clerk)
    response = client_for(personas.board_officer).post(CREATE, {
        "title": "Lấy ý kiến", "days": 7, "nominations": [national.pk, waiting.pk]})
    assert "nominations" in response.context["form"].errors
    assert Nomination.objects.get(pk=national.pk).state == S.APPRAISAL


def test_notice_pages_are_the_board_s(personas, client_for, national):
    notice = _notice(personas.board_officer, national)
    detail = reverse("workspace:notice-detail", args=[notice.pk])
    for user in (personas.unit_clerk, personas.group_leader, personas.viewer):
        client = client_for(user)
        assert [client.get(url).status_code for url in (LIST, CREATE, detail)] == [403] * 3


def test_notice_list_shows_status_and_what_awaits(personas, client_for, national, provincial):
    notice = _notice(personas.board_officer, national, provincial)
    _comment(notice, national)
    accepted = _comment(notice, provincial, name="Lê Văn Nam")
    comments.moderate(accepted, actor=personas.board_officer, accept=True)
    response = client_for(personas.board_officer).get(LIST)
    [row] = response.context["page"].object_list
    assert (row.open, row.candidate_count, row.pending_count, row.unanswered_count) == (
        True, 2, 1, 1)
    assert 'data-pending="1"' in html(response)


def test_notice_list_has_no_n_plus_one(province, personas, client_for, national):
    client = client_for(personas.board_officer)
    _notice(personas.board_officer, national)
    one = count_queries(client, LIST)
    for _ in range(2):
        other = in_appraisal(province, personas.unit_clerk, personas.board_officer)
        _comment(_notice(personas.board_officer, other), other)
    assert count_queries(client, LIST) == one


def test_notice_detail_shows_candidates_comments_and_the_public_address(
        personas, client_for, national):
    notice = _notice(personas.board_officer, national)
    comment = _comment(notice, national)
    response = client_for(personas.board_officer).get(
        reverse("workspace:notice-detail", args=[notice.pk]))
    page = html(response)
    assert f"/cong-khai/y-kien/{notice.public_id}/" in page
    assert str(national.candidate) in page
    assert comment.text in page
    assert reverse("workspace:comment-moderate", args=[comment.pk]) in page


def test_accepting_then_answering_settles_a_comment(personas, client_for, national):
    notice = _notice(personas.board_officer, national)
    comment = _comment(notice, national)
    client = client_for(personas.board_officer)
    response = client.post(reverse("workspace:comment-moderate", args=[comment.pk]),
                           {"accept": "1"})
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    comment.refresh_from_db()
    assert comment.state == CommentState.ACCEPTED
    client.post(reverse("workspace:comment-answer", args=[comment.pk]),
                {"text": "Cảm ơn ý kiến của bà."})
    comment.refresh_from_db()
    assert (comment.answer, comment.answered_by) == ("Cảm ơn ý kiến của bà.",
                                                     personas.board_officer)
    page = html(client.get(reverse("workspace:notice-detail", args=[notice.pk])))
    assert "Cảm ơn ý kiến của bà." in page
    assert reverse("workspace:comment-answer", args=[comment.pk]) not in page


def test_a_rejected_comment_gets_no_answer(personas, client_for, national):
    notice = _notice(personas.board_officer, national)
    comment = _comment(notice, national)
    client = client_for(personas.board_officer)
    client.post(reverse("workspace:comment-moderate", args=[comment.pk]), {"accept": "0"})
    response = client.post(reverse("workspace:comment-answer", args=[comment.pk]),
                           {"text": "Trả lời"}, follow=True)
    comment.refresh_from_db()
    assert (comment.state, comment.answer) == (CommentState.REJECTED, "")
    assert gettext("A rejected comment is not answered.") in [
        str(m) for m in response.context["messages"]]


def test_an_empty_answer_is_refused(personas, client_for, national):
    comment = _comment(_notice(personas.board_officer, national), national)
    response = client_for(personas.board_officer).post(
        reverse("workspace:comment-answer", args=[comment.pk]), {"text": "  "}, follow=True)
    assert PublicComment.objects.get(pk=comment.pk).answered_at is None
    assert gettext("Write the answer.") in [str(m) for m in response.context["messages"]]


def test_moderation_is_a_post(personas, client_for, national):
    comment = _comment(_notice(personas.board_officer, national), national)
    client = client_for(personas.board_officer)
    assert client.get(reverse("workspace:comment-moderate", args=[comment.pk])
                      ).status_code == 405
    assert client_for(personas.unit_clerk).post(
        reverse("workspace:comment-moderate", args=[comment.pk]), {"accept": "1"}
    ).status_code == 403
