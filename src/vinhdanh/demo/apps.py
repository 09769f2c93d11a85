from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "vinhdanh.demo"
    label = "demo"
