from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_current(context, *prefixes):
    """``aria-current="page"`` on the menu entry of the section being shown."""
    match = getattr(context.get("request"), "resolver_match", None)
    name = match.url_name if match else ""
    if name and any(name == p or name.startswith(f"{p}-") for p in prefixes):
        return format_html(' aria-current="{}"', "page")
    return ""


@register.filter
def in_minutes(delta) -> int:
    """A timedelta as whole minutes, rounded up."""
    return -(-int(delta.total_seconds()) // 60)


@register.inclusion_tag("workspace/_menu.html", takes_context=True)
def main_menu(context):
    """The staff menu of the signed-in user, its current section marked."""
    from vinhdanh.workspace.menu import menu_for

    request = context["request"]
    match = getattr(request, "resolver_match", None)
    return {"menu": menu_for(request.user, match.url_name if match else "")}
