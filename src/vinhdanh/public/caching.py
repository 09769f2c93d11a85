"""Public pages are the same for every visitor, so they are served from the cache.

``public_page`` caches a GET page's response for ``PUBLIC_CACHE_SECONDS`` (keyed by its full
address, query string included) and lets browsers and proxies keep it as long. A page that
holds a form posting back (CSRF token) or counts a visit must not use it.
"""

from functools import wraps

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_page


def public_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = settings.PUBLIC_CACHE_SECONDS
        response = cache_page(seconds, key_prefix="public")(view)(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=seconds)
        return response

    return wrapper
