"""Honours of a year by unit: each direct child of the chosen unit with its whole subtree.

One SQL query per year: a CASE maps each record's candidate unit path to the child whose
subtree holds it (a prefix match on the materialised path) and the rows are counted per
child. The 15 children with most honours are shown, the rest summed as "others"; the
chosen unit's own records (its collective, the people working in it directly) have a row.
"""

from django.db.models import Case, Count, IntegerField, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from vinhdanh.reports.selection import CANDIDATE_UNIT_PATHS
from vinhdanh.reports.statistics.charts import Chart
from vinhdanh.reports.tables import Table

SHOWN = 15
OWN = 0  # records of the chosen unit itself, in no child's subtree


def count_by_child(records, children) -> dict[int, int]:
    """Child unit pk (or ``OWN``) → number of ``records`` in its subtree."""
    child = Case(*(When(candidate_path__startswith=unit.path, then=Value(unit.pk))
                   for unit in children), default=Value(OWN), output_field=IntegerField())
    rows = (records.order_by().annotate(candidate_path=Coalesce(*CANDIDATE_UNIT_PATHS))
            .annotate(child=child).values_list("child").annotate(number=Count("pk")))
    return dict(rows)


def _ranked(children, current: dict, previous: dict) -> list:
    counted = [unit for unit in children if current.get(unit.pk) or previous.get(unit.pk)]
    return sorted(counted, key=lambda u: (-current.get(u.pk, 0), -previous.get(u.pk, 0),
                                          u.sort_key))


def _summed(label: str, keys, previous: dict, current: dict) -> list:
    return [label, sum(previous.get(k, 0) for k in keys), sum(current.get(k, 0) for k in keys)]


def _extra_rows(unit, rest: list, previous: dict, current: dict) -> list:
    """"Others" (the children after the first 15) and the chosen unit's own records."""
    others = _summed(_("Others"), [u.pk for u in rest] + ([OWN] if unit is None else []),
                     previous, current)
    rows = [others] if rest or others[1] or others[2] else []
    if unit is not None and (previous.get(OWN) or current.get(OWN)):
        rows.append(_summed(_("%(unit)s itself") % {"unit": unit.name}, [OWN], previous,
                            current))
    return rows


def by_unit(unit, children, current: dict, previous: dict, year: int) -> Chart:
    """``unit``: the chosen unit (None: every unit the user sees; ``children``: their
    topmost units); ``current``/``previous``: ``count_by_child`` of the two years."""
    ranked = _ranked(children, current, previous)
    shown, rest = ranked[:SHOWN], ranked[SHOWN:]
    rows = [[u.name, previous.get(u.pk, 0), current.get(u.pk, 0)] for u in shown]
    extra = _extra_rows(unit, rest, previous, current)
    columns = [_("Unit"), f"{_('Honours')} {year - 1}", f"{_('Honours')} {year}"]
    table = Table("by_unit", _("Honours by unit"), columns, rows + extra,
                  totals=[_("Total"), sum(previous.values()), sum(current.values())],
                  notes=[_("Each unit counts the honours of its whole subtree; the %(count)s "
                           "units with most honours are shown, the others summed.")
                         % {"count": SHOWN}])
    return Chart(table, horizontal=True, row_units=(*(u.pk for u in shown),
                                                    *(None for _row in extra)))
