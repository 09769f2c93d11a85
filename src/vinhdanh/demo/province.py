"""The fictional province of the demo: its unit tree and its emulation groups for 2023–2024.

Tỉnh Hòa Sơn and every place in it are invented. The bloc of the Fatherland Front and the
socio-political organisations follows the year the project starts from: in 2023 the Veterans'
Association (HCCB) leads it, and at the year-end review on 29/11/2023 it hands the leadership
over to the Farmers' Union (HND) for 2024.
"""

import datetime as dt
from dataclasses import dataclass

from vinhdanh.organisations.enums import GroupKind, UnitKind, UnitLevel
from vinhdanh.organisations.services.groups import (
    copy_group_to_next_year,
    create_group,
    record_handover,
)
from vinhdanh.organisations.services.units import create_unit

PROVINCE_NAME = "Tỉnh Hòa Sơn"
# Two-tier local government: districts end on 30/06/2025, the new communes start the next day.
DISTRICTS_END = dt.date(2025, 6, 30)
COMMUNES_START = dt.date(2025, 7, 1)


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    kind: str
    level: str
    parent: str | None
    profile: str | None  # which staff the unit gets (people.PROFILES); None: nobody
    short_name: str = ""
    active_from: dt.date | None = None
    active_until: dt.date | None = None
    mostly_direct_workers: bool = False


def _subs(parent: str, parent_name: str, kind: str, parts) -> list[UnitSpec]:
    """Grassroots sub-units named "<part> <parent>" (Văn phòng Hội Nông dân tỉnh)."""
    return [
        UnitSpec(f"{parent}-{suffix}", f"{label} {parent_name}", kind, UnitLevel.GRASSROOTS,
                 parent, profile, short_name=label)
        for suffix, label, profile in parts
    ]


OFFICE = ("VP", "Văn phòng", "office")
ORG_CHECK = ("TCKT", "Ban Tổ chức – Kiểm tra", "board")

FRONTS = [
    ("MTTQ", "Ủy ban MTTQ Việt Nam tỉnh", "front",
     [OFFICE, ORG_CHECK, ("TG", "Ban Tuyên giáo", "board"),
      ("DCPL", "Ban Dân chủ – Pháp luật", "board")]),
    ("HND", "Hội Nông dân tỉnh", "front",
     [OFFICE, ORG_CHECK, ("KTXH", "Ban Kinh tế – Xã hội", "board")]),
    ("HCCB", "Hội Cựu chiến binh tỉnh", "front", [OFFICE, ORG_CHECK]),
    ("HLHPN", "Hội Liên hiệp Phụ nữ tỉnh", "front",
     [OFFICE, ORG_CHECK, ("GDXH", "Ban Gia đình – Xã hội", "board")]),
    ("TD", "Tỉnh đoàn", "youth", [OFFICE, ORG_CHECK, ("PT", "Ban Phong trào", "board")]),
    ("LDLD", "Liên đoàn Lao động tỉnh", "front",
     [OFFICE, ORG_CHECK, ("CSPL", "Ban Chính sách – Pháp luật", "board")]),
]

DEPARTMENTS = [
    ("SNV", "Sở Nội vụ",
     [(OFFICE, UnitKind.STATE), (("TDKT", "Ban Thi đua – Khen thưởng", "board"), UnitKind.STATE),
      (("TCBC", "Phòng Tổ chức – Biên chế", "division"), UnitKind.STATE)]),
    ("STC", "Sở Tài chính",
     [(OFFICE, UnitKind.STATE), (("NS", "Phòng Quản lý ngân sách", "division"), UnitKind.STATE)]),
    ("SGDDT", "Sở Giáo dục và Đào tạo",
     [(OFFICE, UnitKind.STATE)]),
    ("SYT", "Sở Y tế", [(OFFICE, UnitKind.STATE)]),
]


def _fronts() -> list[UnitSpec]:
    specs = []
    for code, name, profile, parts in FRONTS:
        specs.append(UnitSpec(code, name, UnitKind.FRONT, UnitLevel.PROVINCE, "TINH", profile))
        specs += _subs(code, name, UnitKind.FRONT, parts)
    return specs


