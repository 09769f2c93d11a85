"""The demo province's movements, registrations and pledges (issue 4).

UBND tỉnh Hòa Sơn launches the movements named in the year-end review the project starts
from, the Women's Union runs the "5 không, 3 sạch" campaign, and the units of the Front bloc
report on them for 2023 — the Youth Union misses some reports, so the movement pages show
who did not report. Registrations for 2023–2025 and the bloc's pledges for 2023 and 2024
follow. Everything reads units and groups by code; people are the demo's fictional staff.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db.models import Q

from vinhdanh.core.models import ActivityLog
from vinhdanh.honors.models import Honor
from vinhdanh.movements.enums import DirectiveKind, MovementKind, ReportPeriod
from vinhdanh.movements.models import (
    Directive,
    Movement,
    Pledge,
    ProgressReport,
    Registration,
    RegistrationPeriod,
)
from vinhdanh.movements.services.directives import create_directive
from vinhdanh.movements.services.movements import launch_movement
from vinhdanh.movements.services.pledges import save_pledge
from vinhdanh.movements.services.registrations import register, set_registration_period
from vinhdanh.movements.services.reports import submit_report
from vinhdanh.organisations.models import EmulationGroup, Person, Unit

SEED = 2023
PROVINCE = "TINH"
BLOC = "KHOI-MTTQ"
BLOC_UNITS = ("MTTQ", "HCCB", "HND", "HLHPN", "TD", "LDLD")
ISSUER = "UBND tỉnh Hòa Sơn"
# (movement index, unit, period) of the 2023 reports that never came in.
MISSING = {(0, "TD", ReportPeriod.YEAR_END), (2, "LDLD", ReportPeriod.MID_YEAR),
           (2, "LDLD", ReportPeriod.YEAR_END), (4, "TD", ReportPeriod.YEAR_END)}

DIRECTIVES = [
    ("08/KH-UBND", dt.date(2023, 1, 12), DirectiveKind.PLAN,
     "Kế hoạch tổ chức các phong trào thi đua năm 2023 trên địa bàn tỉnh Hòa Sơn"),
    ("05/KH-UBND", dt.date(2024, 1, 9), DirectiveKind.PLAN,
     "Kế hoạch phát động phong trào thi đua \"Giải phóng mặt bằng\" và phong trào thi đua "
     "\"Trách nhiệm, kỷ cương, tăng cường cải cách, tận dụng cơ hội, bứt phá đi lên\" "
     "năm 2024"),
    ("12/CT-UBND", dt.date(2023, 2, 20), DirectiveKind.INSTRUCTION,
     "Chỉ thị về đẩy mạnh phong trào thi đua \"Phát huy sáng kiến, cải tiến kỹ thuật\""),
]

# (kind, name, launcher, directive number, start, end, goals, targets)
MOVEMENTS = [
    (MovementKind.REGULAR, "Chung sức xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu",
     PROVINCE, "08/KH-UBND", dt.date(2021, 1, 1), dt.date(2025, 12, 31),
     "Huy động đoàn viên, hội viên và nhân dân tham gia xây dựng nông thôn mới.",
     [("Công trình, phần việc hỗ trợ", "công trình", 60),
      ("Kinh phí vận động", "triệu đồng", 5000)]),
    (MovementKind.REGULAR, "Vì người nghèo - Không để ai bị bỏ lại phía sau", PROVINCE,
     "08/KH-UBND", dt.date(2021, 1, 1), dt.date(2025, 12, 31),
     "Hỗ trợ hộ nghèo, hộ cận nghèo vươn lên thoát nghèo bền vững.",
     [("Nhà Đại đoàn kết xây mới, sửa chữa", "căn", 120), ("Hộ thoát nghèo", "hộ", 300)]),
    (MovementKind.THEMATIC, "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại, thực hành "
     "tiết kiệm, chống lãng phí", PROVINCE, "08/KH-UBND", dt.date(2023, 1, 1),
     dt.date(2025, 12, 31), "Vận động nhân dân hiến đất, góp công làm đường giao thông.",
     [("Đường giao thông nông thôn", "km", 50), ("Ngày công đóng góp", "ngày công", 20000)]),
    (MovementKind.REGULAR, "Phát huy sáng kiến, cải tiến kỹ thuật", PROVINCE, "12/CT-UBND",
     dt.date(2023, 2, 20), None, "Khuyến khích sáng kiến trong công tác và sản xuất.",
     [("Sáng kiến được công nhận", "sáng kiến", 40)]),
    (MovementKind.CAMPAIGN, "Xây dựng gia đình 5 không, 3 sạch", "HLHPN", None,
     dt.date(2023, 1, 1), dt.date(2025, 12, 31),
     "Gia đình không đói nghèo, không vi phạm pháp luật, không bạo lực, không sinh con thứ "
     "ba trở lên, không trẻ suy dinh dưỡng; sạch nhà, sạch bếp, sạch ngõ.",
     [("Hộ gia đình đạt tiêu chí", "hộ", 5000)]),
    (MovementKind.THEMATIC, "Giải phóng mặt bằng", PROVINCE, "05/KH-UBND", dt.date(2024, 1, 9),
     dt.date(2024, 12, 31), "Bàn giao mặt bằng đúng tiến độ cho các dự án trọng điểm.",
     [("Diện tích bàn giao", "ha", 350)]),
    (MovementKind.REGULAR, "Trách nhiệm, kỷ cương, tăng cường cải cách, tận dụng cơ hội, bứt "
     "phá đi lên", PROVINCE, "05/KH-UBND", dt.date(2024, 1, 9), dt.date(2025, 12, 31),
     "Nâng cao trách nhiệm, kỷ luật, kỷ cương hành chính.", []),
]
REPORTED_2023 = 5
# (period, share of the year's figures, when the reports start coming in)
REPORT_ROUNDS = [
    (ReportPeriod.MID_YEAR, 0.45, dt.datetime(2023, 6, 15, 8, tzinfo=dt.UTC)),
    (ReportPeriod.YEAR_END, 1, dt.datetime(2023, 11, 20, 8, tzinfo=dt.UTC)),
]  # the first five run in 2023; the two 2024 movements have no reports yet

PLEDGE_TEXT = (
    "Các đơn vị trong Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh cùng ký kết "
    "giao ước thi đua năm {year}: thực hiện tốt các phong trào thi đua, cuộc vận động do "
    "Trung ương và tỉnh phát động; hoàn thành xuất sắc nhiệm vụ chính trị được giao; xây "
    "dựng tổ chức trong sạch, vững mạnh."
)
# Fictional representatives of the bloc's units, with their positions.
REPRESENTATIVES = {
    "MTTQ": ("Trịnh Văn Khải", "Phó Chủ tịch"), "HCCB": ("Lương Đức Thắng", "Chủ tịch"),
    "HND": ("Đinh Thị Mận", "Chủ tịch"), "HLHPN": ("Hà Thị Nguyệt", "Chủ tịch"),
    "TD": ("Kiều Minh Tuấn", "Bí thư"), "LDLD": ("Tạ Văn Lực", "Chủ tịch"),
}


def _units() -> dict[str, Unit]:
    return {u.code: u for u in Unit.objects.filter(code__in=(PROVINCE, *BLOC_UNITS))}


def _directives(units, actor) -> dict[str, Directive]:
    return {number: create_directive(actor=actor, number=number, issued_on=issued_on,
                                     issuer=ISSUER, issuer_unit=units[PROVINCE], kind=kind,
                                     summary=summary)
            for number, issued_on, kind, summary in DIRECTIVES}


def _movements(units, directives, actor) -> list[Movement]:
    participants = [units[code] for code in BLOC_UNITS]
    return [
        launch_movement(
            actor=actor, kind=kind, name=name, launched_by=units[launcher],
            directive=directives.get(number), starts_on=start, ends_on=end, goals=goals,
            participants=participants, cascade=True,
            targets=[{"name": t, "measure": m, "target_value": v} for t, m, v in targets])
        for kind, name, launcher, number, start, end, goals, targets in MOVEMENTS
    ]


def _figures(rng, movement, share: float) -> dict:
    """Each unit's share of a target, about a sixth of it (less at mid-year)."""
    return {t: Decimal(round(float(t.target_value) / 6 * share * rng.uniform(0.6, 1.4)))
            for t in movement.targets.all() if t.target_value}


