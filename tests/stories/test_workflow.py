"""The life of a story: draft → review → published → archived, the return to the draft,
scheduling, republishing; who may do each step."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext, override

from tests.stories.support import collective_honour, honour, in_state, story
from vinhdanh.core.audit import history_of
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import fold
from vinhdanh.stories.enums import StoryState
from vinhdanh.stories.models import ExemplaryStory
from vinhdanh.stories.services import editing, workflow


@pytest.fixture
def record(province):
    return honour(province.farmer_people[0])


def test_create_story_takes_subject_and_unit_from_the_records(province, personas, record):
    made = story(record, actor=personas.unit_clerk)
    assert (made.state, made.subject_kind, made.unit, made.author) == (
        StoryState.DRAFT, "individual", province.farmer_people[0].unit, personas.unit_clerk)
    assert list(made.records.all()) == [record]
    assert made.slug == "nong-dan-san-xuat-gioi"
    assert fold(province.farmer_people[0].full_name) in made.search_text


def test_create_story_same_title_gets_a_numbered_slug(province, record):
    assert [story(record).slug for _ in range(3)] == [
        "nong-dan-san-xuat-gioi", "nong-dan-san-xuat-gioi-2", "nong-dan-san-xuat-gioi-3"]


def test_create_story_mixed_subjects_refused(province, record):
    with pytest.raises(DomainError) as refused:
        story([record, collective_honour(province.farmers)])
    assert "records" in refused.value.error_dict


def test_create_story_revoked_record_refused(province, record):
    record.revoked_on = dt.date(2025, 3, 1)
    record.save()
    with pytest.raises(DomainError):
        story(record)


def test_clerk_of_another_unit_cannot_write_about_its_people(province, personas):
    women_record = honour(province.women_people[0])
    with pytest.raises(DomainError):
        story(women_record, actor=personas.unit_clerk)
    assert not ExemplaryStory.objects.exists()


def test_group_leader_drafts_for_member_units(province, personas):
    made = story(collective_honour(province.women), actor=personas.group_leader)
    assert made.unit == province.women


def test_submit_return_and_resubmit(province, personas, record):
    made = story(record, actor=personas.unit_clerk)
    workflow.submit_for_review(made, actor=personas.unit_clerk)
    assert made.state == StoryState.REVIEW
    workflow.return_to_draft(made, actor=personas.board_officer, reason="Thêm ảnh")
    assert (made.state, made.return_reason) == (StoryState.DRAFT, "Thêm ảnh")
    workflow.submit_for_review(made, actor=personas.unit_clerk)
    assert (made.state, made.return_reason) == (StoryState.REVIEW, "")
    actions = list(history_of(made).values_list("action", flat=True))
    assert actions.count("stories.submitted") == 2


def test_return_without_reason_refused(province, personas, record):
    made = in_state("review", record, board=personas.board_officer)
    with override("vi"), pytest.raises(DomainError) as refused:
        workflow.return_to_draft(made, actor=personas.board_officer, reason="  ")
    assert refused.value.error_dict["reason"][0].messages == [gettext("Give the reason.")]


def test_clerk_may_not_publish_or_return(province, personas, record):
    made = story(record, actor=personas.unit_clerk)
    workflow.submit_for_review(made, actor=personas.unit_clerk)
    with pytest.raises(PermissionDenied):
        workflow.publish(made, actor=personas.unit_clerk)
    with pytest.raises(PermissionDenied):
        workflow.return_to_draft(made, actor=personas.unit_clerk, reason="x")


def test_publish_now_makes_the_story_public(province, personas, record):
    made = in_state("review", record, board=personas.board_officer)
    workflow.publish(made, actor=personas.board_officer)
    assert made.state == StoryState.PUBLISHED
    assert made.publish_on == timezone.localdate()
    assert list(ExemplaryStory.objects.published()) == [made]


def test_publish_future_date_schedules_until_that_day(province, personas, record):
    made = in_state("scheduled", record, board=personas.board_officer)
    day = timezone.localdate() + dt.timedelta(days=7)
    assert made.is_scheduled and made.publish_on == day
    assert not ExemplaryStory.objects.published().exists()
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    assert list(ExemplaryStory.objects.published(now=start)) == [made]
    assert not ExemplaryStory.objects.published(now=start - dt.timedelta(seconds=1)).exists()


def test_publish_past_date_refused(province, personas, record):
    made = in_state("review", record, board=personas.board_officer)
    with pytest.raises(DomainError):
        workflow.publish(made, actor=personas.board_officer,
                         publish_on=timezone.localdate() - dt.timedelta(days=1))
    assert made.state == StoryState.REVIEW


def test_publish_draft_refused(province, personas, record):
    made = story(record)
    with pytest.raises(DomainError):
        workflow.publish(made, actor=personas.board_officer)


def test_scheduled_story_may_be_rescheduled_but_public_one_not(province, personas, record):
    made = in_state("scheduled", record, board=personas.board_officer)
    workflow.publish(made, actor=personas.board_officer,
                     publish_on=timezone.localdate() + dt.timedelta(days=2))
    assert made.publish_on == timezone.localdate() + dt.timedelta(days=2)
    public = in_state("published", honour(province.farmer_people[1]),
                      board=personas.board_officer)
    with pytest.raises(DomainError):
        workflow.publish(public, actor=personas.board_officer)


def test_archive_and_republish(province, personas, record):
    made = in_state("archived", record, board=personas.board_officer)
    assert made.state == StoryState.ARCHIVED and made.archived_at is not None
    assert not ExemplaryStory.objects.published().exists()
    workflow.publish(made, actor=personas.board_officer)
    assert made.state == StoryState.PUBLISHED and made.archived_at is None
    assert ExemplaryStory.objects.published().get() == made


def test_clerk_edits_only_drafts(province, personas, record):
    made = story(record, actor=personas.unit_clerk)
    editing.update_story(made, actor=personas.unit_clerk, title="Tên mới")
    assert made.slug == "ten-moi"
    workflow.submit_for_review(made, actor=personas.unit_clerk)
    with pytest.raises(PermissionDenied):
        editing.update_story(made, actor=personas.unit_clerk, title="Tên khác")
    editing.update_story(made, actor=personas.board_officer, title="Tên của Ban")
    assert ExemplaryStory.objects.get().title == "Tên của Ban"


def test_published_story_keeps_its_address_when_retitled(province, personas, record):
    made = in_state("published", record, board=personas.board_officer, title="Tên đầu")
    editing.update_story(made, actor=personas.board_officer, title="Tên sau")
    assert made.slug == "ten-dau"


def test_archived_story_cannot_be_edited(province, personas, record):
    made = in_state("archived", record, board=personas.board_officer)
    with pytest.raises(PermissionDenied):
        editing.update_story(made, actor=personas.board_officer, title="x")
    with pytest.raises(DomainError):
        editing.update_story(made, actor=None, title="x")
