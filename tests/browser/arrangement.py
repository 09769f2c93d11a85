"""The starting data of the browser journey, arranged through the services (never through the
pages the journey drives).

On top of the ``province`` and ``personas`` fixtures (two organisations with sub-units and
people, the 2024 bloc, one user per role): this year's Front bloc of three units with its
leader's account and a clerk for each member, its scoring table and its year-end round with
the self pass open and the other two members' self-scores in; the registration calendar of
this year; the council's members and the decision's issuer; names for the personas. Other
units' and groups' data is present so a leak would show: a cluster of two other
organisations with a round of its own and their registrations, the women's union's
registration and draft batch.
"""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone

from tests.decisions.support import issuer
from tests.factories import PersonFactory, UnitFactory, UserFactory
from tests.nominations.support import honor
from vinhdanh.council.enums import MemberRole
from vinhdanh.council.models import CouncilMember
from vinhdanh.movements.services.registrations import register, set_registration_period
from vinhdanh.nominations.services import batches
from vinhdanh.organisations.enums import GroupKind, Role
from vinhdanh.organisations.models import RoleAssignment
from vinhdanh.organisations.services.groups import create_group
from vinhdanh.scoring.enums import CriterionKind, PassKind, RoundPeriod
from vinhdanh.scoring.services import passes, scores, templates

# Points of the two criteria (max 10 and 20) each member gives itself; the Farmers' Union
# types its own in the browser, so its row is what the journey enters.
SELF_SCORES = {"HND": ("10", "19"), "HLHPN": ("8", "15"), "HCCB": ("7", "14")}
# What each member receives from the other two in the blind peer pass (typed in the
# browser by their clerks).
PEER_SCORES = {"HND": ("9", "18"), "HLHPN": ("8", "14"), "HCCB": ("6", "13")}


def _user(username: str, role: str, *, unit=None, group=None, full_name: str = ""):
    user = UserFactory(username=username, full_name=full_name or username)
    RoleAssignment.objects.create(user=user, role=role, unit=unit, group=group)
    return user


def _bloc(province, year: int):
    veterans = UnitFactory(code="HCCB", name="Hội Cựu chiến binh tỉnh", parent=province.root)
    PersonFactory(unit=veterans)
    bloc = create_group(actor=None, kind=GroupKind.BLOC, year=year, code="MTTQ",
                        name="Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh",
                        members=[province.farmers, province.women, veterans],
                        organiser=province.root, leader=province.farmers,
                        deputy=province.women)
    return bloc, veterans


def _table(group, *, flags: int = 1, merits: int = 1):
    """Two scored criteria under one section; the first unit is proposed for the Cờ thi
    đua, the second for the Bằng khen."""
    template = templates.create_template(group, actor=None, blank=True)
    template.flag_count, template.merit_count = flags, merits
    template.save(update_fields=["flag_count", "merit_count"])
    add = templates.add_criterion
    section = add(template, actor=None, kind=CriterionKind.SECTION, code="I",
                  title="Thực hiện nhiệm vụ chính trị", max_points=Decimal(0))
    criteria = [
        add(template, actor=None, kind=CriterionKind.STANDARD, parent=section, code="1",
            title="Ban hành kế hoạch thi đua", max_points=Decimal(10)),
        add(template, actor=None, kind=CriterionKind.STANDARD, parent=section, code="2",
            title="Tổ chức phong trào thi đua", max_points=Decimal(20)),
    ]
    return template, criteria


def _self_score(scoring_round, unit, criteria, values) -> None:
    rows = [{"criterion": c, "points": Decimal(v)} for c, v in zip(criteria, values,
                                                                    strict=True)]
    scores.record_sheet(scoring_round.passes.get(kind=PassKind.SELF), actor=None, scorer=unit,
                        subject=unit, rows=rows)


def _council(province, personas, today: dt.date) -> list[CouncilMember]:
    """Three members in office, all at the provincial level (nobody recused)."""
    users = [personas.council_member,
             _user("uyvien.hai", Role.COUNCIL_MEMBER, unit=province.root),
             _user("uyvien.ba", Role.COUNCIL_MEMBER, unit=province.root)]
    names = [NAMES["council_member"], "Trần Thị Hai", "Lê Văn Ba"]
    return [CouncilMember.objects.create(
        user=user, name=name, role=MemberRole.CHAIR if index == 0 else MemberRole.MEMBER,
        unit=province.root, term_start=today - dt.timedelta(days=365))
        for index, (user, name) in enumerate(zip(users, names, strict=True))]


def _other_cluster(province, year: int) -> None:
    """Another group of the year with its own table and open round, and its members'
    registrations: nothing of it may show to the Front bloc's people."""
    transport = UnitFactory(code="SGTVT", name="Sở Giao thông vận tải", parent=province.root)
    health = UnitFactory(code="SYT", name="Sở Y tế", parent=province.root)
    cluster = create_group(actor=None, kind=GroupKind.CLUSTER, year=year, code="CUM-KT",
                           name="Cụm thi đua các sở kinh tế",
                           members=[transport, health], organiser=province.root,
                           leader=transport, deputy=health)
    template, _criteria = _table(cluster)
    passes.open_round(template, actor=None, period=RoundPeriod.YEAR_END)
    for unit in (transport, health):
        register(PersonFactory(unit=unit), honor("lao_dong_tien_tien"), year, actor=None)


NAMES = {"unit_clerk": "Đỗ Thị Hồng", "board_officer": "Vũ Minh Tuấn",
         "council_member": "Nguyễn Văn Chủ", "signer": "Trần Văn Ký"}


def _name_personas(personas) -> None:
    """Names on the screenshots rather than "Người dùng 3"."""
    for persona, name in NAMES.items():
        user = getattr(personas, persona)
        user.full_name = name
        user.save(update_fields=["full_name"])


def arrange(province, personas) -> SimpleNamespace:
    _name_personas(personas)
    today = timezone.localdate()
    year = today.year
    set_registration_period(actor=None, year=year, opens_on=today - dt.timedelta(days=30),
                            deadline=today + dt.timedelta(days=30))
    bloc, veterans = _bloc(province, year)
    template, criteria = _table(bloc)
    scoring_round = passes.open_round(template, actor=None, period=RoundPeriod.YEAR_END)
    for unit in (province.women, veterans):
        _self_score(scoring_round, unit, criteria, SELF_SCORES[unit.code])
    register(province.women_people[0], honor("lao_dong_tien_tien"), year, actor=None)
    batches.create_batch(actor=None, proposing_unit=province.women, year=year,
                         title="Tờ trình khen thưởng của Hội Phụ nữ")
    _other_cluster(province, year)
    return SimpleNamespace(
        today=today, year=year, bloc=bloc, veterans=veterans, template=template,
        criteria=criteria, round=scoring_round,
        farmers_people=[PersonFactory(unit=province.farmers, full_name=name) for name in (
            "Nguyễn Văn Cường", "Phạm Thị Duyên")],
        leader=_user("khoitruong", Role.GROUP_LEADER, group=bloc, full_name="Lý Văn Khôi"),
        women_clerk=_user("vanthu.hlhpn", Role.UNIT_CLERK, unit=province.women,
                          full_name="Hà Thị Mai"),
        veterans_clerk=_user("vanthu.hccb", Role.UNIT_CLERK, unit=veterans,
                             full_name="Cao Văn Bình"),
        council=_council(province, personas, today),
        issuer=issuer(), signer=personas.signer,
    )
