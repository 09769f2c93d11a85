from rest_framework.versioning import NamespaceVersioning


class ApiVersioning(NamespaceVersioning):
    """The version is the URL namespace; v1 is also the default, so that
    ``manage.py spectacular`` documents it without ``--api-version``."""

    default_version = "v1"
    allowed_versions = {"v1"}
