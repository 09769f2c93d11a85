"""Form fields shared by the staff UI's forms."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from vinhdanh.core.text import nfc
from vinhdanh.core.uploads import MB, upload_problem
from vinhdanh.organisations.importers.workbook import too_large_message
from vinhdanh.workspace.tree import build_tree, flatten

DATE_PLACEHOLDER = "dd/mm/yyyy"
MAX_MINUTES_BYTES = 20 * MB
MINUTES_FORMATS = ("pdf", "docx", "doc")


class DateField(forms.DateField):
    """dd/mm/yyyy in and out, whatever language the browser asks for."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", formats.get_format("DATE_INPUT_FORMATS", lang="vi"))
        kwargs.setdefault("widget", forms.DateInput(
            format="%d/%m/%Y", attrs={"placeholder": DATE_PLACEHOLDER, "inputmode": "numeric"}
        ))
        super().__init__(**kwargs)


class _TreeOrder(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for node in flatten(build_tree(self.queryset)):
            node.unit.tree_depth = node.depth
            yield self.choice(node.unit)


class UnitChoiceField(forms.ModelChoiceField):
    """Units in tree order, each indented under its parent."""

    iterator = _TreeOrder

    def label_from_instance(self, unit):
        return "\u2003" * getattr(unit, "tree_depth", 0) + f"{unit.name} ({unit.code})"


def parse_codes(text: str) -> list[str]:
    """One unit code a line; anything after the first blank on a line is a comment."""
    lines = (nfc(line) for line in text.splitlines())
    return [line.split()[0] for line in lines if line]


class UnitCodesField(forms.CharField):
    """A textarea of unit codes, one a line, cleaned to the units in that order."""

    widget = forms.Textarea(attrs={"rows": 10, "spellcheck": "false"})

    def __init__(self, *, queryset, **kwargs):
        self.queryset = queryset
        super().__init__(**kwargs)

    def clean(self, value):
        codes = parse_codes(super().clean(value))
        repeated = sorted({code for code in codes if codes.count(code) > 1})
        if repeated:
            raise ValidationError(_("Each unit may appear only once: %(codes)s"),
                                  params={"codes": ", ".join(repeated)})
        found = {unit.code: unit for unit in self.queryset.filter(code__in=codes)}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise ValidationError(_("Unknown unit codes: %(codes)s"),
                                  params={"codes": ", ".join(unknown)})
        return [found[code] for code in codes]


def validate_minutes_file(upload) -> None:
    """A PDF, DOCX or DOC of at most 20 MB, judged by its content rather than its name."""
    problem = upload_problem(upload, formats=MINUTES_FORMATS, max_bytes=MAX_MINUTES_BYTES)
    if problem == "size":
        raise ValidationError(_("The file is larger than 20 MB."))
    if problem == "format":
        raise ValidationError(_("The minutes must be a PDF, DOCX or DOC file."))


def _check_workbook(upload, formats, wrong_format) -> None:
    problem = upload_problem(upload, formats=formats, max_bytes=settings.IMPORT_MAX_BYTES)
    if problem == "size":
        raise ValidationError(too_large_message())
    if problem == "format":
        raise ValidationError(wrong_format)


def validate_xlsx(upload) -> None:
    """An .xlsx workbook within the import limit, judged by its content."""
    _check_workbook(upload, ("xlsx",), _("This is not an Excel workbook: upload an .xlsx file."))


def validate_workbook(upload) -> None:
    """An .xlsx or .xls workbook within the import limit, judged by its content."""
    _check_workbook(upload, ("xlsx", "xls"),
                    _("This is not an Excel workbook: upload an .xlsx or .xls file."))


def add_errors(form, error: ValidationError) -> None:
    """Shows a service's ValidationError (or DomainError) in ``form``."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)
