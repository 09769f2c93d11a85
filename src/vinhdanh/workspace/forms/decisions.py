"""Forms of the decision pages: drafting from approved dossiers, editing a draft and its
lines, the signer's actions, revoking an honour, and the issuers' settings."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.uploads import MB, upload_problem
from vinhdanh.decisions.enums import DecisionKind, RevocationGround
from vinhdanh.decisions.models import Decision, Issuer
from vinhdanh.organisations.enums import Role
from vinhdanh.workspace.forms.fields import DateField, UnitChoiceField

MAX_PDF_BYTES = 20 * MB
SIGNER_FIELDS = ("signer_authority", "signer_title", "signer_name")
TEXT_FIELDS = ("subject", "legal_bases", "proposal", "citation", "copies_to")


def signers():
    """Active accounts holding the signer role (the chairman and the deputies)."""
    return (get_user_model().objects.filter(is_active=True, role_assignments__role=Role.SIGNER)
            .distinct().order_by("full_name", "username"))


def signer_defaults(user) -> dict:
    """How ``user`` signed the last decision naming him, else his own name."""
    last = Decision.objects.filter(signer=user).order_by("-created_at", "-id").first()
    if last is not None:
        return {name: getattr(last, name) for name in SIGNER_FIELDS}
    return {"signer_name": user.full_name or str(user)}


def dossier_label(nomination) -> str:
    """Candidate — honour — proposing unit (council session), for the dossier checkboxes."""
    session = getattr(nomination, "approved_in", None)
    label = f"{nomination.candidate} — {nomination.honor} — {nomination.batch.proposing_unit}"
    return f"{label} ({session})" if session else label


class SignerFields(forms.Form):
    """The signer and how the signature block prints him."""

    signer = forms.ModelChoiceField(label=_("Signer"), queryset=None, required=False,
                                    empty_label=_("Any signer"))
    signer_authority = forms.CharField(label=_("Signing capacity"), max_length=100,
                                       required=False,
                                       help_text=_("KT. CHỦ TỊCH, TM. ỦY BAN NHÂN DÂN, or empty"))
    signer_title = forms.CharField(label=_("Signer's title"), max_length=100)
    signer_name = forms.CharField(label=_("Signer's name"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signer"].queryset = signers()


class DecisionCreateForm(SignerFields):
    issuer = forms.ModelChoiceField(label=capfirst(_("issuer")), queryset=None)
    decided_on = DateField(label=_("Decision date"))
    council_session = forms.ModelChoiceField(label=_("Council session"), queryset=None,
                                             required=False)
    nominations = forms.ModelMultipleChoiceField(
        label=_("Dossiers approved by the council"), queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one approved dossier.")})

    field_order = ["issuer", "decided_on", "council_session", "signer", *SIGNER_FIELDS,
                   "nominations"]

    def __init__(self, *args, nominations, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = Issuer.objects.all()
        self.fields["council_session"].queryset = sessions
        self.fields["nominations"].queryset = nominations
        self.fields["nominations"].label_from_instance = dossier_label


class DecisionEditForm(SignerFields):
    """A draft's text, date and signer; ``changes()`` names what the officer changed."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    decided_on = DateField(label=_("Decision date"),
                           help_text=_("A new date recomputes every bonus."))
    subject = forms.CharField(label=_("Subject of the decision"), max_length=500)
    legal_bases = forms.CharField(label=_("Legal bases"), widget=forms.Textarea(
        attrs={"rows": 6}), help_text=_("One per line."))
    proposal = forms.CharField(label=_("Proposal"), required=False,
                               widget=forms.Textarea(attrs={"rows": 3}))
    citation = forms.CharField(label=_("Citation"), max_length=500, required=False)
    copies_to = forms.CharField(label=_("Recipients of copies"), required=False,
                                widget=forms.Textarea(attrs={"rows": 4}),
                                help_text=_("One per line."))
    council_session = forms.ModelChoiceField(label=_("Council session"), queryset=None,
                                             required=False)

    field_order = ["version", "decided_on", *TEXT_FIELDS, "council_session", "signer",
                   *SIGNER_FIELDS]

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council_session"].queryset = sessions

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data
                if name != "version"}


class EntryForm(forms.Form):
    recipient_name = forms.CharField(label=_("Recipient as printed"), max_length=300)
    recipient_detail = forms.CharField(label=_("Position and unit"), max_length=500,
                                       required=False)
    achievement = forms.CharField(label=_("Achievement"), max_length=600, required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}),
                                  help_text=_("Empty: the decision's citation."))


class AddDossiersForm(forms.Form):
    nominations = forms.ModelMultipleChoiceField(
        label=_("Dossiers approved by the council"), queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one approved dossier.")})

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = nominations
        self.fields["nominations"].label_from_instance = dossier_label


class VersionForm(forms.Form):
    """A button on the decision page, with the version the page showed."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ReturnForm(VersionForm):
    reason = forms.CharField(label=_("What to change"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}))


class IssueForm(VersionForm):
    decided_on = DateField(label=_("Signing date"),
                           help_text=_("Bonuses are recomputed for this date."))


class SignedPdfForm(forms.Form):
    file = forms.FileField(label=_("Signed PDF"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".pdf"}))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        problem = upload_problem(upload, formats=("pdf",), max_bytes=MAX_PDF_BYTES)
        if problem == "size":
            raise ValidationError(_("The file is larger than 20 MB."))
        if problem == "format":
            raise ValidationError(_("The signed decision must be a PDF file."))
        return upload


class PrintForm(forms.Form):
    preprinted = forms.BooleanField(required=False)


class RevokeForm(SignerFields):
    ground = forms.ChoiceField(label=_("Ground"), choices=RevocationGround.choices,
                               widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("The facts: the inspection conclusion or judgment."))
    decided_on = DateField(label=_("Decision date"))

    field_order = ["ground", "reason", "decided_on", "signer", *SIGNER_FIELDS]


class DecisionFilterForm(forms.Form):
    q = forms.CharField(label=_("Number or subject"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind of decision"), required=False,
                             choices=[("", _("All")), *DecisionKind.choices])


class IssuerForm(forms.ModelForm):
    class Meta:
        model = Issuer
        fields = ["name", "parent_heading", "heading", "authority", "abbreviation", "place",
                  "unit", "default_legal_bases", "default_copies_to", "print_offset_x_mm",
                  "print_offset_y_mm", "print_page"]
        field_classes = {"unit": UnitChoiceField}
        localized_fields = ["print_offset_x_mm", "print_offset_y_mm"]  # "1,5" in Vietnamese
        widgets = {"heading": forms.Textarea(attrs={"rows": 2}),
                   "default_legal_bases": forms.Textarea(attrs={"rows": 5}),
                   "default_copies_to": forms.Textarea(attrs={"rows": 4})}
