"""Forms of the scoring pages: the table, rounds, score sheets, publication and the review."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from vinhdanh.scoring.enums import CriterionKind, FinalFormula, PassKind, RoundPeriod, TieBreak
from vinhdanh.workspace.forms.fields import DateField, validate_minutes_file, validate_xlsx

# The score service judges evidence files by their content (services/scores.py).
EVIDENCE_ACCEPT = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
TIE_BREAK_SLOTS = len(TieBreak.choices)


def _textarea(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class WorkbookForm(forms.Form):
    file = forms.FileField(label=_("Workbook (.xlsx)"), validators=[validate_xlsx],
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))


class _TemplateChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, template):
        return f"{template.group.name} ({template.group.year})"


class TemplateCreateForm(forms.Form):
    """Start the group's table blank or as a copy of another visible table."""

    copy_from = _TemplateChoiceField(label=capfirst(_("copy from")), queryset=None,
                                     required=False, empty_label=_("A blank table"))

    def __init__(self, *args, templates, previous=None, **kwargs):
        kwargs.setdefault("initial", {"copy_from": previous})
        super().__init__(*args, **kwargs)
        field = self.fields["copy_from"]
        field.queryset = templates.select_related("group")


class TemplateSettingsForm(forms.Form):
    """How the final score and the ranking are computed; tie-breaks in up to four slots."""

    formula = forms.ChoiceField(label=capfirst(_("final score")), choices=FinalFormula.choices)
    weight_self = forms.DecimalField(label=capfirst(_("weight of the self-score")),
                                     min_value=0, max_digits=5, decimal_places=2, localize=True)
    weight_peer = forms.DecimalField(label=capfirst(_("weight of the peer mean")),
                                     min_value=0, max_digits=5, decimal_places=2, localize=True)
    weight_leader = forms.DecimalField(label=capfirst(_("weight of the consolidated score")),
                                       min_value=0, max_digits=5, decimal_places=2, localize=True)
    normalise_peers = forms.BooleanField(label=capfirst(_("normalise peer scorers (z-score)")),
                                         required=False)
    deviation_threshold = forms.DecimalField(
        label=capfirst(_("scorer deviation flag (standard deviations)")), min_value=0,
        max_digits=4, decimal_places=2, localize=True)
    self_gap_threshold = forms.DecimalField(
        label=capfirst(_("self-score gap flag (share of the maximum)")), min_value=0,
        max_digits=4, decimal_places=3, localize=True)
    flag_count = forms.IntegerField(label=capfirst(_("units proposed for the Cờ thi đua")),
                                    min_value=0, required=False,
                                    help_text=_("Blank: as the rule pack says."))
    merit_count = forms.IntegerField(label=capfirst(_("units proposed for the Bằng khen")),
                                     min_value=0, required=False,
                                     help_text=_("Blank: as the rule pack says."))
    notes = forms.CharField(label=capfirst(_("notes")), required=False, widget=_textarea())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *TieBreak.choices]
        for slot in range(1, TIE_BREAK_SLOTS + 1):
            self.fields[f"tie_break_{slot}"] = forms.ChoiceField(
                label=_("Tie-break %(number)s") % {"number": slot}, choices=choices,
                required=False)

    def clean(self):
        data = super().clean()
        order = [data.pop(f"tie_break_{n}", "") for n in range(1, TIE_BREAK_SLOTS + 1)]
        order = [rule for rule in order if rule]
        if len(order) != len(set(order)):
            raise ValidationError(_("Each tie-break rule may be chosen only once."))
        data["tie_breaks"] = order
        return data

    @staticmethod
    def initial_for(template) -> dict:
        names = ("formula", "weight_self", "weight_peer", "weight_leader", "normalise_peers",
                 "deviation_threshold", "self_gap_threshold", "flag_count", "merit_count",
                 "notes")
        initial = {name: getattr(template, name) for name in names}
        for slot, rule in enumerate(template.tie_breaks or [], start=1):
            initial[f"tie_break_{slot}"] = rule
        return initial


class CriterionForm(forms.Form):
    parent = forms.ModelChoiceField(label=capfirst(_("section")), queryset=None,
                                    required=False, empty_label=_("(top level)"))
    kind = forms.ChoiceField(label=capfirst(_("kind")), choices=CriterionKind.choices)
    code = forms.CharField(label=_("No."), max_length=16, required=False)
    title = forms.CharField(label=capfirst(_("criterion")), widget=_textarea(2))
    max_points = forms.DecimalField(label=capfirst(_("maximum points")), min_value=0,
                                    max_digits=7, decimal_places=2, localize=True)
    evidence_required = forms.BooleanField(label=capfirst(_("evidence required")),
                                           required=False)
    guidance = forms.CharField(label=capfirst(_("guidance")), required=False,
                               widget=_textarea())

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = sections


class RoundOpenForm(forms.Form):
    period = forms.ChoiceField(label=_("Scoring period"), choices=RoundPeriod.choices)
    deadline_self = DateField(label=_("Deadline of self-scoring"), required=False)
    deadline_peer = DateField(label=_("Deadline of peer scoring"), required=False)
    deadline_leader = DateField(label=_("Deadline of the leader's consolidation"),
                                required=False)

    def deadlines(self) -> dict:
        data = self.cleaned_data
        return {kind: data[f"deadline_{kind}"] for kind in PassKind.values
                if data.get(f"deadline_{kind}")}


class DeadlineForm(forms.Form):
    deadline = DateField(label=_("Due date"))


