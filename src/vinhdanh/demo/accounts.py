"""One demo log-in per role, all with the same password.

DEMO-ONLY: the password below is published in the README. Never load the demo into a
database that real users reach.
"""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password

from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import User
from vinhdanh.organisations.services.roles import assign_role

DEMO_PASSWORD = "vinhdanh2023"  # noqa: S105 - demo data only, printed on purpose


@dataclass(frozen=True)
class Login:
    username: str
    full_name: str
    role: str
    unit: str | None = None  # unit code: the role covers that unit's subtree
    group: str | None = None  # 2024 group code, for the group leader
    is_staff: bool = False


LOGINS = [
    Login("quantri", "Trần Minh Quản", Role.ADMIN, unit="TINH", is_staff=True),
    Login("bantdkt", "Phạm Thị Thu Hiền", Role.BOARD_OFFICER, unit="TINH"),
    Login("khoitruong", "Lê Đình Khôi", Role.GROUP_LEADER, group="KHOI-MTTQ"),
    Login("vanthu.hnd", "Ngô Thị Nhàn", Role.UNIT_CLERK, unit="HND"),
    Login("vanthu.hlhpn", "Vũ Thị Ngọc Lụa", Role.UNIT_CLERK, unit="HLHPN"),
    Login("hoidong", "Đoàn Văn Hội", Role.COUNCIL_MEMBER, unit="TINH"),
    Login("chutich", "Hoàng Quốc Chương", Role.SIGNER, unit="TINH"),
    Login("xem", "Bùi Thị Xoan", Role.VIEWER, unit="TINH"),
]
USERNAMES = [login.username for login in LOGINS]


def create_logins(units: dict, groups: dict, *, actor, year: int = 2024) -> list[tuple]:
    """Creates the demo users and their roles; returns (username, password, role, scope) rows."""
    # Hashed once: Argon2 is slow on purpose, and every demo user shares the password.
    hashed = make_password(DEMO_PASSWORD)
    rows = []
    for login in LOGINS:
        user = User.objects.create(username=login.username, full_name=login.full_name,
                                   password=hashed, is_staff=login.is_staff)
        unit = units[login.unit] if login.unit else None
        group = groups[year, login.group] if login.group else None
        assign_role(user, actor=actor, role=login.role, unit=unit, group=group)
        rows.append((login.username, DEMO_PASSWORD, str(Role(login.role).label),
                     str(unit or group)))
    return rows
