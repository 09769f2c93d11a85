from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context) -> str:
    """The absolute address of this page without its query string (canonical, og:url)."""
    request = context["request"]
    return request.build_absolute_uri(request.path)