def _reports(units, movements, actor, rng) -> None:
    for index, movement in enumerate(movements[:REPORTED_2023]):
        for code in BLOC_UNITS:
            for period, share, sent in REPORT_ROUNDS:
                if (index, code, period) in MISSING:
                    continue
                submit_report(movement, actor=actor, unit=units[code], year=2023,
                              period=period, figures=_figures(rng, movement, share),
                              submitted_at=sent + dt.timedelta(hours=rng.randint(0, 200)),
                              summary=f"{units[code].name} báo cáo kết quả thực hiện "
                                      f"phong trào năm 2023.")


def _registrations(units, actor) -> None:
    honours = {h.code: h for h in Honor.objects.all()}
    for year in (2023, 2024, 2025):
        set_registration_period(actor=actor, year=year, opens_on=dt.date(year, 1, 2),
                                deadline=dt.date(year, 3, 31))
    for year, flag_unit in ((2023, "HCCB"), (2024, "HND")):
        day = dt.date(year, 2, 15)
        register(units[flag_unit], honours["co_thi_dua_tinh"], year, actor=actor, today=day)
        for code in BLOC_UNITS:
            register(units[code], honours["tap_the_lao_dong_xuat_sac"], year, actor=actor,
                     today=day)
        _register_people(units, honours, year, actor, day)


