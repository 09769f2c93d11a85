from vinhdanh.honors.models.catalogue import BaseSalary, Honor
from vinhdanh.honors.models.history import (
    DisciplinePeriod,
    HonorRecord,
    Initiative,
    TaskRatingRecord,
)
from vinhdanh.honors.models.settings import RuleSetting, RuleSettingChange

__all__ = [
    "BaseSalary",
    "DisciplinePeriod",
    "Honor",
    "HonorRecord",
    "Initiative",
    "RuleSetting",
    "RuleSettingChange",
    "TaskRatingRecord",
]
