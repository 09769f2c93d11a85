from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HonorsConfig(AppConfig):
    name = "vinhdanh.honors"
    label = "honors"
    verbose_name = _("Honours")

    def ready(self):
        from vinhdanh.honors import history_rules  # noqa: F401 - registers its permissions
        from vinhdanh.honors.services.catalogue import on_post_migrate

        # The catalogue and base salaries follow law/ in code, also after a test flush.
        post_migrate.connect(on_post_migrate, sender=self)
