"""Loads the demo province into an empty database, or removes it again."""

from django.db import transaction
from django.db.models import ProtectedError

from vinhdanh.core.models import ActivityLog
from vinhdanh.core.public_holidays import fill_statutory_holidays
from vinhdanh.demo import (
    accounts,
    council,
    decisions,
    history,
    movements,
    nominations,
    people,
    province,
    scoring,
    stories,
    summary,
)
from vinhdanh.organisations.models import EmulationGroup, HandoverRecord, Person, Unit, User


class DemoError(Exception):
    """The demo data cannot be loaded or removed."""


@transaction.atomic
def load() -> list[tuple]:
    """Creates units, people, groups, log-ins, honour history, movements, the Front bloc's
    scoring and the dossiers built on it; returns the log-in rows."""
    units = province.create_units(actor=None)
    people.create_people(units, province.unit_specs())
    groups = province.create_groups(units, actor=None)
    logins = accounts.create_logins(units, groups, actor=None)
    history.create_history()
    movements.create_movements(actor=None)
    scoring.create_scoring(actor=None)
    summary.create_summary()  # the Front bloc's 2023 year-end report
    for year in range(2023, 2028):  # deadlines count working days from these
        fill_statutory_holidays(year)
    nominations.create_nominations()  # after the holidays: its deadlines count working days
    council.create_council()  # votes on the dossiers ready for the council
    decisions.create_decisions()  # issues the approved ones
    stories.create_stories()  # tells of honours the decisions granted
    return logins


@transaction.atomic
def clear() -> None:
    """Deletes all units, people and groups, the demo log-ins, and their activity log.

    The demo province is the whole of the organisation data, so this empties it.
    """
    demo_users = list(
        User.objects.filter(username__in=accounts.USERNAMES).values_list("pk", flat=True)
    )
    try:
        stories.clear()  # stories hold units and honour records
        decisions.clear()  # decision lines hold dossiers and honour records
        council.clear()  # agenda items hold dossiers; members hold units and users
        nominations.clear()  # dossiers hold units, people and proposals
        summary.clear()  # summary reports hold groups
        scoring.clear()  # scores and proposals hold units and groups
        movements.clear()
        history.clear()  # history rows hold people, units and households
        HandoverRecord.objects.all().delete()
        EmulationGroup.objects.all().delete()
        Person.objects.all().delete()
        # A parent is protected while it has children: delete from the leaves up.
        for depth in sorted(set(Unit.objects.values_list("depth", flat=True)), reverse=True):
            Unit.objects.filter(depth=depth).delete()
        User.objects.filter(pk__in=demo_users).delete()
    except ProtectedError as error:
        raise DemoError(f"Other records still refer to the demo data: {error}") from None
    logs = ActivityLog.objects.filter(content_type__app_label="organisations")
    logs.filter(content_type__model__in=["unit", "person", "emulationgroup"]).delete()
    logs.filter(content_type__model="user", object_id__in=[str(pk) for pk in demo_users]).delete()
