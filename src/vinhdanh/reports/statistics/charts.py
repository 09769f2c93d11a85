"""A chart drawn from a ``Table``: which rows and columns it draws, and how.

The page puts ``Chart.data()`` in a ``json_script`` block that static/vinhdanh/charts.js
reads; the table beside the chart and the Excel sheet come from the same ``Table``.
"""

from dataclasses import dataclass

from vinhdanh.reports.tables import Share, Table, kind_of

BAR, DOUGHNUT = "bar", "doughnut"


def _plain(value):
    """A cell as Chart.js draws it: a share in per cent, no figure as null."""
    if isinstance(value, Share):
        return round(value * 100, 1)
    return value if kind_of(value) in ("int", "float") else None


@dataclass(frozen=True)
class Chart:
    """``series``: the columns drawn, one dataset each, labelled by their header; the first
    column labels the rows. ``rows``: the rows drawn (default: all). ``row_units``: the unit
    each row stands for, where a row is a unit (the page links it to that unit's figures)."""

    table: Table
    kind: str = BAR
    series: tuple[int, ...] = (1, 2)
    rows: tuple[int, ...] | None = None
    horizontal: bool = False
    row_units: tuple = ()

    @property
    def key(self) -> str:
        return self.table.key

    def drawn_rows(self) -> list:
        rows = self.table.rows
        return list(rows) if self.rows is None else [rows[i] for i in self.rows]

    @property
    def percent(self) -> bool:
        values = [row[i] for row in self.drawn_rows() for i in self.series]
        return (any(isinstance(v, Share) for v in values)
                and all(isinstance(v, Share) or v is None for v in values))

    @property
    def is_empty(self) -> bool:
        """Nothing to draw: no figure other than zero in the drawn cells."""
        return not any(_plain(row[i]) for row in self.drawn_rows() for i in self.series)

    def data(self) -> dict:
        rows = self.drawn_rows()
        return {
            "type": self.kind, "horizontal": self.horizontal, "percent": self.percent,
            "title": str(self.table.title),
            "labels": [str(row[0]) for row in rows],
            "datasets": [{"label": str(self.table.columns[i]),
                          "data": [_plain(row[i]) for row in rows]} for i in self.series],
        }
