"""Reading a scoring table workbook (see excel.py for the layout).

Every cell is checked before anything is written, and each problem is reported as
"Sheet 'Bảng điểm', row 7, column D: …"; a file with any problem changes nothing.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.organisations.importers.cells import CellProblem, is_blank, key, text, yes_no
from vinhdanh.organisations.importers.workbook import (
    WorkbookProblem,
    column_letter,
    find_sheet_names,
    open_workbook,
)
from vinhdanh.scoring.enums import CriterionKind, PassKind
from vinhdanh.scoring.models import Criterion, Score
from vinhdanh.scoring.services.excel import (
    ABSTAINED,
    COLUMNS,
    ITEM_WORDS,
    SECTION_WORD,
    SHEET,
    SKIPPED_CELLS,
    TOTAL_LABEL,
    read_kind,
    unit_header,
)
from vinhdanh.scoring.services.excel_out import members
from vinhdanh.scoring.services.templates import (
    cap_message,
    check_unlocked,
    overflowing_sections,
    plain_number,
)

HEADER_SEARCH_ROWS = 12  # a title and a blank line or two usually sit above the header
MAX_REPORTED = 200  # enough to fix a file by; more only hides the pattern of the mistake
CODE_LENGTH = Criterion._meta.get_field("code").max_length
MAX_POINTS = Decimal("99999.99")  # Criterion.max_points: 7 digits, 2 decimals
SECTION = CriterionKind.SECTION


# --- the table and its problems ------------------------------------------------------------

@dataclass
class Table:
    sheet: str
    header_row: int  # Excel row number
    positions: dict[str, int]  # column field → index in a row
    others: list[tuple[int, str]]  # (index, header) of the remaining columns: the units
    rows: list[tuple[int, list]]  # (Excel row number, cells) down to the totals row
    problems: list[str] = field(default_factory=list)

    def cell(self, cells: list, name: str):
        position = self.positions.get(name)
        return cells[position] if position is not None and position < len(cells) else ""

    def problem(self, row: int, position: int, reason: str) -> None:
        self.problems.append(_("Sheet '%(sheet)s', row %(row)s, column %(column)s: %(reason)s")
                             % {"sheet": self.sheet, "row": row,
                                "column": column_letter(position), "reason": reason})

    def at(self, row: int, name: str, reason: str) -> None:
        self.problem(row, self.positions[name], reason)

    def refuse_if_any(self) -> None:
        if self.problems:
            shown = self.problems[:MAX_REPORTED]
            if len(self.problems) > MAX_REPORTED:
                shown.append(_("…and %(count)s more errors.")
                             % {"count": len(self.problems) - MAX_REPORTED})
            raise DomainError(shown)


def read_table(data: bytes) -> Table:
    """The workbook's scoring sheet (or its only sheet), its header and its rows."""
    try:
        workbook = open_workbook(data)
    except WorkbookProblem as problem:
        raise DomainError(str(problem)) from None
    name = find_sheet_names(workbook, [SHEET]).get(SHEET) or workbook.sheet_names[0]
    rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    index = _header_index(rows[:HEADER_SEARCH_ROWS])
    if index is None:
        raise DomainError(_("Sheet '%(sheet)s': no header row naming the columns %(columns)s.")
                          % {"sheet": name, "columns": _required_headers()})
    table = _table(name, index, rows)
    _check_columns(table)
    return table


def _required_headers() -> str:
    return ", ".join(f"“{column.header}”" for column in COLUMNS if column.required)


def _matches(cells: list) -> dict[str, int]:
    names = {key(spelling): column.field for column in COLUMNS
             for spelling in (column.header, *column.aliases)}
    found = {}
    for position, value in enumerate(cells):
        name = names.get(key(str(value))) if not is_blank(value) else None
        if name and name not in found:
            found[name] = position
    return found


def _header_index(head: list[list]) -> int | None:
    scores = [len(_matches(cells)) for cells in head]
    best = max(range(len(head)), key=lambda i: scores[i], default=None)
    return best if best is not None and scores[best] >= 2 else None


