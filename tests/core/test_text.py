import unicodedata

import pytest

from vinhdanh.core.text import fold, nfc, person_sort_key, sort_key


@pytest.mark.parametrize(
    ("left", "right"),
    [("hoà", "hòa"), ("Hòa", "hoa"), ("Đặng", "dang"), ("THUỶ", "thủy"),
     (unicodedata.normalize("NFD", "Nguyễn Thị Ánh"), "nguyen thi anh")],
)
def test_fold_ignores_case_diacritics_and_tone_placement(left, right):
    assert fold(left) == fold(right)


def test_nfc_composes_decomposed_input():
    decomposed = unicodedata.normalize("NFD", " Trần Thị Hương ")
    assert nfc(decomposed) == "Trần Thị Hương"
    assert len(nfc(decomposed)) == len("Trần Thị Hương")


def test_sort_key_follows_the_vietnamese_alphabet():
    words = ["Đào", "Dũng", "Ân", "Ăn", "An", "Anh", "Ơn", "Ôn", "On", "Ưng", "Ung", "Bà", "Ba",
             "Bá"]
    assert sorted(words, key=sort_key) == [
        "An", "Anh", "Ăn", "Ân", "Ba", "Bà", "Bá", "Dũng", "Đào", "On", "Ôn", "Ơn", "Ung", "Ưng",
    ]


def test_sort_key_orders_tones_ngang_huyen_hoi_nga_sac_nang():
    assert sorted(["mạ", "má", "mã", "mả", "mà", "ma"], key=sort_key) == [
        "ma", "mà", "mả", "mã", "má", "mạ",
    ]


def test_sort_key_treats_old_and_new_tone_placement_alike():
    assert sort_key("Thuỷ") == sort_key("Thủy")


def test_people_sort_by_given_name_first():
    names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Đức Anh", "Phạm Thu An"]
    assert sorted(names, key=person_sort_key) == [
        "Phạm Thu An", "Trần Thị An", "Lê Đức Anh", "Nguyễn Văn Bình",
    ]
