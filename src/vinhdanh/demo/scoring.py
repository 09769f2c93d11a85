"""The Front bloc's scoring: its table, the 2023 year-end round run to publication, the
review of 29/11/2023, and the current year's round open for self-scoring.

Everything is written through the scoring services, so the demo obeys the same rules as
users. The figures are invented but plausible: the Veterans' Association (HCCB), the 2023
leader, comes out first; the Youth Union (TD) rates itself far above what its peers give
it; the Labour Federation (LDLD) scores every peer harshly. The ranking shows both flags.
"""

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from vinhdanh.core.models import ActivityLog
from vinhdanh.demo.province import MTTQ_BLOC
from vinhdanh.organisations.models import EmulationGroup, HandoverRecord
from vinhdanh.scoring.enums import CriterionKind, PassKind, RoundPeriod
from vinhdanh.scoring.models import Score, ScoringRound, ScoringTemplate, YearEndReview
from vinhdanh.scoring.queries import pass_of
from vinhdanh.scoring.services import passes, publication, reviews, scores, templates

SEED = 2023
SECTION, STANDARD = CriterionKind.SECTION, CriterionKind.STANDARD
BONUS, PENALTY = CriterionKind.BONUS, CriterionKind.PENALTY


@dataclass(frozen=True)
class Row:
    code: str
    title: str
    kind: str
    max_points: str
    evidence: bool = False
    guidance: str = ""
    items: tuple = ()


TABLE = (
    Row("I", "Thực hiện nhiệm vụ chính trị", SECTION, "50", items=(
        Row("1", "Triển khai, thực hiện chương trình, kế hoạch công tác năm được giao", STANDARD,
            "15", True, "Căn cứ báo cáo tổng kết năm; hoàn thành 100% chỉ tiêu: điểm tối đa."),
        Row("2", "Công tác tuyên truyền, vận động hội viên, đoàn viên và Nhân dân", STANDARD,
            "10"),
        Row("3", "Tham gia giám sát, phản biện xã hội; góp ý xây dựng Đảng, xây dựng chính "
                 "quyền", STANDARD, "10"),
        Row("4", "Tham gia phát triển kinh tế - xã hội, xây dựng nông thôn mới, giảm nghèo bền "
                 "vững", STANDARD, "10", True, "Có mô hình, công trình, phần việc cụ thể."),
        Row("5", "Thực hiện chế độ thông tin, báo cáo đầy đủ, đúng thời hạn", STANDARD, "5"),
    )),
    Row("II", "Công tác thi đua, khen thưởng", SECTION, "25", items=(
        Row("6", "Ban hành kế hoạch, phát động phong trào thi đua; đăng ký và ký kết giao ước "
                 "thi đua", STANDARD, "5"),
        Row("7", "Tổ chức thực hiện các phong trào thi đua và cuộc vận động", STANDARD, "7",
            True),
        Row("8", "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến", STANDARD, "5", True),
        Row("9", "Khen thưởng kịp thời, đúng đối tượng, đúng quy định", STANDARD, "5"),
        Row("10", "Tham gia các hoạt động chung của Khối thi đua", STANDARD, "3"),
    )),
    Row("III", "Xây dựng tổ chức", SECTION, "25", items=(
        Row("11", "Xây dựng tổ chức cơ sở vững mạnh; phát triển hội viên, đoàn viên", STANDARD,
            "8", True, "Số liệu phát triển hội viên, đoàn viên có xác nhận."),
        Row("12", "Thực hiện quy chế dân chủ ở cơ sở; cải cách hành chính, chuyển đổi số",
            STANDARD, "6"),
        Row("13", "Công tác kiểm tra, giám sát; giải quyết đơn thư, khiếu nại, tố cáo", STANDARD,
            "5"),
        Row("14", "Thực hành tiết kiệm, chống lãng phí; phòng, chống tham nhũng, tiêu cực",
            STANDARD, "6"),
    )),
    Row("IV", "Điểm thưởng", SECTION, "5", items=(
        Row("15", "Có mô hình, cách làm hay được cấp trên ghi nhận, nhân rộng", BONUS, "3", True),
        Row("16", "Được tặng Cờ thi đua, Bằng khen của Trung ương hoặc của tỉnh trong năm", BONUS,
            "2"),
    )),
    Row("V", "Điểm trừ", SECTION, "0", items=(
        Row("17", "Chậm nộp báo cáo, hồ sơ theo yêu cầu của Khối (mỗi lần trừ 1 điểm)", PENALTY,
            "3"),
        Row("18", "Cán bộ chủ chốt vi phạm pháp luật, bị kỷ luật", PENALTY, "5"),
    )),
)

