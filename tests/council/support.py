"""Shared pieces of the council tests: members in office, a session, ready dossiers."""

import datetime as dt

from tests.factories import UserFactory
from tests.nominations.support import in_appraisal
from vinhdanh.council.enums import MemberRole
from vinhdanh.council.models import CouncilMember
from vinhdanh.council.services import ballots, sessions
from vinhdanh.nominations.services import workflow

HELD_ON = dt.date(2026, 12, 10)


def make_members(province, count=5, *, username="thanhvien", name="Thành viên Số"):
    """``count`` members in office; the last one works at the Farmers' Union (the unit of
    the dossiers ``ready`` makes), so the vote on them recuses him automatically."""
    members = []
    for index in range(count):
        unit = province.farmers if index == count - 1 else province.root
        members.append(CouncilMember.objects.create(
            user=UserFactory(username=f"{username}{index}"), name=f"{name}{index}",
            role=MemberRole.CHAIR if index == 0 else MemberRole.MEMBER, unit=unit,
            term_start=dt.date(2026, 1, 1)))
    return members


def ready(province, personas, honor_code="bang_khen_tinh", **kwargs):
    """A dossier of the Farmers' Union ready for the council."""
    nomination = in_appraisal(province, personas.unit_clerk, personas.board_officer,
                              honor_code=honor_code, justification="Thành tích đặc biệt",
                              **kwargs)
    workflow.pass_to_council(nomination, actor=personas.board_officer)
    return nomination


def make_session(officer, title="Phiên họp Hội đồng tháng 12", held_on=HELD_ON):
    return sessions.create_session(actor=officer, title=title, held_on=held_on,
                                   secretary=officer, place="Hội trường tầng 3")


def attend(session, members, officer):
    for member in members:
        sessions.record_attendance(session, member, present=True, actor=officer)


def voting_on(session, nominations, officer):
    """Puts the dossiers on the agenda, opens the session if needed and every vote."""
    items = sessions.add_to_agenda(session, nominations, actor=officer)
    if session.state == "draft":
        sessions.open_session(session, actor=officer)
    return [ballots.open_voting(item, actor=officer) for item in items]


def council_of_ten(province):
    """The ballot tests' council: ten members in office, the last at the Farmers' Union."""
    return make_members(province, 10, username="uyvien", name="Ủy viên ")


def voting_on_one(session, nomination, officer):
    return voting_on(session, [nomination], officer)[0]
