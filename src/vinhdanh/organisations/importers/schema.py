"""The workbook's layout: sheet names, columns and the words accepted in coded columns.

Headers and coded values are the file's own vocabulary, in Vietnamese whatever the interface
language, so that a file exported today imports tomorrow.
"""

from dataclasses import dataclass

from django.utils import translation

from vinhdanh.organisations.enums import CadreCategory, Gender, UnitKind, UnitLevel
from vinhdanh.organisations.importers.cells import Vocabulary

UNITS_SHEET = "Đơn vị"
PEOPLE_SHEET = "Nhân sự"
GUIDE_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    required: bool = False  # the column must be present and every row must fill it
    aliases: tuple[str, ...] = ()
    width: int = 16
    kind: str = "text"  # text, date, yes_no, choice, citizen_id: how the template formats it

    @property
    def title(self) -> str:
        """The header as the template writes it: required columns end with an asterisk."""
        return f"{self.header}*" if self.required else self.header


UNIT_COLUMNS = (
    Column("code", "Mã đơn vị", True, width=14),
    Column("name", "Tên đơn vị", True, width=40),
    Column("short_name", "Tên viết tắt", width=20),
    Column("parent_code", "Mã đơn vị cấp trên", aliases=("Mã cấp trên", "Đơn vị cấp trên"),
           width=18),
    Column("kind", "Loại hình", True, width=30, kind="choice"),
    Column("level", "Cấp", True, width=16, kind="choice"),
    Column("active_from", "Hoạt động từ ngày", width=16, kind="date"),
    Column("active_until", "Đến ngày", width=14, kind="date"),
    Column("mostly_direct_workers", "Chủ yếu lao động trực tiếp", width=14, kind="yes_no"),
)

PEOPLE_COLUMNS = (
    Column("full_name", "Họ và tên", True, aliases=("Họ tên",), width=28),
    Column("gender", "Giới tính", True, width=10, kind="choice"),
    Column("date_of_birth", "Ngày sinh", aliases=("Ngày tháng năm sinh",), width=14,
           kind="date"),
    Column("citizen_id", "Số CCCD", aliases=("CCCD", "Số định danh cá nhân", "Số định danh",
                                             "Số căn cước công dân", "Số căn cước"),
           width=16, kind="citizen_id"),
    Column("unit_code", "Mã đơn vị", True, width=14),
    Column("position", "Chức vụ", width=24),
    Column("is_direct_worker", "Lao động trực tiếp", width=12, kind="yes_no"),
    Column("employment_start", "Ngày bắt đầu công tác", width=16, kind="date"),
    Column("is_active", "Đang công tác", width=12, kind="yes_no"),
    Column("cadre_category", "Phân loại cán bộ lãnh đạo", aliases=("Phân loại lãnh đạo",),
           width=30, kind="choice"),
)

# The first word of each list is the one the template offers and exports write.
GENDER_WORDS = {Gender.MALE: ("Nam",), Gender.FEMALE: ("Nữ",)}
# The individual rows of the statutory forms 0602.N and 0603.N (TT 02/2023/TT-BNV).
CADRE_WORDS = {
    CadreCategory.PROVINCE_LEADER: ("Lãnh đạo cấp bộ, tỉnh", "Lãnh đạo cấp tỉnh"),
    CadreCategory.DEPARTMENT_LEADER: ("Lãnh đạo cấp vụ, sở, ngành", "Lãnh đạo cấp sở"),
    CadreCategory.BUSINESS_MANAGER: ("Doanh nhân",),
    CadreCategory.OTHER_LEADER: ("Lãnh đạo khác từ Phó trưởng phòng trở lên",
                                 "Lãnh đạo khác"),
}
KIND_WORDS = {
    UnitKind.PROVINCE: ("Tỉnh",),
    UnitKind.PARTY: ("Tổ chức Đảng", "Đảng", "Cơ quan Đảng"),
    UnitKind.STATE: ("Cơ quan nhà nước", "Cơ quan hành chính nhà nước", "Nhà nước"),
    UnitKind.FRONT: ("Mặt trận, đoàn thể", "Mặt trận Tổ quốc", "Đoàn thể",
                     "Tổ chức chính trị - xã hội"),
    UnitKind.PUBLIC_SERVICE: ("Đơn vị sự nghiệp", "Đơn vị sự nghiệp công lập", "Sự nghiệp"),
    UnitKind.ENTERPRISE: ("Doanh nghiệp",),
    UnitKind.DISTRICT: ("Huyện", "Quận, huyện"),
    UnitKind.COMMUNE: ("Xã, phường, đặc khu", "Xã", "Phường", "Đặc khu", "Thị trấn"),
    UnitKind.VILLAGE: ("Thôn, tổ dân phố", "Thôn", "Tổ dân phố", "Ấp", "Bản"),
    UnitKind.OTHER: ("Khác",),
}
LEVEL_WORDS = {
    UnitLevel.PROVINCE: ("Cấp tỉnh", "Tỉnh"),
    UnitLevel.DISTRICT: ("Cấp huyện", "Huyện"),
    UnitLevel.COMMUNE: ("Cấp xã", "Xã"),
    UnitLevel.GRASSROOTS: ("Cơ sở", "Cấp cơ sở"),
}


def vocabulary(choices, words) -> Vocabulary:
    """Codes, labels (in the interface languages) and the file's own words, for one choice."""
    spellings = {}
    for code, label in choices.choices:
        for language in ("en", "vi", translation.get_language() or "vi"):
            with translation.override(language):
                spellings[str(label)] = code
        spellings[code] = code
        spellings.update({word: code for word in words[code]})
    return Vocabulary(spellings, [words[code][0] for code in choices.values])


def vocabularies() -> dict[str, Vocabulary]:
    return {
        "gender": vocabulary(Gender, GENDER_WORDS),
        "kind": vocabulary(UnitKind, KIND_WORDS),
        "level": vocabulary(UnitLevel, LEVEL_WORDS),
        "cadre_category": vocabulary(CadreCategory, CADRE_WORDS),
    }


def file_word(words, code) -> str:
    """The word an export writes for ``code``."""
    return words[code][0] if code else ""
