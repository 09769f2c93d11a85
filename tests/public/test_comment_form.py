"""A citizen's comment on a published candidate, sent from the notice's page."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.public.support import published_notice
from tests.public.test_notices import close, detail_url
from vinhdanh.nominations.enums import CommentState
from vinhdanh.nominations.models import PublicComment
from vinhdanh.nominations.services import comments

ADDRESS = "203.0.113.7"


@pytest.fixture
def notice(province, personas):
    return published_notice(province, personas)


def post(client, notice, nomination, address=ADDRESS, **fields):
    data = {"nomination": nomination.pk, "name": "Nguyễn Thị Mai", "contact": "0912000111",
            "text": "Tôi xác nhận chị là người có nhiều đóng góp cho địa phương.", **fields}
    return client.post(detail_url(notice), data, REMOTE_ADDR=address)


def test_comment_is_stored_pending_with_a_hashed_address(client, notice):
    nomination = notice.nominations.first()

    response = post(client, notice, nomination)

    assert response.status_code == 302
    assert response["Location"] == f"{detail_url(notice)}?da-gui=1#gop-y"
    comment = PublicComment.objects.get()
    assert (comment.notice, comment.nomination) == (notice, nomination)
    assert (comment.name, comment.contact) == ("Nguyễn Thị Mai", "0912000111")
    assert comment.state == CommentState.PENDING
    assert comment.client_key == comments.client_key(ADDRESS)
    assert ADDRESS not in comment.client_key


def test_after_sending_the_page_thanks_the_visitor(client, notice):
    post(client, notice, notice.nominations.first())

    response = client.get(f"{detail_url(notice)}?da-gui=1")

    assert response.context["sent"] is True
    assert 'class="pub-alert pub-alert--ok"' in response.content.decode()


def test_comment_needs_the_csrf_token(notice):
    browser = Client(enforce_csrf_checks=True)

    response = post(browser, notice, notice.nominations.first())

    assert response.status_code == 403
    assert not PublicComment.objects.exists()


def test_comment_with_the_page_token_is_accepted(notice):
    browser = Client(enforce_csrf_checks=True)
    token = browser.get(detail_url(notice)).context["csrf_token"]

    response = post(browser, notice, notice.nominations.first(), csrfmiddlewaretoken=token)

    assert response.status_code == 302
    assert PublicComment.objects.count() == 1


def test_closed_notice_has_no_form(province, personas, client):
    notice = close(published_notice(province, personas), days_ago=1)

    response = client.get(detail_url(notice))

    assert response.context["form"] is None
    assert '<form method="post"' not in response.content.decode()


def test_closed_notice_refuses_a_comment(province, personas, client):
    notice = close(published_notice(province, personas), days_ago=1)

    response = post(client, notice, notice.nominations.first())

    assert response.status_code == 403
    assert response.context["closed_error"]
    assert not PublicComment.objects.exists()


def test_filled_honeypot_pretends_success_and_stores_nothing(client, notice):
    response = post(client, notice, notice.nominations.first(), website="http://spam.example")

    assert response.status_code == 302
    assert response["Location"] == f"{detail_url(notice)}?da-gui=1#gop-y"
    assert not PublicComment.objects.exists()


def test_sixth_comment_within_an_hour_is_refused(client, notice):
    nomination = notice.nominations.first()
    for _ in range(comments.COMMENTS_PER_HOUR):
        assert post(client, notice, nomination).status_code == 302
        cache.clear()  # past the short throttle; the hourly limit is the rule under test

    response = post(client, notice, nomination)

    assert response.status_code == 200
    assert "Quá nhiều ý kiến" in response.content.decode()
    assert PublicComment.objects.count() == comments.COMMENTS_PER_HOUR


def test_another_address_is_not_limited_by_the_first(client, notice):
    nomination = notice.nominations.first()
    for _ in range(comments.COMMENTS_PER_HOUR):
        post(client, notice, nomination)
        cache.clear()

    assert post(client, notice, nomination, address="203.0.113.8").status_code == 302


def test_quick_second_comment_is_throttled_before_the_database(client, notice):
    nomination = notice.nominations.first()
    post(client, notice, nomination)

    with CaptureQueriesContext(connection) as queries:
        response = post(client, notice, nomination)

    assert response.status_code == 200
    assert not [q for q in queries if "client_key" in q["sql"]]
    assert response.context["form"].non_field_errors()
    assert PublicComment.objects.count() == 1


def test_candidate_of_another_notice_is_refused(province, personas, client, notice):
    other = published_notice(province, personas, candidates=province.women_people,
                             proposer=province.women, title="Danh sách khác")

    response = post(client, notice, other.nominations.first())

    assert response.status_code == 200
    assert response.context["form"].errors["nomination"]
    assert not PublicComment.objects.exists()


def test_missing_fields_are_shown_next_to_the_form(client, notice):
    response = post(client, notice, notice.nominations.first(), name="  ", contact="")

    form = response.context["form"]
    assert set(form.errors) == {"name", "contact"}
    assert 'class="pub-field pub-field--error"' in response.content.decode()
    assert not PublicComment.objects.exists()


def test_comment_pages_need_no_login(client, notice):
    for url in (reverse("public:notice-list"), detail_url(notice)):
        assert client.get(url).status_code == 200
