"""The demo's scoring: the Front bloc's 2023 round published with HCCB first, the review of
29/11/2023, and the current year's round open for self-scoring."""

import datetime as dt

import pytest

from vinhdanh.demo import loader, province
from vinhdanh.demo import scoring as demo_scoring
from vinhdanh.organisations.models import EmulationGroup, HandoverRecord
from vinhdanh.scoring.enums import PassKind, ProposalState, RoundState
from vinhdanh.scoring.models import Score, ScoringRound, ScoringTemplate
from vinhdanh.scoring.services.publication import latest_revision
from vinhdanh.scoring.services.ranking import results_from_json


@pytest.fixture
def demo(db):
    loader.load()
    if not ScoringTemplate.objects.exists():  # until the loader calls it itself
        demo_scoring.create_scoring(actor=None)
    return EmulationGroup.objects.filter(code=province.MTTQ_BLOC)


def _round_2023():
    return ScoringRound.objects.get(template__group__code=province.MTTQ_BLOC,
                                    template__group__year=2023)


def _codes() -> dict[int, str]:
    bloc = EmulationGroup.objects.get(code=province.MTTQ_BLOC, year=2023)
    return {m.unit_id: m.unit.code for m in bloc.memberships.select_related("unit")}


def test_demo_scoring_table_has_sections_bonus_and_penalty_items_copied_yearly(demo):
    template = ScoringTemplate.objects.get(group__code=province.MTTQ_BLOC, group__year=2023)
    kinds = list(template.criteria.values_list("kind", flat=True))
    later = ScoringTemplate.objects.filter(group__code=province.MTTQ_BLOC, group__year__gt=2023)

    assert {"section", "standard", "bonus", "penalty"} <= set(kinds)
    assert 15 <= len(kinds) - kinds.count("section") <= 25
    assert sum(c.max_points for c in template.criteria.filter(kind="standard")) == 100
    assert later.exists()
    for copy in later:
        assert copy.copied_from.group.year == copy.group.year - 1
        assert copy.criteria.count() == len(kinds)


def test_demo_scoring_2023_ranking_is_published_with_hccb_first(demo):
    scoring_round = _round_2023()
    revision = latest_revision(scoring_round)
    results = results_from_json(revision.results)
    codes = _codes()
    proposals = [(p.unit.code, p.honor.code) for p in
                 revision.proposals.select_related("unit", "honor").order_by("rank")]

    assert scoring_round.state == RoundState.PUBLISHED
    assert codes[results[0].unit_id] == "HCCB"
    assert all(result.steps for result in results)
    assert proposals[0] == ("HCCB", "co_thi_dua_tinh")
    assert {honour for _, honour in proposals[1:]} == {"bang_khen_tinh"}
    # The demo's dossiers (demo/nominations.py) were made from these proposals.
    assert revision.proposals.exclude(state=ProposalState.NOMINATED).count() == 0


def test_demo_scoring_2023_flags_inflated_self_score_harsh_scorer_and_reasons(demo):
    scoring_round = _round_2023()
    results = results_from_json(latest_revision(scoring_round).results)
    codes = _codes()
    flags = {(codes[r.unit_id], flag.code) for r in results for flag in r.flags}
    deviating = {codes[flag.params["scorer"]] for r in results for flag in r.flags
                 if flag.code == "scorer_deviates"}
    changed = Score.objects.filter(scoring_pass__round=scoring_round, kind=PassKind.LEADER,
                                   entered_by=None).exclude(reason="")

    assert (demo_scoring.INFLATED, "self_above_peers") in flags
    assert deviating == {demo_scoring.HARSH}
    assert ("LDLD", "evidence_missing") in flags
    assert changed.count() == len(demo_scoring.LEADER_CHANGES)


def test_demo_scoring_2023_review_links_the_handover_and_votes(demo):
    bloc = demo.get(year=2023)
    review = bloc.review

    assert review.held_on == dt.date(2023, 11, 29)
    assert review.handover == HandoverRecord.objects.get(group=bloc)
    assert review.participants.count() == 6
    assert review.votes.count() == latest_revision(_round_2023()).proposals.count()
    assert all(vote.approved for vote in review.votes.all())


def test_demo_scoring_current_round_is_open_for_self_scoring(demo):
    latest = demo.order_by("-year").first()
    scoring_round = ScoringRound.objects.get(template__group=latest)
    done = set(Score.objects.filter(scoring_pass__round=scoring_round)
               .values_list("scorer__code", flat=True))

    assert scoring_round.state == RoundState.SELF
    assert done == {*demo_scoring.CURRENT_DONE, demo_scoring.CURRENT_PARTLY}


def test_demo_scoring_is_the_same_on_every_run(demo):
    first = sorted(Score.objects.values_list("kind", "scorer__code", "subject__code",
                                             "criterion__code", "points"))
    demo_scoring.clear()
    demo_scoring.create_scoring(actor=None)

    again = sorted(Score.objects.values_list("kind", "scorer__code", "subject__code",
                                             "criterion__code", "points"))
    assert again == first
