"""What the public site may show of a public notice or a certificate, and nothing more.

Pages never receive a Nomination, a Person or a Household: they get the plain
``PublicCandidate`` records built here, which hold only what the law publishes (name,
position and unit, the honour proposed, the summary of achievements). A template therefore
cannot reach a citizen ID, a date of birth, a verdict or a justification by accident.
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.db import read_db
from vinhdanh.decisions.enums import GROUND_TEXT, DecisionKind, DecisionState
from vinhdanh.decisions.models import Certificate, Decision, DecisionEntry
from vinhdanh.nominations.enums import CommentState, NominationState
from vinhdanh.nominations.models import Nomination, PublicComment, PublicNotice

# A notice stays on the public site this long after it closes; then the candidates'
# details are no longer published (the list and the page both drop it).
SHOWN_AFTER_CLOSING = dt.timedelta(days=90)
# A withdrawn or rejected candidate is no longer proposed: the public no longer sees it
# (nor comments on it), though the notice keeps the link for the record.
NO_LONGER_PROPOSED = (NominationState.WITHDRAWN, NominationState.REJECTED)


@dataclass(frozen=True)
class PublicAnswer:
    initials: str
    text: str
    answer: str
    answered_on: dt.date


@dataclass
class PublicCandidate:
    key: int
    kind: str
    name: str
    detail: str
    honour: str
    summary: str
    answers: list[PublicAnswer] = field(default_factory=list)

    @property
    def choice_label(self) -> str:
        return f"{self.name} – {self.honour}"


def listed_notices(today: dt.date | None = None):
    """Notices open today or closed within ``SHOWN_AFTER_CLOSING``, newest first."""
    today = today or timezone.localdate()
    return (PublicNotice.objects
            .filter(opens_on__lte=today, closes_on__gte=today - SHOWN_AFTER_CLOSING)
            .annotate(candidate_count=Count(
                "nominations", filter=~Q(nominations__state__in=NO_LONGER_PROPOSED)))
            .order_by("-opens_on", "-id"))


def notice_or_404(public_id, today: dt.date | None = None) -> PublicNotice:
    return get_object_or_404(listed_notices(today), public_id=public_id)


def initials(name: str) -> str:
    """"Nguyễn Văn An" → "N.V.A.": enough to recognise one's own comment, not to find one."""
    return "".join(f"{word[0].upper()}." for word in name.split())


def _describe(nomination: Nomination) -> tuple[str, str, str]:
    """(kind, name, detail) of the candidate: the published fields only."""
    if nomination.person_id:
        person = nomination.person
        detail = ", ".join(part for part in (person.position, person.unit.name) if part)
        return _("Individual"), person.full_name, detail
    if nomination.unit_id:
        return _("Collective"), nomination.unit.name, ""
    household = nomination.household
    return _("Household"), household.head_name, household.unit.name


def _answers(notice: PublicNotice) -> dict[int, list[PublicAnswer]]:
    """Accepted and answered comments of ``notice`` by nomination id (no contact data)."""
    comments = (PublicComment.objects
                .filter(notice=notice, state=CommentState.ACCEPTED, answered_at__isnull=False)
                .only("nomination_id", "name", "text", "answer", "answered_at")
                .order_by("answered_at", "id"))
    found: dict[int, list[PublicAnswer]] = {}
    for comment in comments:
        found.setdefault(comment.nomination_id, []).append(PublicAnswer(
            initials=initials(comment.name), text=comment.text, answer=comment.answer,
            answered_on=timezone.localdate(comment.answered_at)))
    return found


def _candidate(nomination: Nomination, answers: list[PublicAnswer]) -> PublicCandidate:
    kind, name, detail = _describe(nomination)
    return PublicCandidate(key=nomination.pk, kind=kind, name=name, detail=detail,
                           honour=nomination.honor.name, summary=nomination.summary,
                           answers=answers)


def candidates(notice: PublicNotice) -> list[PublicCandidate]:
    """The candidates of ``notice`` in dossier order, each with its published answers."""
    nominations = (notice.nominations.exclude(state__in=NO_LONGER_PROPOSED)
                   .select_related("person__unit", "unit", "household__unit", "honor")
                   .order_by("honor__position", "batch_id", "id"))
    answers = _answers(notice)
    return [_candidate(n, answers.get(n.pk, [])) for n in nominations]


# -- certificates ----------------------------------------------------------------------------
# The verification page gets ``PublicCertificate`` records only: what the certificate itself
# prints, never the person's record or the bonus.

@dataclass(frozen=True)
class PublicRevocation:
    reference: str
    decided_on: dt.date
    ground: str


@dataclass(frozen=True)
class PublicCertificate:
    public_id: uuid.UUID
    holder: str
    detail: str
    honour: str
    year: int
    reference: str
    decided_on: dt.date
    authority: str
    golden_book_number: int | None
    golden_book_year: int | None
    revocation: PublicRevocation | None
    has_file: bool

    @property
    def is_revoked(self) -> bool:
        return self.revocation is not None


@dataclass(frozen=True)
class IssuedMatch:
    """An issued document whose stored PDF has a given SHA-256; ``url`` is empty when the
    document has no public page (decisions)."""

    is_certificate: bool
    title: str
    reference: str
    decided_on: dt.date
    url: str


def issued_certificates():
    """Certificates of issued commendation decisions: the only ones the public may see."""
    return (Certificate.objects.using(read_db())
            .filter(entry__decision__state=DecisionState.ISSUED,
                    entry__decision__kind=DecisionKind.AWARD)
            .select_related("entry__honor", "entry__decision__issuer"))


def certificate_or_404(public_id) -> Certificate:
    return get_object_or_404(issued_certificates(), public_id=public_id)


def _revocation(entry: DecisionEntry) -> PublicRevocation | None:
    line = (DecisionEntry.objects.using(read_db())
            .filter(revokes=entry, decision__state=DecisionState.ISSUED)
            .select_related("decision__issuer").order_by("decision__decided_on", "id").first())
    if line is None:
        return None
    return PublicRevocation(reference=line.decision.reference,
                            decided_on=line.decision.decided_on,
                            ground=GROUND_TEXT.get(line.ground, ""))


def public_certificate(certificate: Certificate) -> PublicCertificate:
    """What the verification page shows of ``certificate`` (one query: the revocation)."""
    entry = certificate.entry
    decision = entry.decision
    return PublicCertificate(
        public_id=certificate.public_id, holder=entry.recipient_name,
        detail=entry.recipient_detail, honour=entry.honor.name, year=entry.year,
        reference=decision.reference, decided_on=decision.decided_on,
        authority=decision.issuer.authority, golden_book_number=entry.golden_book_number,
        golden_book_year=decision.year, revocation=_revocation(entry),
        has_file=bool(certificate.file))


def issued_match(sha256: str) -> IssuedMatch | None:
    """The issued certificate or decision whose stored PDF has this SHA-256, if any."""
    certificate = issued_certificates().filter(sha256=sha256).first()
    if certificate is not None:
        decision = certificate.entry.decision
        return IssuedMatch(is_certificate=True, title=str(certificate.entry.recipient_name),
                           reference=decision.reference, decided_on=decision.decided_on,
                           url=certificate.get_absolute_url())
    decision = (Decision.objects.using(read_db()).issued().filter(pdf_sha256=sha256)
                .select_related("issuer").first())
    if decision is None:
        return None
    return IssuedMatch(is_certificate=False, title=decision.subject,
                       reference=decision.reference, decided_on=decision.decided_on, url="")
