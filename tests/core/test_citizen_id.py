import datetime as dt

import pytest

from vinhdanh.core.citizen_id import problems


@pytest.mark.parametrize(
    ("value", "gender", "born", "expected"),
    [
        ("037085001234", "male", dt.date(1985, 3, 1), []),
        ("037185001234", "female", dt.date(1985, 3, 1), []),
        ("001301001234", "female", dt.date(2001, 7, 9), []),
        ("03708500123", "male", None, ["format"]),
        ("0370850012345", "male", None, ["format"]),
        ("03708500123A", "male", None, ["format"]),
        ("003085001234", "male", None, ["province"]),  # 003 is no province code
        ("037086001234", "male", dt.date(1985, 3, 1), ["birth_year"]),
        ("037285001234", "male", dt.date(1985, 3, 1), ["birth_year"]),  # 2 = born in the 2000s
        ("037085001234", "female", dt.date(1985, 3, 1), ["gender"]),
    ],
)
def test_citizen_id_problems(value, gender, born, expected):
    assert problems(value, gender=gender, born=born) == expected
