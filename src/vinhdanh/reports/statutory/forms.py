"""The statutory statistical report forms on emulation and commendation, as data.

The set in force before TT 18/2025/TT-BNV: the annual forms 0601.N–0605.N of TT 02/2023/TT-BNV
(../shared/domain/law-addendum.md §5). TT 18/2025/TT-BNV (08/10/2025) replaces the regime
from its effective date, but its TĐKT form numbers and layouts are not confirmed, so the set
says so on every sheet and on the page (``STATUS``).

Like the catalogue's honour names, the wording here is the forms' own and stays Vietnamese
whatever the interface language. A province corrects a label, adds a row or maps a new
honour code to a column here, without touching the counting code (``counting.py``): a
column or row is a label and a selector over the facts of ``facts.py``; ``None`` leaves the
cells empty to type in (figures Vinh Danh does not hold).
"""

from vinhdanh.honors.enums import HonorLevel, SubjectKind
from vinhdanh.movements.enums import MovementKind
from vinhdanh.nominations.enums import CommendationType
from vinhdanh.organisations.enums import CadreCategory
from vinhdanh.reports.statutory import facts
from vinhdanh.reports.statutory.model import (
    Column,
    ColumnGroup,
    FormSet,
    PerValue,
    Row,
    Section,
    StatForm,
    codes,
    starts,
    where,
)

COLLECTIVE = where(subject=(SubjectKind.COLLECTIVE, SubjectKind.HOUSEHOLD))
INDIVIDUAL = where(subject=SubjectKind.INDIVIDUAL)
# The column pairs are "Tập thể" / "Cá nhân": a household counts with the collectives there;
# the row "Hộ gia đình" shows households apart.
PAIR = (Column("Tập thể", COLLECTIVE), Column("Cá nhân", INDIVIDUAL))

# -- honour groups, by catalogue code (honors/law/catalogue.py); prefixes catch codes a
# province adds later ("huy_chuong_…").
ORDERS = starts("honour", "huan_chuong_")
MEDALS = starts("honour", "huy_chuong_")
PRIZES = starts("honour", "giai_thuong_")
HONORARY = starts("honour", "danh_hieu_vinh_du_", "anh_hung_", "ba_me_viet_nam_anh_hung",
                  "nha_giao_nhan_dan", "nha_giao_uu_tu", "thay_thuoc_nhan_dan",
                  "thay_thuoc_uu_tu", "nghe_si_nhan_dan", "nghe_si_uu_tu",
                  "nghe_nhan_nhan_dan", "nghe_nhan_uu_tu")
GOVERNMENT_FLAG = codes("co_thi_dua_chinh_phu")
PRIME_MINISTER = codes("bang_khen_thu_tuong")
NATIONAL_FIGHTER = codes("chien_si_thi_dua_toan_quoc")
STATE_NAMED = ORDERS | MEDALS | PRIZES | HONORARY | GOVERNMENT_FLAG | PRIME_MINISTER \
    | NATIONAL_FIGHTER

PROVINCE_MERIT = codes("bang_khen_tinh")
PROVINCE_FIGHTER = codes("chien_si_thi_dua_tinh")
PROVINCE_FLAG = codes("co_thi_dua_tinh")
MEMORIAL_MEDALS = starts("honour", "ky_niem_chuong")
PROVINCE_NAMED = PROVINCE_MERIT | PROVINCE_FIGHTER | PROVINCE_FLAG | MEMORIAL_MEDALS

STATUS = ("Mẫu biểu theo Thông tư số 02/2023/TT-BNV; mẫu biểu theo Thông tư số "
          "18/2025/TT-BNV chưa được xác nhận (CHƯA XÁC NHẬN).")


