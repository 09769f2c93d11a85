"""The forms of certificate verification: finding a certificate by its address or code, and
checking a PDF file someone received."""

import re
import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.uploads import MB, file_format

MAX_UPLOAD = 10 * MB
# A certificate's code anywhere in what was pasted: the whole address under the QR code,
# the code alone, with or without its dashes.
CODE = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}",
                  re.IGNORECASE)


class LookupForm(forms.Form):
    ma = forms.CharField(
        label=_("Verification address or certificate code"), max_length=500,
        help_text=_("The address printed under the QR code of the certificate, or its code."))

    def clean_ma(self) -> uuid.UUID:
        found = CODE.search(self.cleaned_data["ma"])
        if found is None:
            raise forms.ValidationError(_("This is not a certificate's verification address "
                                          "or code."))
        return uuid.UUID(found.group(0))


class NumberLookupForm(forms.Form):
    """Finding a certificate by what it prints: "Số vào sổ vàng: 12/2025" and its issuer."""

    so = forms.IntegerField(label=_("Golden-book number"), min_value=1, max_value=10**7)
    nam = forms.IntegerField(label=_("Year of the number"), min_value=1900, max_value=2200)
    co_quan = forms.TypedChoiceField(label=_("Issued by"), coerce=int, required=False,
                                     empty_value=None)

    def __init__(self, *args, issuers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["co_quan"].choices = [("", _("– Any issuer –")),
                                          *((i.key, i.label) for i in issuers)]
        self.several_issuers = len(issuers) > 1


class PdfCheckForm(forms.Form):
    file = forms.FileField(label=_("PDF file to check"),
                           help_text=_("A certificate or decision in PDF, up to 10 MB."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        # Only read, never kept: its name does not matter, its content does.
        if file_format(upload, ("pdf",)) is None:
            raise forms.ValidationError(_("This file is not a PDF."))
        return upload
