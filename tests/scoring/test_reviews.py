import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext

from tests.scoring.factories import published_revision
from vinhdanh.core.errors import DomainError
from vinhdanh.core.models import ActivityLog
from vinhdanh.organisations.services.groups import copy_group_to_next_year, record_handover
from vinhdanh.scoring.models import ProposalVote, YearEndReview
from vinhdanh.scoring.services.proposals import make_proposals, withdraw_proposal
from vinhdanh.scoring.services.reviews import record_review, record_vote
from vinhdanh.scoring.services.templates import create_template, update_template

HELD_ON = dt.date(2024, 12, 27)


@pytest.fixture
def proposals(province):
    """The bloc's published ranking: the Farmers' Union for the Cờ, the Women's Union for
    the Bằng khen."""
    template = create_template(province.bloc, actor=None)
    update_template(template, actor=None, flag_count=1, merit_count=1)
    return make_proposals(published_revision(
        template, [(province.farmers, Decimal(92)), (province.women, Decimal(88))]))


@pytest.fixture
def review(province):
    return record_review(province.bloc, actor=None, held_on=HELD_ON,
                         participants=[province.farmers, province.women])


def test_record_review_creates_it_with_participants_and_logs(province):
    review = record_review(province.bloc, actor=None, held_on=HELD_ON, venue="Hội trường A",
                           chaired_by="Hội Nông dân tỉnh", participants=[province.farmers],
                           results="Hoàn thành xuất sắc", directions="Tiếp tục đổi mới")
    assert (review.group, review.venue, list(review.participants.all())) == (
        province.bloc, "Hội trường A", [province.farmers])
    assert ActivityLog.objects.get(action="scoring.review_recorded").object_id == str(review.pk)


def test_record_review_again_updates_the_same_record(review, province):
    again = record_review(province.bloc, actor=None, held_on=dt.date(2025, 1, 8),
                          participants=[province.women], guests="Đại diện Ban TĐKT")
    assert again.pk == review.pk and YearEndReview.objects.count() == 1
    assert (again.held_on, again.guests, list(again.participants.all())) == (
        dt.date(2025, 1, 8), "Đại diện Ban TĐKT", [province.women])
    assert ActivityLog.objects.filter(action="scoring.review_updated").count() == 1


def test_record_review_links_the_groups_handover(province):
    handover = record_handover(province.bloc, actor=None, held_on=HELD_ON,
                               incoming_leader=province.women)
    review = record_review(province.bloc, actor=None, held_on=HELD_ON)
    assert review.handover == handover


def test_record_review_with_another_groups_handover_is_refused(province):
    next_group = copy_group_to_next_year(province.bloc, actor=None)
    handover = record_handover(next_group, actor=None, held_on=dt.date(2025, 12, 20),
                               incoming_leader=province.farmers)
    with pytest.raises(DomainError) as error:
        record_review(province.bloc, actor=None, held_on=HELD_ON, handover=handover)
    assert list(error.value.message_dict) == ["handover"]


def test_record_review_with_a_unit_outside_the_group_is_refused(province):
    with pytest.raises(DomainError) as error:
        record_review(province.bloc, actor=None, held_on=HELD_ON,
                      participants=[province.farmers, province.root])
    assert list(error.value.message_dict) == ["participants"]
    assert not YearEndReview.objects.exists()


def test_record_review_outside_the_groups_year_is_refused(province):
    with pytest.raises(DomainError) as error:
        record_review(province.bloc, actor=None, held_on=dt.date(2023, 12, 1))
    assert error.value.message_dict == {
        "held_on": [gettext("The review must take place at the end of the group's year.")]}


