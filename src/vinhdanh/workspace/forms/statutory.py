"""The statutory forms page's choices: year, unit (among those the user reports on) and
which form."""

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from vinhdanh.reports.statutory.forms import CURRENT
from vinhdanh.workspace.forms.board import YEAR
from vinhdanh.workspace.forms.fields import UnitChoiceField


def _defaults(units) -> dict:
    """The current year (the forms are due on 15/12 of it) and the highest unit."""
    top = units.order_by("depth", "sort_key").first()
    return {"year": str(timezone.localdate().year), "unit": str(top.pk) if top else ""}


class StatutoryFormsForm(forms.Form):
    """Always bound: what the query string leaves out takes its default."""

    year = forms.IntegerField(label=capfirst(_("year")), **YEAR)
    unit = UnitChoiceField(label=_("Reporting unit (with its sub-units)"), queryset=None,
                           empty_label=None)
    form = forms.ChoiceField(label=_("Form"), required=False)

    def __init__(self, params, *, units):
        data = {**_defaults(units), **{k: v for k, v in params.items() if v}}
        super().__init__(data)
        self.fields["unit"].queryset = units.top_levels(also=data["unit"])
        self.fields["form"].choices = [("", _("All forms"))] + [
            (form.sheet, f"{form.sheet} – {form.title.capitalize()}") for form in CURRENT.forms]

    def chosen(self) -> dict | None:
        """Year, unit and the forms chosen (all when none), or None when invalid."""
        if not self.is_valid():
            return None
        data = self.cleaned_data
        chosen = [CURRENT.get(data["form"])] if data["form"] else list(CURRENT.forms)
        return {"year": data["year"], "unit": data["unit"], "forms": chosen}