def _table(name: str, index: int, rows: list[list]) -> Table:
    header = rows[index]
    positions = _matches(header)
    others = [(position, str(value).strip()) for position, value in enumerate(header)
              if not is_blank(value) and position not in positions.values()]
    body = []
    for number, cells in enumerate(rows[index + 1:], start=index + 2):
        if key(str(_get(cells, positions.get("title")))) == key(TOTAL_LABEL):
            break
        if any(not is_blank(value) for value in cells):
            body.append((number, cells))
    return Table(name, index + 1, positions, others, body)


def _get(cells: list, position: int | None):
    return cells[position] if position is not None and position < len(cells) else ""


def _check_columns(table: Table) -> None:
    missing = [column.header for column in COLUMNS
               if column.required and column.field not in table.positions]
    if missing:
        raise DomainError([_("Sheet '%(sheet)s': the column “%(column)s” is missing.")
                           % {"sheet": table.sheet, "column": header} for header in missing])


def number(value) -> Decimal:
    """A cell's number: a real number, or text such as "12,5"."""
    if isinstance(value, bool):
        raise CellProblem(_("Not a number."))
    raw = repr(round(value, 6)) if isinstance(value, float) else str(value).strip()
    try:
        result = Decimal(raw.replace(",", "."))
    except InvalidOperation:
        raise CellProblem(_("Not a number.")) from None
    if result != result.quantize(Decimal("0.01")):
        raise CellProblem(_("At most two decimal places."))
    return result


# --- the criteria --------------------------------------------------------------------------

@dataclass(eq=False)
class Node:
    row: int
    code: str
    title: str
    kind: str
    max_points: Decimal
    evidence_required: bool
    guidance: str
    level: int = 0
    parent: "Node | None" = None
    children: list = field(default_factory=list)

    def __str__(self):
        return f"{self.code} {self.title}".strip()


@transaction.atomic
def import_criteria(template, data: bytes, *, actor) -> int:
    check_unlocked(template)
    table = read_table(data)
    nodes = [node for node in (_node(table, row, cells) for row, cells in table.rows) if node]
    _place(table, nodes)
    _check_caps(table, nodes)
    if not nodes and not table.problems:
        table.problems.append(_("Sheet '%(sheet)s': the table has no criteria.")
                              % {"sheet": table.sheet})
    table.refuse_if_any()
    template.criteria.all().delete()
    _write(template, nodes)
    log_action(template, actor=actor, action="scoring.template_imported",
               message=_("Imported the scoring table of %(group)s from Excel (%(count)s rows)")
               % {"group": template.group, "count": len(nodes)}, criteria=len(nodes))
    return len(nodes)


def _node(table: Table, row: int, cells: list) -> Node | None:
    """The row read into a Node; its problems go to ``table`` (None when unusable)."""
    values = {}
    for name, reader in _READERS.items():
        try:
            values[name] = reader(table.cell(cells, name))
        except CellProblem as problem:
            table.at(row, name, str(problem))
    if len(values) < len(_READERS):
        return None
    (kind, level), points = values.pop("kind"), values.pop("max_points")
    if kind != SECTION and points <= 0:
        table.at(row, "max_points", _("The maximum points must be above zero."))
    return Node(row, kind=kind, level=level, max_points=points, **values)


def _title(value) -> str:
    result = text(value, 2000) if not is_blank(value) else ""
    if not result:
        raise CellProblem(_("The criterion's title is required."))
    return result


def _kind(value) -> tuple[str, int]:
    found = read_kind(str(value)) if not is_blank(value) else None
    if found is None:
        words = [SECTION_WORD, f"{SECTION_WORD} cấp 2", *ITEM_WORDS.values()]
        raise CellProblem(_("Write one of: %(words)s.") % {"words": ", ".join(words)})
    return found


