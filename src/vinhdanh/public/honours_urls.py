"""Public honours pages: the home page, the honour board and issued decisions."""

from django.urls import path

from vinhdanh.public.views import decisions, home, honours

urlpatterns = [
    path("", home.home, name="home"),
    path("bang-vang/", honours.board, name="honour-board"),
    path("quyet-dinh/", decisions.decision_list, name="decision-list"),
    path("quyet-dinh/<uuid:public_id>/", decisions.decision_detail, name="decision"),
]
