import datetime as dt

import pytest
from django.utils.translation import gettext

from tests.factories import PersonFactory
from tests.movements.support import honor, open_period
from vinhdanh.core.audit import history_of
from vinhdanh.core.errors import DomainError
from vinhdanh.honors.models import RuleSetting  # noqa: F401 - the pack reads it
from vinhdanh.movements.models import Registration, RegistrationPeriod
from vinhdanh.movements.services.registrations import (
    register,
    register_many,
    registration_warning,
    registrations_of,
    set_registration_period,
    withdraw,
)

IN_TIME = dt.date(2024, 2, 1)
LATE = dt.date(2024, 4, 2)
LDTT = "lao_dong_tien_tien"
FLAG = "co_thi_dua_tinh"


@pytest.fixture
def period(db):
    return open_period()


def test_set_registration_period_updates_the_year_and_logs(period):
    set_registration_period(actor=None, year=2024, opens_on=dt.date(2024, 1, 2),
                            deadline=dt.date(2024, 4, 30))

    assert RegistrationPeriod.objects.get().deadline == dt.date(2024, 4, 30)
    assert history_of(period).count() == 2


def test_set_registration_period_refuses_deadline_before_opening(db):
    with pytest.raises(DomainError):
        set_registration_period(actor=None, year=2024, opens_on=dt.date(2024, 3, 1),
                                deadline=dt.date(2024, 2, 1))


def test_register_person_in_time_records_their_unit(province, personas, period):
    person = province.farmer_people[1]

    registration = register(person, honor(LDTT), 2024, actor=personas.unit_clerk, today=IN_TIME)

    assert registration.registering_unit == province.farmers_sub
    assert registration.registered_by == personas.unit_clerk
    assert history_of(registration).get().action == "registration.created"


def test_register_unit_for_the_flag(province, personas, period):
    registration = register(province.farmers, honor(FLAG), 2024, actor=personas.unit_clerk,
                            today=IN_TIME)

    assert registration.unit == province.farmers


def test_register_refuses_without_a_period(province, personas):
    with pytest.raises(DomainError) as error:
        register(province.farmers, honor(FLAG), 2024, actor=personas.unit_clerk, today=IN_TIME)

    assert error.value.messages == [
        gettext("No registration period has been set for %(year)s.") % {"year": 2024}]


def test_register_refuses_before_opening(province, personas, period):
    with pytest.raises(DomainError):
        register(province.farmers, honor(FLAG), 2024, actor=personas.unit_clerk,
                 today=dt.date(2023, 12, 31))


def test_register_refuses_a_clerk_after_the_deadline(province, personas, period):
    with pytest.raises(DomainError) as error:
        register(province.farmers, honor(FLAG), 2024, actor=personas.unit_clerk, today=LATE,
                 late_reason="Chậm do họp")

    assert error.value.messages == [
        gettext("The deadline for %(year)s registrations has passed.") % {"year": 2024}]


def test_register_late_by_board_officer_needs_a_reason(province, personas, period):
    with pytest.raises(DomainError) as error:
        register(province.farmers, honor(FLAG), 2024, actor=personas.board_officer, today=LATE)

    assert error.value.message_dict["late_reason"] == [
        gettext("Give the reason for the late registration.")]


def test_register_late_by_board_officer_with_reason(province, personas, period):
    registration = register(province.farmers, honor(FLAG), 2024, actor=personas.board_officer,
                            today=LATE, late_reason="Đơn vị mới thành lập")

    assert registration.late_reason == "Đơn vị mới thành lập"


def test_register_refuses_an_honour_not_for_the_subject(province, personas, period):
    with pytest.raises(DomainError) as error:
        register(province.farmers, honor(LDTT), 2024, actor=personas.unit_clerk, today=IN_TIME)

    assert "honor" in error.value.message_dict


def test_register_refuses_twice(province, personas, period):
    register(province.farmers, honor(FLAG), 2024, actor=None, today=IN_TIME)

    with pytest.raises(DomainError):
        register(province.farmers, honor(FLAG), 2024, actor=None, today=IN_TIME)


def test_register_many_is_all_or_nothing(province, personas, period):
    people = [PersonFactory(unit=province.farmers) for _ in range(3)]
    register(people[2], honor(LDTT), 2024, actor=None, today=IN_TIME)

    with pytest.raises(DomainError):
        register_many(people, honor(LDTT), 2024, actor=personas.unit_clerk, today=IN_TIME)

    assert Registration.objects.count() == 1


def test_register_many_registers_each(province, personas, period):
    people = [PersonFactory(unit=province.farmers) for _ in range(3)]

    done = register_many(people, honor(LDTT), 2024, actor=personas.unit_clerk, today=IN_TIME)

    assert len(done) == 3


def test_withdraw_before_deadline_deletes_and_logs(province, personas, period):
    registration = register(province.farmers, honor(FLAG), 2024, actor=None, today=IN_TIME)

    withdraw(registration, actor=personas.unit_clerk, today=IN_TIME)

    assert not Registration.objects.exists()
    assert history_of(province.farmers).filter(action="registration.withdrawn").exists()


def test_withdraw_after_deadline_is_refused(province, personas, period):
    registration = register(province.farmers, honor(FLAG), 2024, actor=None, today=IN_TIME)

    with pytest.raises(DomainError):
        withdraw(registration, actor=personas.unit_clerk, today=LATE)


def test_registration_warning_when_expected_and_missing(province):
    warning = registration_warning(honor=honor(FLAG), year=2024, unit=province.farmers,
                                   on_date=dt.date(2024, 12, 31))

    assert warning.startswith(str(province.farmers))
    assert gettext("This requirement is not confirmed for the rule pack in force.") in warning


def test_registration_warning_none_when_registered(province, period):
    register(province.farmers, honor(FLAG), 2024, actor=None, today=IN_TIME)

    assert registration_warning(honor=honor(FLAG), year=2024, unit=province.farmers,
                                on_date=dt.date(2024, 12, 31)) is None


def test_registration_warning_none_when_not_expected(province):
    person = province.farmer_people[0]

    assert registration_warning(honor=honor("bang_khen_tinh"), year=2024, person=person,
                                on_date=dt.date(2024, 12, 31)) is None


def test_registrations_of_lists_only_the_candidate(province, period):
    mine = register(province.farmers, honor(FLAG), 2024, actor=None, today=IN_TIME)
    register(province.women, honor(FLAG), 2024, actor=None, today=IN_TIME)

    assert list(registrations_of(province.farmers)) == [mine]
