"""The story pages of the staff UI: the list with its filters, writing a story, the page
and its actions, photos, the record search and the publishing calendar."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from tests.factories import PersonFactory
from tests.stories.support import collective_honour, honour, in_state, jpeg, story
from vinhdanh.stories.enums import StoryState
from vinhdanh.stories.models import ExemplaryStory

LIST = reverse("workspace:story-list")
CREATE = reverse("workspace:story-create")
CALENDAR = reverse("workspace:story-calendar")


def _rows(n, unit, board):
    for person in PersonFactory.create_batch(n, unit=unit):
        made = in_state("published", honour(person), board=board)
        from vinhdanh.stories.services import photos

        photos.add_photos(made, actor=None, uploads=[jpeg(30, 20)])


def test_list_query_count_does_not_grow(province, personas, client_for,
                                        django_assert_max_num_queries):
    client = client_for(personas.board_officer)
    _rows(1, province.farmers, personas.board_officer)
    with django_assert_max_num_queries(12) as one:
        client.get(LIST)
    _rows(3, province.women, personas.board_officer)
    with django_assert_max_num_queries(len(one)):
        response = client.get(LIST)
    assert len(response.context["page"].object_list) == 4


def test_list_clerk_sees_only_his_units(province, personas, client_for):
    story(honour(province.farmer_people[0]), title="Của Hội Nông dân")
    story(honour(province.women_people[0]), title="Của Hội Phụ nữ")
    html = client_for(personas.unit_clerk).get(LIST).content.decode()
    assert "Của Hội Nông dân" in html and "Của Hội Phụ nữ" not in html


def test_list_filters_search_state_and_unit(province, personas, client_for):
    in_state("review", honour(province.farmer_people[0]), board=personas.board_officer,
             title="Nông dân làm giàu")
    story(honour(province.women_people[0]), title="Phụ nữ tiết kiệm")
    client = client_for(personas.board_officer)
    titles = lambda **q: [s.title for s in client.get(LIST, q).context["page"].object_list]  # noqa: E731
    assert titles(q="NONG dan") == ["Nông dân làm giàu"]
    assert titles(state="draft") == ["Phụ nữ tiết kiệm"]
    assert titles(unit=province.women.pk) == ["Phụ nữ tiết kiệm"]
    assert titles(year=timezone.localdate().year) == ["Phụ nữ tiết kiệm", "Nông dân làm giàu"]


def test_list_without_role_is_403(province, client_for):
    from tests.factories import UserFactory

    assert client_for(UserFactory()).get(LIST).status_code == 403


def test_create_story_by_clerk(province, personas, client_for):
    record = honour(province.farmer_people[0])
    response = client_for(personas.unit_clerk).post(CREATE, {
        "title": "Gương sáng", "summary": "Tóm tắt.", "body": "Đoạn một.\n\nĐoạn hai.",
        "records": [record.pk], "publish_on": "05/12/2026"})
    made = ExemplaryStory.objects.get()
    assert response.status_code == 302 and response["Location"] == made.get_absolute_url()
    assert (made.title, made.publish_on, made.state) == (
        "Gương sáng", dt.date(2026, 12, 5), StoryState.DRAFT)


def test_create_story_with_others_record_refused(province, personas, client_for):
    record = honour(province.women_people[0])
    response = client_for(personas.unit_clerk).post(CREATE, {
        "title": "X", "summary": "Y", "body": "Z", "records": [record.pk]})
    assert response.status_code == 200 and response.context["form"].errors["records"]
    assert not ExemplaryStory.objects.exists()


def test_create_page_forbidden_to_viewer(province, personas, client_for):
    assert client_for(personas.viewer).get(CREATE).status_code == 403


def test_edit_page_shows_only_chosen_records(province, personas, client_for):
    chosen = honour(province.farmer_people[0])
    other = honour(province.farmer_people[1], number="88/QĐ-KHAC")
    made = story(chosen)
    html = client_for(personas.unit_clerk).get(
        reverse("workspace:story-edit", args=[made.pk])).content.decode()
    assert f'value="{chosen.pk}"' in html and other.decision_number not in html


def test_record_search_finds_subjects_without_diacritics(province, personas, client_for):
    person = PersonFactory(unit=province.farmers, full_name="Trần Thị Hòa")
    record = honour(person)
    honour(PersonFactory(unit=province.women, full_name="Trần Thị Hoà Bình"))
    html = client_for(personas.unit_clerk).get(
        reverse("workspace:story-record-search"), {"find": "tran thi hoa"}).content.decode()
    assert f'value="{record.pk}"' in html and "Hoà Bình" not in html


def test_detail_of_other_units_story_is_404(province, personas, client_for):
    made = story(honour(province.women_people[0]))
    url = reverse("workspace:story-detail", args=[made.pk])
    assert client_for(personas.unit_clerk).get(url).status_code == 404


def test_detail_buttons_follow_rules(province, personas, client_for):
    made = in_state("review", honour(province.farmer_people[0]), board=personas.board_officer)
    url = reverse("workspace:story-detail", args=[made.pk])
    board = client_for(personas.board_officer).get(url).context
    clerk = client_for(personas.unit_clerk).get(url).context
    assert board["publish_form"] is not None and board["return_form"] is not None
    assert "publish_form" not in clerk and not clerk["can_edit"]


def test_submit_publish_archive_through_pages(province, personas, client_for):
    made = story(honour(province.farmer_people[0]), actor=personas.unit_clerk)
    clerk, board = client_for(personas.unit_clerk), client_for(personas.board_officer)
    clerk.post(reverse("workspace:story-submit", args=[made.pk]))
    board.post(reverse("workspace:story-publish", args=[made.pk]), {"publish_on": ""})
    made.refresh_from_db()
    assert made.state == StoryState.PUBLISHED and made.is_public
    board.post(reverse("workspace:story-archive", args=[made.pk]))
    made.refresh_from_db()
    assert made.state == StoryState.ARCHIVED


def test_clerk_cannot_publish_through_page(province, personas, client_for):
    made = in_state("review", honour(province.farmer_people[0]), board=personas.board_officer)
    response = client_for(personas.unit_clerk).post(
        reverse("workspace:story-publish", args=[made.pk]), {"publish_on": ""})
    assert response.status_code == 403
    made.refresh_from_db()
    assert made.state == StoryState.REVIEW


def test_return_with_reason_through_page(province, personas, client_for):
    made = in_state("review", honour(province.farmer_people[0]), board=personas.board_officer)
    client_for(personas.board_officer).post(
        reverse("workspace:story-return", args=[made.pk]), {"reason": "Bổ sung số liệu"})
    made.refresh_from_db()
    assert (made.state, made.return_reason) == (StoryState.DRAFT, "Bổ sung số liệu")


def test_upload_several_photos_then_arrange_and_remove(province, personas, client_for):
    made = story(honour(province.farmer_people[0]))
    client = client_for(personas.unit_clerk)
    client.post(reverse("workspace:story-photos-add", args=[made.pk]),
                {"photos": [jpeg(40, 30, name="a.jpg"), jpeg(50, 30, name="b.jpg")],
                 "caption": "Vườn"})
    first, second = made.photos.all()
    client.post(reverse("workspace:story-photos-arrange", args=[made.pk]), {
        f"caption_{first.pk}": "Một", f"position_{first.pk}": 2,
        f"caption_{second.pk}": "Hai", f"position_{second.pk}": 1})
    assert [p.caption for p in made.photos.all()] == ["Hai", "Một"]
    thumb = client.get(reverse("workspace:story-thumb", args=[first.public_id]))
    assert b"".join(thumb.streaming_content).startswith(b"\xff\xd8")
    client.post(reverse("workspace:story-photo-remove", args=[first.public_id]))
    assert list(made.photos.all()) == [second]


def test_upload_text_file_refused(province, personas, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    made = story(honour(province.farmer_people[0]))
    client_for(personas.unit_clerk).post(
        reverse("workspace:story-photos-add", args=[made.pk]),
        {"photos": [SimpleUploadedFile("x.jpg", b"not an image at all")]})
    assert not made.photos.exists()


def test_other_units_photo_is_404(province, personas, client_for):
    from vinhdanh.stories.services import photos

    made = story(honour(province.women_people[0]))
    [photo] = photos.add_photos(made, actor=None, uploads=[jpeg(30, 20)])
    url = reverse("workspace:story-photo", args=[photo.public_id])
    assert client_for(personas.unit_clerk).get(url).status_code == 404


def test_calendar_shows_month_and_unscheduled(province, personas, client_for):
    board = personas.board_officer
    scheduled = in_state("scheduled", honour(province.farmer_people[0]), board=board,
                         title="Hẹn đăng")
    waiting = in_state("review", collective_honour(province.women), board=board,
                       title="Chờ duyệt")
    hidden = story(honour(province.women_people[0]), title="Của Hội Phụ nữ",
                   publish_on=scheduled.publish_on)
    day = scheduled.publish_on
    response = client_for(personas.unit_clerk).get(CALENDAR, {"month": day.strftime("%Y-%m")})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'data-day="{day.isoformat()}"' in html and f'data-story="{scheduled.pk}"' in html
    assert f'data-story="{hidden.pk}"' not in html and f'data-story="{waiting.pk}"' not in html
    board_html = client_for(board).get(CALENDAR, {"month": day.strftime("%Y-%m")}).content
    assert f'data-story="{waiting.pk}"'.encode() in board_html
    assert f'data-story="{hidden.pk}"'.encode() in board_html


def test_calendar_query_count_does_not_grow(province, personas, client_for,
                                            django_assert_max_num_queries):
    board = personas.board_officer
    client = client_for(board)
    in_state("scheduled", honour(province.farmer_people[0]), board=board)
    with django_assert_max_num_queries(12) as one:
        client.get(CALENDAR)
    for person in province.women_people:
        in_state("scheduled", honour(person), board=board)
        in_state("review", honour(person, year=2023), board=board)
    with django_assert_max_num_queries(len(one)):
        client.get(CALENDAR)


def test_calendar_bad_month_falls_back_to_this_month(province, personas, client_for):
    response = client_for(personas.viewer).get(CALENDAR, {"month": "2026-13"})
    assert response.context["month"] == timezone.localdate().replace(day=1)
