"""Forms of the pages where a unit prepares and submits its batches (tờ trình)."""

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from vinhdanh.honors.models import Honor
from vinhdanh.movements.services.files import ACCEPT
from vinhdanh.nominations.enums import BATCH_DOCUMENTS, CommendationType, DocumentKind, Procedure
from vinhdanh.nominations.services.generation import GENERATED_KINDS
from vinhdanh.workspace.forms.fields import DateField, UnitChoiceField

YEAR = {"min_value": 2000, "max_value": 2100}
# The candidate kinds a batch takes, with the honour flag that accepts each.
CANDIDATE_KINDS = (("person", _("Person")), ("unit", _("Collective")),
                   ("household", _("Household")))
HONOUR_FLAGS = {"person": "for_individual", "unit": "for_collective",
                "household": "for_household"}
SEARCH_LIMIT = 50


class BatchFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.SearchInput)
    year = forms.IntegerField(label=capfirst(_("year")), required=False, **YEAR)

    def apply(self, batches):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("q"):
            batches = batches.search(data["q"])
        if data.get("year"):
            batches = batches.filter(year=data["year"])
        return batches


class BatchForm(forms.Form):
    """A batch's header; on an existing batch the proposing unit no longer changes."""

    proposing_unit = UnitChoiceField(label=capfirst(_("proposing unit")), queryset=None)
    year = forms.IntegerField(label=capfirst(_("achievement year")), **YEAR)
    title = forms.CharField(label=_("Subject of the submission"), max_length=300)
    commendation_type = forms.ChoiceField(label=capfirst(_("commendation type")),
                                          choices=CommendationType.choices)
    procedure = forms.ChoiceField(label=capfirst(_("procedure")), choices=Procedure.choices)
    group = forms.ModelChoiceField(label=capfirst(_("emulation group")), queryset=None,
                                   required=False,
                                   help_text=_("Only for a group's proposal."))
    movement = forms.ModelChoiceField(label=capfirst(_("movement")), queryset=None,
                                      required=False)
    letter_number = forms.CharField(label=capfirst(_("letter number")), max_length=64,
                                    required=False)
    letter_date = DateField(label=capfirst(_("letter date")), required=False)
    signer_name = forms.CharField(label=capfirst(_("signed by")), max_length=200,
                                  required=False)
    signer_title = forms.CharField(label=capfirst(_("signer's title")), max_length=200,
                                   required=False)
    notes = forms.CharField(label=capfirst(_("notes")), required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, units, groups, movements, fixed_unit=None, **kwargs):
        kwargs["initial"] = kwargs.get("initial") or {
            "year": timezone.localdate().year, "proposing_unit": units.order_by("depth").first()}
        super().__init__(*args, **kwargs)
        self.fields["proposing_unit"].queryset = units
        self.fields["group"].queryset = groups
        self.fields["movement"].queryset = movements
        if fixed_unit is not None:
            self.fields["proposing_unit"].disabled = True
            self.initial["proposing_unit"] = fixed_unit

    def clean(self):
        data = super().clean()
        group, unit = data.get("group"), data.get("proposing_unit")
        if group is None or unit is None or data.get("year") is None:
            return data
        if group.year != data["year"] or not group.memberships.filter(unit=unit).exists():
            self.add_error("group", _("%(unit)s is not a member of this group in %(year)s.")
                           % {"unit": unit, "year": data["year"]})
        return data

    def changes(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "proposing_unit"}


class CandidateSearchForm(forms.Form):
    """The GET half of "add candidates": which kind, and a name to look for."""

    kind = forms.ChoiceField(label=_("Kind of candidate"), choices=CANDIDATE_KINDS)
    q = forms.CharField(label=_("Name or code"), required=False, max_length=100,
                        widget=forms.SearchInput)

    def __init__(self, *args, **kwargs):
        # Own ids: the batch page's add and upload forms also have a "kind" field.
        kwargs.setdefault("auto_id", "search_%s")
        super().__init__(*args, **kwargs)


class _Candidates(forms.ModelMultipleChoiceField):
    def label_from_instance(self, candidate):
        unit = getattr(candidate, "unit", None)
        return f"{candidate} – {unit.display_name}" if unit is not None else str(candidate)


class AddCandidatesForm(forms.Form):
    """Candidates of one kind, found among ``candidates``, for one honour."""

    kind = forms.ChoiceField(choices=CANDIDATE_KINDS, widget=forms.HiddenInput)
    honor = forms.ModelChoiceField(label=capfirst(_("honour")), queryset=None)
    candidates = _Candidates(label=_("Candidates"), queryset=None,
                             widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, kind, candidates, **kwargs):
        kwargs.setdefault("auto_id", "add_%s")  # beside the search and upload forms
        super().__init__(*args, **kwargs)
        self.initial.setdefault("kind", kind)
        self.fields["honor"].queryset = Honor.objects.filter(**{HONOUR_FLAGS[kind]: True})
        self.fields["candidates"].queryset = candidates


class ProposalsForm(forms.Form):
    proposals = forms.ModelMultipleChoiceField(label=_("Proposals"), queryset=None,
                                               widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = proposals


def _kinds(for_batch: bool):
    return [(value, label) for value, label in DocumentKind.choices
            if (value in BATCH_DOCUMENTS) == for_batch]


class DocumentForm(forms.Form):
    """One file of a batch (letter, minutes) or of one nomination (its reports)."""

    kind = forms.ChoiceField(label=capfirst(_("kind")))
    file = forms.FileField(label=capfirst(_("file")),
                           help_text=_("PDF, DOCX, DOC, JPEG or PNG, at most 20 MB."),
                           widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}))
    note = forms.CharField(label=capfirst(_("note")), max_length=300, required=False)

    def __init__(self, *args, for_batch: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _kinds(for_batch)


class GenerateForm(forms.Form):
    """Which document to generate from its Word template (services/generation.py)."""

    kind = forms.ChoiceField()

    def __init__(self, *args, for_batch: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(value, label) for value, label in _kinds(for_batch)
                                       if value in GENERATED_KINDS]


class ActionForm(forms.Form):
    """A button of the nomination page: the transition, the version the page showed."""

    action = forms.CharField(max_length=32)
    version = forms.IntegerField(min_value=1)
    reason = forms.CharField(required=False, max_length=2000)
    justification = forms.CharField(required=False, max_length=5000)


def justifications(post, nominations) -> dict:
    """The justification typed for each listed nomination (``justification_<pk>``)."""
    texts = {n.pk: post.get(f"justification_{n.pk}", "").strip() for n in nominations}
    return {pk: text for pk, text in texts.items() if text}
