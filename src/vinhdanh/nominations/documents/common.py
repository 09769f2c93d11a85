"""What the dossier documents share: the issuer and place of a unit, how a candidate and an
honour are named in a letter, the candidate's history as table rows, and the legal bases.

The text is Vietnamese document content following the official forms, not interface text,
so it is written here directly and not translated.
"""

import datetime as dt

from django.utils import timezone

from vinhdanh.core import wordlayout as w
from vinhdanh.core.text import nfc
from vinhdanh.honors.enums import HonorKind, TaskRating
from vinhdanh.honors.law.packs import ND98, ND152, QH16, pack_for
from vinhdanh.organisations.enums import Gender, UnitKind

GENDERS = {Gender.MALE: "Nam", Gender.FEMALE: "Nữ"}
RATINGS = {
    TaskRating.EXCELLENT: "Hoàn thành xuất sắc nhiệm vụ",
    TaskRating.GOOD: "Hoàn thành tốt nhiệm vụ",
    TaskRating.COMPLETED: "Hoàn thành nhiệm vụ",
    TaskRating.NOT_COMPLETED: "Không hoàn thành nhiệm vụ",
}
# Words before the proper name of an administrative unit; ND 30 writes the place without them.
PLACE_PREFIXES = ("thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận",
                  "xã", "phường")
PLACE_KINDS = (UnitKind.COMMUNE, UnitKind.DISTRICT, UnitKind.PROVINCE)

LAW = ("Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022")
ND98_BASIS = ("Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định "
              "chi tiết thi hành một số điều của Luật Thi đua, khen thưởng")
ND152_BASIS = ("Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định "
               "về phân quyền, phân cấp và chi tiết thi hành Luật Thi đua, khen thưởng")
QH16_BASIS = "Luật số 06/2026/QH16 sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng"
# The texts a letter cites, by rule pack. The 2026 amendment is cited only once an
# administrator confirmed its pack (until then the ND 152 bases stand).
LEGAL_BASES = {ND98: (LAW, ND98_BASIS), ND152: (LAW, ND152_BASIS),
               QH16: (LAW, QH16_BASIS, ND152_BASIS)}


def today() -> dt.date:
    return timezone.localdate()


def legal_bases(day: dt.date) -> tuple[str, ...]:
    """The Law and decree(s) in force on ``day`` (the first pack's before 2024)."""
    from vinhdanh.honors.law.packs import effective_pack_for

    try:
        pack = pack_for(day)
    except LookupError:
        return LEGAL_BASES[ND98]
    if pack.code == QH16 and not effective_pack_for(day).confirmed:
        return LEGAL_BASES[ND152]
    return LEGAL_BASES[pack.code]


# -- units and places ---------------------------------------------------------------------

