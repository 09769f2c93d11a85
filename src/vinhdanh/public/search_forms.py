"""The GET forms of the public honour board and decision search. They only read the query
string: a value that is not among the choices is ignored rather than shown as an error, so
an old or hand-edited link still shows a page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.public.honours import BoardFilter, Choice


def _optional_int(label) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, coerce=int, required=False, empty_value=None)


def _choices(empty_label, choices) -> list[tuple]:
    return [("", empty_label), *choices]


class BoardForm(forms.Form):
    q = forms.CharField(label=_("Name of the person, collective or household"),
                        max_length=200, required=False)
    nam = _optional_int(_("Year"))
    don_vi = _optional_int(_("Unit"))
    danh_hieu = _optional_int(_("Honour"))

    def __init__(self, data, *, years: list[int], units: list[Choice],
                 honours: list[Choice]):
        super().__init__(data)
        self.units = {unit.key: unit for unit in units}
        self.fields["nam"].choices = _choices(_("All years"), [(y, y) for y in years])
        self.fields["don_vi"].choices = _choices(_("All units"),
                                                 [(u.key, u.label) for u in units])
        self.fields["danh_hieu"].choices = _choices(_("All honours"),
                                                    [(h.key, h.label) for h in honours])

    def selection(self) -> BoardFilter:
        """The valid part of what was asked."""
        self.is_valid()
        found = self.cleaned_data
        unit = self.units.get(found.get("don_vi"))
        return BoardFilter(text=found.get("q") or "", year=found.get("nam"),
                           unit_path=unit.path if unit else "",
                           honour_id=found.get("danh_hieu"))

    def chosen_label(self, name: str) -> str:
        """The label of the valid choice of field ``name``, or ""."""
        value = self.cleaned_data.get(name)
        return next((str(label) for key, label in self.fields[name].choices
                     if value is not None and key == value), "")


class DecisionSearchForm(forms.Form):
    q = forms.CharField(label=_("Number, subject or recipient"), max_length=200,
                        required=False)
    nam = _optional_int(_("Year"))
    co_quan = _optional_int(_("Issued by"))

    def __init__(self, data, *, years: list[int], issuers: list[Choice]):
        super().__init__(data)
        self.fields["nam"].choices = _choices(_("All years"), [(y, y) for y in years])
        self.fields["co_quan"].choices = _choices(_("All issuers"),
                                                  [(i.key, i.label) for i in issuers])

    def selection(self) -> dict:
        """Keyword arguments of ``honours.issued_decisions`` from the valid part."""
        self.is_valid()
        found = self.cleaned_data
        return {"text": found.get("q") or "", "year": found.get("nam"),
                "issuer_id": found.get("co_quan")}
