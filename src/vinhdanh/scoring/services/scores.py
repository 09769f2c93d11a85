"""Entering scores: one criterion (``record_score``) or a whole sheet (``record_sheet``).

A sheet is what one scorer unit gives one subject unit in one pass. Every save writes one
action-log entry naming the scorer, the subject and each changed criterion with its old and
new values, so a disputed score can be traced.

Deadline policy: after the deadline day a pass refuses the units' entries; group editors
(the group leader, the board) may still enter, and the log marks those entries as late.
"""


from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.core.uploads import MB, upload_problem
from vinhdanh.organisations.models import Unit
from vinhdanh.scoring.enums import PassKind
from vinhdanh.scoring.models import Criterion, Score, ScoringPass
from vinhdanh.scoring.queries import (
    is_group_editor,
    members_of,
    scores_visible_to,
    scoring_units,
)
from vinhdanh.scoring.services.passes import (
    is_open,
    is_past_deadline,
    lock_round,
    refuse_if_published,
    scored_criteria,
)

CENT = Decimal("0.01")
EVIDENCE_MAX_BYTES = 10 * MB
EVIDENCE_FORMATS = ("pdf", "png", "jpeg", "docx", "xlsx")


# --- evidence --------------------------------------------------------------------------------

def validate_evidence(upload) -> None:
    """A PDF, PNG or JPEG image, DOCX or XLSX of at most 10 MB, judged by its content."""
    problem = upload_problem(upload, formats=EVIDENCE_FORMATS, max_bytes=EVIDENCE_MAX_BYTES)
    if problem == "size":
        raise DomainError({"evidence": [_("The evidence file is larger than 10 MB.")]})
    if problem == "format":
        raise DomainError({"evidence": [
            _("The evidence must be a PDF, an image (PNG, JPEG), a DOCX or an XLSX file.")
        ]})


# --- checks shared by a sheet's rows ---------------------------------------------------------

@dataclass
class Sheet:
    """What every row of one scorer's sheet about one subject is checked against."""

    scoring_pass: ScoringPass
    scorer: Unit
    subject: Unit
    late: bool = False
    criteria: dict = field(default_factory=dict)
    self_points: dict = field(default_factory=dict)
    existing: dict = field(default_factory=dict)
    hidden: set = field(default_factory=set)


def _check_open(scoring_pass: ScoringPass, actor, group) -> bool:
    """Refuses a closed pass, and a unit's entry after the deadline; True when late."""
    refuse_if_published(scoring_pass.round)
    if not is_open(scoring_pass):
        raise DomainError(_("This scoring pass is not open."))
    if not is_past_deadline(scoring_pass):
        return False
    if actor is not None and not is_group_editor(actor, group):
        raise DomainError(_("The deadline of this pass has passed; ask the group leader to "
                            "enter the scores."))
    return True


def _check_actor(scoring_pass: ScoringPass, actor, scorer: Unit) -> None:
    if actor is None:  # the system or the demo loader
        return
    if not any(unit.pk == scorer.pk for unit in scoring_units(actor, scoring_pass)):
        raise DomainError(_("You may not enter scores for %(unit)s.") % {"unit": scorer})


def _check_pair(scoring_pass: ScoringPass, scorer: Unit, subject: Unit, group) -> None:
    members = {unit.pk for unit in members_of(group)}
    if scorer.pk not in members or subject.pk not in members:
        raise DomainError(_("Both units must be members of the group."))
    if scoring_pass.kind == PassKind.SELF and scorer.pk != subject.pk:
        raise DomainError(_("In the self-scoring pass a unit scores only itself."))
    if scoring_pass.kind == PassKind.PEER and scorer.pk == subject.pk:
        raise DomainError(_("A unit never scores itself in the peer pass."))
    if scoring_pass.kind == PassKind.LEADER and scorer.pk != group.leader_id:
        raise DomainError(_("Only the group's leader unit consolidates the scores."))


def _self_points(scoring_pass: ScoringPass, subject: Unit) -> dict:
    """The subject's self-scores by criterion: the leader must justify any difference."""
    if scoring_pass.kind != PassKind.LEADER:
        return {}
    rows = Score.objects.filter(scoring_pass__round=scoring_pass.round_id, kind=PassKind.SELF,
                                subject=subject)
    return dict(rows.values_list("criterion_id", "points"))


