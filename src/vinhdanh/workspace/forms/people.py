from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.organisations.enums import Gender
from vinhdanh.organisations.models import Person
from vinhdanh.workspace.forms.fields import DateField, UnitChoiceField

PERSON_FORM_FIELDS = [
    "full_name", "gender", "date_of_birth", "citizen_id", "unit", "position",
    "is_direct_worker", "cadre_category", "employment_start", "is_active",
]
YES_NO = [("", _("All")), ("yes", _("Yes")), ("no", _("No"))]


class PersonForm(forms.ModelForm):
    """A person's fields; ``units`` are those the user may place people in."""

    class Meta:
        model = Person
        fields = PERSON_FORM_FIELDS
        field_classes = {"unit": UnitChoiceField, "date_of_birth": DateField,
                         "employment_start": DateField}
        widgets = {"citizen_id": forms.TextInput(attrs={"inputmode": "numeric",
                                                        "autocomplete": "off"})}

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class PersonFilterForm(forms.Form):
    """The people list's search and filters; ``units`` are the visible units."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.SearchInput)
    unit = UnitChoiceField(label=_("Unit"), queryset=None, required=False,
                           empty_label=_("All units"))
    gender = forms.ChoiceField(label=_("Gender"), required=False,
                               choices=[("", _("All"))] + Gender.choices)
    direct = forms.ChoiceField(label=_("Direct worker"), required=False, choices=YES_NO)
    active = forms.ChoiceField(label=_("Active"), required=False, choices=YES_NO)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units.top_levels(also=self.data.get("unit"))
        self.fields["q"].widget.attrs.update(
            {"placeholder": _("Name or citizen ID"), "autofocus": True}
        )

    def apply(self, people):
        """``people`` narrowed by the filters; an invalid one is left out of cleaned_data."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("q"):
            people = people.search(data["q"])
        if data.get("unit"):
            people = people.filter(unit__path__startswith=data["unit"].path)
        if data.get("gender"):
            people = people.filter(gender=data["gender"])
        for name, column in (("direct", "is_direct_worker"), ("active", "is_active")):
            if data.get(name):
                people = people.filter(**{column: data[name] == "yes"})
        return people
