"""The public site: no log-in; only what is published."""

app_name = "public"

urlpatterns: list = []
