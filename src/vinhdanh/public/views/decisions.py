"""Issued decisions on the public site: a search over their number, subject and recipients
(diacritics ignored), and a decision's page. Drafts, decisions awaiting signature, bonuses
and return reasons never reach these pages (``public/honours.py`` leaves them out)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from vinhdanh.public import honours
from vinhdanh.public.caching import public_page
from vinhdanh.public.search_forms import DecisionSearchForm

PAGE_SIZE = 20


@require_safe
@public_page
def decision_list(request):
    form = DecisionSearchForm(request.GET, years=honours.decision_years(),
                              issuers=honours.decision_issuers())
    page = Paginator(honours.issued_decisions(**form.selection()), PAGE_SIZE).get_page(
        request.GET.get("trang"))
    return render(request, "public/decisions/list.html", {
        "form": form, "page": page, "decisions": [honours.decision_summary(d) for d in page],
        "nav": "decisions", "page_title": _("Commendation decisions"),
        "page_description": _("Issued commendation and revocation decisions: %(count)s "
                              "found.") % {"count": page.paginator.count},
    })


@require_safe
@public_page
def decision_detail(request, public_id):
    decision = honours.public_decision(public_id)
    summary = decision.summary
    return render(request, "public/decisions/detail.html", {
        "decision": decision, "nav": "decisions",
        "page_title": _("Decision No. %(reference)s") % {"reference": summary.reference},
        "page_description": Truncator(_("%(day)s, %(authority)s: %(subject)s") % {
            "day": f"{summary.decided_on:%d/%m/%Y}", "authority": summary.authority,
            "subject": summary.subject}).chars(200),
    })
