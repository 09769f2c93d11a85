import datetime as dt

import factory

from vinhdanh.organisations.enums import Gender, GroupKind, UnitKind, UnitLevel
from vinhdanh.organisations.models import EmulationGroup, Person, Unit, User

GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hòa", "Khánh", "Lan", "Minh", "Ngọc",
         "Phương", "Quân", "Sơn", "Thảo", "Trung", "Uyên", "Vân", "Xuân", "Yến"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Ngọc", "Quang"]


def citizen_id_for(gender: str, born: dt.date, serial: int) -> str:
    century = (born.year // 100 - 19) * 2 + (gender == Gender.FEMALE)
    return f"037{century}{born.year % 100:02d}{serial:06d}"


def province_root() -> Unit:
    """The one unit without a parent, made on first use."""
    root = Unit.objects.filter(parent__isnull=True).first()
    return root or Unit.objects.create(code="TINH", name="Tỉnh Thử Nghiệm",
                                       kind=UnitKind.PROVINCE, level=UnitLevel.PROVINCE)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Đơn vị thử nghiệm số {n}")
    kind = UnitKind.FRONT
    level = UnitLevel.PROVINCE
    parent = factory.LazyFunction(province_root)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(
        lambda n: f"{FAMILY[n % 10]} {MIDDLE[n % 8]} {GIVEN[n % 20]}"
    )
    gender = factory.Sequence(lambda n: Gender.FEMALE if n % 2 else Gender.MALE)
    date_of_birth = factory.Sequence(lambda n: dt.date(1970 + n % 30, 1 + n % 12, 1 + n % 28))
    citizen_id = factory.LazyAttributeSequence(
        lambda o, n: citizen_id_for(o.gender, o.date_of_birth, n)
    )
    unit = factory.SubFactory(UnitFactory)
    position = "Chuyên viên"


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmulationGroup

    kind = GroupKind.BLOC
    year = 2024
    code = factory.Sequence(lambda n: f"K{n:02d}")
    name = factory.Sequence(lambda n: f"Khối thi đua số {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Người dùng {n}")
    password = factory.django.Password("mat-khau-thu-1")
