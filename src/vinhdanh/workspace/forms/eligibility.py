from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vinhdanh.honors.enums import SubjectKind, Verdict
from vinhdanh.honors.models import Honor
from vinhdanh.honors.services.sweeps import run_sweep
from vinhdanh.organisations.models import EmulationGroup, Unit
from vinhdanh.workspace.forms.fields import DateField, UnitChoiceField, add_errors

FIRST_YEAR, LAST_YEAR = 1945, 2100


def default_year() -> int:
    """Last year: titles are considered once the year they reward is over."""
    return timezone.localdate().year - 1


class EligibilityFilterForm(forms.Form):
    """What to sweep (honour, year, subject, unit or group) and how to narrow the list."""

    honor = forms.ModelChoiceField(label=_("Honour"), queryset=Honor.objects.all(),
                                   to_field_name="code", empty_label=_("Choose an honour"))
    year = forms.IntegerField(label=_("Year"), required=False, min_value=FIRST_YEAR,
                              max_value=LAST_YEAR)
    subject = forms.ChoiceField(label=_("Candidates"), required=False,
                                choices=[("", _("As the honour allows"))] + SubjectKind.choices)
    unit = UnitChoiceField(label=_("Unit"), queryset=None, required=False,
                           empty_label=_("All units"))
    group = forms.ModelChoiceField(label=_("Emulation group"), queryset=None, required=False,
                                   empty_label=_("All groups"))
    verdict = forms.ChoiceField(label=_("Verdict"), required=False,
                                choices=[("", _("All"))] + Verdict.choices)
    received_on = DateField(label=_("Dossier received on"), required=False,
                            help_text=_("Empty: the rules in force at the end of the year."))
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.SearchInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = default_year()
        self.fields["unit"].queryset = Unit.objects.visible_to(user).top_levels(
            also=self.data.get("unit"))
        self.fields["group"].queryset = EmulationGroup.objects.visible_to(user).filter(
            year=self._chosen_year())
        self.fields["q"].widget.attrs["placeholder"] = _("Name")

    def _chosen_year(self) -> int:
        """The year the group choices belong to, before the form is cleaned."""
        raw = str(self.data.get("year") or "")
        year = int(raw) if raw.isdigit() else 0
        return year if FIRST_YEAR <= year <= LAST_YEAR else default_year()

    def clean_year(self) -> int:
        return self.cleaned_data["year"] or default_year()

    def sweep(self, user):
        """The sweep these filters ask for, or None (the errors are then in the form)."""
        if not self.is_valid():
            return None
        data = self.cleaned_data
        try:
            return run_sweep(
                user, data["honor"].code, data["year"], unit=data["unit"],
                group=data["group"], verdict=data["verdict"] or None,
                received_on=data["received_on"], subject=data["subject"] or None,
                search=data["q"])
        except ValidationError as error:
            add_errors(self, error)
            return None
