"""Tags of the decision pages: the menu's condition and a certificate's public link."""

from django import template
from django.urls import NoReverseMatch

register = template.Library()


@register.simple_tag
def sees_decisions(user) -> bool:
    """Whether the menu shows the decisions: anyone holding a role sees the issued ones."""
    from vinhdanh.organisations.queries import scope_of

    return user.is_authenticated and scope_of(user).holds_a_role()


@register.filter
def verification_url(certificate) -> str:
    """The certificate's public verification page; empty while the public site does not
    route it (the page then shows no link rather than failing)."""
    try:
        return certificate.get_absolute_url()
    except NoReverseMatch:
        return ""
