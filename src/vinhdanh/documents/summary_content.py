"""What a group's year-end summary report says, as plain frozen dataclasses.

``reports.summary.data`` fills them from the domains; ``documents.summary_report`` turns them
into a Word file. Nothing here knows a model: names are strings, figures Decimals or ints.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Target:
    """A movement's target with what the member units achieved in their year-end reports."""

    name: str
    measure: str
    planned: Decimal | None
    achieved: Decimal
    reported_by: int  # how many member units gave a figure for it

    @property
    def percent(self) -> Decimal | None:
        """What was achieved as a share of the plan, in percent with one decimal."""
        if not self.planned:
            return None
        return (Decimal(100) * self.achieved / self.planned).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class MovementResult:
    name: str
    campaign: bool
    launched_by: str
    targets: tuple[Target, ...]
    participants: int  # member units taking part
    missing: tuple[str, ...]  # member units without a year-end report


@dataclass(frozen=True)
class RankingRow:
    rank: int
    unit: str
    score: Decimal | None


@dataclass(frozen=True)
class Ranking:
    revision: int
    published_on: dt.date
    rows: tuple[RankingRow, ...]
    reason: str = ""  # why a revision after the first was published


@dataclass(frozen=True)
class Vote:
    agree: int
    disagree: int
    abstain: int
    approved: bool


@dataclass(frozen=True)
class ProposalRow:
    rank: int
    unit: str
    honour: str
    withdrawn: bool
    vote: Vote | None


@dataclass(frozen=True)
class HonourCount:
    """How many collectives, individuals and households one honour counts."""

    honour: str
    collectives: int = 0
    individuals: int = 0
    households: int = 0

    @property
    def total(self) -> int:
        return self.collectives + self.individuals + self.households


@dataclass(frozen=True)
class Recipient:
    """A collective, individual or household honoured in the year (the annex's rows)."""

    name: str
    detail: str  # the person's position and unit, the collective's parent, the address
    honour: str
    decision: str  # "123/QĐ-UBND ngày 15/12/2023"
    subject: str  # "collective", "individual" or "household" (honors.enums.SubjectKind)


@dataclass(frozen=True)
class Share:
    """Individual honours of a year, and how many went to direct (grassroots) workers."""

    year: int
    direct: int
    individuals: int

    @property
    def percent(self) -> Decimal | None:
        if not self.individuals:
            return None
        return (Decimal(100) * self.direct / self.individuals).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Commendation:
    proposals: tuple[ProposalRow, ...]
    dossiers: tuple[HonourCount, ...]
    granted: tuple[HonourCount, ...]
    recipients: tuple[Recipient, ...]
    share: Share
    previous: Share | None  # the previous year's group, when it exists


@dataclass(frozen=True)
class Handover:
    held_on: dt.date | None
    outgoing_leader: str
    outgoing_deputy: str
    incoming_leader: str
    incoming_deputy: str
    next_year: int


@dataclass(frozen=True)
class PledgeFacts:
    signed_on: dt.date | None
    units: tuple[str, ...]


@dataclass(frozen=True)
class Figures:
    """What the report computes: never stored, read when the document is made."""

    year: int
    members: tuple[str, ...]
    movements: tuple[MovementResult, ...]
    pledge: PledgeFacts | None
    ranking: Ranking | None
    commendation: Commendation
    handover: Handover | None


@dataclass(frozen=True)
class Narrative:
    """The sections the group's officers write (pre-filled the first time)."""

    situation: str = ""
    results: str = ""
    pledge: str = ""
    limitations: str = ""
    directions: str = ""
    proposals: str = ""


@dataclass(frozen=True)
class Letter:
    """The heading, title and signature of the report (Decree 30/2020)."""

    issuer_upper: str
    issuer: str
    number: str
    symbol: str
    place: str
    dated: dt.date | None
    title: str
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ReportContent:
    group: str  # "Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh"
    cluster: bool  # a cluster (cụm) rather than a bloc (khối)
    letter: Letter
    narrative: Narrative
    figures: Figures

    @property
    def word(self) -> str:
        """ "Khối" or "Cụm": how the report names the group in its sentences."""
        return "Cụm" if self.cluster else "Khối"