def _honour_rows() -> tuple:
    """The rows 0602.N and 0603.N share: total, by proposer, by recipient, by type."""
    person = {category: where(person_row=category) for category in (
        *CadreCategory.values, facts.DIRECT_WORKER, facts.UNCLASSIFIED)}
    kind = {value: where(kind=value) for value in (*CommendationType.values, facts.UNKNOWN_KIND)}
    return (
        Row("Tổng số", strong=True),
        Section("1. Phân theo đơn vị trình khen thưởng"),
        PerValue("proposer"),
        Section("2. Phân theo đối tượng khen thưởng"),
        Row("Tập thể", where(subject=SubjectKind.COLLECTIVE), indent=1),
        Row("Trong đó: Doanh nghiệp", where(subject=SubjectKind.COLLECTIVE, enterprise=True),
            indent=2),
        Row("Hộ gia đình", where(subject=SubjectKind.HOUSEHOLD), indent=1),
        Row("Cá nhân", INDIVIDUAL, indent=1),
        Row("Lãnh đạo cấp bộ, tỉnh và tương đương", person[CadreCategory.PROVINCE_LEADER],
            indent=2),
        Row("Lãnh đạo cấp vụ, sở, ngành và tương đương",
            person[CadreCategory.DEPARTMENT_LEADER], indent=2),
        Row("Doanh nhân", person[CadreCategory.BUSINESS_MANAGER], indent=2),
        Row("Lãnh đạo khác từ Phó trưởng phòng trở lên", person[CadreCategory.OTHER_LEADER],
            indent=2),
        Row("Công nhân, nông dân, người lao động trực tiếp", person[facts.DIRECT_WORKER],
            indent=2),
        Row("Khác (chưa phân loại)", person[facts.UNCLASSIFIED], indent=2),
        Section("3. Phân theo loại hình khen thưởng"),
        Row("Thường xuyên (hằng năm)", kind[CommendationType.ANNUAL], indent=1),
        Row("Theo chuyên đề (theo đợt)", kind[CommendationType.THEMATIC], indent=1),
        Row("Đột xuất", kind[CommendationType.AD_HOC], indent=1),
        Row("Đối ngoại", kind[CommendationType.FOREIGN], indent=1),
        Row("Quá trình cống hiến, niên hạn", kind[CommendationType.LONG_SERVICE], indent=1),
        Row("Kháng chiến", None, indent=1),
        Row("Chưa xác định loại hình (nhập tay)", kind[facts.UNKNOWN_KIND], indent=1),
    )


F0601 = StatForm(
    code="0601.N/BNV-TĐKT", sheet="0601.N", title="SỐ PHONG TRÀO THI ĐUA",
    source="movements",
    scope=where(kind=(MovementKind.REGULAR, MovementKind.THEMATIC)),
    columns=(
        Column("Tổng số"),
        ColumnGroup("Chia ra", (
            Column("Trung ương phát động", None),
            Column("Bộ, ngành, tỉnh phát động", where(launcher="root")),
            Column("Cơ quan, đơn vị phát động", where(launcher=("group", "unit"))),
        )),
    ),
    rows=(
        Row("Tổng số", strong=True),
        Section("1. Phân theo phạm vi"),
        Row("Toàn quốc", None, indent=1),
        Row("Bộ, ngành, tỉnh", where(launcher="root"), indent=1),
        Row("Cụm, khối thi đua", where(launcher="group"), indent=1),
        Row("Cơ quan, đơn vị", where(launcher="unit"), indent=1),
        Section("2. Phân theo thời gian thực hiện"),
        Row("Dưới 1 năm", where(duration="lt1"), indent=1),
        Row("1 năm", where(duration="1"), indent=1),
        Row("Từ trên 1 năm đến dưới 3 năm", where(duration="1to3"), indent=1),
        Row("Từ 3 năm đến dưới 5 năm", where(duration="3to5"), indent=1),
        Row("Từ 5 năm trở lên", where(duration="ge5"), indent=1),
        Row("Không xác định thời hạn (chưa có ngày kết thúc)", where(duration="open"),
            indent=1),
        Section("3. Phân theo hình thức"),
        Row("Theo chuyên đề (theo đợt)", where(kind=MovementKind.THEMATIC), indent=1),
        Row("Thường xuyên", where(kind=MovementKind.REGULAR), indent=1),
    ),
    notes=("Phong trào thi đua do cơ quan, đơn vị trong phạm vi báo cáo phát động trong năm "
           "(theo ngày bắt đầu); không tính các cuộc vận động. Cột và dòng \"Trung ương\", "
           "\"Toàn quốc\": nhập tay.",),
)

