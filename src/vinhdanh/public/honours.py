"""What the public may see of the honour history and of issued decisions, and nothing more.

As in ``public/queries.py``, pages never receive a model: they get the frozen records built
here, which hold only what a decision publishes (the recipient's name, position and unit,
the honour, the decision). A template cannot reach a citizen ID, a date of birth, a bonus,
a note or a return reason by accident. Every query reads from ``read_db()`` (the replica
when there is one) and none writes.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import reverse

from vinhdanh.core.db import read_db
from vinhdanh.decisions.enums import GROUND_TEXT, DecisionKind
from vinhdanh.decisions.models import Decision, DecisionEntry, Issuer
from vinhdanh.honors.enums import RecordSource, SubjectKind
from vinhdanh.honors.models import Honor, HonorRecord
from vinhdanh.organisations.models import Household, Person, Unit
from vinhdanh.organisations.queries import search_q

# -- the honour board ------------------------------------------------------------------------

FACETS_KEY = "public:board:facets"


@dataclass(frozen=True)
class BoardFilter:
    """The visitor's selection; empty fields select everything."""

    text: str = ""
    year: int | None = None
    unit_path: str = ""
    honour_id: int | None = None


@dataclass(frozen=True)
class BoardLine:
    kind: str
    recipient: str
    detail: str
    honour: str
    year: int
    decision_number: str
    decision_date: dt.date | None
    issuer: str
    decision_url: str
    certificate_url: str


@dataclass(frozen=True)
class HonourCount:
    honour_id: int
    honour: str
    count: int


@dataclass(frozen=True)
class Choice:
    key: int
    label: str
    path: str = ""


def public_records():
    """Honour records the public may see: not revoked, and issued here or carrying the
    number of the decision that granted them (history entered or imported)."""
    return (HonorRecord.objects.using(read_db())
            .filter(revoked_on__isnull=True)
            .filter(Q(source=RecordSource.ISSUED) | ~Q(decision_number="")))


def _recipients_where(people, units, households) -> Q:
    """Records whose person, collective or household is among these querysets. Subqueries
    on each candidate table, not joins: the search and the subtree then scan the people
    once and use the records' indexes, instead of joining every record to three tables."""
    return (Q(person_id__in=people.values("pk")) | Q(unit_id__in=units.values("pk"))
            | Q(household_id__in=households.values("pk")))


def board_records(selection: BoardFilter):
    """The public records of ``selection`` (unordered: see ``ordered_for_board``)."""
    records = public_records()
    if selection.year:
        records = records.filter(year=selection.year)
    if selection.honour_id:
        records = records.filter(honor_id=selection.honour_id)
    if selection.unit_path:
        path = selection.unit_path
        records = records.filter(_recipients_where(
            Person.objects.filter(unit__path__startswith=path),
            Unit.objects.filter(path__startswith=path),
            Household.objects.filter(unit__path__startswith=path)))
    if selection.text.strip():
        text = selection.text
        records = records.filter(_recipients_where(
            Person.objects.filter(search_q(text)), Unit.objects.filter(search_q(text)),
            Household.objects.filter(search_q(text))))
    return records


def ordered_for_board(records):
    recipient = Coalesce("person__sort_key", "unit__sort_key", "household__sort_key")
    return (records.select_related("honor", "person__unit", "unit__parent", "household__unit",
                                   "decision_entry__decision", "decision_entry__certificate")
            .order_by("-year", "honor__position", recipient, "id"))


def honour_counts(records, honours: list[Choice]) -> list[HonourCount]:
    """How many records of ``records`` each honour has, in the order of ``honours`` (the
    board's honour choices: catalogue order). Grouped by the honour's id alone, so the
    count needs no join."""
    rows = dict(records.order_by().values_list("honor_id").annotate(count=Count("id")))
    return [HonourCount(honour_id=choice.key, honour=choice.label, count=rows[choice.key])
            for choice in honours if rows.get(choice.key)]


def _recipient(record: HonorRecord, entry: DecisionEntry | None) -> tuple[str, str, str]:
    """(kind, name, detail): a person's position and unit as the decision printed them
    when it was issued here, else as they are now."""
    if record.person_id:
        person = record.person
        detail = entry.recipient_detail if entry else ", ".join(
            part for part in (person.position, person.unit.name) if part)
        return SubjectKind.INDIVIDUAL.label, person.full_name, detail
    if record.unit_id:
        parent = record.unit.parent
        return SubjectKind.COLLECTIVE.label, record.unit.name, parent.name if parent else ""
    household = record.household
    return SubjectKind.HOUSEHOLD.label, household.head_name, household.unit.name


def board_line(record: HonorRecord) -> BoardLine:
    entry = getattr(record, "decision_entry", None)
    certificate = getattr(entry, "certificate", None) if entry else None
    kind, name, detail = _recipient(record, entry)
    return BoardLine(
        kind=str(kind), recipient=name, detail=detail, honour=record.honor.name,
        year=record.year, decision_number=record.decision_number,
        decision_date=record.decision_date, issuer=record.issuer,
        decision_url=decision_url(entry.decision.public_id) if entry else "",
        certificate_url=certificate.get_absolute_url() if certificate else "")


def board_facets() -> tuple[list[int], list[Choice], list[Choice]]:
    """The board's years, top-level units and honours to choose from: the same for every
    address of the board, so kept in the cache once rather than in each cached page
    (each new search would otherwise scan the whole history for them again)."""
    facets = cache.get(FACETS_KEY)
    if facets is None:
        facets = (board_years(), board_units(), board_honours())
        cache.set(FACETS_KEY, facets, settings.PUBLIC_CACHE_SECONDS)
    return facets


