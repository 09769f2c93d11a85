"""The legacy-history workbook: four sheets, their columns and the words coded cells accept.

Like the units-and-people workbook, headers and coded values are Vietnamese whatever the
interface language, so that a file filled in today imports tomorrow.
"""

from vinhdanh.honors.enums import (
    DisciplineLevel,
    InitiativeKind,
    InitiativeLevel,
    RestrictionKind,
    SubjectKind,
    TaskRating,
)
from vinhdanh.organisations.importers.schema import PEOPLE_COLUMNS, Column, vocabulary

HONOURS_SHEET = "Danh hiệu, khen thưởng"
RATINGS_SHEET = "Xếp loại"
INITIATIVES_SHEET = "Sáng kiến"
RESTRICTIONS_SHEET = "Kỷ luật"
SHEETS = [HONOURS_SHEET, RATINGS_SHEET, INITIATIVES_SHEET, RESTRICTIONS_SHEET]
GUIDE_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"

_CITIZEN_ID = next(c for c in PEOPLE_COLUMNS if c.field == "citizen_id")
CITIZEN_ID = Column("citizen_id", _CITIZEN_ID.header, aliases=_CITIZEN_ID.aliases, width=16,
                    kind="citizen_id")
UNIT_CODE = Column("unit_code", "Mã đơn vị", aliases=("Mã tập thể",), width=14)
# Only for the reader of the file: a filled name must match the citizen ID's person.
FULL_NAME = Column("full_name", "Họ và tên", aliases=("Họ tên",), width=26)
YEAR = Column("year", "Năm", True, aliases=("Năm đạt", "Năm thành tích", "Năm công nhận"),
              width=8, kind="year")
NOTES = Column("notes", "Ghi chú", width=30)

HONOUR_COLUMNS = (
    Column("subject", "Đối tượng", width=14, kind="choice"),
    CITIZEN_ID,
    FULL_NAME,
    UNIT_CODE,
    Column("head_name", "Chủ hộ", aliases=("Tên chủ hộ", "Họ tên chủ hộ"), width=24),
    Column("honor", "Danh hiệu, hình thức khen thưởng", True,
           aliases=("Danh hiệu/hình thức", "Danh hiệu", "Hình thức khen thưởng",
                    "Danh hiệu thi đua"), width=36, kind="choice"),
    YEAR,
    Column("first_year", "Từ năm", width=8, kind="year"),
    Column("decision_number", "Số quyết định", aliases=("Số QĐ",), width=18),
    Column("decision_date", "Ngày quyết định", aliases=("Ngày QĐ", "Ngày ký"), width=14,
           kind="date"),
    Column("issuer", "Cơ quan ban hành", aliases=("Cơ quan quyết định", "Cấp khen"), width=28),
    NOTES,
)

RATING_COLUMNS = (
    CITIZEN_ID,
    FULL_NAME,
    UNIT_CODE,
    YEAR,
    Column("rating", "Mức độ hoàn thành nhiệm vụ",
           True, aliases=("Xếp loại", "Mức xếp loại", "Kết quả xếp loại"), width=32,
           kind="choice"),
)

INITIATIVE_COLUMNS = (
    CITIZEN_ID,
    FULL_NAME,
    UNIT_CODE,
    Column("title", "Tên sáng kiến", True,
           aliases=("Tên sáng kiến, đề tài", "Tên đề tài", "Tên công trình"), width=40),
    Column("kind", "Loại", aliases=("Loại sáng kiến",), width=22, kind="choice"),
    Column("level", "Cấp công nhận", True, aliases=("Phạm vi ảnh hưởng", "Cấp"), width=14,
           kind="choice"),
    YEAR,
    Column("recognised_by", "Cơ quan công nhận", aliases=("Đơn vị công nhận",), width=28),
)

RESTRICTION_COLUMNS = (
    CITIZEN_ID,
    FULL_NAME,
    UNIT_CODE,
    Column("kind", "Loại", True, width=20, kind="choice"),
    Column("level", "Hình thức kỷ luật", width=22, kind="choice"),
    Column("starts_on", "Từ ngày", True, width=14, kind="date"),
    Column("ends_on", "Đến ngày", width=14, kind="date"),
    NOTES,
)

