"""The project's URLs plus the floor: the cheapest page a logged-in user can get.

The floor passes the same middleware (sessions, auth, CSRF, CSP, axes) and, like every real
page, loads the session and the user, so page/floor measures what our own code adds.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import include, path

urlpatterns = [
    path("bench/floor/", login_required(lambda request: HttpResponse("ok")), name="bench-floor"),
    path("", include("vinhdanh.urls")),
]
