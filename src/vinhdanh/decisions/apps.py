from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "vinhdanh.decisions"
    label = "decisions"
    verbose_name = _("Decisions and certificates")

    def ready(self):
        from vinhdanh.decisions import rules  # noqa: F401 (registers the permissions)
