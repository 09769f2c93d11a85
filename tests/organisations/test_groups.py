import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from tests.factories import UnitFactory
from vinhdanh.core.errors import DomainError
from vinhdanh.core.models import ActivityLog
from vinhdanh.organisations.enums import GroupKind
from vinhdanh.organisations.models import EmulationGroup, GroupMembership
from vinhdanh.organisations.services import groups as svc


@pytest.fixture
def bloc_2023(db):
    """The Front bloc of 2023: the Veterans lead, the Farmers' Union comes next in turn."""
    units = {code: UnitFactory(code=code, name=name) for code, name in [
        ("MTTQ", "Ủy ban MTTQ tỉnh"), ("HCCB", "Hội Cựu chiến binh tỉnh"),
        ("HND", "Hội Nông dân tỉnh"), ("HLHPN", "Hội LHPN tỉnh"), ("TD", "Tỉnh đoàn"),
    ]}
    order = [units[c] for c in ["MTTQ", "HCCB", "HND", "HLHPN", "TD"]]
    group = svc.create_group(actor=None, kind=GroupKind.BLOC, year=2023, code="KMTTQ",
                             name="Khối MTTQ", members=order, leader=units["HCCB"],
                             deputy=units["MTTQ"])
    return group, units


def test_copy_to_next_year_takes_next_leader_from_rotation(bloc_2023):
    group, units = bloc_2023
    copy = svc.copy_group_to_next_year(group, actor=None)
    assert (copy.year, copy.leader, copy.deputy) == (2024, units["HND"], units["HLHPN"])
    assert [m.unit.code for m in copy.memberships.all()] == ["MTTQ", "HCCB", "HND", "HLHPN", "TD"]
    assert copy.copied_from == group


def test_copy_to_next_year_accepts_chosen_leadership(bloc_2023):
    group, units = bloc_2023
    copy = svc.copy_group_to_next_year(group, actor=None, leader=units["TD"], deputy=units["HND"])
    assert (copy.leader, copy.deputy) == (units["TD"], units["HND"])


def test_rotation_wraps_round_after_last_member(bloc_2023):
    group, units = bloc_2023
    assert svc.next_in_rotation(group, units["TD"]) == units["MTTQ"]


def test_copy_twice_is_refused(bloc_2023):
    group, _ = bloc_2023
    svc.copy_group_to_next_year(group, actor=None)
    with pytest.raises(DomainError):
        svc.copy_group_to_next_year(group, actor=None)


def test_unit_in_two_blocs_of_one_year_is_refused(bloc_2023):
    _, units = bloc_2023
    with pytest.raises(DomainError):
        svc.create_group(actor=None, kind=GroupKind.BLOC, year=2023, code="K2", name="Khối 2",
                         members=[units["HND"], UnitFactory()])
    assert not EmulationGroup.objects.filter(code="K2").exists()


def test_unit_may_be_in_a_bloc_and_a_cluster_and_next_years_bloc(bloc_2023):
    _, units = bloc_2023
    svc.create_group(actor=None, kind=GroupKind.CLUSTER, year=2023, code="C1", name="Cụm 1",
                     members=[units["HND"]])
    svc.create_group(actor=None, kind=GroupKind.BLOC, year=2024, code="K9", name="Khối 9",
                     members=[units["HND"]])
    assert GroupMembership.objects.filter(unit=units["HND"]).count() == 3


def test_database_refuses_second_bloc_membership(bloc_2023):
    group, units = bloc_2023
    other = EmulationGroup.objects.create(kind=GroupKind.BLOC, year=2023, code="K3", name="K3")
    with pytest.raises(IntegrityError), transaction.atomic():
        GroupMembership.objects.create(group=other, unit=units["HND"], rotation_position=1)


def test_leader_must_be_a_member(bloc_2023):
    group, _ = bloc_2023
    with pytest.raises(DomainError):
        svc.set_leadership(group, actor=None, leader=UnitFactory(), deputy=None)


def test_handover_records_outgoing_and_incoming_leaders(bloc_2023):
    group, units = bloc_2023
    next_group = svc.copy_group_to_next_year(group, actor=None)
    record = svc.record_handover(group, actor=None, held_on=dt.date(2023, 11, 29),
                                 incoming_leader=units["HND"], incoming_deputy=units["HLHPN"],
                                 next_group=next_group)
    assert (record.outgoing_leader, record.incoming_leader) == (units["HCCB"], units["HND"])
    assert ActivityLog.objects.filter(action="group.handover").count() == 1


def test_handover_is_recorded_once(bloc_2023):
    group, units = bloc_2023
    svc.record_handover(group, actor=None, held_on=dt.date(2023, 11, 29),
                        incoming_leader=units["HND"])
    with pytest.raises(DomainError):
        svc.record_handover(group, actor=None, held_on=dt.date(2023, 12, 1),
                            incoming_leader=units["HND"])


def test_handover_outside_the_year_end_is_refused(bloc_2023):
    group, units = bloc_2023
    with pytest.raises(DomainError):
        svc.record_handover(group, actor=None, held_on=dt.date(2021, 11, 29),
                            incoming_leader=units["HND"])


def test_set_members_rewrites_rotation_order(bloc_2023):
    group, units = bloc_2023
    order = [units[c] for c in ["HCCB", "MTTQ", "HND", "HLHPN", "TD"]]
    svc.set_members(group, actor=None, members=order)
    assert [m.unit.code for m in group.memberships.all()] == ["HCCB", "MTTQ", "HND", "HLHPN", "TD"]
