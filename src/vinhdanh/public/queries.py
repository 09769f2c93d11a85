"""What the public site may show of a public notice, and nothing more.

Pages never receive a Nomination, a Person or a Household: they get the plain
``PublicCandidate`` records built here, which hold only what the law publishes (name,
position and unit, the honour proposed, the summary of achievements). A template therefore
cannot reach a citizen ID, a date of birth, a verdict or a justification by accident.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

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
