from django.contrib.auth import views as auth_views
from django.urls import include, path

from vinhdanh.workspace.views import auth, dashboard, groups, people, units

app_name = "workspace"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", auth.PasswordChangeView.as_view(), name="password-change"),
    path("units/", units.unit_list, name="unit-list"),
    path("units/new/", units.unit_create, name="unit-create"),
    path("units/<int:pk>/", units.unit_detail, name="unit-detail"),
    path("units/<int:pk>/children/", units.unit_children, name="unit-children"),
    path("units/<int:pk>/edit/", units.unit_edit, name="unit-edit"),
    path("people/", people.person_list, name="person-list"),
    path("people/new/", people.person_create, name="person-create"),
    path("people/<int:pk>/", people.person_detail, name="person-detail"),
    path("people/<int:pk>/edit/", people.person_edit, name="person-edit"),
    path("groups/", groups.group_list, name="group-list"),
    path("groups/new/", groups.group_create, name="group-create"),
    path("groups/<int:pk>/", groups.group_detail, name="group-detail"),
    path("groups/<int:pk>/edit/", groups.group_edit, name="group-edit"),
    path("groups/<int:pk>/members/", groups.group_members, name="group-members"),
    path("groups/<int:pk>/leadership/", groups.group_leadership, name="group-leadership"),
    path("groups/<int:pk>/handover/", groups.group_handover, name="group-handover"),
    path("groups/<int:pk>/copy/", groups.group_copy, name="group-copy"),
    path("groups/<int:pk>/minutes/", groups.group_minutes, name="group-minutes"),
    # Excel import and export of units and people (views/imports.py).
    path("", include("vinhdanh.workspace.import_urls")),
    path("", include("vinhdanh.workspace.eligibility_urls")),
    path("", include("vinhdanh.workspace.history_urls")),
    path("", include("vinhdanh.workspace.law_urls")),
    path("", include("vinhdanh.workspace.movements_urls")),
    path("", include("vinhdanh.workspace.scoring_urls")),
    path("", include("vinhdanh.workspace.nominations_urls")),
    path("", include("vinhdanh.workspace.board_urls")),
    path("", include("vinhdanh.workspace.council_urls")),
    path("", include("vinhdanh.workspace.decisions_urls")),
    path("", include("vinhdanh.workspace.stories_urls")),
    path("", include("vinhdanh.workspace.statistics_urls")),
    path("", include("vinhdanh.workspace.statutory_urls")),
    path("", include("vinhdanh.workspace.summary_urls")),
]