def open_sheet(scoring_pass: ScoringPass, *, actor, scorer: Unit, subject: Unit) -> Sheet:
    """Checks that ``actor`` may enter this sheet now, and reads what its rows need.

    Locks the round's row first (inside the caller's transaction): a save racing the close
    of the pass either lands before the close counts what is missing, or is refused."""
    lock_round(scoring_pass.round)
    scoring_pass.refresh_from_db(fields=["closed_at", "deadline"])
    group = scoring_pass.round.template.group
    late = _check_open(scoring_pass, actor, group)
    _check_actor(scoring_pass, actor, scorer)
    _check_pair(scoring_pass, scorer, subject, group)
    existing = Score.objects.filter(scoring_pass=scoring_pass, scorer=scorer, subject=subject)
    existing = {score.criterion_id: score for score in existing}
    return Sheet(scoring_pass, scorer, subject, late,
                 criteria={c.pk: c for c in scored_criteria(scoring_pass.round.template)},
                 self_points=_self_points(scoring_pass, subject), existing=existing,
                 hidden=_hidden(scoring_pass, actor, existing))


def _hidden(scoring_pass: ScoringPass, actor, existing: dict) -> set[int]:
    """Criteria whose score ``actor`` may not read (a peer value the unit's clerk typed):
    the actor's form showed them blank, so they must neither overwrite nor clear them."""
    if actor is None or not existing:
        return set()
    ids = [score.pk for score in existing.values()]
    seen = set(scores_visible_to(actor, scoring_pass.round).filter(pk__in=ids)
               .values_list("pk", flat=True))
    return {criterion_id for criterion_id, score in existing.items() if score.pk not in seen}


# --- one row ---------------------------------------------------------------------------------

def _points(value) -> Decimal | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        points = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        points = Decimal("NaN")
    if not points.is_finite() or points != points.quantize(CENT):
        raise DomainError({"points": [_("Enter a number with at most two decimals.")]})
    return points.quantize(CENT)


def _criterion(sheet: Sheet, value) -> Criterion:
    criterion = sheet.criteria.get(getattr(value, "pk", value))
    if criterion is None:
        raise DomainError({"criterion": [
            _("Choose a criterion of this template; sections are not scored.")
        ]})
    return criterion


def _check_abstention(sheet: Sheet, points, reason: str) -> None:
    if sheet.scoring_pass.kind != PassKind.PEER:
        raise DomainError({"abstained": [_("Only a peer score can be abstained from.")]})
    if points is not None:
        raise DomainError({"points": [_("An abstention has no points.")]})
    if not reason:
        raise DomainError({"reason": [_("Say why the unit abstains.")]})


def _check_points(sheet: Sheet, criterion: Criterion, points, reason: str) -> None:
    if points is not None and not Decimal(0) <= points <= criterion.max_points:
        raise DomainError({"points": [_("The points must be between 0 and %(max)s.")
                                      % {"max": criterion.max_points}]})
    is_leader = sheet.scoring_pass.kind == PassKind.LEADER
    if is_leader and points != sheet.self_points.get(criterion.pk) and not reason:
        raise DomainError({"reason": [
            _("Give a reason for changing the unit's self-score.")
        ]})


def _check_hidden(sheet: Sheet, criterion: Criterion, points, abstained, note, evidence) -> None:
    blank = str(points or "").strip() == "" and points != 0 and not abstained
    if criterion.pk in sheet.hidden and not (blank and not note and not evidence):
        raise DomainError({"points": [_("The unit has already entered this score; only the "
                                        "unit can change it while the pass is open.")]})


def _kept_reason(score: Score | None, points, abstained) -> str:
    # A row re-sent unchanged without its reason (an Excel import, an API client that only
    # sends points) keeps the reason given when the value was entered.
    unchanged = score is not None and score.points == points and score.abstained == bool(abstained)
    return score.reason if unchanged else ""


@dataclass(frozen=True)
class Row:
    criterion: Criterion
    points: Decimal | None
    abstained: bool
    reason: str
    note: str
    evidence: object = None


def check_row(sheet: Sheet, *, criterion, points=None, abstained=False, reason="", note="",
              evidence=None) -> Row:
    """The row cleaned, or a DomainError naming the field at fault."""
    criterion = _criterion(sheet, criterion)
    _check_hidden(sheet, criterion, points, abstained, note, evidence)
    points, reason, note = _points(points), nfc(reason or "").strip(), nfc(note or "").strip()
    reason = reason or _kept_reason(sheet.existing.get(criterion.pk), points, abstained)
    if abstained:
        _check_abstention(sheet, points, reason)
    _check_points(sheet, criterion, points, reason)
    if evidence:
        validate_evidence(evidence)
    return Row(criterion, points, bool(abstained), reason, note, evidence or None)


