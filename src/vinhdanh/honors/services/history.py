"""Writing a candidate's honour history: honours received, task ratings, initiatives and
discipline or pending cases. Every write validates, saves and logs on the candidate, so the
person's, unit's or household's activity shows it.

History is corrected by new rows or by logged edits, never deleted: eligibility reads it.
"""

import copy
import datetime as dt

from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.changes import apply_changes
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.honors.enums import RecordSource, RestrictionKind, SubjectKind
from vinhdanh.honors.models import (
    DisciplinePeriod,
    Honor,
    HonorRecord,
    Initiative,
    TaskRatingRecord,
)

# Nothing before the Democratic Republic of Vietnam (1945) can be a record.
FIRST_YEAR = 1945
CANDIDATE_FIELDS = {"Person": "person", "Unit": "unit", "Household": "household"}
SUBJECTS = {"person": SubjectKind.INDIVIDUAL, "unit": SubjectKind.COLLECTIVE,
            "household": SubjectKind.HOUSEHOLD}
HONOR_RECORD_FIELDS = {"honor", "year", "first_year", "decision_number", "decision_date",
                       "issuer", "notes"}


def candidate_field(candidate) -> str:
    """"person", "unit" or "household": the CandidateFields field that holds ``candidate``."""
    return CANDIDATE_FIELDS[type(candidate).__name__]


def candidate_fields(candidate) -> dict:
    """The CandidateFields kwargs for a Person, Unit or Household."""
    return {candidate_field(candidate): candidate}


def subject_of(candidate) -> str:
    return SUBJECTS[candidate_field(candidate)]


def last_year() -> int:
    """The latest year a record may name: a year's titles are decided in its last weeks,
    and offices enter next year's as soon as they are known."""
    return dt.date.today().year + 1


def year_problem(year) -> str | None:
    """Why ``year`` cannot be a history year, or None."""
    if year is None or not FIRST_YEAR <= year <= last_year():
        return _("A year from %(first)s to %(last)s.") % {"first": FIRST_YEAR,
                                                          "last": last_year()}
    return None


def _check_year(year, field: str = "year") -> None:
    problem = year_problem(year)
    if problem:
        raise DomainError({field: problem})


def _check_period(first_year, year) -> None:
    if first_year is not None:
        _check_year(first_year, "first_year")
        if first_year > year:
            raise DomainError({"first_year": _("The first year is after the year.")})


def not_for_subject_message(honor, subject: str) -> str:
    messages = {
        SubjectKind.INDIVIDUAL: _("%(honour)s is not awarded to individuals."),
        SubjectKind.COLLECTIVE: _("%(honour)s is not awarded to collectives."),
        SubjectKind.HOUSEHOLD: _("%(honour)s is not awarded to households."),
    }
    return messages[subject] % {"honour": honor.name}


def _honor(code: str) -> Honor:
    honor = Honor.objects.filter(code=code).first()
    if honor is None:
        raise DomainError({"honor": _("Unknown honour %(code)s.") % {"code": code}})
    return honor


def _check_honor_record(record: HonorRecord) -> None:
    """The honour fits the candidate, the years are sound, and it is not there already."""
    if not record.honor.accepts(record.subject):
        raise DomainError({"honor": not_for_subject_message(record.honor, record.subject)})
    _check_year(record.year)
    _check_period(record.first_year, record.year)
    same = HonorRecord.objects.of(record.candidate).filter(honor=record.honor, year=record.year)
    if same.exclude(pk=record.pk).exists():
        raise DomainError({"year": _("%(candidate)s already has %(honour)s for %(year)s.") % {
            "candidate": record.candidate, "honour": record.honor.name, "year": record.year}})


def _decision_label(record: HonorRecord) -> str:
    """" (1234/QĐ-UBND 05/02/2024)" for the log message; empty without a number."""
    parts = [record.decision_number]
    if record.decision_date:
        parts.append(formats.date_format(record.decision_date, "d/m/Y"))
    return f" ({' '.join(parts)})" if record.decision_number else ""


@transaction.atomic
def add_honor_record(candidate, *, actor, honor_code, year, first_year=None,
                     decision_number="", decision_date=None, issuer="",
                     source=RecordSource.ENTERED, notes="") -> HonorRecord:
    """Adds an honour the candidate received; refuses the same honour twice for one year."""
    record = HonorRecord(
        **candidate_fields(candidate), honor=_honor(honor_code), year=year,
        first_year=first_year, decision_number=decision_number, decision_date=decision_date,
        issuer=issuer, source=source, notes=notes)
    _check_honor_record(record)
    record.full_clean()
    record.save()
    log_action(candidate, actor=actor, action="honors.honor_record_added",
               message=_("Recorded %(honour)s %(year)s%(decision)s") % {
                   "honour": record.honor.name, "year": year,
                   "decision": _decision_label(record)},
               record=record.pk, honor=honor_code, year=year, source=source)
    return record


def _with_changes(record: HonorRecord, changes: dict) -> HonorRecord:
    """An unsaved copy with ``changes``, checked before the record itself is touched."""
    preview = copy.copy(record)
    for name in HONOR_RECORD_FIELDS & changes.keys():
        setattr(preview, name, changes[name])
    return preview


