"""Numbers the Vietnamese way: 3.510.000 đ, 1,5, 90%."""

from decimal import Decimal

from django import template

from vinhdanh.honors.services.bonuses import format_decimal, format_vnd

register = template.Library()


@register.filter
def vnd(amount) -> str:
    """3510000 → "3.510.000 đ"; nothing → "—"."""
    if amount is None or amount == "":
        return "—"
    return f"{format_vnd(amount)} đ"


@register.filter
def decimal_vi(value) -> str:
    """1.5 → "1,5"."""
    return "—" if value is None or value == "" else format_decimal(value)


@register.filter
def percent(share) -> str:
    """0.9 → "90%"; 2/3 → "66,67%"."""
    if share is None:
        return "—"
    return f"{format_decimal(round(Decimal(str(share)) * 100, 2))}%"
