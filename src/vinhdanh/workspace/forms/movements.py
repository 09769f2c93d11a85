"""Forms of the movements pages: directives, movements, reports, registrations, pledges."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.text import nfc
from vinhdanh.honors.models import Honor
from vinhdanh.movements.enums import DirectiveKind, MovementKind, ReportPeriod
from vinhdanh.movements.services.files import ACCEPT
from vinhdanh.workspace.forms.fields import DateField, UnitChoiceField, UnitCodesField

FILE_HELP = _("PDF, DOCX, JPEG or PNG, at most 20 MB.")
TARGETS_HELP = _("One target a line: name | unit of measure | target value.")
YEAR = {"min_value": 2000, "max_value": 2100}


def _file_field(label, **kwargs):
    return forms.FileField(label=label, required=False, help_text=FILE_HELP,
                           widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}), **kwargs)


def _text(label, required=True, rows=4):
    return forms.CharField(label=label, required=required,
                           widget=forms.Textarea(attrs={"rows": rows}))


class DirectiveForm(forms.Form):
    number = forms.CharField(label=capfirst(_("number")), max_length=64)
    issued_on = DateField(label=capfirst(_("date issued")))
    issuer = forms.CharField(label=capfirst(_("issued by")), max_length=255)
    issuer_unit = UnitChoiceField(label=capfirst(_("issuing unit")), queryset=None,
                                  required=False)
    kind = forms.ChoiceField(label=capfirst(_("kind")), choices=DirectiveKind.choices)
    summary = _text(capfirst(_("summary")))
    file = _file_field(capfirst(_("file")))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer_unit"].queryset = units


def parse_targets(text: str) -> list[dict]:
    """Lines "name | measure | value" as target dicts; a bad value is a form error."""
    targets = []
    for line in (nfc(line).strip() for line in text.splitlines()):
        if not line:
            continue
        name, measure, value = ([part.strip() for part in line.split("|")] + ["", ""])[:3]
        try:
            number = Decimal(value.replace(",", ".")) if value else None
        except InvalidOperation:
            raise ValidationError(_("Not a number: %(value)s"), params={"value": value}) from None
        targets.append({"name": name, "measure": measure, "target_value": number})
    return targets


def format_targets(targets) -> str:
    def value(target):
        return "" if target.target_value is None else f"{target.target_value.normalize():f}"

    return "\n".join(f"{t.name} | {t.measure} | {value(t)}" for t in targets)


class TargetsField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 4})

    def clean(self, value):
        return parse_targets(super().clean(value) or "")


class MovementForm(forms.Form):
    """A movement or campaign; ``launchers`` may launch it, ``units`` may take part."""

    kind = forms.ChoiceField(label=capfirst(_("kind")), choices=MovementKind.choices)
    name = forms.CharField(label=capfirst(_("name")), max_length=400)
    directive = forms.ModelChoiceField(label=capfirst(_("directive")), queryset=None,
                                       required=False)
    launched_by = UnitChoiceField(label=capfirst(_("launched by")), queryset=None)
    starts_on = DateField(label=capfirst(_("starts on")))
    ends_on = DateField(label=capfirst(_("ends on")), required=False)
    goals = _text(capfirst(_("goals")), required=False)
    criteria = _text(capfirst(_("criteria")), required=False)
    targets = TargetsField(label=capfirst(_("targets")), required=False, help_text=TARGETS_HELP)
    participants = UnitCodesField(label=capfirst(_("participating units")), queryset=None,
                                  required=False, help_text=_("One unit code a line."))
    cascade = forms.BooleanField(label=capfirst(_("cascade to sub-units")), required=False,
                                 initial=True)

    def __init__(self, *args, launchers, units, directives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["launched_by"].queryset = launchers
        self.fields["participants"].queryset = units
        self.fields["directive"].queryset = directives

    def clean_participants(self):
        return self.cleaned_data["participants"] or []


class ReportForm(forms.Form):
    """A unit's report: summary, one figure per target of the movement, one evidence file."""

    summary = _text(capfirst(_("results")), rows=6)
    evidence = _file_field(capfirst(_("evidence")))

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = list(targets)
        for target in self.targets:
            label = f"{target.name} ({target.measure})" if target.measure else target.name
            self.fields[f"target_{target.pk}"] = forms.DecimalField(
                label=label, required=False, min_value=0, max_digits=14, decimal_places=2)

    def figures(self) -> dict:
        return {t: self.cleaned_data.get(f"target_{t.pk}") for t in self.targets}

    def evidence_files(self) -> list:
        upload = self.cleaned_data.get("evidence")
        return [upload] if upload else []


