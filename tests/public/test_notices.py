"""The public pages of notices: open to anyone, showing only what the law publishes."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import PersonFactory
from tests.public.support import published_notice
from vinhdanh.nominations.models import PublicComment, PublicNotice
from vinhdanh.nominations.services import comments, workflow
from vinhdanh.organisations.models import Household

LIST_URL = reverse("public:notice-list")


def detail_url(notice):
    return reverse("public:notice-detail", args=[notice.public_id])


def close(notice, *, days_ago):
    """Moves ``notice``'s window into the past: it closed ``days_ago`` days ago."""
    closes_on = timezone.localdate() - dt.timedelta(days=days_ago)
    PublicNotice.objects.filter(pk=notice.pk).update(
        opens_on=closes_on - dt.timedelta(days=6), closes_on=closes_on)
    notice.refresh_from_db()
    return notice


@pytest.fixture
def farmer(province):
    """A candidate whose private data must never reach the public site."""
    return PersonFactory(unit=province.farmers, full_name="Đỗ Thị Hồng Nhung",
                         position="Phó Chủ tịch", date_of_birth=dt.date(1984, 7, 19))


def badges(html):
    for part in html.split('pub-badge pub-badge--')[1:]:
        yield part.split('"', 1)[0]


def test_notice_list_is_open_to_anonymous_visitors(province, personas, client):
    notice = published_notice(province, personas, title="Lấy ý kiến Bằng khen năm 2025")

    response = client.get(LIST_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert notice.title in html
    assert detail_url(notice) in html
    assert f"{notice.opens_on:%d/%m/%Y}" in html and f"{notice.closes_on:%d/%m/%Y}" in html


def test_notice_list_shows_recent_notices_newest_first(province, personas, client):
    older = close(published_notice(province, personas, title="Danh sách đã kết thúc",
                                   candidates=[province.farmer_people[0]]), days_ago=30)
    stale = close(published_notice(province, personas, title="Danh sách quá cũ",
                                   candidates=[province.farmer_people[1]]), days_ago=91)
    current = published_notice(province, personas, title="Danh sách đang mở",
                               candidates=province.women_people, proposer=province.women)

    html = client.get(LIST_URL).content.decode()

    assert html.index(current.title) < html.index(older.title)
    assert stale.title not in html
    assert list(badges(html)) == ["open", "closed"]


def test_notice_list_counts_candidates(province, personas, client):
    published_notice(province, personas)

    response = client.get(LIST_URL)

    assert [n.candidate_count for n in response.context["notices"]] == [2]


def test_notice_list_answers_head_requests(province, personas, client):
    published_notice(province, personas)

    assert client.head(LIST_URL).status_code == 200


def test_candidate_no_longer_proposed_is_not_shown(province, personas, client, farmer):
    notice = published_notice(province, personas, candidates=[farmer, province.farmer_people[0]])
    workflow.reject(notice.nominations.get(person=farmer), actor=personas.board_officer,
                    reason="Không đủ tiêu chuẩn.")

    detail = client.get(detail_url(notice))
    listing = client.get(LIST_URL)

    assert "Đỗ Thị Hồng Nhung" not in detail.content.decode()
    assert [c.name for c in detail.context["candidates"]] == [province.farmer_people[0].full_name]
    assert [n.candidate_count for n in listing.context["notices"]] == [1]


def test_notice_list_is_cacheable_by_everyone(province, personas, client):
    published_notice(province, personas)

    response = client.get(LIST_URL)

    assert response["Cache-Control"] == "public, max-age=60"
    assert "Set-Cookie" not in response.headers
    assert "Cookie" not in response.get("Vary", "")


def test_notice_page_shows_the_candidate_and_the_honour(province, personas, client, farmer):
    notice = published_notice(province, personas, candidates=[farmer],
                              summary="Vận động 120 hộ nông dân sản xuất giỏi.")

    response = client.get(detail_url(notice))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Đỗ Thị Hồng Nhung" in html
    assert "Phó Chủ tịch, Hội Nông dân tỉnh" in html
    assert "Bằng khen của Chủ tịch UBND tỉnh" in html
    assert "Vận động 120 hộ nông dân sản xuất giỏi." in html


def test_notice_page_hides_private_and_internal_data(province, personas, client, farmer):
    notice = published_notice(province, personas, candidates=[farmer])
    nomination = notice.nominations.get()

    html = client.get(detail_url(notice)).content.decode()

    assert farmer.citizen_id and farmer.citizen_id not in html
    assert "19/07/1984" not in html and "1984-07-19" not in html
    assert nomination.justification and nomination.justification not in html
    assert nomination.verdict_lines[0]["article"] not in html
    assert nomination.verdict_lines[0]["label"] not in html


def test_notice_page_shows_answers_with_initials_only(province, personas, client, farmer):
    notice = published_notice(province, personas, candidates=[farmer])
    nomination = notice.nominations.get()
    answered = comments.submit_comment(notice, nomination, name="Nguyễn Văn An",
                                       contact="0912345678", text="Đề nghị xem lại số liệu.",
                                       address="198.51.100.1")
    comments.answer(answered, actor=personas.board_officer, text="Số liệu đã được xác minh.")
    comments.submit_comment(notice, nomination, name="Lê Thị Cúc", contact="cuc@example.vn",
                            text="Ý kiến chưa duyệt.", address="198.51.100.2")

    html = client.get(detail_url(notice)).content.decode()

    assert "N.V.A." in html
    assert "Đề nghị xem lại số liệu." in html and "Số liệu đã được xác minh." in html
    assert "Nguyễn Văn An" not in html and "0912345678" not in html
    assert "Ý kiến chưa duyệt." not in html and "cuc@example.vn" not in html


def test_notice_page_shows_collectives_and_households(province, personas, client):
    village = province.farmers_sub
    household = Household.objects.create(head_name="Hoàng Văn Thắng", unit=village,
                                         address="Số 17, xóm Đồi Thông")
    notice = published_notice(province, personas, candidates=[village, household])

    html = client.get(detail_url(notice)).content.decode()

    assert '<h3 class="pub-candidate__name">Văn phòng Hội Nông dân</h3>' in html
    assert '<h3 class="pub-candidate__name">Hoàng Văn Thắng</h3>' in html
    assert '<p class="pub-candidate__detail">Văn phòng Hội Nông dân</p>' in html
    assert "xóm Đồi Thông" not in html


def test_notice_page_of_a_notice_closed_long_ago_is_gone(province, personas, client):
    notice = close(published_notice(province, personas), days_ago=91)

    assert client.get(detail_url(notice)).status_code == 404


def test_open_notice_page_is_cached_privately(province, personas, client):
    notice = published_notice(province, personas)

    response = client.get(detail_url(notice))

    # It carries a CSRF token bound to this browser's cookie: no shared cache may keep it.
    assert response["Cache-Control"] == "private, max-age=60"
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_closed_notice_page_is_cacheable_by_everyone(province, personas, client):
    notice = close(published_notice(province, personas), days_ago=3)

    response = client.get(detail_url(notice))

    assert response["Cache-Control"] == "public, max-age=60"
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "Set-Cookie" not in response.headers


def test_notice_page_has_sharing_tags(province, personas, client):
    notice = published_notice(province, personas, title="Lấy ý kiến CSTĐ cơ sở")

    html = client.get(detail_url(notice)).content.decode()

    assert "<title>Lấy ý kiến CSTĐ cơ sở · " in html
    assert '<meta property="og:title" content="Lấy ý kiến CSTĐ cơ sở">' in html
    assert f'<meta property="og:url" content="http://testserver{detail_url(notice)}">' in html
    assert '<meta name="description" content="' in html


def test_notice_list_queries_do_not_grow_with_notices(province, personas, client,
                                                      django_assert_max_num_queries):
    for index, person in enumerate([*province.farmer_people, *province.women_people]):
        published_notice(province, personas, candidates=[person], proposer=person.unit,
                         title=f"Danh sách {index}")

    with django_assert_max_num_queries(1):
        response = client.get(LIST_URL)

    assert len(response.context["notices"]) == 4


def test_notice_page_queries_do_not_grow_with_candidates(province, personas, client,
                                                         django_assert_max_num_queries):
    people = [*province.farmer_people, *PersonFactory.create_batch(2, unit=province.farmers_sub)]
    notice = published_notice(province, personas, candidates=people)
    for person in people:
        nomination = notice.nominations.get(person=person)
        comment = comments.submit_comment(notice, nomination, name="Trần Văn Ba",
                                          contact="0900000000", text="Đồng ý.",
                                          address=f"198.51.100.{person.pk}")
        comments.answer(comment, actor=personas.board_officer, text="Cảm ơn.")

    with django_assert_max_num_queries(3):
        response = client.get(detail_url(notice))

    assert len(response.context["candidates"]) == 4
    assert PublicComment.objects.count() == 4