# How well each unit really did in 2023 (a share of each criterion's maximum).
QUALITY = {"HCCB": 0.96, "MTTQ": 0.93, "HND": 0.92, "HLHPN": 0.9, "LDLD": 0.88, "TD": 0.87}
BONUS_SHARE = {"HCCB": 1.0, "MTTQ": 0.5, "HND": 0.6, "HLHPN": 0.3, "LDLD": 0.0, "TD": 0.3}
INFLATED = "TD"  # rates itself far above what its peers give it
HARSH = "LDLD"  # scores every peer well below the others
NO_EVIDENCE = ("LDLD", "11")  # one self-score sent without its required evidence
ABSTENTION = ("HLHPN", "TD", "3", "Chưa nắm đủ thông tin về hoạt động giám sát của Tỉnh đoàn.")
LEADER_CHANGES = (
    ("TD", "1", "12.5", "Điều chỉnh theo kết quả chấm chéo: còn 2 chỉ tiêu chưa hoàn thành."),
    ("TD", "4", "8.5", "Điều chỉnh theo kết quả chấm chéo: mô hình chưa có kết quả cụ thể."),
    ("TD", "7", "5.5", "Minh chứng chưa thể hiện kết quả các phong trào theo kế hoạch."),
    ("TD", "11", "6.5", "Chỉ tiêu phát triển đoàn viên mới đạt 85% kế hoạch."),
    ("TD", "15", "1", "Mô hình mới triển khai, chưa được cấp trên ghi nhận, nhân rộng."),
    ("LDLD", "17", "1", "Báo cáo 6 tháng nộp chậm 10 ngày so với yêu cầu của Khối."),
    ("HND", "4", "10", "Bổ sung minh chứng mô hình liên kết sản xuất được tỉnh ghi nhận."),
)
REVIEW_ON = dt.date(2023, 11, 29)
PASS_DATES = {PassKind.SELF: (dt.date(2023, 11, 1), dt.date(2023, 11, 10)),
              PassKind.PEER: (dt.date(2023, 11, 11), dt.date(2023, 11, 20)),
              PassKind.LEADER: (dt.date(2023, 11, 21), dt.date(2023, 11, 24))}
PUBLISHED_ON = dt.date(2023, 11, 25)
CURRENT_DONE = ("MTTQ", "HCCB", "HLHPN")  # have finished self-scoring in the open round
CURRENT_PARTLY = "TD"


def create_scoring(actor=None) -> dict:
    """The bloc's tables from 2023 on; returns the 2023 round and the current one."""
    blocs = list(EmulationGroup.objects.filter(code=MTTQ_BLOC, year__gte=2023).order_by("year"))
    rng = random.Random(SEED)
    template = _template_2023(blocs[0], actor)
    published = _run_2023(template, rng, actor)
    _review_2023(blocs[0], published, actor)
    later = [templates.create_template(bloc, actor=actor) for bloc in blocs[1:]]
    current = _open_current(later[-1], rng, actor) if later else None
    return {"published": published, "current": current}


def clear() -> None:
    """Deletes every scoring table (with its rounds, scores and rankings), the reviews, the
    evidence files and the scoring log."""
    for score in Score.objects.exclude(evidence=""):
        score.evidence.delete(save=False)
    YearEndReview.objects.all().delete()
    ScoringTemplate.objects.all().delete()
    ActivityLog.objects.filter(content_type__app_label="scoring").delete()


# --- the table -----------------------------------------------------------------------------

