from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from vinhdanh.organisations.enums import GroupKind
from vinhdanh.organisations.models import Unit
from vinhdanh.workspace.forms.fields import (
    DateField,
    UnitChoiceField,
    UnitCodesField,
    validate_minutes_file,
)

MEMBERS_HELP = _("One unit code a line, in rotation order.")


def member_units(group):
    """The group's member units in rotation order."""
    return Unit.objects.filter(memberships__group=group).order_by("memberships__rotation_position")


class _MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, unit):
        return f"{unit.name} ({unit.code})"


class GroupCreateForm(forms.Form):
    """A new group; ``units`` may be members, ``organisers`` may organise it."""

    kind = forms.ChoiceField(label=capfirst(_("kind")), choices=GroupKind.choices)
    year = forms.IntegerField(label=capfirst(_("year")), min_value=2000, max_value=2100)
    code = forms.CharField(label=capfirst(_("code")), max_length=32)
    name = forms.CharField(label=capfirst(_("name")), max_length=255)
    organiser = UnitChoiceField(label=capfirst(_("organised by")), queryset=None,
                                required=False)
    members = UnitCodesField(label=capfirst(_("members")), queryset=None,
                             help_text=MEMBERS_HELP)
    leader = UnitChoiceField(label=capfirst(_("leader unit")), queryset=None, required=False)
    deputy = UnitChoiceField(label=capfirst(_("deputy unit")), queryset=None, required=False)
    notes = forms.CharField(label=capfirst(_("notes")), required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, units, organisers, **kwargs):
        kwargs.setdefault("initial", {"year": timezone.localdate().year})
        super().__init__(*args, **kwargs)
        for name in ("members", "leader", "deputy"):
            self.fields[name].queryset = units
        self.fields["organiser"].queryset = organisers


class GroupEditForm(forms.Form):
    """A group's own fields; ``organisers`` may organise it."""

    code = forms.CharField(label=capfirst(_("code")), max_length=32)
    name = forms.CharField(label=capfirst(_("name")), max_length=255)
    organiser = UnitChoiceField(label=capfirst(_("organised by")), queryset=None,
                                required=False)
    notes = forms.CharField(label=capfirst(_("notes")), required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, organisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisers


class MembersForm(forms.Form):
    members = UnitCodesField(label=capfirst(_("members")), queryset=None,
                             help_text=MEMBERS_HELP)

    def __init__(self, *args, units, group, **kwargs):
        codes = "\n".join(unit.code for unit in member_units(group))
        kwargs.setdefault("initial", {"members": codes})
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = units


class LeadershipForm(forms.Form):
    """Leader and deputy among the members of ``group``."""

    leader = _MemberChoiceField(label=capfirst(_("leader unit")), queryset=None)
    deputy = _MemberChoiceField(label=capfirst(_("deputy unit")), queryset=None,
                                required=False)

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("leader", "deputy"):
            self.fields[name].queryset = member_units(group)


class HandoverForm(LeadershipForm):
    """The year-end review; ``next_groups`` are the visible copies of the group."""

    held_on = DateField(label=capfirst(_("date of the review")))
    next_group = forms.ModelChoiceField(label=capfirst(_("next year's group")), queryset=None,
                                        required=False)
    minutes_file = forms.FileField(label=capfirst(_("minutes")), required=False,
                                   validators=[validate_minutes_file],
                                   help_text=_("PDF, DOCX or DOC, at most 20 MB."))
    notes = forms.CharField(label=capfirst(_("notes")), required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))
    field_order = ["held_on", "leader", "deputy", "next_group", "minutes_file", "notes"]

    def __init__(self, *args, next_groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].label = capfirst(_("incoming leader"))
        self.fields["deputy"].label = capfirst(_("incoming deputy"))
        self.fields["next_group"].queryset = next_groups
        self.fields["minutes_file"].widget.attrs["accept"] = ".pdf,.docx,.doc"