def board_years() -> list[int]:
    return list(public_records().order_by("-year").values_list("year", flat=True).distinct())


def board_honours() -> list[Choice]:
    """Honours of the catalogue that some public record carries."""
    honours = (Honor.objects.using(read_db())
               .filter(pk__in=public_records().values("honor_id")).order_by("position", "id"))
    return [Choice(key=pk, label=name) for pk, name in honours.values_list("pk", "name")]


def board_units() -> list[Choice]:
    """The province's top-level units: choosing one selects its whole subtree."""
    units = Unit.objects.using(read_db()).filter(depth=1).order_by("sort_key", "id")
    return [Choice(key=pk, label=name, path=path)
            for pk, name, path in units.values_list("pk", "name", "path")]


def year_counts(years) -> dict[int, int]:
    """Public records per year, for ``years``."""
    rows = (public_records().filter(year__in=years).order_by().values("year")
            .annotate(count=Count("id")))
    return {year: 0 for year in years} | {row["year"]: row["count"] for row in rows}


# -- issued decisions ------------------------------------------------------------------------

@dataclass(frozen=True)
class DecisionSummary:
    public_id: uuid.UUID
    reference: str
    decided_on: dt.date
    authority: str
    subject: str
    is_revocation: bool
    recipients: int

    @property
    def url(self) -> str:
        return decision_url(self.public_id)


@dataclass(frozen=True)
class DecisionLine:
    name: str
    detail: str
    golden_book_number: int | None
    certificate_url: str
    revoked: bool


@dataclass(frozen=True)
class HonourGroup:
    honour: str
    lines: tuple[DecisionLine, ...]


@dataclass(frozen=True)
class RevokedHonour:
    name: str
    detail: str
    honour: str
    year: int
    granted_by: str
    granted_on: dt.date
    ground: str


@dataclass(frozen=True)
class PublicDecision:
    summary: DecisionSummary
    signer_authority: str
    signer_title: str
    signer_name: str
    groups: tuple[HonourGroup, ...]
    revoked: tuple[RevokedHonour, ...]


def decision_url(public_id) -> str:
    return reverse("public:decision", args=[public_id])


def issued_decisions(*, text: str = "", year: int | None = None, issuer_id: int | None = None):
    """Issued decisions (commendations and revocations), newest first."""
    decisions = Decision.objects.using(read_db()).issued()
    if text.strip():
        decisions = decisions.filter(search_q(text))
    if year:
        decisions = decisions.filter(year=year)
    if issuer_id:
        decisions = decisions.filter(issuer_id=issuer_id)
    return (decisions.select_related("issuer").annotate(recipients=Count("entries"))
            .order_by("-decided_on", "-number", "-id"))


def decision_summary(decision: Decision, recipients: int | None = None) -> DecisionSummary:
    return DecisionSummary(
        public_id=decision.public_id, reference=decision.reference,
        decided_on=decision.decided_on, authority=decision.issuer.authority,
        subject=decision.subject, is_revocation=decision.kind == DecisionKind.REVOCATION,
        recipients=decision.recipients if recipients is None else recipients)


def decision_years() -> list[int]:
    issued = Decision.objects.using(read_db()).issued()
    return list(issued.order_by("-year").values_list("year", flat=True).distinct())


def decision_issuers() -> list[Choice]:
    """Issuers that have issued a decision."""
    issuers = (Issuer.objects.using(read_db())
               .filter(pk__in=Decision.objects.issued().values("issuer_id")).order_by("name"))
    return [Choice(key=pk, label=name) for pk, name in issuers.values_list("pk", "name")]


def _line(entry: DecisionEntry) -> DecisionLine:
    certificate = getattr(entry, "certificate", None)
    record = entry.honor_record
    return DecisionLine(name=entry.recipient_name, detail=entry.recipient_detail,
                        golden_book_number=entry.golden_book_number,
                        certificate_url=certificate.get_absolute_url() if certificate else "",
                        revoked=bool(record and record.revoked_on))


def _groups(entries: list[DecisionEntry]) -> tuple[HonourGroup, ...]:
    grouped: dict[str, list[DecisionLine]] = {}
    for entry in entries:
        grouped.setdefault(entry.honor.name, []).append(_line(entry))
    return tuple(HonourGroup(honour=honour, lines=tuple(lines))
                 for honour, lines in grouped.items())


def _revoked(entry: DecisionEntry) -> RevokedHonour:
    granted = entry.revokes.decision
    return RevokedHonour(name=entry.recipient_name, detail=entry.recipient_detail,
                         honour=entry.honor.name, year=entry.year,
                         granted_by=granted.reference, granted_on=granted.decided_on,
                         ground=GROUND_TEXT.get(entry.ground, ""))


def public_decision(public_id) -> PublicDecision:
    """The page of an issued decision (two queries); 404 for anything not issued."""
    decision = get_object_or_404(
        Decision.objects.using(read_db()).issued().select_related("issuer"),
        public_id=public_id)
    entries = list(decision.entries.using(read_db())
                   .select_related("honor", "certificate", "honor_record",
                                   "revokes__decision__issuer")
                   .order_by("honor__position", "position", "id"))
    is_revocation = decision.kind == DecisionKind.REVOCATION
    return PublicDecision(
        summary=decision_summary(decision, len(entries)),
        signer_authority=decision.signer_authority, signer_title=decision.signer_title,
        signer_name=decision.signer_name,
        groups=() if is_revocation else _groups(entries),
        revoked=tuple(_revoked(e) for e in entries) if is_revocation else ())
