"""Factories of the scoring app (shared by the scoring helpers' tests: add, never replace)."""

from decimal import Decimal

import factory

from tests.factories import GroupFactory, UnitFactory
from vinhdanh.scoring.enums import CriterionKind, PassKind, RoundPeriod, RoundState
from vinhdanh.scoring.models import Criterion, Score, ScoringPass, ScoringRound, ScoringTemplate


class ScoringTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScoringTemplate

    group = factory.SubFactory(GroupFactory)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    template = factory.SubFactory(ScoringTemplateFactory)
    position = factory.Sequence(lambda n: n)
    code = factory.Sequence(lambda n: f"{n + 1}")
    title = factory.Sequence(lambda n: f"Tiêu chí thử nghiệm số {n + 1}")
    kind = CriterionKind.STANDARD
    max_points = Decimal(10)


class ScoringRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScoringRound

    template = factory.SubFactory(ScoringTemplateFactory)
    period = RoundPeriod.YEAR_END
    state = RoundState.CLOSED


class ScoringPassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScoringPass

    round = factory.SubFactory(ScoringRoundFactory)
    kind = PassKind.SELF


class ScoreFactory(factory.django.DjangoModelFactory):
    """Give ``scoring_pass``, ``criterion`` and the units; ``kind`` is copied from the pass."""

    class Meta:
        model = Score

    scoring_pass = factory.SubFactory(ScoringPassFactory)
    scorer = factory.SubFactory(UnitFactory)
    subject = factory.LazyAttribute(lambda o: o.scorer)
    criterion = factory.SubFactory(
        CriterionFactory, template=factory.SelfAttribute("..scoring_pass.round.template"))
    points = Decimal(5)


# --- added by the templates helper -------------------------------------------------------

TREE = [  # (code, parent code, kind, title, max points, evidence required)
    ("I", None, "section", "Thực hiện nhiệm vụ chính trị", 60, False),
    ("1.1", "I", "standard", "Công tác tuyên truyền, vận động", 20, False),
    ("1.2", "I", "standard", "Kết quả thực hiện chỉ tiêu được giao", 40, True),
    ("II", None, "section", "Xây dựng tổ chức", 0, False),
    ("II.1", "II", "section", "Công tác cán bộ", 0, False),
    ("2.1", "II.1", "standard", "Đào tạo, bồi dưỡng cán bộ", 30, False),
    ("III", None, "section", "Điểm trừ", 0, False),
    ("3.1", "III", "penalty", "Chậm nộp báo cáo", 10, False),
    ("IV", None, "section", "Điểm thưởng", 0, False),
    ("B1", "IV", "bonus", "Sáng kiến được công nhận", 5, False),
]


def build_tree(template, rows=TREE) -> dict:
    """The criteria of ``rows`` added through the service; returns them by code."""
    from vinhdanh.scoring.services.templates import add_criterion

    nodes = {}
    for code, parent, kind, title, points, evidence in rows:
        nodes[code] = add_criterion(template, actor=None, kind=kind, title=title,
                                    max_points=points, parent=nodes.get(parent), code=code,
                                    evidence_required=evidence)
    return nodes


def published_revision(template, finals, *, number=1, period="year_end", published_at=None):
    """A RankingRevision of ``template``'s round built directly (no scores behind it):
    ``finals`` is [(unit, final score or None)] in rank order; the results JSON holds only
    unit_id, rank and final."""
    import datetime as dt

    from django.utils import timezone

    from vinhdanh.scoring.models import RankingRevision

    scoring_round = (ScoringRound.objects.filter(template=template, period=period).first()
                     or ScoringRoundFactory(template=template, period=period,
                                            state=RoundState.PUBLISHED))
    results = [{"unit_id": unit.pk, "rank": rank, "final": None if final is None else str(final)}
               for rank, (unit, final) in enumerate(finals, start=1)]
    return RankingRevision.objects.create(
        round=scoring_round, number=number, results={"version": 1, "results": results},
        published_at=published_at or timezone.make_aware(dt.datetime(2024, 12, 20, 9)))