# --- writing ---------------------------------------------------------------------------------

TRACKED = ("points", "abstained", "reason", "note")


def _changes(score: Score | None, row: Row) -> dict:
    """Field → [old, new] for each tracked field the row changes."""
    changes = {}
    for name in TRACKED:
        old = getattr(score, name) if score else None
        new = getattr(row, name)
        if (old or None) != (new or None) or name == "points" and old != new:
            changes[name] = [_plain(old), _plain(new)]
    if row.evidence is not None:
        changes["evidence"] = [score.evidence.name if score and score.evidence else "",
                               row.evidence.name]
    return changes


def _plain(value):
    return str(value) if isinstance(value, Decimal) else value


def write_row(sheet: Sheet, row: Row, *, actor) -> tuple[Score | None, dict]:
    """Creates or updates the score of one row; returns it and what changed."""
    if row.criterion.pk in sheet.hidden:  # a blank row over a value the actor cannot see
        return None, {}
    score = sheet.existing.get(row.criterion.pk)
    changes = _changes(score, row)
    if not changes:
        return score, {}
    score = score or Score(scoring_pass=sheet.scoring_pass, scorer=sheet.scorer,
                           subject=sheet.subject, criterion=row.criterion)
    score.points, score.abstained = row.points, row.abstained
    score.reason, score.note = row.reason, row.note
    score.entered_by = actor if actor is not None and actor.is_authenticated else None
    if row.evidence is not None:
        score.evidence.save(row.evidence.name, row.evidence, save=False)
    score.save()
    sheet.existing[row.criterion.pk] = score
    return score, changes


def log_sheet(sheet: Sheet, *, actor, changes: dict, source: str = "form") -> None:
    """One action-log entry for a saved sheet, with the field-level changes."""
    if not changes:
        return
    labels = ", ".join(sheet.criteria[pk].code or sheet.criteria[pk].title[:40] for pk in changes)
    log_action(sheet.scoring_pass, actor=actor, action="scoring.scores_recorded",
               message=_("%(scorer)s scored %(subject)s (%(pass)s): criteria %(criteria)s")
               % {"scorer": sheet.scorer, "subject": sheet.subject,
                  "pass": sheet.scoring_pass.get_kind_display(), "criteria": labels},
               scorer=sheet.scorer.pk, subject=sheet.subject.pk, kind=sheet.scoring_pass.kind,
               late=sheet.late, source=source,
               changes={str(pk): change for pk, change in changes.items()})


@transaction.atomic
def record_score(scoring_pass: ScoringPass, *, actor, scorer, subject, criterion, points=None,
                 abstained=False, reason="", evidence=None, note="") -> Score:
    """Writes one score (points, or an abstention with its reason) and logs the change."""
    sheet = open_sheet(scoring_pass, actor=actor, scorer=scorer, subject=subject)
    row = check_row(sheet, criterion=criterion, points=points, abstained=abstained,
                    reason=reason, note=note, evidence=evidence)
    score, changes = write_row(sheet, row, actor=actor)
    log_sheet(sheet, actor=actor, changes={row.criterion.pk: changes} if changes else {})
    return score


def _check_rows(sheet: Sheet, rows) -> list[Row]:
    """Every row checked before anything is written; the errors name their criteria."""
    cleaned, errors = [], []
    for data in rows:
        try:
            cleaned.append(check_row(sheet, **data))
        except DomainError as error:
            label = sheet.criteria.get(getattr(data.get("criterion"), "pk",
                                               data.get("criterion")))
            errors.extend(f"{label or '?'}: {message}" for message in error.messages)
    if errors:
        raise DomainError(errors)
    return cleaned


@transaction.atomic
def record_sheet(scoring_pass: ScoringPass, *, actor, scorer, subject, rows,
                 source: str = "form") -> list[Score]:
    """Writes a sheet's rows (dicts of criterion, points, abstained, reason, note, evidence)
    all or nothing; a blank row clears the score. One log entry for the whole sheet."""
    sheet = open_sheet(scoring_pass, actor=actor, scorer=scorer, subject=subject)
    changes, scores = {}, []
    for row in _check_rows(sheet, rows):
        score, changed = write_row(sheet, row, actor=actor)
        if changed:
            changes[row.criterion.pk] = changed
        if score is not None:
            scores.append(score)
    log_sheet(sheet, actor=actor, changes=changes, source=source)
    return scores
