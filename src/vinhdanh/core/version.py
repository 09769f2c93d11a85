"""The installed version of Vinh Danh, as the health check and the backup manifest name it."""

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("vinhdanh")
except PackageNotFoundError:  # run from a bare checkout
    VERSION = "unknown"
