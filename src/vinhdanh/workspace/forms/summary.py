"""The text of a group's year-end summary report: heading, narrative sections, signature."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.reports.models import SummaryReport
from vinhdanh.reports.summary.services import FIELDS
from vinhdanh.workspace.forms.fields import DateField

SECTIONS = (
    (_("Heading and title"), ("issuer_upper", "issuer", "number", "symbol", "place", "dated",
                              "title")),
    (_("Narrative sections"), ("situation", "results", "pledge", "limitations", "directions",
                               "proposals")),
    (_("Signature"), ("signer_title", "signer_name", "recipients")),
)
TALL = ("situation", "results", "limitations", "directions", "proposals")


class SummaryForm(forms.ModelForm):
    dated = DateField(label=_("Date of the report"), required=False)

    class Meta:
        model = SummaryReport
        fields = FIELDS
        help_texts = {
            "issuer_upper": _("The group's name above the issuing unit; may be empty."),
            "situation": _("Part I. One paragraph per line."),
            "results": _("The opening of part II, before the figures."),
            "pledge": _("Part II.2, after the date and the signatory units."),
            "limitations": _("Part III."),
            "directions": _("Part IV."),
            "proposals": _("Part V."),
            "signer_title": _("One line each: TM. KHỐI THI ĐUA, KHỐI TRƯỞNG, …"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("situation", "results", "pledge", "limitations", "directions",
                     "proposals", "signer_title", "recipients"):
            self.fields[name].widget.attrs["rows"] = 8 if name in TALL else 3

    def sections(self):
        """(legend, bound fields) for each fieldset of the page."""
        return [(legend, [self[name] for name in names]) for legend, names in SECTIONS]
