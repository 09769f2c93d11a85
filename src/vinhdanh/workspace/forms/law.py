"""Forms of the law pages: a figure's new value, a pack's confirmation, base salaries and
the bonus calculator."""

from decimal import Decimal

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from vinhdanh.honors.enums import PackStatus, SubjectKind
from vinhdanh.honors.law.catalogue import CATALOGUE
from vinhdanh.honors.services.settings import vocabulary_of
from vinhdanh.nominations.enums import DocumentKind
from vinhdanh.workspace.forms.fields import DateField

MAX_LINES = 10
VOTE_BASES = [("all_members", _("of all members")), ("present", _("of the members present"))]
REASON_HELP = _("Kept in the history of this figure, e.g. the provincial decision.")


def _reason_field():
    return forms.CharField(label=_("Reason"), help_text=REASON_HELP, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))


def _decimal(label, **kwargs):
    return forms.DecimalField(label=label, min_value=0, max_digits=12, decimal_places=4,
                              localize=True, **kwargs)


def _scalar_field(default, label):
    """A form field for one value shaped like ``default``."""
    if isinstance(default, bool):
        return forms.BooleanField(label=label, required=False)
    if isinstance(default, int):
        return forms.IntegerField(label=label, min_value=0)
    if isinstance(default, float):
        return _decimal(label)
    if isinstance(default, str) and vocabulary_of(default):
        return forms.ChoiceField(label=label, choices=[(w, w) for w in vocabulary_of(default)])
    if isinstance(default, str):
        return forms.CharField(label=label, max_length=255)
    if isinstance(default, list) and default and vocabulary_of(default[0]):
        # A list of words (the documents of a procedure): tick them rather than type JSON.
        labels = dict(DocumentKind.choices)
        return forms.MultipleChoiceField(
            label=label, widget=forms.CheckboxSelectMultiple, required=False,
            choices=[(w, labels.get(w, w)) for w in vocabulary_of(default[0])])
    # Other lists, or a figure the pack leaves empty (no quota): any JSON value, null included.
    return forms.JSONField(label=label, required=False)


def _as_json(value):
    """A form's Decimal as the float a JSON column keeps."""
    return float(value) if isinstance(value, Decimal) else value


def _initial(value):
    return Decimal(str(value)) if isinstance(value, float) else value


class SettingForm(forms.Form):
    """A new value for one figure, shaped like the pack's value, with why it changes."""

    def __init__(self, *args, key: str, default, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.key, self.default = key, default
        self._add_value_fields(current)
        self.fields["confirmed"] = forms.BooleanField(label=_("Confirmed by a source"),
                                                      required=False)
        self.fields["reason"] = _reason_field()

    def _add_value_fields(self, current) -> None:
        if self.key == "status":
            self.fields["value"] = forms.ChoiceField(label=_("Status"),
                                                     choices=PackStatus.choices)
            self.initial["value"] = current
        elif isinstance(self.default, dict):
            for name, value in self.default.items():
                self._add_part(name, value, current.get(name) if current else None)
        else:
            self.fields["value"] = _scalar_field(self.default, _("Value"))
            self.initial["value"] = _initial(current)

    def _add_part(self, name, default, current) -> None:
        field = f"value_{name}"
        if self.key.startswith("coefficient."):
            self.fields[field] = _decimal(capfirst(SubjectKind(name).label))
        elif name == "share":  # shares are entered as percentages
            self.fields[field] = _decimal(_("Share (%)"), max_value=100)
            current = None if current is None else round(Decimal(str(current)) * 100, 2)
        elif name == "of":
            self.fields[field] = forms.ChoiceField(label=_("Counted"), choices=VOTE_BASES)
        else:
            self.fields[field] = _scalar_field(default, capfirst(name.replace("_", " ")))
        self.initial[field] = _initial(current)

    def _part(self, name):
        value = self.cleaned_data.get(f"value_{name}")
        if name == "share" and value is not None:
            value = value / 100
        return _as_json(value)

    def value(self):
        """The new value in the shape the service expects."""
        if "value" in self.fields:
            return _as_json(self.cleaned_data["value"])
        return {name: self._part(name) for name in self.default}


class ReasonForm(forms.Form):
    """Confirming a pack or resetting a figure: only the reason is asked."""

    reason = _reason_field()


class BaseSalaryForm(forms.Form):
    valid_from = DateField(label=_("Valid from"))
    amount = forms.IntegerField(label=_("Amount (VND per month)"), min_value=1)
    legal_basis = forms.CharField(label=_("Legal basis"), max_length=255)
    confirmed = forms.BooleanField(label=_("Confirmed by a source"), required=False,
                                   initial=True)
    note = forms.CharField(label=_("Note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:  # a row is named by its date: another date is another row
            self.fields["valid_from"].disabled = True


def _honour_choices():
    return [("", "—")] + [(spec.code, f"{spec.name} ({spec.short_name})") for spec in CATALOGUE]


class BonusLineForm(forms.Form):
    candidate = forms.CharField(
        label=_("Recipient"), required=False, max_length=40,
        help_text=_("Lines with the same name are one candidate (same-period rule)."))
    honor = forms.ChoiceField(label=_("Honour"), choices=_honour_choices)
    subject = forms.ChoiceField(label=_("Subject"),
                                choices=[("", "—"), *SubjectKind.choices])
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    first_year = forms.IntegerField(label=_("First year"), required=False, min_value=2000,
                                    max_value=2100,
                                    help_text=_("For an honour covering several years."))


BonusLineFormSet = forms.formset_factory(BonusLineForm, extra=MAX_LINES, max_num=MAX_LINES,
                                         absolute_max=MAX_LINES, validate_max=True)


class CalculatorForm(forms.Form):
    decision_date = DateField(label=_("Decision date"))
