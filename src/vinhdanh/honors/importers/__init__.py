"""Excel import of legacy honour history: honours, task ratings, initiatives, discipline.

    plan = validate_history_workbook(data, actor=user)   # every bad cell in plan.errors
    result = apply_history_plan(plan, actor=user)         # raises ImportRejected on errors
    result = import_history_workbook(data, actor=user)    # both

build_history_template() returns the blank .xlsx with the four sheets and a guide.
"""

from vinhdanh.honors.importers.history import (
    HistoryPlan,
    holds_history,
    import_history_workbook,
    validate_history_workbook,
)
from vinhdanh.honors.importers.template import build_history_template
from vinhdanh.honors.importers.write import HistoryResult, apply_history_plan

__all__ = [
    "HistoryPlan",
    "HistoryResult",
    "apply_history_plan",
    "build_history_template",
    "holds_history",
    "import_history_workbook",
    "validate_history_workbook",
]
