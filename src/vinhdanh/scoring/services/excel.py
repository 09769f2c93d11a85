"""Scoring tables in Excel, in the layout offices mail around: one sheet "Bảng điểm" with a
title, a header row, then the sections and criteria with their maximum points, and one
column per member unit (in rotation order) holding that unit's points.

Headers and coded words are the file's own vocabulary, in Vietnamese whatever the interface
language, so that a file exported today imports tomorrow. Where a row belongs is read from
the "Loại" column: "Mục" opens a top-level section, "Mục cấp 2" a section inside the last
"Mục", and so on; items ("Tiêu chí", "Điểm thưởng", "Điểm trừ") belong to the last section
opened above them. (The tree's rule that a section holds either items or sections makes
this unambiguous.) A "Tổng cộng" row ends the table.

openpyxl (writing) and calamine (reading) are imported inside the functions that use them.
"""

import re
from dataclasses import dataclass

from vinhdanh.organisations.importers.cells import key
from vinhdanh.scoring.enums import CriterionKind

SHEET = "Bảng điểm"
TOTAL_LABEL = "Tổng cộng"
SKIPPED_CELLS = {"", "—", "–", "-"}  # a scorer's own column in the peer pass, or nothing
ABSTAINED = "Không chấm"


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    width: int
    aliases: tuple[str, ...] = ()
    required: bool = False


COLUMNS = (
    Column("code", "STT", 8, ("TT", "Số thứ tự", "Số TT", "Mã")),
    Column("title", "Tiêu chí", 60, ("Nội dung", "Nội dung tiêu chí", "Tiêu chí chấm điểm"),
           required=True),
    Column("kind", "Loại", 14, ("Loại tiêu chí",), required=True),
    Column("max_points", "Điểm tối đa", 12, ("Điểm chuẩn", "Thang điểm", "Điểm"),
           required=True),
    Column("evidence_required", "Bắt buộc minh chứng", 13, ("Minh chứng", "Cần minh chứng")),
    Column("guidance", "Hướng dẫn", 45, ("Hướng dẫn chấm", "Ghi chú")),
)
UNIT_WIDTH = 16

SECTION_WORD = "Mục"
ITEM_WORDS = {
    CriterionKind.STANDARD: "Tiêu chí",
    CriterionKind.BONUS: "Điểm thưởng",
    CriterionKind.PENALTY: "Điểm trừ",
}
ITEM_ALIASES = {"tieu chi": CriterionKind.STANDARD, "diem thuong": CriterionKind.BONUS,
                "thuong": CriterionKind.BONUS, "cong": CriterionKind.BONUS,
                "diem cong": CriterionKind.BONUS, "diem tru": CriterionKind.PENALTY,
                "tru": CriterionKind.PENALTY}
_SECTION = re.compile(r"(?:muc|phan)(?: cap (\d+))?")


def kind_word(kind: str, depth: int) -> str:
    """The "Loại" cell of a node at ``depth`` (0 at the top)."""
    if kind != CriterionKind.SECTION:
        return ITEM_WORDS[kind]
    return SECTION_WORD if depth == 0 else f"{SECTION_WORD} cấp {depth + 1}"


def read_kind(value: str) -> tuple[str, int] | None:
    """(kind, section level 1, 2 …; 0 for items) of a "Loại" cell, None if unknown."""
    folded = key(value)
    if folded in ITEM_ALIASES:
        return ITEM_ALIASES[folded], 0
    section = _SECTION.fullmatch(folded)
    if section:
        return CriterionKind.SECTION, int(section.group(1) or 1)
    return None


def unit_header(unit) -> str:
    return f"{unit.code} – {unit.name}"


def export_template(template, *, scoring_pass=None, scorer=None) -> bytes:
    """The table as an xlsx workbook; with a pass, each unit's column holds its points
    (self pass: each unit's own, or only ``scorer``'s own when given; peer pass: those
    ``scorer`` gave, its own column "—" (a peer pass without scorer is a ValueError);
    leader pass: the consolidated points). Who may see the values is the caller's check."""
    from vinhdanh.scoring.services.excel_out import build_workbook

    return build_workbook(template, scoring_pass=scoring_pass, scorer=scorer)


def import_template(template, data: bytes, *, actor) -> int:
    """Replaces the criteria of an unlocked ``template`` by the workbook's; returns their
    number. The whole file is checked first; any problem refuses it, changing nothing."""
    from vinhdanh.scoring.services.excel_in import import_criteria

    return import_criteria(template, data, actor=actor)


def import_scores(scoring_pass, data: bytes, *, actor, scorer) -> int:
    """Records the points of the workbook's unit columns as ``scorer``'s in ``scoring_pass``
    (through scores.record_sheet); returns the number of scores written. Blank cells leave
    a score as it is.

    The layout has no reason column, so in the leader pass a cell may only confirm the
    unit's self-score or re-send the value already consolidated (its reason is kept); any
    other value is reported at its cell (unit column, criterion row) and the file changes
    nothing: a change with its reason is made on the unit's consolidation sheet."""
    from vinhdanh.scoring.services.excel_in import import_points

    return import_points(scoring_pass, data, actor=actor, scorer=scorer)
