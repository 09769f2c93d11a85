"""The honour-history panel of a person, unit or household page: ``{% history_panel obj %}``.

The panel reads its own data (four queries, whatever the number of records), so the detail
views need not know about it.
"""

from dataclasses import dataclass, field

from django import template
from django.urls import reverse

from vinhdanh.honors.models import DisciplinePeriod, HonorRecord, Initiative, TaskRatingRecord
from vinhdanh.honors.services.history import candidate_field

register = template.Library()


@dataclass
class YearOfHistory:
    year: int
    rating: TaskRatingRecord | None = None
    honours: list = field(default_factory=list)
    initiatives: list = field(default_factory=list)
    restrictions: list = field(default_factory=list)  # those starting in the year


def history_by_year(candidate) -> list[YearOfHistory]:
    """Every record of the candidate, grouped by year, newest first."""
    years = {}

    def year(number):
        return years.setdefault(number, YearOfHistory(number))

    for record in HonorRecord.objects.of(candidate).select_related("honor"):
        year(record.year).honours.append(record)
    for rating in TaskRatingRecord.objects.of(candidate):
        year(rating.year).rating = rating
    for initiative in Initiative.objects.of(candidate):
        year(initiative.year).initiatives.append(initiative)
    for period in DisciplinePeriod.objects.of(candidate):
        year(period.starts_on.year).restrictions.append(period)
    return [years[number] for number in sorted(years, reverse=True)]


def _links(candidate) -> dict[str, str]:
    args = [candidate_field(candidate), candidate.pk]
    names = {"honour": "history-honour-add", "initiative": "history-initiative-add",
             "restriction": "history-restriction-add"}
    if candidate_field(candidate) != "household":  # households have no task ratings
        names["rating"] = "history-rating-set"
    return {key: reverse(f"workspace:{name}", args=args) for key, name in names.items()}


@register.inclusion_tag("workspace/history/_panel.html", takes_context=True)
def history_panel(context, candidate):
    user = context["request"].user
    can_change = user.has_perm("honors.change_history", candidate)
    return {
        "years": history_by_year(candidate),
        "can_change": can_change,
        "links": _links(candidate) if can_change else {},
        "has_ratings": candidate_field(candidate) != "household",
    }

