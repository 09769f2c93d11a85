"""Forms of the honour-history pages and of households: the fields come from the models,
the writes go through the services (which validate again and log)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.honors.models import (
    DisciplinePeriod,
    Honor,
    HonorRecord,
    Initiative,
    TaskRatingRecord,
)
from vinhdanh.organisations.models import Household
from vinhdanh.workspace.forms.fields import DateField, UnitChoiceField


class _ModelFieldsForm(forms.Form):
    """A plain form with some of a model's fields (the candidate is set by the service)."""

    model = None
    names: list[str] = []
    dates: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = forms.fields_for_model(
            self.model, fields=self.names, field_classes=dict.fromkeys(self.dates, DateField))


class HonorRecordForm(_ModelFieldsForm):
    model = HonorRecord
    names = ["honor", "year", "first_year", "decision_number", "decision_date", "issuer",
             "notes"]
    dates = ["decision_date"]

    def __init__(self, *args, subject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["honor"].queryset = Honor.objects.filter(**{f"for_{subject}": True})

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["honor_code"] = data.pop("honor").code
        return data


class TaskRatingForm(_ModelFieldsForm):
    model = TaskRatingRecord
    names = ["year", "rating"]


class InitiativeForm(_ModelFieldsForm):
    model = Initiative
    names = ["title", "kind", "level", "year", "recognised_by"]


class RestrictionForm(_ModelFieldsForm):
    model = DisciplinePeriod
    names = ["kind", "level", "starts_on", "ends_on", "notes"]
    dates = ["starts_on", "ends_on"]


class EndRestrictionForm(_ModelFieldsForm):
    model = DisciplinePeriod
    names = ["ends_on"]
    dates = ["ends_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ends_on"].required = True


class HouseholdForm(_ModelFieldsForm):
    """``units`` are those where the user may add households."""

    model = Household
    names = ["head_name", "address", "unit"]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitChoiceField(queryset=units,
                                              label=self.fields["unit"].label)


class HouseholdSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.SearchInput(attrs={"placeholder": _("Head or address")}))
