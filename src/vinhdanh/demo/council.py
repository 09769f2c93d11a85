"""The demo province's council (issue 6): its members for the 2021–2026 term and the session
of 20/11/2026 on the Farmers' Union's 2025 dossiers.

- Eleven members: the chair is the ``chutich`` log-in's user, ``hoidong`` is a member; the
  others have accounts without a password (they cannot log in). One member works at the
  Farmers' Union, so he is recused from its dossiers automatically.
- The session: ten present, one absent (quorum met); the CSTĐ tỉnh candidate voted by secret
  ballot and approved, one Bằng khen approved, the other Bằng khen still on the agenda, not
  voted yet. The Front bloc's 2023 dossiers stay ready for a later session.

Everything goes through the council services; the ballots are cast by the members' users.
"""

import datetime as dt

from django.db.models import Q
from django.utils import timezone, translation

from vinhdanh.core.models import ActivityLog
from vinhdanh.core.workdays import working_days_between
from vinhdanh.council.enums import Choice, MemberRole
from vinhdanh.council.models import AgendaItem, CouncilMember, CouncilSession
from vinhdanh.council.services import ballots, members, sessions
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination, NominationStep
from vinhdanh.organisations.models import Unit, User

TERM_START = dt.date(2021, 7, 1)
TERM_END = dt.date(2026, 12, 31)
HELD_ON = dt.date(2026, 11, 20)
USERNAME_PREFIX = "hdtdkt."  # the members without a log-in
# (username or None for a new account, name, role, position, unit code)
MEMBERS = [
    ("chutich", None, MemberRole.CHAIR, "Chủ tịch UBND tỉnh", "TINH"),
    ("pct1", "Trịnh Văn Khải", MemberRole.VICE_CHAIR, "Giám đốc Sở Nội vụ", "SNV"),
    ("pct2", "Lâm Thị Hồng Nhung", MemberRole.VICE_CHAIR, "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
     "MTTQ"),
    ("hoidong", None, MemberRole.MEMBER, "Trưởng ban Thi đua - Khen thưởng", "TINH"),
    ("uv1", "Mai Xuân Trường", MemberRole.MEMBER, "Giám đốc Sở Tài chính", "STC"),
    ("uv2", "Kiều Thị Bích Hạnh", MemberRole.MEMBER, "Giám đốc Sở Giáo dục và Đào tạo",
     "SGDDT"),
    ("uv3", "Tạ Quang Vinh", MemberRole.MEMBER, "Giám đốc Sở Y tế", "SYT"),
    ("uv4", "Phùng Thị Lan Anh", MemberRole.MEMBER, "Chủ tịch Liên đoàn Lao động tỉnh", "LDLD"),
    ("uv5", "Chu Đức Mạnh", MemberRole.MEMBER, "Phó Chủ tịch Hội Nông dân tỉnh", "HND"),
    ("uv6", "Dương Văn Tiến", MemberRole.MEMBER, "Bí thư Tỉnh đoàn", "TD"),
    ("uv7", "Quách Thị Mỹ Linh", MemberRole.MEMBER, "Chủ tịch Hội Cựu chiến binh tỉnh", "HCCB"),
]
ABSENT = "uv3"
# The Bằng khen vote: of the nine present and not recused, seven agree.
BK_CHOICES = [Choice.AGREE] * 7 + [Choice.DISAGREE, Choice.ABSTAIN]


def _user(key: str, name: str | None) -> User:
    if name is None:
        return User.objects.get(username=key)
    user = User(username=USERNAME_PREFIX + key, full_name=name)
    user.set_unusable_password()
    user.save()
    return user


def create_members(board) -> dict[str, CouncilMember]:
    units = {u.code: u for u in Unit.objects.filter(code__in=[m[4] for m in MEMBERS])}
    made = {}
    for key, name, role, position, unit in MEMBERS:
        user = _user(key, name)
        made[key] = members.add_member(actor=board, user=user, name=name or user.full_name,
                                       role=role, position=position, unit=units.get(unit),
                                       term_start=TERM_START, term_end=TERM_END)
    return made


