"""Test settings: the production settings with a fixed key, no throttling lockouts leaking
between tests, and files written under a temporary folder."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-0123456789abcdef")
os.environ.setdefault("VINHDANH_DATA_DIR", tempfile.mkdtemp(prefix="vinhdanh-tests-"))

from vinhdanh.settings import *  # noqa: E402,F403

STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# WhiteNoise warns (an error under our warning filter) when STATIC_ROOT is missing.
os.makedirs(STATIC_ROOT, exist_ok=True)  # noqa: F405
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
