"""Writing the scoring table workbook (see excel.py for the layout)."""

from decimal import Decimal

from django.db.models import F
from django.utils.translation import gettext as _

from vinhdanh.organisations.importers.excel_out import saved_workbook
from vinhdanh.organisations.importers.workbook import column_letter
from vinhdanh.scoring.enums import CriterionKind, PassKind
from vinhdanh.scoring.models import Score
from vinhdanh.scoring.services.excel import (
    ABSTAINED,
    COLUMNS,
    SHEET,
    TOTAL_LABEL,
    UNIT_WIDTH,
    kind_word,
    unit_header,
)
from vinhdanh.scoring.services.templates import criteria_tree, max_total

TITLE_ROW, SUBTITLE_ROW, HEADER_ROW = 1, 2, 3
FIRST_ROW = HEADER_ROW + 1
NUMBER_FORMAT = "0.00"
OWN_COLUMN = "—"
HEADER_FILL = "DDEBF7"
SECTION_FILL = "F2F2F2"


def members(group) -> list:
    """The member units in rotation order."""
    return [m.unit for m in group.memberships.select_related("unit").order_by(
        "rotation_position", "id")]


def build_workbook(template, *, scoring_pass=None, scorer=None) -> bytes:
    from openpyxl import Workbook

    group = template.group
    units = members(group)
    points = _points(scoring_pass, scorer) if scoring_pass is not None else {}
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    _write_titles(sheet, group, scoring_pass, scorer, len(COLUMNS) + len(units))
    _write_header(sheet, units)
    row = _write_tree(sheet, criteria_tree(template), units, points, _own(scoring_pass, scorer))
    _write_totals(sheet, row, template, units, points, scoring_pass is not None)
    _finish(sheet, units)
    return saved_workbook(book)


def _points(scoring_pass, scorer) -> dict:
    """(subject id, criterion id) → Score of the pass shown in the unit columns."""
    scores = Score.objects.filter(scoring_pass=scoring_pass).select_related("criterion")
    if scoring_pass.kind == PassKind.SELF:
        scores = scores.filter(scorer_id=F("subject_id"))
    elif scorer is None and scoring_pass.kind == PassKind.PEER:
        raise ValueError("a peer pass is exported for one scorer")
    if scorer is not None:  # in the self pass: that unit's own column only
        scores = scores.filter(scorer=scorer)
    return {(s.subject_id, s.criterion_id): s for s in scores}


def _own(scoring_pass, scorer) -> int | None:
    """The column a peer scorer leaves empty: its own."""
    if scoring_pass is not None and scoring_pass.kind == PassKind.PEER and scorer is not None:
        return scorer.pk
    return None


def _write_titles(sheet, group, scoring_pass, scorer, width: int) -> None:
    from openpyxl.styles import Alignment, Font

    title = _("Scoring table of %(group)s, year %(year)s") % {"group": group.name,
                                                               "year": group.year}
    sheet.cell(TITLE_ROW, 1, title).font = Font(bold=True, size=14)
    sheet.cell(SUBTITLE_ROW, 1, _subtitle(scoring_pass, scorer)).font = Font(italic=True)
    for row in (TITLE_ROW, SUBTITLE_ROW):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        sheet.cell(row, 1).alignment = Alignment(horizontal="center")


def _subtitle(scoring_pass, scorer) -> str:
    if scoring_pass is None:
        return _("Maximum points of each criterion; one column per member unit.")
    parts = [scoring_pass.round.get_period_display(), scoring_pass.get_kind_display()]
    if scorer is not None:
        parts.append(_("scores given by %(unit)s") % {"unit": scorer.name})
    return " – ".join(str(part) for part in parts)