COLUMNS = {HONOURS_SHEET: HONOUR_COLUMNS, RATINGS_SHEET: RATING_COLUMNS,
           INITIATIVES_SHEET: INITIATIVE_COLUMNS, RESTRICTIONS_SHEET: RESTRICTION_COLUMNS}

# The first word of each list is the one the template offers.
SUBJECT_WORDS = {
    SubjectKind.INDIVIDUAL: ("Cá nhân",),
    SubjectKind.COLLECTIVE: ("Tập thể", "Đơn vị"),
    SubjectKind.HOUSEHOLD: ("Hộ gia đình", "Hộ", "Gia đình"),
}
RATING_WORDS = {
    TaskRating.EXCELLENT: ("Hoàn thành xuất sắc nhiệm vụ", "HTXS", "HTXSNV", "Xuất sắc"),
    TaskRating.GOOD: ("Hoàn thành tốt nhiệm vụ", "HTT", "HTTNV", "Tốt"),
    TaskRating.COMPLETED: ("Hoàn thành nhiệm vụ", "HT", "HTNV", "Hoàn thành"),
    TaskRating.NOT_COMPLETED: ("Không hoàn thành nhiệm vụ", "KHT", "KHTNV", "Không hoàn thành"),
}
INITIATIVE_KIND_WORDS = {
    InitiativeKind.INITIATIVE: ("Sáng kiến", "Giải pháp"),
    InitiativeKind.SCIENCE: ("Đề tài, công trình khoa học", "Đề tài khoa học",
                             "Công trình khoa học", "Đề án khoa học", "Khoa học"),
    InitiativeKind.COMBAT: ("Sáng tạo trong chiến đấu", "Mưu trí, sáng tạo trong chiến đấu"),
}
INITIATIVE_LEVEL_WORDS = {
    InitiativeLevel.GRASSROOTS: ("Cơ sở", "Cấp cơ sở"),
    InitiativeLevel.PROVINCE: ("Tỉnh", "Cấp tỉnh", "Bộ, ngành, tỉnh", "Cấp bộ, ngành, tỉnh",
                               "Bộ, ngành"),
    InitiativeLevel.NATIONAL: ("Toàn quốc", "Cấp toàn quốc", "Nhà nước"),
}
RESTRICTION_WORDS = {
    RestrictionKind.DISCIPLINE: ("Kỷ luật",),
    RestrictionKind.INVESTIGATION: ("Điều tra", "Đang điều tra"),
    RestrictionKind.INSPECTION: ("Thanh tra", "Kiểm tra", "Đang thanh tra"),
    RestrictionKind.COMPLAINT: ("Khiếu nại, tố cáo", "Khiếu nại", "Tố cáo"),
}
DISCIPLINE_WORDS = {
    DisciplineLevel.REPRIMAND: ("Khiển trách",),
    DisciplineLevel.WARNING: ("Cảnh cáo",),
    DisciplineLevel.DEMOTION: ("Hạ bậc lương, giáng chức", "Hạ bậc lương", "Giáng chức",
                               "Hạ ngạch"),
    DisciplineLevel.REMOVAL: ("Cách chức",),
    DisciplineLevel.DISMISSAL: ("Buộc thôi việc",),
}

WORDS = {
    (HONOURS_SHEET, "subject"): (SubjectKind, SUBJECT_WORDS),
    (RATINGS_SHEET, "rating"): (TaskRating, RATING_WORDS),
    (INITIATIVES_SHEET, "kind"): (InitiativeKind, INITIATIVE_KIND_WORDS),
    (INITIATIVES_SHEET, "level"): (InitiativeLevel, INITIATIVE_LEVEL_WORDS),
    (RESTRICTIONS_SHEET, "kind"): (RestrictionKind, RESTRICTION_WORDS),
    (RESTRICTIONS_SHEET, "level"): (DisciplineLevel, DISCIPLINE_WORDS),
}


def vocabularies() -> dict:
    """(sheet, field) → Vocabulary of the coded columns other than the honour."""
    return {place: vocabulary(choices, words) for place, (choices, words) in WORDS.items()}