def _register_people(units, honours, year, actor, day) -> None:
    """Most staff of the Farmers' and Women's Unions aim for LĐTT, a few for CSTĐ cơ sở."""
    for code in ("HND", "HLHPN"):
        staff = list(Person.objects.filter(unit__path__startswith=units[code].path,
                                           is_active=True).order_by("pk")[:12])
        for position, person in enumerate(staff):
            register(person, honours["lao_dong_tien_tien"], year, actor=actor, today=day)
            if position % 4 == 0:
                register(person, honours["chien_si_thi_dua_co_so"], year, actor=actor,
                         today=day)


def _pledges(units, actor) -> None:
    for year, signed in ((2023, dt.date(2023, 2, 24)), (2024, dt.date(2024, 2, 27))):
        group = EmulationGroup.objects.get(year=year, code=BLOC)
        members = [m.unit for m in group.memberships.select_related("unit")]
        signatories = [{"unit": unit, "representative": REPRESENTATIVES[unit.code][0],
                        "position": REPRESENTATIVES[unit.code][1]} for unit in members]
        save_pledge(group, actor=actor, text=PLEDGE_TEXT.format(year=year), signed_on=signed,
                    signatories=signatories)


def create_movements(actor=None) -> None:
    """Directives, movements and campaigns with 2023 reports, registrations, pledges."""
    rng = random.Random(SEED)
    units = _units()
    directives = _directives(units, actor)
    movements = _movements(units, directives, actor)
    _reports(units, movements, actor, rng)
    _registrations(units, actor)
    _pledges(units, actor)


def clear() -> None:
    """Deletes what ``create_movements`` made (before the organisations are deleted)."""
    Registration.objects.all().delete()
    RegistrationPeriod.objects.all().delete()
    ProgressReport.objects.all().delete()
    Movement.objects.all().delete()
    Directive.objects.all().delete()
    Pledge.objects.all().delete()
    ActivityLog.objects.filter(Q(content_type__app_label="movements")).delete()