def _farmers_2025() -> tuple[Nomination, list[Nomination]]:
    rows = list(Nomination.objects.filter(batch__year=2025, batch__proposing_unit__code="HND",
                                          state=NominationState.READY)
                .select_related("honor").order_by("id"))
    cstd = next(n for n in rows if n.honor.code == "chien_si_thi_dua_tinh")
    return cstd, [n for n in rows if n is not cstd]


def _vote(item, voters, choices, board) -> None:
    item = ballots.open_voting(item, actor=board)
    for member, choice in zip(voters, choices, strict=True):
        ballots.cast_ballot(item, user=member.user, choice=choice)
    ballots.close_voting(item, actor=board)


def create_session(board, made: dict[str, CouncilMember]) -> CouncilSession:
    cstd, merit = _farmers_2025()
    session = sessions.create_session(
        actor=board, title="Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh tháng 11/2026",
        held_on=HELD_ON, secretary=board, place="Phòng họp số 2, Văn phòng UBND tỉnh")
    for key, member in made.items():
        sessions.record_attendance(session, member, present=key != ABSENT, actor=board)
    first, second, _third = sessions.add_to_agenda(session, [cstd, *merit], actor=board)
    sessions.open_session(session, actor=board)
    voters = [m for key, m in made.items() if key not in (ABSENT, "uv5")]  # uv5: HND
    _vote(first, voters, [Choice.AGREE] * len(voters), board)  # 9 of 10 counted: 9 needed
    _vote(second, voters, BK_CHOICES, board)
    return session


def _back_date(session: CouncilSession) -> None:
    """The services stamp the real time; the session sat on 20/11/2026 from 8 o'clock and
    closed its votes at 9:00 and 9:30."""
    start = timezone.make_aware(dt.datetime.combine(HELD_ON, dt.time(8)))
    logs = ActivityLog.objects.filter(content_type__model="councilsession",
                                      object_id=str(session.pk)).order_by("id")
    for minutes, log in enumerate(logs):
        ActivityLog.objects.filter(pk=log.pk).update(
            created_at=start + dt.timedelta(minutes=5 * minutes))
    closed = session.items.filter(state="closed").order_by("position")
    for offset, item in enumerate(closed):
        _back_date_result(item.nomination, start + dt.timedelta(minutes=60 + 30 * offset))


def _back_date_result(nomination: Nomination, when: dt.datetime) -> None:
    """The council's result on the dossier: its step and log entry at ``when``."""
    steps = nomination.steps.order_by("-entered_at", "-id")
    result, ready = steps[0], steps[1]
    ready.left_at = when
    ready.working_days = max(0, working_days_between(timezone.localdate(ready.entered_at),
                                                     HELD_ON))
    ready.save(update_fields=["left_at", "working_days"])
    NominationStep.objects.filter(pk=result.pk).update(entered_at=when)
    Nomination.objects.filter(pk=nomination.pk).update(step_started_at=when)
    ActivityLog.objects.filter(content_type__model="nomination", object_id=str(nomination.pk),
                               action__startswith="nomination.council").update(created_at=when)


def create_council() -> CouncilSession:
    """Creates the council and its session (after the nominations); texts stored by the
    services (recusal reasons, the rule applied) are Vietnamese."""
    board = User.objects.get(username="bantdkt")
    with translation.override("vi"):
        made = create_members(board)
        session = create_session(board, made)
    _back_date(session)
    ActivityLog.objects.filter(content_type__model="councilmember").update(
        created_at=timezone.make_aware(dt.datetime.combine(TERM_START, dt.time(8))))
    return session


def clear() -> None:
    """Deletes the sessions (agenda, ballots' receipts, recusals), the members, the
    accounts made for them, and their log (before the dossiers are deleted)."""
    AgendaItem.objects.all().delete()  # receipts and recusals go with their item
    CouncilSession.objects.all().delete()
    CouncilMember.objects.all().delete()
    User.objects.filter(username__startswith=USERNAME_PREFIX).delete()
    ActivityLog.objects.filter(Q(content_type__app_label="council")
                               | Q(action__startswith="council.")).delete()
