"""The honour board (bảng vàng): who was honoured, by year, unit and honour, and a search by
name with or without diacritics. The same page for every visitor: served from the cache."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from vinhdanh.public import honours
from vinhdanh.public.caching import public_page
from vinhdanh.public.search_forms import BoardForm

PAGE_SIZE = 50


@require_safe
@public_page
def board(request):
    years, units, choices = honours.board_facets()
    form = BoardForm(request.GET, years=years, units=units, honours=choices)
    records = honours.board_records(form.selection())
    counts = honours.honour_counts(records, choices)
    total = sum(count.count for count in counts)
    paginator = Paginator(honours.ordered_for_board(records), PAGE_SIZE)
    paginator.count = total  # known from the counts: spares the paginator its COUNT(*)
    page = paginator.get_page(request.GET.get("trang"))
    return render(request, "public/honours/board.html", {
        "form": form, "page": page, "lines": [honours.board_line(r) for r in page],
        "counts": counts, "total": total, "nav": "board", "page_title": _("Honour board"),
        "page_description": describe(form, total),
    })


def describe(form: BoardForm, total: int) -> str:
    """ "Bằng khen của Chủ tịch UBND tỉnh năm 2025: 120 tập thể, cá nhân" """
    what = form.chosen_label("danh_hieu") or _("Honours")
    if year := form.cleaned_data.get("nam"):
        what = _("%(what)s in %(year)s") % {"what": what, "year": year}
    if unit := form.chosen_label("don_vi"):
        what = _("%(what)s, %(unit)s") % {"what": what, "unit": unit}
    if text := form.cleaned_data.get("q"):
        what = _("%(what)s matching “%(text)s”") % {"what": what, "text": text}
    return _("%(what)s: %(count)s collectives and individuals") % {"what": what,
                                                                   "count": total}
