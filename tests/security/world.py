"""The role matrix's world: a province with two sides, A and B, holding one object of every
kind a staff page or API operation takes, built through the services as users would.

Side A is the Farmers' Union (a sub-unit, people, a household) and bloc A, which it leads;
side B the Women's Union and bloc B. The personas: administrator, board officer, signer and
council member over the province; the group leader of bloc A; the clerk and a viewer of the
Farmers' Union. B's objects are made by B's own clerk, so nothing of B is reachable from the
A-scoped personas except through a leak.
"""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from django.core.files.base import ContentFile

from tests.council.support import attend, make_members, make_session, voting_on
from tests.decisions.support import approved, draft, issuer
from tests.factories import PersonFactory, UnitFactory, UserFactory
from tests.movements.support import movement_for, open_period, pdf
from tests.nominations.support import clerk_for, dossier, honor, submitted
from tests.public.support import published_notice
from tests.scoring.factories import build_tree, published_revision
from tests.stories.support import honour, jpeg, story
from vinhdanh.council.enums import MemberRole
from vinhdanh.council.models import CouncilMember
from vinhdanh.decisions.models import CertificateJob
from vinhdanh.decisions.services import certificates, issuing
from vinhdanh.honors.enums import RestrictionKind
from vinhdanh.honors.law.packs import PACKS
from vinhdanh.honors.models import BaseSalary
from vinhdanh.honors.services.history import add_restriction
from vinhdanh.movements.enums import DirectiveKind, ReportPeriod
from vinhdanh.movements.services.directives import create_directive
from vinhdanh.movements.services.pledges import save_pledge
from vinhdanh.movements.services.registrations import register
from vinhdanh.movements.services.reports import submit_report
from vinhdanh.nominations.services import comments
from vinhdanh.organisations.enums import GroupKind, Role, UnitKind, UnitLevel
from vinhdanh.organisations.models import ImportJob, RoleAssignment
from vinhdanh.organisations.services.groups import create_group
from vinhdanh.organisations.services.households import create_household
from vinhdanh.scoring.enums import PassKind, RoundPeriod
from vinhdanh.scoring.models import Proposal
from vinhdanh.scoring.services.passes import open_round, scored_criteria
from vinhdanh.scoring.services.scores import record_sheet
from vinhdanh.scoring.services.templates import create_template
from vinhdanh.stories.services.photos import add_photos

ROLES = ("anonymous", "admin", "board_officer", "group_leader", "unit_clerk",
         "council_member", "signer", "viewer")
# A name no A-scoped page may ever print: every B person's family name.
B_MARK = "Bêta"


def _persona(role, username, *, unit=None, group=None):
    user = UserFactory(username=username, full_name=f"Persona {username}")
    RoleAssignment.objects.create(user=user, role=role, unit=unit, group=group)
    return user


def _province():
    root = UnitFactory(code="T", name="Tỉnh Hòa Bình Xanh", kind=UnitKind.PROVINCE, parent=None)
    units = {}
    for side, code, name in (("a", "HND", "Hội Nông dân tỉnh"),
                             ("b", "HLHPN", "Hội Liên hiệp Phụ nữ tỉnh")):
        top = UnitFactory(code=code, name=name, parent=root)
        sub = UnitFactory(code=f"{code}-VP", name=f"Văn phòng {name}", parent=top,
                          level=UnitLevel.GRASSROOTS)
        units[side] = (top, sub)
    return root, units


def _groups(root, units):
    made = {}
    for side in "ab":
        top, sub = units[side]
        made[side] = create_group(actor=None, kind=GroupKind.BLOC, year=2024,
                                  code=f"KHOI-{side.upper()}", name=f"Khối thi đua {side.upper()}",
                                  members=[top, sub], organiser=root, leader=top, deputy=sub)
    return made


def _personas(root, unit_a, group_a):
    return SimpleNamespace(
        admin=_persona(Role.ADMIN, "m.admin", unit=root),
        board_officer=_persona(Role.BOARD_OFFICER, "m.board", unit=root),
        group_leader=_persona(Role.GROUP_LEADER, "m.leader", group=group_a),
        unit_clerk=_persona(Role.UNIT_CLERK, "m.clerk", unit=unit_a),
        council_member=_persona(Role.COUNCIL_MEMBER, "m.council", unit=root),
        signer=_persona(Role.SIGNER, "m.signer", unit=root),
        viewer=_persona(Role.VIEWER, "m.viewer", unit=unit_a),
    )


def _people(side, top, sub):
    family = "Nguyễn" if side == "a" else B_MARK
    return [PersonFactory(unit=top, full_name=f"{family} Văn An"),
            PersonFactory(unit=sub, full_name=f"{family} Thị Bình")]


def _movements(side, province, clerk, top, group):
    directive = create_directive(actor=None, number=f"{side}/KH-TĐKT", kind=DirectiveKind.PLAN,
                                 issued_on=dt.date(2024, 1, 5), issuer=top.name,
                                 summary=f"Kế hoạch thi đua {side}", issuer_unit=top, file=pdf())
    movement = movement_for(province, participants=[top], launched_by=top,
                            name=f"Phong trào thi đua {side}")
    report = submit_report(movement, actor=clerk, unit=top, year=2024,
                           period=ReportPeriod.YEAR_END, summary="Báo cáo kết quả",
                           evidence=[pdf("minh-chung.pdf")])
    return SimpleNamespace(
        directive=directive, movement=movement, report=report,
        evidence=report.evidence.get(),
        pledge=save_pledge(group, actor=None, text="Giao ước thi đua", file=pdf("giao-uoc.pdf")),
    )