def _template_2023(bloc, actor) -> ScoringTemplate:
    template = templates.create_template(bloc, actor=actor)
    for row in TABLE:
        _add(template, row, None, actor)
    return templates.update_template(
        template, actor=actor, flag_count=1, merit_count=2,
        notes="Theo Quy chế hoạt động của Khối; thang điểm 100, điểm thưởng tối đa 5 điểm.")


def _add(template, row: Row, parent, actor) -> None:
    node = templates.add_criterion(
        template, actor=actor, kind=row.kind, title=row.title, max_points=row.max_points,
        parent=parent, code=row.code, evidence_required=row.evidence, guidance=row.guidance)
    for item in row.items:
        _add(template, item, node, actor)


# --- the 2023 year-end round ---------------------------------------------------------------

class Scorer:
    """Invented points: a unit's quality, a scorer's bias and a little noise, in quarters."""

    def __init__(self, template, rng: random.Random):
        self.rng = rng
        self.criteria = {c.code: c for c in template.criteria.exclude(kind=SECTION)}
        self.units = {m.unit.code: m.unit for m in template.group.memberships.select_related(
            "unit").order_by("rotation_position")}

    def points(self, subject: str, criterion, bias: float = 0.0) -> Decimal:
        if criterion.kind == PENALTY:
            return Decimal(0)
        share = BONUS_SHARE[subject] if criterion.kind == BONUS else QUALITY[subject]
        share = min(max(share + bias + self.rng.uniform(-0.04, 0.04), 0), 1)
        quarters = round(float(criterion.max_points) * share * 4)
        return Decimal(quarters) / 4

    def rows(self, subject: str, bias: float = 0.0, *, evidence: bool = False) -> list[dict]:
        return [self._row(subject, criterion, bias, evidence)
                for criterion in self.criteria.values()]

    def _row(self, subject, criterion, bias, evidence) -> dict:
        row = {"criterion": criterion, "points": self.points(subject, criterion, bias)}
        if evidence and criterion.evidence_required and (subject, criterion.code) != NO_EVIDENCE:
            row["evidence"] = _evidence(subject, criterion.code)
        return row


def _evidence(unit: str, code: str) -> ContentFile:
    # The smallest file the evidence check accepts: a PDF header and a line of text.
    body = f"%PDF-1.4\n% Minh chung tieu chi {code} - {unit}\n%%EOF\n".encode()
    return ContentFile(body, name=f"minh-chung-{unit.lower()}-{code}.pdf")


def _self_scores(scoring_round, scorer: Scorer, actor, units=None) -> None:
    self_pass = pass_of(scoring_round, PassKind.SELF)
    for code in units or scorer.units:
        bias = 0.12 if code == INFLATED else 0.01
        scores.record_sheet(self_pass, actor=actor, scorer=scorer.units[code],
                            subject=scorer.units[code],
                            rows=scorer.rows(code, bias, evidence=True))


def _peer_scores(scoring_round, scorer: Scorer, actor) -> None:
    peer_pass = pass_of(scoring_round, PassKind.PEER)
    for by in scorer.units:
        for code in scorer.units:
            if code != by:
                rows = scorer.rows(code, -0.16 if by == HARSH else 0.0)
                scores.record_sheet(peer_pass, actor=actor, scorer=scorer.units[by],
                                    subject=scorer.units[code], rows=_abstain(by, code, rows))


def _abstain(by: str, subject: str, rows: list[dict]) -> list[dict]:
    unit, on, criterion, reason = ABSTENTION
    if (by, subject) != (unit, on):
        return rows
    return [{"criterion": row["criterion"], "abstained": True, "reason": reason}
            if row["criterion"].code == criterion else row for row in rows]


def _consolidate(scoring_round, scorer: Scorer, actor) -> None:
    leader_pass = pass_of(scoring_round, PassKind.LEADER)
    leader = scoring_round.template.group.leader
    for code, criterion, points, reason in LEADER_CHANGES:
        scores.record_sheet(leader_pass, actor=actor, scorer=leader, subject=scorer.units[code],
                            rows=[{"criterion": scorer.criteria[criterion], "points": points,
                                   "reason": reason}])


