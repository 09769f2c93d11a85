from django import template

from vinhdanh.workspace.law_figures import describe

register = template.Library()


@register.filter
def figure_value(value, key: str) -> str:
    """A figure's stored value as the law pages show it ("20 working days")."""
    return "—" if value is None else describe(key, value)
