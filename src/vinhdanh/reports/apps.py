from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "vinhdanh.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from vinhdanh.reports import rules  # noqa: F401 (registers the permissions)
