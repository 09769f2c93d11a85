"""Cells of a report table (reports.tables) the Vietnamese way: 1.234; 12,5; 45,6 %."""

from django import template

from vinhdanh.honors.services.bonuses import format_decimal, format_vnd
from vinhdanh.reports.tables import kind_of

register = template.Library()
NUMERIC = frozenset({"int", "float", "share", "empty"})


@register.filter
def stat_cell(value) -> str:
    """1234 → "1.234"; 12.25 → "12,3"; Share(0.456) → "45,6 %"; nothing → "—"."""
    kind = kind_of(value)
    if kind == "empty":
        return "—"
    if kind == "int":
        return format_vnd(value)
    if kind == "float":
        return format_decimal(round(value, 1))
    if kind == "share":
        return f"{format_decimal(round(value * 100, 1))} %"
    return f"{value:%d/%m/%Y}" if kind == "date" else str(value)


@register.filter
def stat_numeric(value) -> bool:
    """Whether the cell is a figure (set right-aligned)."""
    return kind_of(value) in NUMERIC