def _departments() -> list[UnitSpec]:
    specs = []
    for code, name, parts in DEPARTMENTS:
        specs.append(UnitSpec(code, name, UnitKind.STATE, UnitLevel.PROVINCE, "TINH", "dept"))
        for part, kind in parts:
            specs += _subs(code, name, kind, [part])
    return specs


def _services() -> list[UnitSpec]:
    """Schools, hospitals, the broadcaster and the irrigation company."""
    public, grassroots = UnitKind.PUBLIC_SERVICE, UnitLevel.GRASSROOTS
    return [
        UnitSpec("THPT-HS", "Trường THPT chuyên Hòa Sơn", public, grassroots, "SGDDT", "school"),
        UnitSpec("THPT-NK", "Trường THPT Ngọc Khê", public, grassroots, "SGDDT", "school",
                 mostly_direct_workers=True),
        UnitSpec("BVDK", "Bệnh viện Đa khoa tỉnh Hòa Sơn", public, grassroots, "SYT", "hospital"),
        UnitSpec("CDC", "Trung tâm Kiểm soát bệnh tật tỉnh", public, grassroots, "SYT", "public"),
        UnitSpec("DPTTH", "Đài Phát thanh và Truyền hình tỉnh", public, UnitLevel.PROVINCE,
                 "TINH", "broadcaster", short_name="Đài PT-TH tỉnh"),
        UnitSpec("CDKT", "Trường Cao đẳng Kỹ thuật Hòa Sơn", public, UnitLevel.PROVINCE, "TINH",
                 "college"),
        UnitSpec("CTTL", "Công ty TNHH MTV Khai thác công trình thủy lợi Hòa Sơn",
                 UnitKind.ENTERPRISE, UnitLevel.PROVINCE, "TINH", "enterprise",
                 short_name="Công ty Thủy lợi Hòa Sơn", mostly_direct_workers=True),
        UnitSpec("CTTL-NK", "Xí nghiệp Thủy lợi Ngọc Khê", UnitKind.ENTERPRISE, grassroots,
                 "CTTL", "workshop", mostly_direct_workers=True),
        UnitSpec("CTTL-DL", "Xí nghiệp Thủy lợi Đông Lĩnh", UnitKind.ENTERPRISE, grassroots,
                 "CTTL", "workshop", mostly_direct_workers=True),
    ]


OLD_DISTRICTS = [
    ("H-NK", "Huyện Ngọc Khê", [("NK-TT", "Thị trấn Ngọc Khê", False),
                                ("NK-KT", "Xã Khê Thượng", True), ("NK-KH", "Xã Khê Hạ", True),
                                ("NK-TK", "Xã Tân Khê", False)]),
    ("H-DL", "Huyện Đông Lĩnh", [("DL-TT", "Thị trấn Đông Lĩnh", False),
                                 ("DL-LN", "Xã Lĩnh Nam", True), ("DL-LB", "Xã Lĩnh Bắc", False),
                                 ("DL-DS", "Xã Đồng Sậy", True)]),
]
NEW_COMMUNES = [
    ("P-HS", "Phường Hòa Sơn", "ward", False), ("P-BH", "Phường Bắc Hòa", "ward", False),
    ("X-NK", "Xã Ngọc Khê", "commune", True), ("X-KS", "Xã Khê Sơn", "commune", True),
    ("X-DL", "Xã Đông Lĩnh", "commune", True), ("X-LT", "Xã Lĩnh Thủy", "commune", False),
]


def _localities() -> list[UnitSpec]:
    """Districts and their communes until 30/06/2025, the new communes and wards after."""
    specs = []
    for code, name, communes in OLD_DISTRICTS:
        specs.append(UnitSpec(code, name, UnitKind.DISTRICT, UnitLevel.DISTRICT, "TINH",
                              "district", active_until=DISTRICTS_END))
        specs += [
            UnitSpec(c_code, c_name, UnitKind.COMMUNE, UnitLevel.COMMUNE, code,
                     "town" if c_name.startswith("Thị trấn") else "commune",
                     active_until=DISTRICTS_END, mostly_direct_workers=direct)
            for c_code, c_name, direct in communes
        ]
    specs += [
        UnitSpec(code, name, UnitKind.COMMUNE, UnitLevel.COMMUNE, "TINH", profile,
                 active_from=COMMUNES_START, mostly_direct_workers=direct)
        for code, name, profile, direct in NEW_COMMUNES
    ]
    return specs


