"""Who sees which movements, reports, directives, registrations and pledges.

The test province has two organisations; the farmers' clerk must never see the women's
reports or registrations.
"""

import datetime as dt

from tests.factories import UnitFactory, UserFactory
from tests.movements.support import honor, movement_for, open_period
from vinhdanh.movements.enums import DirectiveKind, ReportPeriod
from vinhdanh.movements.models import Directive, Movement, ProgressReport, Registration
from vinhdanh.movements.queries import ancestor_paths
from vinhdanh.movements.services.directives import create_directive
from vinhdanh.movements.services.pledges import save_pledge
from vinhdanh.movements.services.registrations import register
from vinhdanh.movements.services.reports import submit_report
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import RoleAssignment

IN_TIME = dt.date(2024, 2, 1)


def _report(movement, unit):
    return submit_report(movement, actor=None, unit=unit, year=2024,
                         period=ReportPeriod.YEAR_END, summary="Kết quả")


def _clerk_of(unit):
    user = UserFactory()
    RoleAssignment.objects.create(user=user, role=Role.UNIT_CLERK, unit=unit)
    return user


def test_ancestor_paths_are_every_prefix():
    assert ancestor_paths(["/1/7/42/"]) == {"/1/", "/1/7/", "/1/7/42/"}


def test_movement_seen_by_participant_launcher_and_not_others(province, personas):
    movement = movement_for(province, participants=[province.women])

    assert list(Movement.objects.visible_to(personas.board_officer)) == [movement]
    assert list(Movement.objects.visible_to(_clerk_of(province.women_sub))) == [movement]
    assert not Movement.objects.visible_to(personas.unit_clerk).exists()


def test_movement_launched_by_a_unit_is_seen_by_its_clerk(province, personas):
    movement = movement_for(province, launched_by=province.farmers, participants=[])

    assert list(Movement.objects.visible_to(personas.unit_clerk)) == [movement]


def test_cascading_movement_reaches_clerks_under_an_ancestor_participant(province, personas):
    cascading = movement_for(province, participants=[province.root])
    movement_for(province, participants=[province.root], cascade=False)

    assert list(Movement.objects.visible_to(personas.unit_clerk)) == [cascading]


def test_group_leader_sees_movements_of_member_units(province, personas):
    movement = movement_for(province)

    assert list(Movement.objects.visible_to(personas.group_leader)) == [movement]


def test_user_without_roles_sees_nothing(province):
    movement_for(province)

    assert not Movement.objects.visible_to(UserFactory()).exists()


def test_reports_of_other_units_stay_hidden_from_the_clerk(province, personas):
    movement = movement_for(province, participants=[province.farmers, province.women])
    mine = _report(movement, province.farmers)
    _report(movement, province.women)

    assert list(ProgressReport.objects.visible_to(personas.unit_clerk)) == [mine]
    assert ProgressReport.objects.visible_to(personas.board_officer).count() == 2


def test_launcher_sees_every_report_of_its_movement(province, personas):
    movement = movement_for(province, launched_by=province.farmers,
                            participants=[province.farmers, province.women])
    _report(movement, province.women)

    assert ProgressReport.objects.visible_to(personas.unit_clerk).count() == 1


def test_registrations_of_other_units_stay_hidden(province, personas):
    open_period()
    mine = register(province.farmer_people[0], honor("lao_dong_tien_tien"), 2024, actor=None,
                    today=IN_TIME)
    register(province.women_people[0], honor("lao_dong_tien_tien"), 2024, actor=None,
             today=IN_TIME)

    assert list(Registration.objects.visible_to(personas.unit_clerk)) == [mine]
    assert Registration.objects.visible_to(personas.admin).count() == 2


def test_directives_of_the_province_reach_every_clerk_but_not_a_sibling_s(province, personas):
    common = dict(issued_on=dt.date(2024, 1, 5), kind=DirectiveKind.PLAN, summary="Kế hoạch")
    above = create_directive(actor=None, number="1/KH", issuer="UBND tỉnh",
                             issuer_unit=province.root, **common)
    create_directive(actor=None, number="2/KH", issuer="Hội Phụ nữ",
                     issuer_unit=province.women, **common)

    assert list(Directive.objects.visible_to(personas.unit_clerk)) == [above]


def test_pledge_follows_the_group_visibility(province, personas):
    other = UnitFactory(parent=province.root)
    save_pledge(province.bloc, actor=None, text="Giao ước")

    assert province.bloc.pledge.__class__.objects.visible_to(personas.unit_clerk).count() == 1
    assert not province.bloc.pledge.__class__.objects.visible_to(_clerk_of(other)).exists()
