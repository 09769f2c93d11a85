import datetime as dt

import pytest

from tests.movements.support import honor, movement_for, open_period
from vinhdanh.movements.enums import ReportPeriod
from vinhdanh.movements.services.registrations import register
from vinhdanh.movements.services.reports import submit_report


@pytest.mark.parametrize(("persona", "allowed"), [
    ("admin", True), ("board_officer", True), ("unit_clerk", False), ("group_leader", False),
    ("viewer", False),
])
def test_change_movement_needs_an_editor_over_the_launcher(province, personas, persona,
                                                            allowed):
    movement = movement_for(province)

    assert getattr(personas, persona).has_perm("movements.change_movement", movement) is allowed


@pytest.mark.parametrize(("persona", "allowed"), [
    ("admin", True), ("board_officer", True), ("unit_clerk", True), ("viewer", False),
    ("council_member", False),
])
def test_add_report_needs_a_clerk_covering_the_unit(province, personas, persona, allowed):
    user = getattr(personas, persona)

    assert user.has_perm("movements.add_progressreport", province.farmers) is allowed
    assert not personas.unit_clerk.has_perm("movements.add_progressreport", province.women)


def test_change_report_only_for_its_unit(province, personas):
    movement = movement_for(province, participants=[province.farmers, province.women])
    theirs = submit_report(movement, actor=None, unit=province.women, year=2024,
                           period=ReportPeriod.MID_YEAR, summary="Kết quả")

    assert not personas.unit_clerk.has_perm("movements.change_progressreport", theirs)
    assert personas.board_officer.has_perm("movements.change_progressreport", theirs)


def test_registration_periods_only_for_province_wide_editors(province, personas):
    assert personas.board_officer.has_perm("movements.change_registrationperiod")
    assert not personas.unit_clerk.has_perm("movements.change_registrationperiod")
    assert not personas.viewer.has_perm("movements.change_registrationperiod")


def test_withdraw_only_by_the_registering_unit_s_clerk(province, personas):
    open_period()
    registration = register(province.women, honor("co_thi_dua_tinh"), 2024, actor=None,
                            today=dt.date(2024, 2, 1))

    assert not personas.unit_clerk.has_perm("movements.delete_registration", registration)
    assert personas.admin.has_perm("movements.delete_registration", registration)


def test_pledge_rules_follow_the_group(province, personas):
    assert personas.group_leader.has_perm("movements.change_pledge", province.bloc)
    assert personas.unit_clerk.has_perm("movements.view_pledge", province.bloc)
    assert not personas.unit_clerk.has_perm("movements.change_pledge", province.bloc)