def unit_specs() -> list[UnitSpec]:
    """Every unit of the province, parents before children."""
    root = UnitSpec("TINH", PROVINCE_NAME, UnitKind.PROVINCE, UnitLevel.PROVINCE, None, None)
    return [root, *_fronts(), *_departments(), *_services(), *_localities()]


def create_units(*, actor) -> dict:
    """Creates the unit tree through the unit service; returns the units by code."""
    units = {}
    for spec in unit_specs():
        units[spec.code] = create_unit(
            actor=actor, code=spec.code, name=spec.name, short_name=spec.short_name,
            kind=spec.kind, level=spec.level, parent=units.get(spec.parent),
            active_from=spec.active_from, active_until=spec.active_until,
            mostly_direct_workers=spec.mostly_direct_workers,
        )
    return units


@dataclass(frozen=True)
class GroupSpec:
    kind: str
    code: str
    name: str
    organiser: str
    members: tuple[str, ...]  # in rotation order
    leader: str
    deputy: str
    review_on: dt.date  # the 2023 year-end review, where the leadership is handed over


MTTQ_BLOC = "KHOI-MTTQ"
# HND follows HCCB in the rotation, so copying 2023 to 2024 makes HND the leader.
GROUPS_2023 = [
    GroupSpec(GroupKind.BLOC, MTTQ_BLOC, "Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh",
              "TINH", ("MTTQ", "HCCB", "HND", "HLHPN", "TD", "LDLD"), "HCCB", "HND",
              dt.date(2023, 11, 29)),
    GroupSpec(GroupKind.BLOC, "KHOI-QLNN", "Khối các cơ quan quản lý nhà nước", "TINH",
              ("STC", "SGDDT", "SYT", "SNV"), "STC", "SGDDT", dt.date(2023, 12, 8)),
    GroupSpec(GroupKind.BLOC, "KHOI-SNDN", "Khối các đơn vị sự nghiệp và doanh nghiệp", "TINH",
              ("DPTTH", "CTTL", "CDKT"), "DPTTH", "CTTL", dt.date(2023, 12, 12)),
    GroupSpec(GroupKind.CLUSTER, "CUM-HUYEN", "Cụm thi đua các huyện", "TINH",
              ("H-NK", "H-DL"), "H-NK", "H-DL", dt.date(2023, 12, 15)),
    GroupSpec(GroupKind.CLUSTER, "CUM-NK", "Cụm thi đua các xã, thị trấn huyện Ngọc Khê", "H-NK",
              ("NK-TT", "NK-KT", "NK-KH", "NK-TK"), "NK-KT", "NK-KH", dt.date(2023, 12, 20)),
    GroupSpec(GroupKind.CLUSTER, "CUM-DL", "Cụm thi đua các xã, thị trấn huyện Đông Lĩnh", "H-DL",
              ("DL-TT", "DL-LN", "DL-LB", "DL-DS"), "DL-LN", "DL-LB", dt.date(2023, 12, 21)),
]


def create_groups(units: dict, *, actor) -> dict:
    """The 2023 groups, their 2024 copies and the 2023 handovers; returns groups by (year, code)."""
    groups = {}
    for spec in GROUPS_2023:
        current = create_group(
            actor=actor, kind=spec.kind, year=2023, code=spec.code, name=spec.name,
            members=[units[code] for code in spec.members], organiser=units[spec.organiser],
            leader=units[spec.leader], deputy=units[spec.deputy],
        )
        following = copy_group_to_next_year(current, actor=actor)
        record_handover(
            current, actor=actor, held_on=spec.review_on, incoming_leader=following.leader,
            incoming_deputy=following.deputy, next_group=following,
        )
        groups[2023, spec.code], groups[2024, spec.code] = current, following
    return groups