def test_record_review_stores_pdf_minutes(province, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    minutes = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4\n%%EOF\n")
    review = record_review(province.bloc, actor=None, held_on=HELD_ON, minutes=minutes)
    assert review.minutes.name.endswith(".pdf")


def test_record_review_with_minutes_that_are_not_a_document_is_refused(province):
    minutes = SimpleUploadedFile("bien-ban.pdf", b"just text")
    with pytest.raises(DomainError) as error:
        record_review(province.bloc, actor=None, held_on=HELD_ON, minutes=minutes)
    assert list(error.value.message_dict) == ["minutes"]


@pytest.mark.parametrize(("agree", "approved"), [(2, True), (1, False)])
def test_record_vote_approves_with_more_than_half_of_the_participants(
        review, proposals, agree, approved):
    vote = record_vote(review, proposals[0], actor=None, agree=agree, disagree=2 - agree)
    assert (vote.agree, vote.disagree, vote.approved) == (agree, 2 - agree, approved)
    assert ActivityLog.objects.filter(action="scoring.proposal_voted").count() == 1


def test_record_vote_again_corrects_the_vote(review, proposals):
    record_vote(review, proposals[0], actor=None, agree=1, abstain=1)
    record_vote(review, proposals[0], actor=None, agree=2)
    vote = ProposalVote.objects.get()
    assert (vote.agree, vote.abstain, vote.approved) == (2, 0, True)


def test_record_vote_with_more_votes_than_participants_is_refused(review, proposals):
    with pytest.raises(DomainError) as error:
        record_vote(review, proposals[0], actor=None, agree=2, disagree=1)
    assert error.value.messages == [
        gettext("%(total)s votes, but only %(count)s units took part.")
        % {"total": 3, "count": 2}]


def test_record_vote_before_participants_is_refused(province, proposals):
    review = record_review(province.bloc, actor=None, held_on=HELD_ON)
    with pytest.raises(DomainError) as error:
        record_vote(review, proposals[0], actor=None, agree=0)
    assert error.value.messages == [
        gettext("Record the participating units before the votes.")]


def test_record_vote_with_negative_counts_is_refused(review, proposals):
    with pytest.raises(DomainError) as error:
        record_vote(review, proposals[0], actor=None, agree=1, disagree=-1)
    assert error.value.messages == [gettext("Votes cannot be negative.")]


def test_record_vote_on_a_withdrawn_proposal_is_refused(review, proposals):
    withdraw_proposal(proposals[1], actor=None, reason="Đơn vị xin rút")
    with pytest.raises(DomainError) as error:
        record_vote(review, proposals[1], actor=None, agree=2)
    assert error.value.messages == [gettext("A withdrawn proposal is not voted on.")]


def test_record_vote_on_another_groups_proposal_is_refused(province, proposals):
    next_group = copy_group_to_next_year(province.bloc, actor=None)
    other = record_review(next_group, actor=None, held_on=dt.date(2025, 12, 20),
                          participants=[province.farmers])
    with pytest.raises(DomainError) as error:
        record_vote(other, proposals[0], actor=None, agree=1)
    assert error.value.messages == [gettext("This proposal is not one of the group's.")]


def test_record_vote_on_a_corrected_rankings_proposal_is_refused(review, proposals, province):
    published_revision(proposals[0].revision.round.template,
                       [(province.women, Decimal(93)), (province.farmers, Decimal(90))],
                       number=2)
    with pytest.raises(DomainError):
        record_vote(review, proposals[0], actor=None, agree=2)


def test_fewer_participants_rejudge_the_votes(review, proposals, province):
    record_vote(review, proposals[0], actor=None, agree=1)
    record_review(province.bloc, actor=None, held_on=HELD_ON, participants=[province.farmers])
    assert ProposalVote.objects.get().approved is True


def test_fewer_participants_than_recorded_votes_is_refused(review, proposals, province):
    record_vote(review, proposals[0], actor=None, agree=2)
    with pytest.raises(DomainError) as error:
        record_review(province.bloc, actor=None, held_on=HELD_ON,
                      participants=[province.farmers])
    assert list(error.value.message_dict) == ["participants"]
    assert review.participants.count() == 2
