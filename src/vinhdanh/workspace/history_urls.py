"""Honour history (views/history.py) and households (views/households.py)."""

from django.urls import path

from vinhdanh.workspace.views import history, households

urlpatterns = [
    # kind: person, unit or household.
    path("history/<str:kind>/<int:pk>/honours/new/", history.honour_add,
         name="history-honour-add"),
    path("history/<str:kind>/<int:pk>/rating/", history.rating_set, name="history-rating-set"),
    path("history/<str:kind>/<int:pk>/initiatives/new/", history.initiative_add,
         name="history-initiative-add"),
    path("history/<str:kind>/<int:pk>/cases/new/", history.restriction_add,
         name="history-restriction-add"),
    path("history/cases/<int:pk>/end/", history.restriction_end,
         name="history-restriction-end"),
    path("history/import/", history.history_import, name="history-import"),
    path("history/import/template.xlsx", history.history_import_template,
         name="history-import-template"),
    path("history/import/<int:pk>/", history.history_import_job, name="history-import-job"),
    path("history/import/<int:pk>/status/", history.history_import_status,
         name="history-import-job-status"),
    path("households/", households.household_list, name="household-list"),
    path("households/new/", households.household_create, name="household-create"),
    path("households/<int:pk>/", households.household_detail, name="household-detail"),
]
