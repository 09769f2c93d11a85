"""The list of stories (filters: state, year, unit, search) and the publishing calendar."""

import calendar
import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.views.decorators.http import require_GET

from vinhdanh.organisations.models import Unit
from vinhdanh.organisations.queries import search_q
from vinhdanh.stories.enums import StoryState
from vinhdanh.workspace.forms.stories import StoryFilterForm
from vinhdanh.workspace.views.common import vary_on_htmx, wants_fragment
from vinhdanh.workspace.views.stories.common import STORY_RELATED, visible_stories

PAGE_SIZE = 50


def _year_q(year: int) -> Q:
    """The year a story belongs to: its publishing date, else when it was written."""
    return Q(publish_on__year=year) | Q(publish_on__isnull=True, created_at__year=year)


def _filtered(stories, data: dict):
    if data.get("q"):
        stories = stories.filter(search_q(data["q"]))
    if data.get("state"):
        stories = stories.filter(state=data["state"])
    if data.get("year"):
        stories = stories.filter(_year_q(data["year"]))
    if data.get("unit"):
        stories = stories.filter(unit_id=data["unit"])
    return stories


@login_required
@require_GET
def story_list(request):
    stories = visible_stories(request.user)
    units = Unit.objects.filter(pk__in=stories.values("unit_id")).order_by("sort_key")
    form = StoryFilterForm(request.GET or None, units=units)
    data = form.cleaned_data if form.is_valid() else {}
    rows = (_filtered(stories, data).select_related(*STORY_RELATED)
            .annotate(photo_count=Count("photos"))
            .order_by("-updated_at", "-id"))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "workspace/stories/story_list.html"
    if wants_fragment(request):
        template += "#results"
    return vary_on_htmx(render(request, template, {
        "form": form, "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "can_add": request.user.has_perm("stories.add_story")}))


def _month(raw: str) -> dt.date:
    """The first day of ``?month=2026-05``, else of this month."""
    try:
        return dt.datetime.strptime(raw, "%Y-%m").date().replace(day=1)
    except ValueError:
        return timezone.localdate().replace(day=1)


def _shift(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _weeks(first: dt.date, stories) -> list[list[dict]]:
    by_day: dict[dt.date, list] = {}
    for story in stories:
        by_day.setdefault(story.publish_on, []).append(story)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    return [[{"day": day, "in_month": day.month == first.month,
              "stories": by_day.get(day, [])} for day in week] for week in weeks]


@login_required
@require_GET
def story_calendar(request):
    """A month of planned, scheduled and published stories; stories in review without a
    date beside it."""
    first = _month(request.GET.get("month", ""))
    stories = visible_stories(request.user).select_related("unit")
    dated = stories.filter(publish_on__gte=first, publish_on__lt=_shift(first, 1)).order_by(
        "publish_on", "published_at", "id")
    return render(request, "workspace/stories/calendar.html", {
        "month": first, "weeks": _weeks(first, dated),
        "previous": _shift(first, -1), "next": _shift(first, 1),
        "today": timezone.localdate(), "weekdays": [WEEKDAYS_ABBR[i] for i in range(7)],
        "unscheduled": stories.filter(state=StoryState.REVIEW, publish_on__isnull=True)
        .order_by("updated_at", "id"),
    })
