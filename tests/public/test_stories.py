"""Exemplary stories on the public site: only published and due stories, no private
fields, the read counter, the cached body, query-count guards, the photos."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import PersonFactory
from tests.stories.support import collective_honour, honour, in_state, jpeg, story
from vinhdanh.organisations.enums import Gender
from vinhdanh.stories.models import ExemplaryStory
from vinhdanh.stories.services import editing, photos, workflow

LIST = reverse("public:story-list")
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def browser(address="198.51.100.7"):
    return Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=address)


@pytest.fixture
def farmer(province):
    return PersonFactory(unit=province.farmers, full_name="Đỗ Thị Hồng Nhung",
                         gender=Gender.FEMALE, date_of_birth=dt.date(1984, 7, 19),
                         citizen_id="037184000321")


@pytest.fixture
def shelf(province, personas, farmer):
    """A published story of the farmers and, of the Women's Union, one story in each other
    state (a leak would show)."""
    board = personas.board_officer
    women = province.women_people
    published = in_state("published", honour(farmer), board=board,
                         title="Trang trại của chị Nhung")
    photos.add_photos(published, actor=None, uploads=[jpeg(60, 40), jpeg(50, 40)])
    return {
        "published": published,
        "draft": in_state("draft", honour(women[0]), board=board, title="Bản nháp bí mật"),
        "review": in_state("review", honour(women[1]), board=board, title="Đang duyệt kín"),
        "archived": in_state("archived", collective_honour(province.women), board=board,
                             title="Đã lưu trữ cũ"),
        "scheduled": in_state("scheduled", honour(women[0], year=2023), board=board,
                              title="Hẹn đăng tuần sau"),
    }


HIDDEN = ("Bản nháp bí mật", "Đang duyệt kín", "Đã lưu trữ cũ", "Hẹn đăng tuần sau")


def test_list_shows_only_published_and_due(shelf):
    html = browser().get(LIST).content.decode()
    assert "Trang trại của chị Nhung" in html
    assert not [title for title in HIDDEN if title in html]


def test_list_search_ignores_diacritics(shelf, province, personas):
    in_state("published", honour(province.farmer_people[0]), board=personas.board_officer,
             title="Hội viên nuôi cá giỏi")
    html = browser().get(LIST, {"q": "TRANG trai"}).content.decode()
    assert "Trang trại của chị Nhung" in html and "nuôi cá" not in html
    # The subject's name is searched too.
    html = browser().get(LIST, {"q": "do thi hong"}).content.decode()
    assert "Trang trại" in html and "nuôi cá" not in html


def test_list_filters_by_unit_and_year(shelf, province, personas):
    other = in_state("published", collective_honour(province.farmers_sub),
                     board=personas.board_officer, title="Văn phòng Hội mẫu mực")
    html = browser().get(LIST, {"don_vi": province.farmers_sub.pk}).content.decode()
    assert other.title in html and "Trang trại" not in html
    year = timezone.localdate().year
    assert "Trang trại" in browser().get(LIST, {"nam": year}).content.decode()


def _published(n, province, board):
    people = PersonFactory.create_batch(n, unit=province.farmers)
    for index, person in enumerate(people):
        made = in_state("published", honour(person), board=board, title=f"Câu chuyện {index}")
        photos.add_photos(made, actor=None, uploads=[jpeg(40, 30)])


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as counted:
        assert client.get(url).status_code == 200
    return len(counted)


def test_list_query_count_does_not_grow(province, personas):
    _published(1, province, personas.board_officer)
    one = _queries(browser(), LIST)
    _published(3, province, personas.board_officer)
    from django.core.cache import cache

    cache.clear()
    assert _queries(browser(), LIST) == one


def test_list_is_cached_and_public(shelf):
    client = browser()
    first = client.get(LIST)
    assert "public" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as counted:
        client.get(LIST)
    assert len(counted) == 0


def test_story_page_shows_story_honours_movements(shelf, farmer):
    story_ = shelf["published"]
    html = browser().get(story_.get_public_url()).content.decode()
    assert "Trang trại của chị Nhung" in html and "Đỗ Thị Hồng Nhung" in html
    assert "Chiến sĩ thi đua cơ sở" in html and "15/QĐ-UBND" in html and "20/01/2025" in html
    assert "<p>Đoạn thứ nhất.</p>" in html and "<p>Đoạn thứ hai.</p>" in html
    assert 'property="og:image"' in html
    assert f'content="{story_.summary}"' in html


def test_story_page_has_no_private_fields(shelf, farmer):
    html = browser().get(shelf["published"].get_public_url()).content.decode()
    assert farmer.citizen_id not in html
    assert "19/07/1984" not in html and "1984-07-19" not in html


@pytest.mark.parametrize("state", ["draft", "review", "archived", "scheduled"])
def test_unpublished_story_pages_and_photos_are_404(shelf, state):
    hidden = shelf[state]
    if state != "archived":  # an archived story's photos cannot change; it has none
        photos.add_photos(hidden, actor=None, uploads=[jpeg(40, 30)])
    client = browser()
    assert client.get(reverse("public:story", args=[hidden.slug])).status_code == 404
    assert client.get(reverse("public:story", args=[str(hidden.public_id)])).status_code == 404
    for photo in hidden.photos.all():
        assert client.get(reverse("public:story-photo", args=[photo.public_id])).status_code \
            == 404


def test_published_photos_are_served(shelf):
    photo = shelf["published"].photos.first()
    response = browser().get(reverse("public:story-thumb", args=[photo.public_id]))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")


def test_story_by_public_id_redirects_to_its_address(shelf):
    story_ = shelf["published"]
    response = browser().get(reverse("public:story", args=[str(story_.public_id)]))
    assert response.status_code == 301 and response["Location"] == story_.get_public_url()


def test_story_page_counts_reads_once_per_visitor(shelf):
    story_ = shelf["published"]
    url = story_.get_public_url()
    browser().get(url)
    browser().get(url)
    browser("198.51.100.8").get(url)
    Client(HTTP_USER_AGENT="Googlebot/2.1").get(url)
    Client().get(url)  # no user agent
    assert ExemplaryStory.objects.get(pk=story_.pk).read_count == 2


def test_story_page_shows_read_count(shelf):
    story_ = shelf["published"]
    ExemplaryStory.objects.filter(pk=story_.pk).update(read_count=41)
    html = Client(HTTP_USER_AGENT="curl/8").get(story_.get_public_url()).content.decode()
    assert 'data-reads="41"' in html


def test_story_page_second_request_served_from_cache(shelf):
    url = shelf["published"].get_public_url()
    with CaptureQueriesContext(connection) as first:
        browser().get(url)
    with CaptureQueriesContext(connection) as second:
        browser("198.51.100.99").get(url)
    reads = [q["sql"] for q in second.captured_queries]
    assert len(second) < len(first)
    assert not any("stories_storyphoto" in sql or "honors_honorrecord" in sql for sql in reads)
    assert any(sql.startswith("INSERT") for sql in reads)  # the read is still counted
    assert ExemplaryStory.objects.get(pk=shelf["published"].pk).read_count == 2


def test_story_edit_renews_the_cached_body(shelf, personas):
    story_ = shelf["published"]
    browser().get(story_.get_public_url())
    editing.update_story(story_, actor=personas.board_officer, summary="Tóm tắt đã sửa.")
    assert "Tóm tắt đã sửa." in browser().get(story_.get_public_url()).content.decode()


def test_story_page_asks_caches_to_revalidate(shelf):
    response = browser().get(shelf["published"].get_public_url())
    assert "no-cache" in response["Cache-Control"]


def test_story_page_query_count_does_not_grow_with_photos(province, personas):
    made = in_state("published", honour(province.farmer_people[0]),
                    board=personas.board_officer)
    photos.add_photos(made, actor=None, uploads=[jpeg(40, 30)])
    one = _queries(Client(HTTP_USER_AGENT="curl/8"), made.get_public_url())
    photos.add_photos(made, actor=None, uploads=[jpeg(40, 30), jpeg(40, 30)])
    assert _queries(Client(HTTP_USER_AGENT="curl/8"), made.get_public_url()) == one


def test_story_page_of_a_story_with_revoked_record_hides_it(province, personas):
    kept, revoked = honour(province.farmer_people[0]), honour(province.farmer_people[0],
                                                                year=2022, number="99/QĐ-X")
    made = story([kept, revoked])
    revoked.revoked_on = dt.date(2025, 1, 1)
    revoked.save()
    workflow.submit_for_review(made, actor=None)
    workflow.publish(made, actor=None, now=timezone.now() - dt.timedelta(minutes=1))
    html = browser().get(made.get_public_url()).content.decode()
    assert "15/QĐ-UBND" in html and "99/QĐ-X" not in html