def _max_points(value) -> Decimal:
    result = Decimal(0) if is_blank(value) else number(value)
    if not Decimal(0) <= result <= MAX_POINTS:
        raise CellProblem(_("The maximum points cannot be negative.") if result < 0
                          else _("At most %(max)s points.") % {"max": plain_number(MAX_POINTS)})
    return result


_READERS = {
    "code": lambda value: "" if is_blank(value) else text(value, CODE_LENGTH),
    "title": _title,
    "kind": _kind,
    "max_points": _max_points,
    "evidence_required": lambda value: False if is_blank(value) else yes_no(value),
    "guidance": lambda value: "" if is_blank(value) else str(value).strip(),
}


def _place(table: Table, nodes: list[Node]) -> None:
    """Gives each node its parent: the last section above it of the level above."""
    open_sections: list[Node] = []
    for node in nodes:
        depth = node.level - 1 if node.kind == SECTION else len(open_sections)
        if node.kind == SECTION and depth > len(open_sections):
            table.at(node.row, "kind", _("A level-%(level)s section must come after a "
                                         "level-%(parent)s section.")
                     % {"level": node.level, "parent": node.level - 1})
            continue
        if node.kind != SECTION and not open_sections:
            table.at(node.row, "kind", _("Place the item in a section."))
            continue
        del open_sections[depth:]
        _attach(table, node, open_sections[-1] if open_sections else None)
        if node.kind == SECTION:
            open_sections.append(node)


def _attach(table: Table, node: Node, parent: Node | None) -> None:
    if parent is not None:
        if parent.children and (parent.children[0].kind == SECTION) != (node.kind == SECTION):
            table.at(node.row, "kind", _("A section holds either items or sections, not both."))
        parent.children.append(node)
    node.parent = parent


def _check_caps(table: Table, nodes: list[Node]) -> None:
    roots = [node for node in nodes if node.parent is None and node.kind == SECTION]
    for section, total in overflowing_sections(roots, lambda node: node.children):
        table.at(section.row, "max_points", cap_message(section, total))


def _write(template, nodes: list[Node]) -> None:
    saved = {}
    for position, node in enumerate(nodes, start=1):
        saved[id(node)] = Criterion.objects.create(
            template=template, parent=saved.get(id(node.parent)), position=position,
            code=node.code, title=node.title, kind=node.kind, max_points=node.max_points,
            evidence_required=node.evidence_required, guidance=node.guidance)


# --- the scores ----------------------------------------------------------------------------

@transaction.atomic
def import_points(scoring_pass, data: bytes, *, actor, scorer) -> int:
    from vinhdanh.scoring.services.scores import record_sheet

    table = read_table(data)
    group = scoring_pass.round.template.group
    columns = _unit_columns(table, members(group))
    allowed = _subjects(scoring_pass, scorer, members(group))
    sheets = _read_points(table, scoring_pass.round.template, columns, allowed, scorer,
                          _without_reason(scoring_pass, scorer))
    table.refuse_if_any()
    written = 0
    for subject, rows in sheets.items():
        try:
            written += len(record_sheet(scoring_pass, actor=actor, scorer=scorer,
                                        subject=subject, rows=rows, source="excel"))
        except DomainError as error:
            raise DomainError([f"{unit_header(subject)}: {message}"
                               for message in error.messages]) from None
    log_action(scoring_pass, actor=actor, action="scoring.scores_imported",
               message=_("Imported %(count)s scores given by %(unit)s from Excel")
               % {"count": written, "unit": scorer}, scorer=scorer.pk, count=written)
    return written


def _unit_columns(table: Table, units) -> dict[int, object]:
    """Column index → member unit, by the unit's code, name or "code – name"."""
    names = {}
    for unit in units:
        for spelling in (unit.code, unit.name, unit_header(unit)):
            names.setdefault(key(spelling), unit)
    found = {}
    for position, header in table.others:
        unit = names.get(key(header)) or names.get(key(header.split("–")[0]))
        if unit is None:
            table.problem(table.header_row, position,
                          _("No member unit of the group has this code or name."))
        elif unit in found.values():
            table.problem(table.header_row, position, _("This unit already has a column."))
        else:
            found[position] = unit
    return found


