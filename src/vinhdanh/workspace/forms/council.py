"""Forms of the council's pages: members per term, sessions, attendance, the agenda,
declared recusals and the written vote of an absent member."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from vinhdanh.council.enums import Choice, MemberRole
from vinhdanh.organisations.enums import EDITOR_ROLES
from vinhdanh.organisations.models import Unit
from vinhdanh.workspace.forms.fields import DateField, UnitChoiceField


def _accounts():
    return get_user_model().objects.filter(is_active=True).order_by("username")


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Account"), queryset=None)
    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.ChoiceField(label=_("Role in the council"), choices=MemberRole.choices,
                             initial=MemberRole.MEMBER)
    position = forms.CharField(label=_("Position"), max_length=255, required=False)
    unit = UnitChoiceField(label=_("Own unit"), queryset=None, required=False,
                           help_text=_("The member takes no part in votes on this unit's "
                                       "nominees."))
    term_start = DateField(label=_("Term starts"))
    term_end = DateField(label=_("Term ends"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = _accounts()
        self.fields["unit"].queryset = Unit.objects.all()


class EndTermForm(forms.Form):
    term_end = DateField(label=_("Term ends"))


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    held_on = DateField(label=_("Held on"))
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    secretary = forms.ModelChoiceField(label=_("Secretary"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["secretary"].queryset = _accounts().filter(
            role_assignments__role__in=EDITOR_ROLES).distinct()


class AgendaForm(forms.Form):
    nominations = forms.ModelMultipleChoiceField(
        label=_("Dossiers ready for the council"), queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one dossier.")})

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = nominations
        self.fields["nominations"].label_from_instance = (
            lambda n: f"{n.candidate} — {n.honor} ({n.batch.proposing_unit})")


class _MemberChoice(forms.Form):
    member = forms.ModelChoiceField(label=capfirst(_("council member")), queryset=None)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members


class RecusalForm(_MemberChoice):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class WrittenVoteForm(_MemberChoice):
    choice = forms.ChoiceField(label=_("Written vote"), choices=Choice.choices)
