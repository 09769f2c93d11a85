"""Forms of the board's pages: the inbox's filters and bulk actions, the public notice,
the answer to a comment, and the timeliness year."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from vinhdanh.honors.models import Honor
from vinhdanh.workspace.forms.fields import UnitChoiceField

YEAR = {"min_value": 2000, "max_value": 2100}
# The transitions the inbox runs on several dossiers at once (the others need a reason).
BULK_ACTIONS = [
    ("receive", _("Receive")),
    ("start_group_review", _("Start the group review")),
    ("forward", _("Forward to the board")),
    ("pass_to_council", _("Pass to the council")),
]


class InboxFilterForm(forms.Form):
    year = forms.IntegerField(label=capfirst(_("year")), required=False, **YEAR)
    honor = forms.ModelChoiceField(label=capfirst(_("honour")), queryset=Honor.objects.all(),
                                   required=False, empty_label=_("All"))
    unit = UnitChoiceField(label=_("Proposing unit and its sub-units"), queryset=None,
                           required=False, empty_label=_("All units"))
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units.top_levels(also=self.data.get("unit"))

    def apply(self, nominations, today=None):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("year"):
            nominations = nominations.filter(batch__year=data["year"])
        if data.get("honor"):
            nominations = nominations.filter(honor=data["honor"])
        if data.get("unit"):
            nominations = nominations.filter(
                batch__proposing_unit__path__startswith=data["unit"].path)
        if data.get("overdue"):
            nominations = nominations.overdue(today)
        return nominations


class IdsField(forms.Field):
    """Row ids ticked in a table; the view looks each one up within visibility."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {"invalid": _("Choose the dossiers from the list.")}

    def to_python(self, value):
        values = value or []
        if not all(str(item).isdigit() for item in values):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return list(dict.fromkeys(int(item) for item in values))


class BulkActionForm(forms.Form):
    """The action and the chosen rows; each row's version comes as ``version_<pk>``."""

    action = forms.ChoiceField(label=_("Action"), choices=BULK_ACTIONS)
    selected = IdsField(error_messages={"required": _("Choose at least one dossier.")})

    def versions(self) -> dict[int, int]:
        """The version each chosen row showed (absent or garbled: not checked)."""
        found = {}
        for pk in self.cleaned_data["selected"]:
            raw = self.data.get(f"version_{pk}", "")
            if raw.isdigit():
                found[pk] = int(raw)
        return found


def _nomination_label(nomination) -> str:
    return f"{nomination.candidate} — {nomination.honor} ({nomination.batch.proposing_unit})"


class NominationsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, nomination):
        return _nomination_label(nomination)


class NoticeForm(forms.Form):
    """Publishing candidates in appraisal for public comment (comments.publish_notice)."""

    title = forms.CharField(label=_("Notice title"), max_length=300)
    intro = forms.CharField(label=_("Introduction"), required=False,
                            widget=forms.Textarea(attrs={"rows": 4}))
    days = forms.IntegerField(label=_("Days of public comment"), min_value=1, max_value=365)
    nominations = NominationsField(label=_("Candidates"), queryset=None)

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = nominations


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}))


class YearForm(forms.Form):
    """The year the timeliness figures are for; empty: every year."""

    year = forms.TypedChoiceField(label=capfirst(_("year")), coerce=int, required=False,
                                  empty_value=None)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(y, y) for y in years]

    def chosen(self) -> int | None:
        return self.cleaned_data.get("year") if self.is_valid() else None
