from vinhdanh.scoring.models.review import ProposalVote, YearEndReview
from vinhdanh.scoring.models.round import (
    Proposal,
    RankingEntry,
    RankingRevision,
    Score,
    ScoringPass,
    ScoringRound,
)
from vinhdanh.scoring.models.template import Criterion, ScoringTemplate

__all__ = [
    "Criterion",
    "Proposal",
    "ProposalVote",
    "RankingEntry",
    "RankingRevision",
    "Score",
    "ScoringPass",
    "ScoringRound",
    "ScoringTemplate",
    "YearEndReview",
]
