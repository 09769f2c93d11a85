from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "vinhdanh.core"
    label = "core"