def _run_2023(template, rng, actor):
    # No deadlines while the demo enters scores (they are past): _back_date sets them.
    scoring_round = passes.open_round(template, actor=actor, period=RoundPeriod.YEAR_END)
    scorer = Scorer(template, rng)
    _self_scores(scoring_round, scorer, actor)
    passes.advance_round(scoring_round, actor=actor)
    _peer_scores(scoring_round, scorer, actor)
    passes.advance_round(scoring_round, actor=actor)
    _consolidate(scoring_round, scorer, actor)
    passes.advance_round(scoring_round, actor=actor)
    revision = publication.publish_round(scoring_round, actor=actor,
                                         confirmation=publication.CONFIRMATION_WORD)
    _back_date(scoring_round, revision)
    return revision


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _back_date(scoring_round, revision) -> None:
    """The services stamp today's time; the demo's 2023 round happened in November 2023."""
    for scoring_pass in scoring_round.passes.all():
        opened, closed = PASS_DATES[scoring_pass.kind]
        scoring_pass.opened_at, scoring_pass.closed_at = _at(opened, 8), _at(closed, 17)
        scoring_pass.deadline = closed
        scoring_pass.save(update_fields=["opened_at", "closed_at", "deadline"])
    revision.published_at = _at(PUBLISHED_ON, 9)
    revision.save(update_fields=["published_at"])


# --- the review of 29/11/2023 ----------------------------------------------------------------

REVIEW = {
    "venue": "Hội trường Ủy ban MTTQ Việt Nam tỉnh",
    "chaired_by": "Đồng chí Chủ tịch Hội Cựu chiến binh tỉnh – Khối trưởng năm 2023",
    "guests": "Đại diện Ban Thi đua – Khen thưởng (Sở Nội vụ) và Thường trực Ủy ban MTTQ "
              "Việt Nam tỉnh.",
    "results": "Các đơn vị trong Khối hoàn thành tốt nhiệm vụ năm 2023; nhiều mô hình, cách "
               "làm hay được nhân rộng. Kết quả chấm điểm, xếp hạng đã được Khối công bố "
               "ngày 25/11/2023.",
    "directions": "Năm 2024 tiếp tục đẩy mạnh các phong trào thi đua gắn với nhiệm vụ chính "
                  "trị; Hội Nông dân tỉnh làm Khối trưởng, Hội Liên hiệp Phụ nữ tỉnh làm "
                  "Khối phó.",
}


def _review_2023(bloc, revision, actor) -> None:
    members = [m.unit for m in bloc.memberships.select_related("unit")]
    handover = HandoverRecord.objects.filter(group=bloc).first()
    review = reviews.record_review(bloc, actor=actor, held_on=REVIEW_ON, participants=members,
                                   handover=handover, **REVIEW)
    for proposal in revision.proposals.order_by("rank", "id"):
        abstain = 1 if proposal.rank > 2 else 0
        reviews.record_vote(review, proposal, actor=actor, agree=len(members) - abstain,
                            abstain=abstain)


# --- the current year ------------------------------------------------------------------------

def _open_current(template, rng, actor) -> ScoringRound:
    """A round open for self-scoring: some units done, one half-way, the others to do."""
    today = timezone.localdate()
    deadlines = {PassKind.SELF: today + dt.timedelta(days=14),
                 PassKind.PEER: today + dt.timedelta(days=28),
                 PassKind.LEADER: today + dt.timedelta(days=35)}
    scoring_round = passes.open_round(template, actor=actor, period=RoundPeriod.YEAR_END,
                                      deadlines=deadlines)
    scorer = Scorer(template, rng)
    _self_scores(scoring_round, scorer, actor, units=CURRENT_DONE)
    half = scorer.rows(CURRENT_PARTLY, 0.02, evidence=True)[:6]
    scores.record_sheet(pass_of(scoring_round, PassKind.SELF), actor=actor,
                        scorer=scorer.units[CURRENT_PARTLY], subject=scorer.units[CURRENT_PARTLY],
                        rows=half)
    return scoring_round

