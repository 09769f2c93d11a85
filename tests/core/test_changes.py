import pytest
from django.core.exceptions import ValidationError

from tests.factories import UnitFactory
from vinhdanh.core.changes import apply_changes
from vinhdanh.organisations.models import Unit


def test_apply_changes_reports_only_fields_that_changed(db):
    unit = UnitFactory(name="Hội Nông dân tỉnh", short_name="HND")

    changed = apply_changes(unit, {"name": "Hội Nông dân tỉnh", "short_name": "Hội ND",
                                   "path": "/hacked/"}, allowed={"name", "short_name"})

    unit.refresh_from_db()
    assert changed == ["short_name"]
    assert (unit.short_name, unit.path.startswith("/hacked/")) == ("Hội ND", False)


def test_apply_changes_validates_before_saving(db):
    unit = UnitFactory(name="Sở Y tế")

    with pytest.raises(ValidationError):
        apply_changes(unit, {"name": ""}, allowed={"name"})

    assert Unit.objects.get(pk=unit.pk).name == "Sở Y tế"