class AdvanceForm(forms.Form):
    missing_reason = forms.CharField(
        label=capfirst(_("reason for missing scores")), required=False, widget=_textarea(),
        help_text=_("Required when scores are still missing."))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=capfirst(_("reason")), widget=_textarea())


class PublishForm(forms.Form):
    confirmation = forms.CharField(
        label=_("Type CÔNG BỐ to publish"), max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))


class ReviewForm(forms.Form):
    held_on = DateField(label=capfirst(_("date")))
    venue = forms.CharField(label=capfirst(_("venue")), max_length=255, required=False)
    chaired_by = forms.CharField(label=capfirst(_("chaired by")), max_length=255,
                                 required=False)
    participants = forms.ModelMultipleChoiceField(
        label=capfirst(_("participating units")), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple)
    guests = forms.CharField(label=capfirst(_("guests")), required=False, widget=_textarea())
    results = forms.CharField(label=capfirst(_("results of the year")), required=False,
                              widget=_textarea(5))
    directions = forms.CharField(label=capfirst(_("direction for next year")), required=False,
                                 widget=_textarea(5))
    handover = forms.ModelChoiceField(label=capfirst(_("handover")), queryset=None,
                                      required=False)
    minutes = forms.FileField(label=capfirst(_("minutes")), required=False,
                              validators=[validate_minutes_file],
                              help_text=_("PDF, DOCX or DOC, at most 20 MB."))

    def __init__(self, *args, members, handovers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = members
        self.fields["handover"].queryset = handovers
        self.fields["minutes"].widget.attrs["accept"] = ".pdf,.docx,.doc"


class VoteForm(forms.Form):
    agree = forms.IntegerField(label=capfirst(_("agree")), min_value=0)
    disagree = forms.IntegerField(label=capfirst(_("disagree")), min_value=0, initial=0)
    abstain = forms.IntegerField(label=capfirst(_("abstain")), min_value=0, initial=0)


def _points_field(criterion):
    return forms.DecimalField(
        label=str(criterion), min_value=0, max_value=criterion.max_points, max_digits=7,
        decimal_places=2, required=False, localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}))


class SheetForm(forms.Form):
    """One scorer's points for one unit in one pass: a row of fields per scored criterion.

    The self pass adds a note and evidence per criterion, the peer pass an abstention for
    the whole sheet, the leader pass a reason per criterion (needed when a value changes).
    """

    abstained = forms.BooleanField(label=_("Abstain from scoring this unit"), required=False)
    abstain_reason = forms.CharField(label=capfirst(_("reason for abstaining")),
                                     required=False, max_length=500)

    def __init__(self, *args, criteria, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = [criterion for criterion in criteria if criterion.is_scored]
        self.kind = kind
        if kind != PassKind.PEER:
            del self.fields["abstained"], self.fields["abstain_reason"]
        for criterion in self.criteria:
            self._add_row(criterion)

    def _add_row(self, criterion) -> None:
        pk = criterion.pk
        self.fields[f"points_{pk}"] = _points_field(criterion)
        if self.kind == PassKind.LEADER:
            self.fields[f"reason_{pk}"] = forms.CharField(label=_("Reason for the change"),
                                                          required=False, max_length=500)
            return
        self.fields[f"note_{pk}"] = forms.CharField(label=_("Note"), required=False)
        if self.kind == PassKind.SELF:
            self.fields[f"evidence_{pk}"] = forms.FileField(
                label=_("Evidence"), required=False,
                widget=forms.ClearableFileInput(attrs={"accept": EVIDENCE_ACCEPT}))

    @staticmethod
    def initial_for(scores) -> dict:
        """The form's initial values from the scores already given (criterion id → Score)."""
        initial = {}
        for pk, score in scores.items():
            initial.update({f"points_{pk}": score.points, f"note_{pk}": score.note,
                            f"reason_{pk}": "" if score.abstained else score.reason})
            if score.abstained:
                initial.update({"abstained": True, "abstain_reason": score.reason})
        return initial

    def clean(self):
        data = super().clean()
        if data.get("abstained") and not data.get("abstain_reason"):
            self.add_error("abstain_reason", _("Say why the unit abstains."))
        return data

    def rows(self) -> list[dict]:
        """What the service records: the rows the user changed, or all as abstained.

        Unchanged rows are left out, so a value the user could not see (a peer value typed
        by the unit's clerk) is never cleared by an officer's save of the same sheet.
        """
        data, changed = self.cleaned_data, set(self.changed_data)
        if data.get("abstained"):
            return [{"criterion": criterion, "points": None, "abstained": True,
                     "reason": data["abstain_reason"], "note": ""}
                    for criterion in self.criteria]
        everything = "abstained" in changed
        return [self._row(criterion) for criterion in self.criteria
                if everything or changed & self._names(criterion)]

    def _names(self, criterion) -> set[str]:
        return {f"{prefix}_{criterion.pk}" for prefix in ("points", "note", "reason", "evidence")}

    def _row(self, criterion) -> dict:
        data, pk = self.cleaned_data, criterion.pk
        return {"criterion": criterion, "points": data[f"points_{pk}"], "abstained": False,
                "reason": data.get(f"reason_{pk}", ""), "note": data.get(f"note_{pk}", ""),
                "evidence": data.get(f"evidence_{pk}") or None}

    def bound_row(self, criterion) -> dict:
        """The row's bound fields by prefix, for the template."""
        return {prefix: self[f"{prefix}_{criterion.pk}"]
                for prefix in ("points", "note", "reason", "evidence")
                if f"{prefix}_{criterion.pk}" in self.fields}
