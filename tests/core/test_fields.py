import unicodedata

from tests.factories import PersonFactory, UnitFactory
from vinhdanh.organisations.models import Person


def test_nfc_field_stores_decomposed_input_composed(db):
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Thuỷ")
    person = PersonFactory(full_name=decomposed, unit=UnitFactory())
    stored = Person.objects.values_list("full_name", flat=True).get(pk=person.pk)
    assert stored == unicodedata.normalize("NFC", decomposed)
    assert person.full_name == stored


def test_nfc_field_matches_decomposed_lookup(db):
    PersonFactory(full_name="Đặng Văn Hòa", unit=UnitFactory())
    decomposed = unicodedata.normalize("NFD", "Đặng Văn Hòa")
    assert Person.objects.filter(full_name=decomposed).count() == 1
