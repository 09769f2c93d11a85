from django.db import models
from django.utils.translation import gettext_lazy as _


class HolidayKind(models.TextChoices):
    HOLIDAY = "holiday", _("public holiday")  # nghỉ lễ, Tết
    DAY_OFF = "day_off", _("day off in lieu or swapped")  # nghỉ bù, or a day off by a swap
    WORKING_DAY = "working_day", _("weekend working day")  # a Saturday/Sunday worked by a swap
