"""Registering the titles a unit, person or household aims for in a year (đăng ký thi đua)."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.honors.enums import SubjectKind
from vinhdanh.honors.law.packs import effective_pack_for
from vinhdanh.movements.models import Registration, RegistrationPeriod
from vinhdanh.movements.queries import registrations_of
from vinhdanh.organisations.enums import EDITOR_ROLES
from vinhdanh.organisations.queries import scope_of

__all__ = ["register", "register_many", "registration_warning", "registrations_of",
           "set_registration_period", "withdraw"]

SUBJECTS = {"person": SubjectKind.INDIVIDUAL, "unit": SubjectKind.COLLECTIVE,
            "household": SubjectKind.HOUSEHOLD}


@transaction.atomic
def set_registration_period(*, actor, year: int, opens_on: dt.date, deadline: dt.date,
                            notes: str = "") -> RegistrationPeriod:
    """Sets (or moves) the opening day and the deadline of a year's registrations."""
    if deadline < opens_on:
        raise DomainError({"deadline": [_("The deadline must not be before the opening day.")]})
    period, created = RegistrationPeriod.objects.update_or_create(
        year=year, defaults={"opens_on": opens_on, "deadline": deadline, "notes": notes})
    log_action(period, actor=actor, action="registration_period.set",
               message=_("Registrations for %(year)s: %(opens)s to %(deadline)s")
               % {"year": year, "opens": f"{opens_on:%d/%m/%Y}",
                  "deadline": f"{deadline:%d/%m/%Y}"})
    return period


def _field_of(candidate) -> str:
    return candidate._meta.model_name


def unit_of(candidate):
    """The unit that registers: the candidate unit itself, else the candidate's unit."""
    return candidate if _field_of(candidate) == "unit" else candidate.unit


def _is_late(period: RegistrationPeriod, today: dt.date, *, actor, unit,
             late_reason: str) -> bool:
    """Refuses a registration out of time; True when it is late but allowed."""
    if today < period.opens_on:
        raise DomainError(_("Registrations for %(year)s open on %(day)s.")
                          % {"year": period.year, "day": f"{period.opens_on:%d/%m/%Y}"})
    if today <= period.deadline:
        return False
    if actor is not None and not scope_of(actor).covers_unit(unit, EDITOR_ROLES):
        raise DomainError(_("The deadline for %(year)s registrations has passed.")
                          % {"year": period.year})
    if not late_reason.strip():
        raise DomainError({"late_reason": [_("Give the reason for the late registration.")]})
    return True


def _check_candidate(candidate, honor, year: int) -> None:
    if not honor.accepts(SUBJECTS[_field_of(candidate)]):
        raise DomainError({"honor": [_("%(honor)s is not given to this kind of candidate.")
                                     % {"honor": honor}]})
    if registrations_of(candidate).filter(honor=honor, year=year).exists():
        raise DomainError(_("%(candidate)s has already registered for %(honor)s in %(year)s.")
                          % {"candidate": candidate, "honor": honor, "year": year})


def _period(year: int) -> RegistrationPeriod:
    period = RegistrationPeriod.objects.filter(year=year).first()
    if period is None:
        raise DomainError(_("No registration period has been set for %(year)s.")
                          % {"year": year})
    return period


@transaction.atomic
def register(candidate, honor, year: int, *, actor, late_reason: str = "",
             today: dt.date | None = None) -> Registration:
    """Registers ``candidate`` (a person, unit or household) for ``honor`` in ``year``.

    Before the opening day nobody registers; after the deadline only board officers and
    administrators do, giving a reason.
    """
    unit = unit_of(candidate)
    late = _is_late(_period(year), today or timezone.localdate(), actor=actor, unit=unit,
                    late_reason=late_reason)
    _check_candidate(candidate, honor, year)
    registration = Registration(**{_field_of(candidate): candidate}, honor=honor, year=year,
                                registering_unit=unit, registered_at=timezone.now(),
                                registered_by=actor if actor and actor.is_authenticated
                                else None, late_reason=late_reason.strip() if late else "")
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:  # a concurrent request registered the same candidate first
        raise DomainError(_("This registration already exists.")) from None
    log_action(registration, actor=actor, action="registration.created",
               message=_("%(candidate)s registered for %(honor)s in %(year)s")
               % {"candidate": candidate, "honor": honor, "year": year}, late=late)
    return registration


@transaction.atomic
def register_many(candidates, honor, year: int, *, actor, late_reason: str = "",
                  today: dt.date | None = None) -> list[Registration]:
    """Registers several candidates for one honour; all or none."""
    if not candidates:
        raise DomainError({"people": [_("Choose at least one person.")]})
    done = []
    for candidate in candidates:
        done.append(register(candidate, honor, year, actor=actor, late_reason=late_reason,
                             today=today))
    return done


@transaction.atomic
def withdraw(registration: Registration, *, actor, today: dt.date | None = None) -> None:
    """Withdraws a registration; only until the year's deadline."""
    period = RegistrationPeriod.objects.filter(year=registration.year).first()
    if period is not None and (today or timezone.localdate()) > period.deadline:
        raise DomainError(_("A registration cannot be withdrawn after the deadline."))
    log_action(registration.registering_unit, actor=actor, action="registration.withdrawn",
               message=_("Withdrew the registration of %(candidate)s for %(honor)s in %(year)s")
               % {"candidate": registration.candidate, "honor": registration.honor,
                  "year": registration.year})
    registration.delete()


def registration_warning(*, honor, year: int, person=None, unit=None, household=None,
                         on_date: dt.date) -> str | None:
    """A warning when the rule pack in force on ``on_date`` expects a registration for
    ``honor`` and the candidate has none for ``year``; None otherwise."""
    expected = effective_pack_for(on_date).registration_required(honor.code)
    candidate = person or unit or household
    if not expected.value or registrations_of(candidate).filter(honor=honor, year=year).exists():
        return None
    message = _("%(candidate)s did not register for %(honor)s in %(year)s (%(article)s).") % {
        "candidate": candidate, "honor": honor, "year": year, "article": expected.article}
    if not expected.confirmed:
        message += " " + _("This requirement is not confirmed for the rule pack in force.")
    return message
