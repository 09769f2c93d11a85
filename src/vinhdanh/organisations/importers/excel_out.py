"""Writing workbooks: the blank template and the exports (which the importer reads back).

openpyxl is imported inside the functions: it is slow to load and only these pages need it.
"""

import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.organisations.importers.cells import YES_NO
from vinhdanh.organisations.importers.schema import (
    CADRE_WORDS,
    GENDER_WORDS,
    GUIDE_SHEET,
    KIND_WORDS,
    LEVEL_WORDS,
    LISTS_SHEET,
    PEOPLE_COLUMNS,
    PEOPLE_SHEET,
    UNIT_COLUMNS,
    UNITS_SHEET,
    file_word,
)
from vinhdanh.organisations.importers.workbook import column_letter

DATE_FORMAT = "DD/MM/YYYY"
TEMPLATE_ROWS = 2000  # rows that get the dropdowns and cell formats in the blank template
DATE_HINT = gettext_lazy("A date, day first: 05/02/2026, 5/2/2026, 05-02-2026, 05.02.2026, "
                         "2026-02-05 or “ngày 05 tháng 02 năm 2026”.")
YES_NO_HINT = gettext_lazy("Có or Không (also accepted: x, 1/0, true/false).")
GUIDE = {
    "code": gettext_lazy("A code of your choosing, unique in the province (at most 32 "
                         "characters)."),
    "name": gettext_lazy("The unit's full name."),
    "short_name": gettext_lazy("An optional short name."),
    "parent_code": gettext_lazy("The code of the unit above it: an existing unit, or one "
                                "listed in this sheet."),
    "kind": gettext_lazy("One of the values in the list."),
    "level": gettext_lazy("One of the values in the list."),
    "active_from": DATE_HINT,
    "active_until": DATE_HINT,
    "mostly_direct_workers": YES_NO_HINT,
    "full_name": gettext_lazy("Family, middle and given names."),
    "gender": gettext_lazy("Nam or Nữ."),
    "date_of_birth": DATE_HINT,
    "citizen_id": gettext_lazy("The 12-digit citizen ID (CCCD); keep the leading zero."),
    "unit_code": gettext_lazy("The code of the person's unit: an existing unit, or one listed "
                              "in the units sheet."),
    "position": gettext_lazy("The job title."),
    "is_direct_worker": YES_NO_HINT,
    "employment_start": DATE_HINT,
    "is_active": gettext_lazy("Có or Không; empty means Có."),
    "cadre_category": gettext_lazy("For the statutory report forms: one of the values in the "
                                   "list, or empty when none applies."),
}


def build_template() -> bytes:
    """A blank workbook with both sheets, dropdowns and a sheet explaining each column."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    lists = _add_lists(book)
    _add_template_sheet(book, UNITS_SHEET, UNIT_COLUMNS, lists)
    _add_template_sheet(book, PEOPLE_SHEET, PEOPLE_COLUMNS, lists)
    _add_guide(book)
    book.move_sheet(LISTS_SHEET, offset=len(book.sheetnames) - 1)
    return saved_workbook(book)


def _add_lists(book) -> dict[str, str]:
    """A hidden sheet with the coded values; returns each list's cell range."""
    sheet = book.create_sheet(LISTS_SHEET)
    sheet.sheet_state = "hidden"
    lists = {"gender": GENDER_WORDS, "kind": KIND_WORDS, "level": LEVEL_WORDS,
             "cadre_category": CADRE_WORDS}
    ranges = {}
    for index, (name, words) in enumerate(lists.items()):
        letter = column_letter(index)
        for row, spellings in enumerate(words.values(), start=1):
            sheet[f"{letter}{row}"] = spellings[0]
        ranges[name] = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(words)}"
    return ranges


