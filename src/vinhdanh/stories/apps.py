from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "vinhdanh.stories"
    label = "stories"
    verbose_name = _("Exemplary stories")

    def ready(self):
        from vinhdanh.stories import rules  # noqa: F401 (registers the permissions)