def _subjects(scoring_pass, scorer, units) -> set:
    if scoring_pass.kind == PassKind.SELF:
        return {scorer}
    if scoring_pass.kind == PassKind.PEER:
        return {unit for unit in units if unit.pk != scorer.pk}
    return set(units)


def _without_reason(scoring_pass, scorer) -> set | None:
    """In the leader pass, the (subject id, criterion id, points) a file may write: the file
    has no reason column, so it may confirm a self-score, or re-send a value already
    consolidated (record_sheet keeps its reason); None in the other passes (no reasons)."""
    if scoring_pass.kind != PassKind.LEADER:
        return None
    own = Score.objects.filter(scoring_pass__round=scoring_pass.round_id, kind=PassKind.SELF,
                               points__isnull=False)
    given = Score.objects.filter(scoring_pass=scoring_pass, scorer=scorer,
                                 points__isnull=False).exclude(reason="")
    return {row for scores in (own, given)
            for row in scores.values_list("subject_id", "criterion_id", "points")}


def _read_points(table: Table, template, columns, allowed, scorer, accepted=None) -> dict:
    """Subject → rows for record_sheet, from the filled cells of the criteria rows; with
    ``accepted`` (the leader pass), a value outside it is a problem of its cell."""
    criteria = _criteria_by_key(template)
    sheets: dict = {}
    for row, cells in table.rows:
        criterion = _criterion(table, row, cells, criteria)
        for position, unit in columns.items():
            value = cells[position] if position < len(cells) else ""
            if is_blank(value) or str(value).strip() in SKIPPED_CELLS | {ABSTAINED}:
                continue
            points = _cell_points(table, row, position, value, criterion, unit in allowed,
                                  (unit, scorer))
            if points is not None and not _needs_reason(table, row, position, accepted,
                                                        (unit.pk, criterion.pk, points)):
                sheets.setdefault(unit, []).append({"criterion": criterion, "points": points})
    return sheets


def _needs_reason(table: Table, row: int, position: int, accepted, cell: tuple) -> bool:
    """Whether a leader-pass cell changes a value without the reason the file cannot hold
    (then a problem of the cell)."""
    if accepted is None or cell in accepted:
        return False
    table.problem(row, position, _("This value differs from the unit's self-score, and the "
                                   "file has no reason column: change it on the unit's "
                                   "consolidation sheet, where the reason is given."))
    return True


def _criteria_by_key(template) -> dict:
    found = {}
    for criterion in template.criteria.all():
        found.setdefault((key(criterion.code), key(criterion.title)), criterion)
        found.setdefault(("", key(criterion.title)), criterion)
    return found


def _criterion(table: Table, row: int, cells: list, criteria: dict):
    code, title = (key(str(table.cell(cells, name))) for name in ("code", "title"))
    return criteria.get((code, title)) or criteria.get(("", title))


def _cell_points(table, row, position, value, criterion, allowed, pair) -> Decimal | None:
    reason = None
    if criterion is None:
        reason = _("This row is not a criterion of the group's scoring table.")
    elif criterion.kind == SECTION:
        reason = _("A section is not scored: score its criteria.")
    elif not allowed:
        reason = _("%(scorer)s does not score %(unit)s in this pass.") % {
            "scorer": pair[1], "unit": pair[0]}
    else:
        try:
            return _bounded(number(value), criterion.max_points)
        except CellProblem as problem:
            reason = str(problem)
    table.problem(row, position, reason)
    return None


def _bounded(points: Decimal, maximum: Decimal) -> Decimal:
    if points < 0:
        raise CellProblem(_("Points cannot be negative."))
    if points > maximum:
        raise CellProblem(_("At most %(max)s points.") % {"max": plain_number(maximum)})
    return points
