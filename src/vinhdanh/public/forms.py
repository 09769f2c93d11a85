"""The citizen's comment form. It only shapes input: the rules (window open, candidate on
the list, hourly limit) are the service's, so the API or any other entry point shares them."""

from django import forms
from django.utils.translation import gettext_lazy as _

# The honeypot's name: a plausible field that bots fill and people never see.
HONEYPOT = "website"


class CommentForm(forms.Form):
    nomination = forms.TypedChoiceField(
        label=_("Candidate proposed for commendation"), coerce=int,
        error_messages={"invalid_choice": _("This candidate is not on this list.")})
    name = forms.CharField(label=_("Your full name"), max_length=120)
    contact = forms.CharField(
        label=_("Phone or email"), max_length=120,
        help_text=_("Only the commendation board sees it, to contact you if needed."))
    text = forms.CharField(label=_("Your comment"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 6}))
    website = forms.CharField(
        label=_("Leave this field empty"), required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(c.key, c.choice_label) for c in candidates]
        self.fields["nomination"].choices = [("", _("– Choose a candidate –")), *choices]

    @property
    def is_bot(self) -> bool:
        """True when the hidden field was filled: a person never sees it."""
        return bool(self.cleaned_data.get(HONEYPOT, "").strip())
