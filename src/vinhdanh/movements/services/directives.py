"""Directing documents (văn bản chỉ đạo): plans, instructions and letters of an authority."""

from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.movements.models import Directive
from vinhdanh.movements.services.common import set_fields
from vinhdanh.movements.services.files import check_document

DIRECTIVE_FIELDS = {"number", "issued_on", "issuer", "issuer_unit", "kind", "summary"}


def _check_unique(directive: Directive) -> None:
    same = Directive.objects.filter(number=directive.number, issued_on=directive.issued_on,
                                    issuer=directive.issuer).exclude(pk=directive.pk)
    if same.exists():
        raise DomainError({"number": [_("This directive has already been recorded.")]})


@transaction.atomic
def create_directive(*, actor, number, issued_on, issuer, kind, summary, issuer_unit=None,
                     file=None) -> Directive:
    """Records a directive and its file (PDF, DOCX or an image of at most 20 MB)."""
    check_document(file)
    directive = Directive(number=number, issued_on=issued_on, issuer=issuer, kind=kind,
                          summary=summary, issuer_unit=issuer_unit, created_by=actor)
    _check_unique(directive)
    if file:
        directive.file = file
    directive.full_clean()
    directive.save()
    log_action(directive, actor=actor, action="directive.created",
               message=_("Recorded directive %(directive)s") % {"directive": directive})
    return directive


@transaction.atomic
def update_directive(directive: Directive, *, actor, file=None, **changes) -> Directive:
    """Changes a directive's fields; a new ``file`` replaces the old one."""
    check_document(file)
    changed = set_fields(directive, changes, DIRECTIVE_FIELDS)
    _check_unique(directive)
    if file:
        directive.file = file
    directive.full_clean()
    directive.save()
    log_action(directive, actor=actor, action="directive.updated",
               message=_("Updated directive %(directive)s") % {"directive": directive},
               fields=changed + (["file"] if file else []))
    return directive