def _write_header(sheet, units) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin")
    titles = [column.header for column in COLUMNS] + [unit_header(u) for u in units]
    for index, title in enumerate(titles, start=1):
        cell = sheet.cell(HEADER_ROW, index, title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.row_dimensions[HEADER_ROW].height = 45


def _write_tree(sheet, tree, units, points, own: int | None) -> int:
    """One row per node; returns the row after the last."""
    row = FIRST_ROW
    for node, depth in tree:
        _write_node(sheet, row, node, depth)
        if node.kind != CriterionKind.SECTION:
            for index, unit in enumerate(units, start=len(COLUMNS) + 1):
                _write_points(sheet.cell(row, index), points.get((unit.pk, node.pk)),
                              unit.pk == own)
        _style_row(sheet, row, node.kind == CriterionKind.SECTION, len(COLUMNS) + len(units))
        row += 1
    return row


def _write_node(sheet, row: int, node, depth: int) -> None:
    from openpyxl.styles import Alignment

    values = [node.code, node.title, kind_word(node.kind, depth), node.max_points or None,
              "Có" if node.evidence_required else "", node.guidance]
    for index, value in enumerate(values, start=1):
        sheet.cell(row, index, value)
    sheet.cell(row, 2).alignment = Alignment(indent=depth, wrap_text=True, vertical="top")
    sheet.cell(row, 6).alignment = Alignment(wrap_text=True, vertical="top")


def _write_points(cell, score, own: bool) -> None:
    from openpyxl.styles import Alignment

    if own:
        cell.value = OWN_COLUMN
        cell.alignment = Alignment(horizontal="center")
    elif score is not None:
        cell.value = ABSTAINED if score.abstained else score.points


def _style_row(sheet, row: int, is_section: bool, width: int) -> None:
    from openpyxl.styles import Border, Font, PatternFill, Side

    thin = Side(style="thin")
    for index in range(1, width + 1):
        cell = sheet.cell(row, index)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        if index == 4 or index > len(COLUMNS):
            cell.number_format = NUMBER_FORMAT
        if is_section:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=SECTION_FILL)


def _write_totals(sheet, row: int, template, units, points, with_units: bool) -> None:
    from openpyxl.styles import Font

    sheet.cell(row, 2, TOTAL_LABEL)
    sheet.cell(row, 4, max_total(template))
    for index, unit in enumerate(units, start=len(COLUMNS) + 1):
        if with_units:
            sheet.cell(row, index, _total(points, unit.pk))
    _style_row(sheet, row, False, len(COLUMNS) + len(units))
    for index in range(1, len(COLUMNS) + len(units) + 1):
        sheet.cell(row, index).font = Font(bold=True)


def _total(points: dict, unit_id: int) -> Decimal | None:
    """What the unit's column adds up to: points, penalty points deducted."""
    given = [(s.criterion.kind, s.points) for (subject, _c), s in points.items()
             if subject == unit_id and s.points is not None]
    if not given:
        return None
    return sum((-p if kind == CriterionKind.PENALTY else p for kind, p in given), Decimal(0))


def _finish(sheet, units) -> None:
    for index, column in enumerate(COLUMNS):
        sheet.column_dimensions[column_letter(index)].width = column.width
    for index in range(len(units)):
        sheet.column_dimensions[column_letter(len(COLUMNS) + index)].width = UNIT_WIDTH
    sheet.freeze_panes = sheet.cell(FIRST_ROW, 3)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


# --- the proposals of a published ranking ----------------------------------------------------

PROPOSAL_SHEET = "Đề xuất khen thưởng"
PROPOSAL_COLUMNS = (("Hạng", 8), ("Đơn vị", 45), ("Điểm cuối cùng", 14),
                    ("Hình thức đề nghị", 40), ("Trạng thái", 22), ("Ghi chú", 40))


def proposals_workbook(revision, rows) -> bytes:
    """``rows``: (proposal, final score) in rank order."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    group = revision.round.template.group
    book = Workbook()
    sheet = book.active
    sheet.title = PROPOSAL_SHEET
    sheet.cell(TITLE_ROW, 1, _("Proposals of %(group)s, year %(year)s (ranking revision "
                               "%(number)s)") % {"group": group.name, "year": group.year,
                                                 "number": revision.number}).font = Font(
        bold=True, size=14)
    sheet.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW,
                      end_column=len(PROPOSAL_COLUMNS))
    _proposal_header(sheet)
    for row, (proposal, final) in enumerate(rows, start=FIRST_ROW):
        _proposal_row(sheet, row, proposal, final)
    sheet.freeze_panes = sheet.cell(FIRST_ROW, 1)
    return saved_workbook(book)


def _proposal_header(sheet) -> None:
    from openpyxl.styles import Font, PatternFill

    for index, (title, width) in enumerate(PROPOSAL_COLUMNS, start=1):
        cell = sheet.cell(HEADER_ROW, index, title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        sheet.column_dimensions[column_letter(index - 1)].width = width


def _proposal_row(sheet, row: int, proposal, final) -> None:
    values = [proposal.rank, proposal.unit.name, final, proposal.honor.name,
              proposal.get_state_display(), proposal.note]
    for index, value in enumerate(values, start=1):
        sheet.cell(row, index, value)
    sheet.cell(row, 3).number_format = "0.000"
