"""The blank legacy-history workbook: four sheets with headers and dropdowns, and a guide.

openpyxl is imported inside the functions (through the units-and-people template's
helpers): it is slow to load and only the template download needs it.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.honors.importers.schema import (
    COLUMNS,
    GUIDE_SHEET,
    LISTS_SHEET,
    SHEETS,
    WORDS,
)
from vinhdanh.honors.law.catalogue import CATALOGUE
from vinhdanh.honors.services.history import FIRST_YEAR
from vinhdanh.organisations.importers.excel_out import (
    DATE_HINT,
    TEMPLATE_ROWS,
    format_cells,
    saved_workbook,
    write_header,
)
from vinhdanh.organisations.importers.workbook import column_letter

CODED_HINT = gettext_lazy("One of the values in the list.")
YEAR_HINT = gettext_lazy("Four digits, from %(first)s to next year.")
GUIDE = {
    "subject": gettext_lazy("Cá nhân, Tập thể or Hộ gia đình; when empty, read from the "
                            "citizen ID, head of household or unit code that is filled in."),
    "citizen_id": gettext_lazy("A person's 12-digit citizen ID (CCCD), for a person's "
                               "record; the person must already be in Vinh Danh."),
    "full_name": gettext_lazy("Optional: the person's name, checked against the citizen ID."),
    "unit_code": gettext_lazy("The unit's code, for a collective's record; for a household, "
                              "the code of its commune or village."),
    "head_name": gettext_lazy("The head of the household, as entered in Vinh Danh."),
    "honor": gettext_lazy("The title or award form: its name from the list, its short name "
                          "(LĐTT, CSTĐCS, BK tỉnh…) or its code."),
    "first_year": gettext_lazy("Only for an honour covering several years: the first of them."),
    "decision_number": gettext_lazy("The decision's number, such as 1234/QĐ-UBND."),
    "issuer": gettext_lazy("Who issued the decision."),
    "notes": gettext_lazy("Anything else worth keeping."),
    "title": gettext_lazy("The name of the initiative or scientific work."),
    "recognised_by": gettext_lazy("Who recognised it."),
    "starts_on": DATE_HINT,
    "ends_on": gettext_lazy("Empty while it lasts. A date, day first, as above."),
    "decision_date": DATE_HINT,
}


def build_history_template() -> bytes:
    """A blank workbook with the four history sheets, dropdowns and a guide sheet."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    lists = _add_lists(book)
    for sheet in SHEETS:
        _add_sheet(book, sheet, lists)
    _add_guide(book)
    book.move_sheet(LISTS_SHEET, offset=len(book.sheetnames) - 1)
    return saved_workbook(book)


def _lists() -> dict[tuple[str, str], list[str]]:
    """(sheet, field) → the words its dropdown offers."""
    lists = {place: [spellings[0] for spellings in words.values()]
             for place, (_choices, words) in WORDS.items()}
    lists[SHEETS[0], "honor"] = [spec.name for spec in CATALOGUE]
    return lists


def _add_lists(book) -> dict:
    """A hidden sheet with one column per list; returns each list's cell range."""
    sheet = book.create_sheet(LISTS_SHEET)
    sheet.sheet_state = "hidden"
    ranges = {}
    for index, (place, words) in enumerate(_lists().items()):
        letter = column_letter(index)
        for row, word in enumerate(words, start=1):
            sheet[f"{letter}{row}"] = word
        ranges[place] = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(words)}"
    return ranges


def _add_sheet(book, title: str, lists: dict) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet = book.create_sheet(title)
    write_header(sheet, COLUMNS[title])
    for index, column in enumerate(COLUMNS[title]):
        letter = column_letter(index)
        formula = lists.get((title, column.field))
        if formula:
            # Legacy files spell values many ways: the list helps, the importer decides.
            check = DataValidation(type="list", formula1=formula, allow_blank=True,
                                   showErrorMessage=False)
            check.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            sheet.add_data_validation(check)
        format_cells(sheet, column, letter)


def _hint(column) -> str:
    if column.field in GUIDE:
        return str(GUIDE[column.field])
    if column.kind == "year":
        return str(YEAR_HINT) % {"first": FIRST_YEAR}
    return str(CODED_HINT)


def _add_guide(book) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = book.create_sheet(GUIDE_SHEET)
    sheet.append([_("Fill in one row per record in any of the four sheets; columns marked * "
                    "are required, and each row names a person by citizen ID or a unit by "
                    "its code. The people, units and households must already be in Vinh Danh. "
                    "The whole file is checked first: if any cell is wrong, nothing is "
                    "imported and every wrong cell is listed.")])
    sheet.append([])
    sheet.append([_("Sheet"), _("Column"), _("Required"), _("What to write")])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for title in SHEETS:
        for column in COLUMNS[title]:
            sheet.append([title, column.header, "*" if column.required else "", _hint(column)])
    for letter, width in zip("ABCD", (22, 30, 10, 90), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet["A1"].alignment = Alignment(wrap_text=True)
