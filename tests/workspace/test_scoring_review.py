"""Proposals of the published year-end ranking and the year-end review record."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext

from tests.workspace.ui_support import count_queries, html
from vinhdanh.scoring.enums import ProposalState
from vinhdanh.scoring.models import Proposal, YearEndReview

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.workspace.scoring_fixtures"]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _group_url(name, group):
    return reverse(f"workspace:scoring-{name}", args=[group.pk])


def _proposal_url(name, proposal):
    return reverse(f"workspace:scoring-proposal-{name}", args=[proposal.pk])


@pytest.fixture
def review(published_round, bloc):
    from vinhdanh.scoring.services.reviews import record_review

    return record_review(bloc.bloc, actor=None, held_on=dt.date(2024, 12, 20),
                         venue="Hội trường tỉnh", participants=[bloc.farmers, bloc.women,
                                                                 bloc.youth])


def test_proposals_page_status_by_persona(personas, client_for, published_round, bloc,
                                          outsider):
    url = _group_url("proposals", bloc.bloc)

    for user in (personas.group_leader, personas.unit_clerk, personas.viewer):
        assert client_for(user).get(url).status_code == 200, user
    assert client_for(outsider).get(url).status_code == 404


def test_proposals_page_missing_before_publication(personas, client_for, closed_round, bloc):
    url = _group_url("proposals", bloc.bloc)

    assert client_for(personas.unit_clerk).get(url).status_code == 404


def test_proposals_exported_to_excel(personas, client_for, published_round, bloc):
    response = client_for(personas.unit_clerk).get(_group_url("proposals-export", bloc.bloc))

    assert response.status_code == 200
    assert response.content.startswith(b"PK")


def test_proposal_withdrawn_with_a_reason(personas, client_for, published_round, bloc):
    proposal = Proposal.objects.filter(revision__round=published_round).first()
    url = _proposal_url("withdraw", proposal)

    refused = client_for(personas.unit_clerk).post(url, {"reason": "Không đủ điều kiện"})
    done = client_for(personas.group_leader).post(url, {"reason": "Không đủ điều kiện"})

    proposal.refresh_from_db()
    assert refused.status_code == 403
    assert done.status_code == 302
    assert proposal.state == ProposalState.WITHDRAWN


def test_review_page_status_by_persona(personas, client_for, bloc, outsider):
    url = _group_url("review", bloc.bloc)

    leader = client_for(personas.group_leader).get(url)
    clerk = client_for(personas.unit_clerk).get(url)

    assert leader.status_code == 200 and leader.context["form"] is not None
    assert clerk.status_code == 200 and clerk.context["form"] is None
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(personas.unit_clerk).post(url, {}).status_code == 403
    assert not YearEndReview.objects.exists()


def test_review_recorded_with_minutes(personas, client_for, bloc):
    client = client_for(personas.group_leader)
    data = {"held_on": "20/12/2024", "venue": "Hội trường UBMTTQ tỉnh",
            "chaired_by": "Trưởng khối", "participants": [bloc.farmers.pk, bloc.women.pk],
            "results": "Hoàn thành xuất sắc nhiệm vụ", "directions": "Đẩy mạnh chuyển đổi số",
            "minutes": SimpleUploadedFile("bien-ban.pdf", PDF)}

    response = client.post(_group_url("review", bloc.bloc), data)

    review = YearEndReview.objects.get(group=bloc.bloc)
    assert response.status_code == 302
    assert review.held_on == dt.date(2024, 12, 20)
    assert set(review.participants.all()) == {bloc.farmers, bloc.women}
    minutes = client.get(_group_url("review-minutes", bloc.bloc))
    content = b"".join(minutes.streaming_content)
    minutes.close()  # last: closing a file response ends the request (and its connection)
    assert content == PDF


def test_vote_recorded_on_a_proposal(personas, client_for, review, published_round):
    proposal = Proposal.objects.filter(revision__round=published_round).first()

    response = client_for(personas.group_leader).post(
        _proposal_url("vote", proposal), {"agree": "3", "disagree": "0", "abstain": "0"},
        follow=True)

    proposal.refresh_from_db()
    assert (proposal.vote.agree, proposal.vote.approved) == (3, True)
    assert gettext("The vote was recorded.") in html(response)


def test_vote_refused_to_unit_clerk(personas, client_for, review, published_round):
    proposal = Proposal.objects.filter(revision__round=published_round).first()

    response = client_for(personas.unit_clerk).post(_proposal_url("vote", proposal),
                                                    {"agree": "3"})

    assert response.status_code == 403


def test_proposal_pages_queries_do_not_grow_with_votes(personas, client_for, review,
                                                       published_round, bloc):
    from vinhdanh.scoring.services.reviews import record_vote

    client = client_for(personas.group_leader)
    urls = [_group_url("proposals", bloc.bloc), _group_url("review", bloc.bloc)]
    before = [count_queries(client, url) for url in urls]
    for proposal in Proposal.objects.filter(revision__round=published_round):
        record_vote(review, proposal, actor=None, agree=2, disagree=1)

    assert [count_queries(client, url) for url in urls] == before
