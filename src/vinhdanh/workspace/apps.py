from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "vinhdanh.workspace"
    label = "workspace"
