"""Fills a form (``model.StatForm``) from counted facts: the header cells with their spans,
the numbered columns, one line per row with its code and figures, and the notes. The HTML
preview and the workbook both render this one value, so they show the same numbers."""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import ngettext

from vinhdanh.movements.enums import MovementKind
from vinhdanh.reports.statutory import facts
from vinhdanh.reports.statutory.model import (
    Column,
    ColumnGroup,
    PerValue,
    Row,
    Section,
    Selector,
    StatForm,
    Where,
)

CODE_HEADER = "Mã số"


@dataclass(frozen=True)
class HeaderCell:
    label: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Line:
    """A row of the filled form; a section heading has no code and no figures."""

    label: str
    code: str = ""
    figures: tuple[int | None, ...] = ()  # None: a cell to type in
    indent: int = 0
    strong: bool = False

    @property
    def is_section(self) -> bool:
        return not self.code


@dataclass(frozen=True)
class FilledForm:
    form: StatForm
    header: tuple[tuple[HeaderCell, ...], ...]
    numbers: tuple[str, ...]  # "A", "B", "1", "2", …
    lines: tuple[Line, ...]
    notes: tuple[str, ...]

    def figure(self, row_label: str, column_label: str, group: str = "") -> int | None:
        """The figure at a row and a leaf column (under ``group`` when given): what tests
        and readers look up by label rather than by position."""
        index = leaf_labels(self.form).index((group, column_label))
        return next(line for line in self.lines if line.label == row_label).figures[index]


def leaves(form: StatForm) -> list[tuple[str, str, Selector | None]]:
    """(group label, column label, selector) of each figure column, left to right."""
    found = []
    for item in form.columns:
        if isinstance(item, Column):
            found.append(("", item.label, item.selector))
            continue
        for column in item.columns:
            selector = None if column.selector is None else item.selector & column.selector
            found.append((item.label, column.label, selector))
    return found


def leaf_labels(form: StatForm) -> list[tuple[str, str]]:
    return [(group, label) for group, label, _selector in leaves(form)]


def header(form: StatForm) -> tuple[tuple[HeaderCell, ...], ...]:
    depth = 2 if any(isinstance(item, ColumnGroup) for item in form.columns) else 1
    top = [HeaderCell(form.label_header, rowspan=depth), HeaderCell(CODE_HEADER, rowspan=depth)]
    below = []
    for item in form.columns:
        if isinstance(item, Column):
            top.append(HeaderCell(item.label, rowspan=depth))
        else:
            top.append(HeaderCell(item.label, colspan=len(item.columns)))
            below += [HeaderCell(column.label) for column in item.columns]
    return (tuple(top), tuple(below)) if depth == 2 else (tuple(top),)


def _count(counted: Counter, row: Selector | None, column: Selector | None) -> int | None:
    if row is None or column is None:
        return None
    return sum(n for fact, n in counted.items() if row(fact) and column(fact))


def _expanded(rows, counted: Counter) -> list[Row | Section]:
    """The form's rows with each ``PerValue`` replaced by one row per value found."""
    result = []
    for row in rows:
        if isinstance(row, PerValue):
            values = sorted({getattr(fact, row.attribute) for fact in counted})
            result += [Row(value[1], Where(row.attribute, frozenset({value})),
                           indent=row.indent) for value in values]
        else:
            result.append(row)
    return result


def _lines(form: StatForm, counted: Counter) -> tuple[Line, ...]:
    columns = [selector for _group, _label, selector in leaves(form)]
    lines, number = [], 0
    for row in _expanded(form.rows, counted):
        if isinstance(row, Section):
            lines.append(Line(row.label))
            continue
        number += 1
        figures = tuple(_count(counted, row.selector, column) for column in columns)
        lines.append(Line(row.label, f"{number:02d}", figures, row.indent, row.strong))
    return tuple(lines)


def _honour_notes(counted: Counter) -> list[str]:
    unclassified = sum(n for f, n in counted.items() if f.person_row == facts.UNCLASSIFIED)
    unknown = sum(n for f, n in counted.items() if f.kind == facts.UNKNOWN_KIND)
    notes = []
    if unclassified:
        notes.append(ngettext(
            "%(count)d individual has neither a leadership category nor the direct worker "
            "mark: counted in the row “Khác (chưa phân loại)”.",
            "%(count)d individuals have neither a leadership category nor the direct worker "
            "mark: counted in the row “Khác (chưa phân loại)”.", unclassified)
            % {"count": unclassified})
    if unknown:
        notes.append(ngettext(
            "%(count)d award was entered by hand without its commendation type: counted in "
            "the row “Chưa xác định loại hình”.",
            "%(count)d awards were entered by hand without their commendation type: counted "
            "in the row “Chưa xác định loại hình”.", unknown) % {"count": unknown})
    return notes


def _movement_notes(everything: Counter) -> list[str]:
    campaigns = sum(n for f, n in everything.items() if f.kind == MovementKind.CAMPAIGN)
    if not campaigns:
        return []
    return [ngettext("%(count)d campaign launched in the year is not counted.",
                     "%(count)d campaigns launched in the year are not counted.", campaigns)
            % {"count": campaigns}]


def fill(form: StatForm, everything: Counter) -> FilledForm:
    """``form`` filled from ``everything`` (the counted facts of its source)."""
    counted = Counter({f: n for f, n in everything.items() if form.scope(f)})
    notes = list(form.notes)
    if form.source == "honours":
        notes += _honour_notes(counted)
    elif form.source == "movements":
        notes += _movement_notes(everything)
    numbers = ("A", "B", *(str(i) for i in range(1, len(leaves(form)) + 1)))
    return FilledForm(form, header(form), numbers, _lines(form, counted), tuple(notes))

