"""Fictional Vietnamese names for the demo province, drawn from a seeded random generator.

Every name is a made-up combination. Names of real people (those in the article this project
starts from, and well-known national leaders) are refused, so no combination can match them.
"""

import random

from vinhdanh.core.text import nfc
from vinhdanh.organisations.enums import Gender

# Repeats weight the draw: about a third of Vietnamese people are called Nguyễn.
FAMILY = (
    ["Nguyễn"] * 10 + ["Trần"] * 4 + ["Lê"] * 3 + ["Phạm"] * 2 + ["Hoàng", "Huỳnh", "Phan"]
    + ["Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Đào"]
    + ["Lương", "Trịnh", "Tạ", "Kiều", "Quách", "Lã", "Ưng", "Âu", "Ông", "Thái", "Mai"]
)
MIDDLE = {
    Gender.MALE: ["Văn"] * 6 + ["Đức", "Hữu", "Quang", "Minh", "Công", "Xuân", "Đình", "Trọng",
                                "Quốc", "Thế", "Bá", "Tiến", "Mạnh"],
    Gender.FEMALE: ["Thị"] * 6 + ["Thu", "Ngọc", "Thanh", "Phương", "Diệu", "Mỹ", "Kim",
                                  "Bích", "Hải", "Thuỳ", "Khánh"],
}
GIVEN = {
    Gender.MALE: [
        "An", "Bảo", "Cường", "Dũng", "Đạt", "Đông", "Hải", "Hiếu", "Hoà", "Huy", "Khải",
        "Khoa", "Lâm", "Lộc", "Long", "Nghĩa", "Phúc", "Quý", "Sơn", "Tài", "Thắng", "Thịnh",
        "Tùng", "Việt", "Vĩnh", "Toản", "Khoẻ", "Ước", "Ân", "Ổn", "Trưởng", "Điền", "Thuận",
    ],
    Gender.FEMALE: [
        "Anh", "Ánh", "Bích", "Chi", "Diệp", "Dung", "Hằng", "Hạnh", "Hoà", "Huệ", "Hương",
        "Hường", "Khuê", "Lan", "Liên", "Loan", "Mai", "Ngân", "Nguyệt", "Nhung", "Oanh",
        "Phượng", "Quỳnh", "Thảo", "Thuỷ", "Thuý", "Trang", "Tuyết", "Uyên", "Xuân", "Yến",
        "Ngoãn", "Đào",
    ],
}
# Hand-picked names that exercise search and sorting: every tone mark, old-style tone
# placement (Hoà, Thuỷ, Khoẻ, Thuý), four-word names and names starting with Đ, Ư, Â, Ô.
TRICKY = [
    ("Đặng Thị Thuỷ", Gender.FEMALE),
    ("Lê Văn Hoà", Gender.MALE),
    ("Đỗ Thị Ngọc Ánh", Gender.FEMALE),
    ("Trịnh Đức Khoẻ", Gender.MALE),
    ("Lã Thị Thuý Hằng", Gender.FEMALE),
    ("Tôn Nữ Thuỳ Dương", Gender.FEMALE),
    ("Ưng Văn Ổn", Gender.MALE),
    ("Âu Thị Ẩn", Gender.FEMALE),
    ("Ông Bá Ước", Gender.MALE),
    ("Đinh Thị Ngoãn", Gender.FEMALE),
    ("Đoàn Thị Huyền Trang", Gender.FEMALE),
    ("Quách Hữu Điền", Gender.MALE),
    ("Nguyễn Hoàng Bảo Khánh", Gender.MALE),
    ("Đào Đình Đông", Gender.MALE),
    ("Kiều Thị Mỹ Hường", Gender.FEMALE),
    ("Huỳnh Ngọc Hoà", Gender.FEMALE),
]

# Never to be generated, even by chance: the people named in the origin article and
# well-known national figures.
FORBIDDEN = (
    "Nguyễn Văn Giang", "Hồng Quân", "Võ Văn Kiệt", "Phạm Văn Đồng", "Nguyễn Văn Linh",
    "Võ Văn Thưởng", "Nguyễn Xuân Phúc", "Nguyễn Tấn Dũng", "Trần Đại Quang", "Phạm Minh Chính",
    "Nguyễn Thị Kim Ngân", "Võ Thị Ánh Xuân", "Vương Đình Huệ", "Trần Thanh Mẫn", "Lương Cường",
    "Nguyễn Phú Trọng", "Nông Đức Mạnh", "Trần Đức Lương", "Nguyễn Minh Triết", "Tô Lâm",
)


def is_allowed(full_name: str) -> bool:
    folded = full_name.casefold()
    return not any(real.casefold() in folded for real in FORBIDDEN)


def random_name(rng: random.Random, gender: str) -> str:
    parts = [rng.choice(FAMILY), rng.choice(MIDDLE[gender]), rng.choice(GIVEN[gender])]
    return nfc(" ".join(parts))


def names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """``count`` distinct (full name, gender) pairs: the tricky ones first, then random."""
    chosen = [(nfc(name), gender) for name, gender in TRICKY[:count]]
    seen = {name for name, _ in chosen}
    while len(chosen) < count:
        gender = rng.choice([Gender.MALE, Gender.FEMALE])
        name = random_name(rng, gender)
        if name not in seen and is_allowed(name):
            seen.add(name)
            chosen.append((name, gender))
    return chosen
