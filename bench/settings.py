"""The production settings plus one floor view (bench/floor_urls.py) to compare pages with."""

from vinhdanh.settings import *  # noqa: F403

ROOT_URLCONF = "bench.floor_urls"
