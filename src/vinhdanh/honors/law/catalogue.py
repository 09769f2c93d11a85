"""The honours a province deals with (Law 06/2022 Art 9, 21–28, 73–75; Decree 152/2025).

Article numbers are given only where ../shared/domain/law.md has a source for them.

Codes are stable: rule packs, settings, imports and the API refer to honours by code.
Criteria and coefficients are not here: they change with the law (see packs.py).
"""

from dataclasses import dataclass

IND, COL, HH = "individual", "collective", "household"


ORDERS_BASIS = "Điều 9 Luật TĐKT 2022; Điều 51 Nghị định 152/2025/NĐ-CP"


@dataclass(frozen=True)
class HonorSpec:
    code: str
    name: str
    short_name: str
    kind: str  # "title" or "award"
    level: str  # "grassroots", "province" or "state"
    subjects: tuple[str, ...]
    awarded_by: str
    legal_basis: str


CATALOGUE = [
    # Emulation titles for individuals (Law Art 21–24).
    HonorSpec("lao_dong_tien_tien", "Lao động tiên tiến", "LĐTT", "title", "grassroots", (IND,),
              "Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã",
              "Điều 24 Luật TĐKT 2022"),
    HonorSpec("chien_si_thi_dua_co_so", "Chiến sĩ thi đua cơ sở", "CSTĐCS", "title",
              "grassroots", (IND,), "Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã",
              "Điều 23 Luật TĐKT 2022"),
    HonorSpec("chien_si_thi_dua_tinh", "Chiến sĩ thi đua cấp tỉnh", "CSTĐ tỉnh", "title",
              "province", (IND,), "Chủ tịch UBND tỉnh", "Điều 22 Luật TĐKT 2022"),
    HonorSpec("chien_si_thi_dua_toan_quoc", "Chiến sĩ thi đua toàn quốc", "CSTĐTQ", "title",
              "state", (IND,), "Thủ tướng Chính phủ", "Điều 21 Luật TĐKT 2022"),
    # Emulation titles for collectives (Law Art 25–28).
    HonorSpec("tap_the_lao_dong_tien_tien", "Tập thể lao động tiên tiến", "TTLĐTT", "title",
              "grassroots", (COL,), "Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã",
              "Điều 28 Luật TĐKT 2022"),
    HonorSpec("tap_the_lao_dong_xuat_sac", "Tập thể lao động xuất sắc", "TTLĐXS", "title",
              "province", (COL,), "Chủ tịch UBND tỉnh", "Điều 27 Luật TĐKT 2022"),
    HonorSpec("co_thi_dua_tinh", "Cờ thi đua của Ủy ban nhân dân tỉnh", "Cờ tỉnh", "title",
              "province", (COL,), "Chủ tịch UBND tỉnh", "Điều 26 Luật TĐKT 2022"),
    HonorSpec("co_thi_dua_chinh_phu", "Cờ thi đua của Chính phủ", "Cờ CP", "title", "state",
              (COL,), "Thủ tướng Chính phủ", "Điều 25 Luật TĐKT 2022"),
    # Titles for households, villages and communes (Law Art 29–31; Decree 86/2023).
    HonorSpec("gia_dinh_van_hoa", "Gia đình văn hóa", "GĐVH", "title", "grassroots", (HH,),
              "Chủ tịch UBND cấp xã", "Luật TĐKT 2022; Nghị định 86/2023/NĐ-CP"),
    HonorSpec("thon_to_dan_pho_van_hoa", "Thôn, tổ dân phố văn hóa", "Thôn văn hóa", "title",
              "grassroots", (COL,), "Chủ tịch UBND cấp xã (từ 01/07/2025)",
              "Luật TĐKT 2022; Nghị định 86/2023/NĐ-CP; Nghị định 129/2025/NĐ-CP"),
    HonorSpec("xa_phuong_tieu_bieu", "Xã, phường, đặc khu tiêu biểu", "Xã tiêu biểu", "title",
              "province", (COL,), "Chủ tịch UBND tỉnh",
              "Nghị định 86/2023/NĐ-CP; Điều 50 Nghị định 152/2025/NĐ-CP"),
    # Award forms (Law Art 9, 73–75).
    HonorSpec("giay_khen", "Giấy khen", "GK", "award", "grassroots", (IND, COL, HH),
              "Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã; Giám đốc doanh nghiệp",
              "Điều 75 Luật TĐKT 2022"),
    HonorSpec("bang_khen_tinh", "Bằng khen của Chủ tịch UBND tỉnh", "BK tỉnh", "award",
              "province", (IND, COL, HH), "Chủ tịch UBND tỉnh", "Điều 74 Luật TĐKT 2022"),
    HonorSpec("bang_khen_thu_tuong", "Bằng khen của Thủ tướng Chính phủ", "BK TTg", "award",
              "state", (IND, COL, HH), "Thủ tướng Chính phủ", "Điều 73 Luật TĐKT 2022"),
    HonorSpec("huan_chuong_lao_dong_hang_ba", "Huân chương Lao động hạng Ba", "HCLĐ hạng Ba",
              "award", "state", (IND, COL), "Chủ tịch nước", ORDERS_BASIS),
    HonorSpec("huan_chuong_lao_dong_hang_nhi", "Huân chương Lao động hạng Nhì", "HCLĐ hạng Nhì",
              "award", "state", (IND, COL), "Chủ tịch nước", ORDERS_BASIS),
    HonorSpec("huan_chuong_lao_dong_hang_nhat", "Huân chương Lao động hạng Nhất",
              "HCLĐ hạng Nhất", "award", "state", (IND, COL), "Chủ tịch nước",
              ORDERS_BASIS),
    HonorSpec("huan_chuong_dai_doan_ket", "Huân chương Đại đoàn kết dân tộc", "HC ĐĐK", "award",
              "state", (IND,), "Chủ tịch nước", ORDERS_BASIS),
]

BY_CODE = {spec.code: spec for spec in CATALOGUE}