def _add_template_sheet(book, title, columns, lists) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet = book.create_sheet(title)
    write_header(sheet, columns)
    for index, column in enumerate(columns):
        letter = column_letter(index)
        cells = f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
        formula = lists.get(column.field) or ('"Có,Không"' if column.kind == "yes_no" else None)
        if formula:
            check = DataValidation(type="list", formula1=formula, allow_blank=True)
            check.add(cells)
            sheet.add_data_validation(check)
        format_cells(sheet, column, letter)


def format_cells(sheet, column, letter) -> None:
    formats = {"date": DATE_FORMAT, "citizen_id": "@"}  # "@" keeps a CCCD's leading zero
    if column.kind in formats:
        for row in range(2, TEMPLATE_ROWS + 2):
            sheet[f"{letter}{row}"].number_format = formats[column.kind]


def write_header(sheet, columns) -> None:
    from openpyxl.styles import Font, PatternFill

    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        sheet.column_dimensions[column_letter(index - 1)].width = column.width
    sheet.freeze_panes = "A2"


def _add_guide(book) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = book.create_sheet(GUIDE_SHEET)
    sheet.append([_("Fill in one row per unit or person; columns marked * are required. "
                    "Units listed in the units sheet may be used as parents and as people's "
                    "units in the same file. The whole file is checked first: if any cell is "
                    "wrong, nothing is imported and every wrong cell is listed.")])
    sheet.append([])
    sheet.append([_("Sheet"), _("Column"), _("Required"), _("What to write")])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for title, columns in ((UNITS_SHEET, UNIT_COLUMNS), (PEOPLE_SHEET, PEOPLE_COLUMNS)):
        for column in columns:
            sheet.append([title, column.header, "*" if column.required else "",
                          str(GUIDE[column.field])])
    for letter, width in zip("ABCD", (12, 28, 10, 90), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet["A1"].alignment = Alignment(wrap_text=True)


def export_units(queryset) -> bytes:
    """The units as an import workbook (re-importable into an empty database)."""
    fields = ("code", "name", "short_name", "parent__code", "kind", "level", "active_from",
              "active_until", "mostly_direct_workers")
    rows = (
        (code, name, short, parent or "", file_word(KIND_WORDS, kind),
         file_word(LEVEL_WORDS, level), start, end, _yes_no(mostly))
        for code, name, short, parent, kind, level, start, end, mostly
        in queryset.order_by("path").values_list(*fields).iterator(chunk_size=2000)
    )
    return _export(UNITS_SHEET, UNIT_COLUMNS, rows)


def export_people(queryset) -> bytes:
    """The people as an import workbook; citizen IDs as text so leading zeros stay."""
    fields = ("full_name", "gender", "date_of_birth", "citizen_id", "unit__code", "position",
              "is_direct_worker", "employment_start", "is_active", "cadre_category")
    rows = (
        (name, file_word(GENDER_WORDS, gender), born, cid or "", unit, position,
         _yes_no(direct), start, _yes_no(active), file_word(CADRE_WORDS, category))
        for name, gender, born, cid, unit, position, direct, start, active, category
        in queryset.values_list(*fields).iterator(chunk_size=2000)
    )
    return _export(PEOPLE_SHEET, PEOPLE_COLUMNS, rows)


def _yes_no(value: bool) -> str:
    return YES_NO.shown[0] if value else YES_NO.shown[1]


def _export(title, columns, rows) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    for index, column in enumerate(columns):
        sheet.column_dimensions[column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    header = [WriteOnlyCell(sheet, value=column.title) for column in columns]
    for cell in header:
        cell.font = Font(bold=True)
    sheet.append(header)
    dates = [index for index, column in enumerate(columns) if column.kind == "date"]
    for row in rows:
        sheet.append(_with_date_cells(sheet, list(row), dates, WriteOnlyCell))
    return saved_workbook(book)


def _with_date_cells(sheet, values: list, dates: list[int], cell_class) -> list:
    for index in dates:
        if values[index] is not None:
            values[index] = cell_class(sheet, value=values[index])
            values[index].number_format = DATE_FORMAT
        else:
            values[index] = ""
    return values


def saved_workbook(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
