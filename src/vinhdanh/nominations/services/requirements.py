"""What a dossier must hold, from the rule pack (honors/law/dossiers.py), and what it lacks.

    required_documents(nomination)  -> [Requirement(kind, article, confirmed, scope)]
    missing_documents(nomination)   -> the requirements with no current file
    simplified_allowed(honor, commendation_type, day) -> Param-like verdict
    public_comment_days(honor, day) -> Param (0: no public comment)
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from vinhdanh.honors.law.model import Param
from vinhdanh.honors.law.packs import effective_pack_for
from vinhdanh.nominations.enums import BATCH_DOCUMENTS, CommendationType, DocumentKind, Procedure

NO_FIGURE = Param(0, "")
# Law Art 85 lists cases of achievements outside the year's emulation; a year-end batch is
# never one of them.
SIMPLIFIED_TYPES = frozenset({CommendationType.THEMATIC, CommendationType.AD_HOC,
                              CommendationType.LONG_SERVICE, CommendationType.FOREIGN})


@dataclass(frozen=True)
class Requirement:
    kind: str
    article: str
    confirmed: bool

    @property
    def label(self) -> str:
        return str(DocumentKind(self.kind).label)

    @property
    def for_batch(self) -> bool:
        return self.kind in BATCH_DOCUMENTS


def _pack(day: dt.date | None):
    day = day or timezone.localdate()
    try:
        return effective_pack_for(day)
    except LookupError:  # before 2024 the first pack's dossier rules are the best known
        return effective_pack_for(dt.date(2024, 1, 1))


def rule_day(nomination) -> dt.date:
    """The day whose rules the dossier follows: when it was received, else today."""
    return nomination.received_on or timezone.localdate()


def required_documents(nomination, day: dt.date | None = None) -> list[Requirement]:
    pack = _pack(day or rule_day(nomination))
    procedure = nomination.batch.procedure
    kinds = pack.dossier(f"documents.{procedure}") or NO_FIGURE
    required = [Requirement(kind, kinds.article, kinds.confirmed) for kind in kinds.value or ()]
    initiative = pack.dossier(f"documents.initiative.{nomination.honor.code}")
    if procedure == Procedure.NORMAL and initiative is not None and initiative.value:
        required.append(Requirement(DocumentKind.INITIATIVE_PROOF, initiative.article,
                                    initiative.confirmed))
    return required


def current_kinds(nomination) -> set[str]:
    """Kinds with a current file: the nomination's own and its batch's."""
    from vinhdanh.nominations.models import NominationDocument

    rows = NominationDocument.objects.filter(batch_id=nomination.batch_id,
                                             replaced_by__isnull=True)
    kinds = set()
    for kind, nomination_id in rows.values_list("kind", "nomination_id"):
        if kind in BATCH_DOCUMENTS or nomination_id == nomination.pk:
            kinds.add(kind)
    return kinds


def missing_documents(nomination, day: dt.date | None = None) -> list[Requirement]:
    present = current_kinds(nomination)
    return [r for r in required_documents(nomination, day) if r.kind not in present]


def simplified_allowed(honor, commendation_type: str, day: dt.date | None = None) -> Param:
    """Whether the simplified procedure may be used: the pack allows it for the honour and
    the commendation type is one of Art 85's cases."""
    figure = _pack(day).dossier(f"simplified.{honor.code}") or Param(False, "")
    allowed = bool(figure.value) and commendation_type in SIMPLIFIED_TYPES
    return Param(allowed, figure.article, figure.confirmed)


def public_comment_days(honor, day: dt.date | None = None) -> Param:
    return _pack(day).dossier(f"public_comment.{honor.code}") or NO_FIGURE