def _scoring(top, group):
    template = create_template(group, actor=None, blank=True)
    criteria = build_tree(template)
    scoring_round = open_round(template, actor=None, period=RoundPeriod.YEAR_END)
    own = scoring_round.passes.get(kind=PassKind.SELF)
    rows = [{"criterion": c, "points": Decimal(1)} for c in scored_criteria(template)]
    record_sheet(own, actor=None, scorer=top, subject=top, rows=rows)
    revision = published_revision(template, [(top, Decimal(90))], period=RoundPeriod.MID_YEAR)
    proposal = Proposal.objects.create(revision=revision, unit=top, rank=1,
                                       honor=honor("co_thi_dua_tinh"))
    return SimpleNamespace(template=template, criterion=criteria["1.1"], round=scoring_round,
                           scoring_pass=own, score=own.scores.first(), proposal=proposal,
                           published_round=revision.round)


def _dossiers(province, personas, clerk):
    as_side = SimpleNamespace(**vars(personas) | {"unit_clerk": clerk})
    draft_one = dossier(province, clerk)
    return SimpleNamespace(
        nomination=draft_one, batch=draft_one.batch,
        document=draft_one.batch.documents.first(),
        submitted=submitted(province, clerk),
        approved=[approved(province, as_side), approved(province, as_side)],
        ready=_ready(province, as_side),
        as_side=as_side,
    )


def _ready(province, as_side):
    from tests.council.support import ready

    return ready(province, as_side)


def _stories(top, person):
    record = honour(person)
    made = story([record], title=f"Gương sáng {top.code}")
    photo = add_photos(made, actor=None, uploads=[jpeg(120, 80)])[0]
    return SimpleNamespace(story=made, photo=photo, record=record)


def _side(side, province, personas, clerk):
    top, sub = province.units[side]
    group = province.groups[side]
    people = _people(side, top, sub)
    return SimpleNamespace(
        unit=top, sub=sub, group=group, person=people[0], people=people, clerk=clerk,
        household=create_household(actor=None, head_name=people[0].full_name,
                                   address="Thôn 1", unit=top),
        restriction=add_restriction(people[0], actor=None, kind=RestrictionKind.INVESTIGATION,
                                    starts_on=dt.date(2025, 3, 1)),
        registration=register(people[0], honor("chien_si_thi_dua_co_so"), 2024, actor=clerk,
                              today=dt.date(2024, 2, 1)),
        import_job=ImportJob.objects.create(created_by=clerk, total=0),
        history_job=ImportJob.objects.create(created_by=clerk, kind="history", total=0),
        **vars(_movements(side, province, clerk, top, group)),
        **vars(_scoring(top, group)),
        **vars(_dossiers(province, personas, clerk)),
        **vars(_stories(top, people[0])),
    )


def _council(personas, a, b):
    members = make_members(SimpleNamespace(root=a.unit.parent, farmers=a.unit), 3)
    members.append(CouncilMember.objects.create(
        user=personas.council_member, name="Ủy viên Hội đồng", role=MemberRole.MEMBER,
        unit=a.unit.parent, term_start=dt.date(2026, 1, 1)))
    session = make_session(personas.board_officer)
    attend(session, members, personas.board_officer)
    items = voting_on(session, [a.ready, b.ready], personas.board_officer)
    return SimpleNamespace(members=members, session=session, items=items)


def _decisions(province, personas, a, b):
    issued = draft(province, a.as_side, nominations=a.approved)
    issuing.send_for_signature(issued, actor=personas.board_officer)
    issued = issuing.issue(issued, actor=personas.signer, decided_on=dt.date(2026, 12, 15))
    job = certificates.start_job(issued, actor=personas.board_officer)
    CertificateJob.objects.filter(pk=job.pk).update(state="done")
    job.refresh_from_db()
    job.archive.save("chung-nhan.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18))
    job.print_file.save("in.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    drafted = draft(province, b.as_side, nominations=b.approved)
    return SimpleNamespace(issued=issued, drafted=drafted, job=job,
                           certificate=certificates.certificates_of(issued).first(),
                           issued_entry=issued.entries.first(),
                           draft_entry=drafted.entries.first(), issuer=issuer())


def build_world():
    """Every object of the matrix; returns a namespace (see the module's docstring)."""
    open_period()
    root, units = _province()
    groups = _groups(root, units)
    personas = _personas(root, units["a"][0], groups["a"])
    province = SimpleNamespace(root=root, units=units, groups=groups, farmers=units["a"][0],
                               women=units["b"][0], bloc=groups["a"])
    clerks = {"a": personas.unit_clerk, "b": clerk_for(units["b"][0], "m.clerk.b")}
    a, b = (_side(side, province, personas, clerks[side]) for side in "ab")
    notices = {side: published_notice(province, personas, proposer=units[side][0],
                                      candidates=[units[side][0]], title=f"Lấy ý kiến {side}")
               for side in "ab"}
    for side, notice in notices.items():
        side_ns = a if side == "a" else b
        side_ns.notice = notice
        side_ns.comment = comments.submit_comment(
            notice, notice.nominations.first(), name="Công dân", contact="0912345678",
            text="Ý kiến góp ý", address="203.0.113.9")
    return SimpleNamespace(
        personas=personas, root=root, a=a, b=b, council=_council(personas, a, b),
        decisions=_decisions(province, personas, a, b),
        salary=BaseSalary.objects.order_by("pk").first(),
        pack_code=PACKS[0].code, setting_key="rounding",
    )
