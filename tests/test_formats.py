import datetime as dt

from django import forms
from django.utils import formats, timezone
from django.utils.translation import override


class DateForm(forms.Form):
    day = forms.DateField()


def test_vietnamese_dates_are_day_first_on_input():
    with override("vi"):
        form = DateForm(data={"day": "05/03/2026"})
        assert form.is_valid()
    assert form.cleaned_data["day"] == dt.date(2026, 3, 5)


def test_vietnamese_dates_display_as_dd_mm_yyyy():
    with override("vi"):
        assert formats.date_format(dt.date(2026, 3, 5), "SHORT_DATE_FORMAT") == "05/03/2026"


def test_time_zone_is_ho_chi_minh_city(settings):
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert timezone.get_current_timezone_name() == "Asia/Ho_Chi_Minh"
