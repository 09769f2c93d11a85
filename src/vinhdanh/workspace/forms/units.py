from django import forms

from vinhdanh.organisations.models import Unit
from vinhdanh.workspace.forms.fields import DateField, UnitChoiceField

UNIT_FORM_FIELDS = [
    "code", "name", "short_name", "kind", "level", "parent", "active_from", "active_until",
    "mostly_direct_workers",
]


class UnitForm(forms.ModelForm):
    """A unit's own fields; ``parents`` are the units it may be placed under."""

    class Meta:
        model = Unit
        fields = UNIT_FORM_FIELDS
        field_classes = {"parent": UnitChoiceField, "active_from": DateField,
                         "active_until": DateField}

    def __init__(self, *args, parents, parent_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            parents = parents.exclude(path__startswith=self.instance.path)
        self.fields["parent"].queryset = parents
        self.fields["parent"].required = parent_required


class UnitSearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=100)