F0602 = StatForm(
    code="0602.N/BNV-TĐKT", sheet="0602.N", title="SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
    source="honours", scope=where(level=HonorLevel.STATE),
    columns=(
        Column("Tổng số"),
        ColumnGroup("Huân chương", PAIR, ORDERS),
        ColumnGroup("Huy chương", PAIR, MEDALS),
        ColumnGroup("Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước", PAIR, PRIZES),
        ColumnGroup("Danh hiệu vinh dự Nhà nước", PAIR, HONORARY),
        Column("Cờ thi đua của Chính phủ", GOVERNMENT_FLAG),
        ColumnGroup("Bằng khen của Thủ tướng Chính phủ", PAIR, PRIME_MINISTER),
        Column("Chiến sĩ thi đua toàn quốc", NATIONAL_FIGHTER),
        ColumnGroup("Khác", PAIR, ~STATE_NAMED),
    ),
    rows=_honour_rows(),
    notes=("Số lượt khen thưởng theo ngày ký quyết định trong năm; không tính khen thưởng "
           "đã bị hủy bỏ.",),
)

F0603 = StatForm(
    code="0603.N/BNV-TĐKT", sheet="0603.N",
    title="SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, TỈNH",
    source="honours", scope=where(level=HonorLevel.PROVINCE),
    columns=(
        Column("Tổng số"),
        ColumnGroup("Bằng khen", PAIR, PROVINCE_MERIT),
        Column("Chiến sĩ thi đua cấp tỉnh", PROVINCE_FIGHTER),
        Column("Cờ thi đua cấp tỉnh", PROVINCE_FLAG),
        ColumnGroup("Kỷ niệm chương", PAIR, MEMORIAL_MEDALS),
        ColumnGroup("Khác", PAIR, ~PROVINCE_NAMED),
    ),
    rows=_honour_rows(),
    notes=("Số lượt khen thưởng theo ngày ký quyết định trong năm; không tính khen thưởng "
           "đã bị hủy bỏ. Cột \"Khác\" gồm Tập thể lao động xuất sắc, Xã, phường, đặc khu "
           "tiêu biểu và các hình thức cấp tỉnh khác.",),
)

TYPED_NOTE = ("Số liệu về tổ chức, công chức làm công tác thi đua, khen thưởng không có trong "
              "Vinh Danh: nhập tay vào các ô trống. Bố cục dựng lại theo mô tả của Thông tư, "
              "cần đối chiếu với mẫu chính thức.")

F0604 = StatForm(
    code="0604.N/BNV-TĐKT", sheet="0604.N",
    title="SỐ ĐƠN VỊ LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG", source="typed",
    columns=(Column("Số đơn vị", None),),
    rows=(
        Row("Tổng số", None, strong=True),
        Section("1. Bộ, ban, ngành, đoàn thể trung ương"),
        Row("Vụ (Ban) Thi đua - Khen thưởng", None, indent=1),
        Row("Phòng Thi đua - Khen thưởng thuộc vụ, văn phòng", None, indent=1),
        Section("2. Tỉnh, thành phố trực thuộc trung ương"),
        Row("Ban Thi đua - Khen thưởng thuộc Sở Nội vụ", None, indent=1),
        Row("Phòng Thi đua - Khen thưởng thuộc Sở Nội vụ", None, indent=1),
    ),
    notes=(TYPED_NOTE,),
)

F0605 = StatForm(
    code="0605.N/BNV-TĐKT", sheet="0605.N",
    title="SỐ CÔNG CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG", source="typed",
    columns=(
        Column("Tổng số", None),
        Column("Trong đó: Nữ", None),
        ColumnGroup("Độ tuổi", (Column("Dưới 30", None), Column("Từ 30 đến dưới 40", None),
                                Column("Từ 40 đến dưới 50", None),
                                Column("Từ 50 trở lên", None))),
        ColumnGroup("Trình độ đào tạo", (Column("Tiến sĩ", None), Column("Thạc sĩ", None),
                                         Column("Đại học", None), Column("Khác", None))),
        ColumnGroup("Thời gian làm công tác thi đua, khen thưởng", (
            Column("Dưới 5 năm", None), Column("Từ 5 đến dưới 10 năm", None),
            Column("Từ 10 năm trở lên", None))),
    ),
    rows=(
        Row("Tổng số", None, strong=True),
        Row("Bộ, ban, ngành, đoàn thể trung ương", None, indent=1),
        Row("Tỉnh, thành phố trực thuộc trung ương", None, indent=1),
    ),
    notes=(TYPED_NOTE,),
)

TT_02_2023 = FormSet(
    basis="Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ trưởng Bộ Nội vụ",
    short_basis="TT 02/2023/TT-BNV",
    status=STATUS,
    due="15/12",
    receiver="Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)",
    forms=(F0601, F0602, F0603, F0604, F0605),
)

CURRENT = TT_02_2023
