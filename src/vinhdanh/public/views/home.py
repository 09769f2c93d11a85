"""The public site's home page: what it offers, one search over the honour board, the latest
issued decisions and how many honours this year and last year counted."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from vinhdanh.public import honours
from vinhdanh.public.caching import public_page

LATEST = 5


@require_safe
@public_page
def home(request):
    year = timezone.localdate().year
    counts = honours.year_counts([year, year - 1])
    return render(request, "public/home.html", {
        "latest": [honours.decision_summary(d) for d in honours.issued_decisions()[:LATEST]],
        "year": year, "this_year": counts[year], "last_year": counts[year - 1],
        "nav": "home", "page_title": _("Emulation and commendation"),
        "page_description": _("Verify a certificate of merit, browse the honour board, search "
                              "commendation decisions and comment on candidates: "
                              "%(count)s honours in %(year)s.") % {"count": counts[year],
                                                                  "year": year},
    })
