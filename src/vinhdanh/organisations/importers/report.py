"""What an import tells its user: a CellError per bad cell, and the exception carrying them."""

from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Enough to fix a file by; a longer list only hides the pattern of the mistake.
MAX_REPORTED = 1000


@dataclass(frozen=True, slots=True)
class CellError:
    """A cell that cannot be imported; ``row`` is the Excel row number (None for the sheet)."""

    sheet: str
    row: int | None
    column: str  # Excel column letter ("C"), empty for sheet- and file-level problems
    header: str  # the column's header as written in the file
    value: str  # the cell as shown in Excel
    reason: str  # translated

    @property
    def column_label(self) -> str:
        return f"{self.column} ({self.header})" if self.column else self.header

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "CellError":
        return cls(**{name: data.get(name) for name in cls.__dataclass_fields__})


def file_error(reason: str, sheet: str = "", header: str = "") -> CellError:
    """A problem with the file or a whole sheet rather than one cell."""
    return CellError(sheet=sheet, row=None, column="", header=header, value="", reason=reason)


def capped(errors: list[CellError], sheet_order: list[str]) -> list[CellError]:
    """Errors in reading order, cut at MAX_REPORTED with a closing "and N more" line."""
    order = {name: index for index, name in enumerate(sheet_order)}
    errors = sorted(errors, key=lambda e: (order.get(e.sheet, -1), e.row or 0, len(e.column),
                                           e.column))
    if len(errors) <= MAX_REPORTED:
        return errors
    more = len(errors) - MAX_REPORTED
    return errors[:MAX_REPORTED] + [
        file_error(_("…and %(count)s more errors.") % {"count": more})
    ]


class ImportRejected(Exception):
    """The workbook has errors, so nothing was written; ``errors`` says where and why."""

    def __init__(self, errors: list[CellError]):
        message = ngettext("The workbook has %(count)s error; nothing was imported.",
                           "The workbook has %(count)s errors; nothing was imported.", len(errors))
        super().__init__(message % {"count": len(errors)})
        self.errors = list(errors)