def ancestors(unit) -> list:
    """``unit``'s ancestors from the root down (one query, from the materialised path)."""
    ids = [int(part) for part in unit.path.strip("/").split("/") if part][:-1]
    found = {u.pk: u for u in type(unit).objects.filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def bare_place(name: str) -> str:
    """ "Tỉnh Hòa Bình Xanh" → "Hòa Bình Xanh"; "Xã Hòa Sơn" → "Hòa Sơn"."""
    name = nfc(name)
    for prefix in PLACE_PREFIXES:
        if name.casefold().startswith(prefix + " "):
            return name[len(prefix) + 1:].strip()
    return name


def place_of(unit) -> str:
    """The place a unit writes in its date line: its own commune, district or province (the
    nearest one up the tree), as ND 30 asks."""
    for candidate in [unit, *reversed(ancestors(unit))]:
        if candidate.kind in PLACE_KINDS:
            return bare_place(candidate.name)
    return bare_place(unit.name)


def superior_of(unit) -> str:
    """The body above ``unit`` in its heading (cơ quan chủ quản); none under the province
    root, whose organisations head their letters with their own name only."""
    parent = unit.parent
    if parent is None or parent.parent_id is None:
        return ""
    return parent.name


def province_name(unit) -> str:
    chain = ancestors(unit)
    return (chain[0] if chain else unit).name


def lower_first(text: str) -> str:
    """ "Tỉnh Hòa Bình Xanh" inside a sentence: "tỉnh Hòa Bình Xanh"."""
    return text[:1].lower() + text[1:] if text else text


def date_line(unit, day: dt.date | None, year: int | None = None) -> str:
    place = place_of(unit)
    return w.vietnamese_date(day, place) if day else w.blank_date(year or today().year, place)


# -- candidates and honours ---------------------------------------------------------------

def honour_phrase(honor) -> str:
    """ "tặng Bằng khen …" for awards and flags, "công nhận danh hiệu “…”" for titles."""
    name = nfc(honor.name)
    if honor.kind == HonorKind.AWARD or name.startswith("Cờ"):
        return f"tặng {name}"
    return f"công nhận danh hiệu “{name}”"


def candidate_name(nomination) -> str:
    if nomination.person_id:
        return nomination.person.full_name
    if nomination.unit_id:
        return nomination.unit.name
    return f"Hộ gia đình {nomination.household.head_name}"


def candidate_place(nomination) -> str:
    """Position and unit of a person, the unit above a collective, a household's address."""
    if nomination.person_id:
        person = nomination.person
        return ", ".join(part for part in (person.position, person.unit.name) if part)
    if nomination.unit_id:
        return nomination.unit.parent.name if nomination.unit.parent_id else ""
    household = nomination.household
    return ", ".join(part for part in (household.address, household.unit.name) if part)


def candidate_unit(nomination):
    """The unit a candidate belongs to (a collective is its own)."""
    if nomination.person_id:
        return nomination.person.unit
    return nomination.unit if nomination.unit_id else nomination.household.unit


# -- history ------------------------------------------------------------------------------

def _decision(record) -> str:
    parts = []
    if record.decision_number:
        parts.append(f"Quyết định số {record.decision_number}")
    if record.decision_date:
        parts.append(f"ngày {record.decision_date:%d/%m/%Y}")
    text = " ".join(parts)
    if record.issuer:
        text = f"{text} của {record.issuer}" if text else record.issuer
    return text


def _years(record) -> str:
    if record.first_year and record.first_year != record.year:
        return f"{record.first_year}–{record.year}"
    return str(record.year)


def honour_rows(candidate, kind: str) -> list[list[str]]:
    """[year, honour, decision] of the candidate's honours of ``kind`` (title or award),
    oldest first, as the report forms list them."""
    from vinhdanh.honors.models import HonorRecord

    records = (HonorRecord.objects.of(candidate).filter(honor__kind=kind)
               .select_related("honor").order_by("year", "honor__position", "id"))
    return [[_years(r), r.honor.name, _decision(r)] for r in records]


def rating_rows(candidate) -> list[list[str]]:
    from vinhdanh.honors.models import TaskRatingRecord

    records = TaskRatingRecord.objects.of(candidate).order_by("year")
    return [[str(r.year), RATINGS.get(r.rating, r.get_rating_display())] for r in records]


def initiative_rows(candidate) -> list[list[str]]:
    from vinhdanh.honors.enums import InitiativeLevel
    from vinhdanh.honors.models import Initiative

    levels = {InitiativeLevel.GRASSROOTS: "Cơ sở", InitiativeLevel.PROVINCE: "Bộ, ngành, tỉnh",
              InitiativeLevel.NATIONAL: "Toàn quốc"}
    records = Initiative.objects.of(candidate).order_by("year", "id")
    return [[str(r.year), r.title, levels.get(r.level, r.level), r.recognised_by]
            for r in records]


HONOUR_HEADERS = {
    HonorKind.TITLE: ["Năm", "Danh hiệu thi đua",
                      "Số, ngày, tháng, năm của quyết định công nhận; cơ quan ban hành"],
    HonorKind.AWARD: ["Năm", "Hình thức khen thưởng",
                      "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành"],
}
HISTORY_WIDTHS = [22, 60, 83]


def history_section(doc, candidate, *, with_ratings: bool = True) -> None:
    """The report's "forms of commendation received": titles, then awards, then (for
    people and collectives) the yearly task ratings; a dotted line where there are none."""
    subsections = [("1. Danh hiệu thi đua", HonorKind.TITLE),
                   ("2. Hình thức khen thưởng", HonorKind.AWARD)]
    for title, kind in subsections:
        w.heading(doc, title, level=2)
        _rows_or_blank(doc, HONOUR_HEADERS[kind], honour_rows(candidate, kind),
                       HISTORY_WIDTHS)
    if with_ratings:
        w.heading(doc, "3. Kết quả đánh giá, xếp loại mức độ hoàn thành nhiệm vụ", level=2)
        _rows_or_blank(doc, ["Năm", "Mức độ hoàn thành nhiệm vụ"], rating_rows(candidate),
                       [22, 143])


def _rows_or_blank(doc, headers, rows, widths) -> None:
    if not rows:
        rows = [["", "", ""][: len(headers)]]
    w.grid(doc, headers, rows, widths_mm=widths)
