"""The statistics page's choice: a year and a unit whose subtree the figures cover."""

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from vinhdanh.workspace.forms.fields import UnitChoiceField

# Years offered before this one even without data (the page then says there are none).
YEARS_BACK = 10


def offered_years(years_with_data: list[int], today=None) -> list[int]:
    """Every year from the latest (this year at least) back to the first with data, and
    at least ten years back."""
    this_year = (today or timezone.localdate()).year
    known = [*years_with_data, this_year]
    return list(range(max(known), min(*known, this_year - YEARS_BACK) - 1, -1))


def default_year(years_with_data: list[int], today=None) -> int:
    """This year when it has data, else the latest year that has (this year without any)."""
    this_year = (today or timezone.localdate()).year
    if this_year in years_with_data or not years_with_data:
        return this_year
    return max(years_with_data)


class StatisticsForm(forms.Form):
    year = forms.TypedChoiceField(label=capfirst(_("year")), coerce=int, required=False,
                                  empty_value=None)
    unit = UnitChoiceField(label=_("Unit and its sub-units"), queryset=None, required=False,
                           empty_label=_("All the units I can see"))

    def __init__(self, *args, years: list[int], units, roots, **kwargs):
        """``years``: the years with data; ``units``: the units the user sees; ``roots``:
        the topmost of them (the default unit when there is one)."""
        self.default_unit = roots[0] if len(roots) == 1 else None
        initial = {"year": default_year(years), "unit": self.default_unit}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["year"].choices = [(y, y) for y in offered_years(years)]
        self.fields["unit"].queryset = units.top_levels(also=self.data.get("unit"))
        if self.default_unit is not None:  # "everything I see" is that unit's subtree
            self.fields["unit"].empty_label = None

    def chosen(self) -> tuple[int, object]:
        """The year and unit asked for, or the defaults where the choice is missing or
        refused (a unit the user does not see)."""
        if not self.is_bound:
            return self.initial["year"], self.default_unit
        self.is_valid()  # cleans every field: the valid ones land in cleaned_data
        data = self.cleaned_data
        return data.get("year") or self.initial["year"], data.get("unit") or self.default_unit