@transaction.atomic
def update_honor_record(record: HonorRecord, *, actor, **changes) -> HonorRecord:
    """Corrects a record's honour, years or decision; ``honor_code`` names a new honour."""
    if "honor_code" in changes:
        changes["honor"] = _honor(changes.pop("honor_code"))
    _check_honor_record(_with_changes(record, changes))
    changed = apply_changes(record, changes, allowed=HONOR_RECORD_FIELDS)
    log_action(record.candidate, actor=actor, action="honors.honor_record_updated",
               message=_("Corrected the record of %(honour)s %(year)s") % {
                   "honour": record.honor.name, "year": record.year},
               record=record.pk, fields=changed)
    return record


@transaction.atomic
def revoke_honor_record(record: HonorRecord, *, actor, revoked_on, revocation: str
                        ) -> HonorRecord:
    """Marks an honour revoked by a revocation decision (``revocation`` names it and the
    ground); the record stays in the history and stops counting for any criterion."""
    if record.revoked_on is not None:
        raise DomainError(_("This honour was already revoked on %(date)s.") % {
            "date": formats.date_format(record.revoked_on, "d/m/Y")})
    # The decision's reference, its authority and the ground can outgrow the column (an
    # authority may be 255 characters): PostgreSQL would refuse the whole issue.
    limit = HonorRecord._meta.get_field("revocation").max_length
    record.revoked_on, record.revocation = revoked_on, nfc(revocation)[:limit]
    record.save(update_fields=["revoked_on", "revocation"])
    log_action(record.candidate, actor=actor, action="honors.honor_record_revoked",
               message=_("Revoked %(honour)s %(year)s: %(revocation)s") % {
                   "honour": record.honor.name, "year": record.year,
                   "revocation": record.revocation},
               record=record.pk)
    return record


def _check_rating_subject(candidate) -> None:
    if candidate_field(candidate) == "household":
        raise DomainError(_("Households have no task ratings."))


@transaction.atomic
def set_task_rating(candidate, *, actor, year, rating) -> TaskRatingRecord:
    """Sets the candidate's task rating for ``year``, replacing an earlier one (logged)."""
    _check_rating_subject(candidate)
    _check_year(year)
    record = TaskRatingRecord.objects.of(candidate).filter(year=year).first()
    old = record.rating if record else ""
    if record is None:
        record = TaskRatingRecord(**candidate_fields(candidate), year=year)
    if old == rating:
        return record
    record.rating, record.source = rating, RecordSource.ENTERED
    record.full_clean()
    record.save()
    log_action(candidate, actor=actor, action="honors.task_rating_set",
               message=_("Task rating %(year)s: %(rating)s") % {
                   "year": year, "rating": record.get_rating_display()},
               year=year, old=old, new=rating)
    return record


@transaction.atomic
def add_initiative(candidate, *, actor, title, kind, level, year,
                   recognised_by="") -> Initiative:
    """Adds a recognised initiative, scientific work or combat ingenuity."""
    _check_year(year)
    initiative = Initiative(**candidate_fields(candidate), title=title, kind=kind, level=level,
                            year=year, recognised_by=recognised_by)
    initiative.full_clean()
    initiative.save()
    log_action(candidate, actor=actor, action="honors.initiative_added",
               message=_("Recorded the initiative “%(title)s” (%(level)s, %(year)s)") % {
                   "title": initiative.title, "level": initiative.get_level_display(),
                   "year": year},
               initiative=initiative.pk)
    return initiative


def _check_restriction(period: DisciplinePeriod) -> None:
    if period.level and period.kind != RestrictionKind.DISCIPLINE:
        raise DomainError({"level": _("A discipline level goes with discipline only.")})
    if period.ends_on and period.starts_on and period.ends_on < period.starts_on:
        raise DomainError({"ends_on": _("The end date is before the start date.")})


@transaction.atomic
def add_restriction(candidate, *, actor, kind, starts_on, ends_on=None, level="",
                    notes="") -> DisciplinePeriod:
    """Records discipline, or a pending investigation, inspection or complaint."""
    period = DisciplinePeriod(**candidate_fields(candidate), kind=kind, starts_on=starts_on,
                              ends_on=ends_on, level=level, notes=notes)
    _check_restriction(period)
    period.full_clean()
    period.save()
    log_action(candidate, actor=actor, action="honors.restriction_added",
               message=_("Recorded %(kind)s from %(start)s") % {
                   "kind": period.get_kind_display().lower(),
                   "start": formats.date_format(starts_on, "d/m/Y")},
               period=period.pk, kind=kind)
    return period


@transaction.atomic
def end_restriction(period: DisciplinePeriod, *, actor, ends_on) -> DisciplinePeriod:
    """Sets the day a discipline or pending case ended (or corrects it)."""
    old = period.ends_on
    period.ends_on = ends_on
    _check_restriction(period)
    period.full_clean()
    period.save(update_fields=["ends_on"])
    log_action(period.candidate, actor=actor, action="honors.restriction_ended",
               message=_("%(kind)s from %(start)s ended on %(end)s") % {
                   "kind": period.get_kind_display(),
                   "start": formats.date_format(period.starts_on, "d/m/Y"),
                   "end": formats.date_format(ends_on, "d/m/Y")},
               period=period.pk, old=old.isoformat() if old else None,
               new=ends_on.isoformat())
    return period