class NewReportForm(ReportForm):
    unit = UnitChoiceField(label=capfirst(_("unit")), queryset=None)
    year = forms.IntegerField(label=capfirst(_("year")), **YEAR)
    period = forms.ChoiceField(label=capfirst(_("period")), choices=ReportPeriod.choices)
    field_order = ["unit", "year", "period", "summary"]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


def honour_choices(subject_field: str):
    return Honor.objects.filter(**{subject_field: True})


class RegistrationForm(forms.Form):
    """One registration: a unit, or a person of the units the user registers for."""

    year = forms.IntegerField(label=capfirst(_("year")), **YEAR)
    honor = forms.ModelChoiceField(label=capfirst(_("honour")), queryset=Honor.objects.all())
    unit = UnitChoiceField(label=_("Collective"), queryset=None, required=False,
                           help_text=_("Choose a collective or a person."))
    person = forms.ModelChoiceField(label=_("Person"), queryset=None, required=False)
    late_reason = forms.CharField(label=capfirst(_("reason for late registration")),
                                  max_length=500, required=False,
                                  help_text=_("Only after the deadline."))

    def __init__(self, *args, units, people, **kwargs):
        kwargs.setdefault("initial", {"year": timezone.localdate().year})
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["person"].queryset = people

    def clean(self):
        data = super().clean()
        if bool(data.get("unit")) == bool(data.get("person")):
            raise ValidationError(_("Choose either a collective or a person."))
        return data

    def candidate(self):
        return self.cleaned_data["unit"] or self.cleaned_data["person"]


class _PersonChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, person):
        return f"{person.full_name} – {person.unit.display_name}"


class BulkRegistrationForm(forms.Form):
    """Several people of one unit, one honour."""

    year = forms.IntegerField(label=capfirst(_("year")), **YEAR)
    honor = forms.ModelChoiceField(label=capfirst(_("honour")),
                                   queryset=honour_choices("for_individual"))
    people = _PersonChoices(label=_("People"), queryset=None,
                            widget=forms.CheckboxSelectMultiple)
    late_reason = forms.CharField(label=capfirst(_("reason for late registration")),
                                  max_length=500, required=False,
                                  help_text=_("Only after the deadline."))

    def __init__(self, *args, people, **kwargs):
        kwargs.setdefault("initial", {"year": timezone.localdate().year})
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people


class RegistrationFilterForm(forms.Form):
    year = forms.IntegerField(label=capfirst(_("year")), required=False, **YEAR)
    honor = forms.ModelChoiceField(label=capfirst(_("honour")), queryset=Honor.objects.all(),
                                   required=False, empty_label=_("All"))
    unit = UnitChoiceField(label=_("Unit and its sub-units"), queryset=None, required=False,
                           empty_label=_("All units"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units.top_levels(also=self.data.get("unit"))

    def apply(self, registrations):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("year"):
            registrations = registrations.filter(year=data["year"])
        if data.get("honor"):
            registrations = registrations.filter(honor=data["honor"])
        if data.get("unit"):
            registrations = registrations.subtree_of(data["unit"])
        return registrations


class PeriodForm(forms.Form):
    year = forms.IntegerField(label=capfirst(_("year")), **YEAR)
    opens_on = DateField(label=capfirst(_("opens on")))
    deadline = DateField(label=capfirst(_("deadline")))
    notes = forms.CharField(label=capfirst(_("notes")), required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))


class MovementFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.SearchInput)
    year = forms.IntegerField(label=capfirst(_("year")), required=False, **YEAR)
    kind = forms.ChoiceField(label=capfirst(_("kind")), required=False,
                             choices=[("", _("All"))] + MovementKind.choices)

    def apply(self, movements):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("q"):
            movements = movements.search(data["q"])
        if data.get("year"):
            movements = movements.for_year(data["year"])
        if data.get("kind"):
            movements = movements.filter(kind=data["kind"])
        return movements


class PledgeForm(forms.Form):
    """The pledge and, for each member unit, who signed it (blank: the unit did not sign)."""

    text = _text(capfirst(_("pledge text")), rows=8)
    signed_on = DateField(label=capfirst(_("date signed")), required=False)
    file = _file_field(capfirst(_("signed document")))

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(members)
        for unit in self.members:
            self.fields[f"representative_{unit.pk}"] = forms.CharField(
                label=_("Representative of %(unit)s") % {"unit": unit.display_name},
                max_length=255, required=False)
            self.fields[f"position_{unit.pk}"] = forms.CharField(
                label=_("Position"), max_length=255, required=False)

    def signatories(self) -> list[dict]:
        data = self.cleaned_data
        return [{"unit": unit, "representative": data[f"representative_{unit.pk}"],
                 "position": data[f"position_{unit.pk}"]}
                for unit in self.members if data.get(f"representative_{unit.pk}")]
