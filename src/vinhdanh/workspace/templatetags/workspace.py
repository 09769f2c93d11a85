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


@register.simple_tag
def works_the_inbox(user) -> bool:
    """Whether the menu shows the board's inbox: board officers and group reviewers."""
    from vinhdanh.workspace.views.board.inbox import works_the_inbox as works

    return user.is_authenticated and works(user)


@register.simple_tag
def sits_on_council(user) -> bool:
    """Whether the menu shows the council: its secretariat (the board) and its members."""
    if not user.is_authenticated:
        return False
    return user.has_perm("council.manage_session") or user.council_memberships.exists()
