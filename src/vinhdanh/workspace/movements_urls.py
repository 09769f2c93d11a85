"""The staff pages of directives, movements, reports, registrations and pledges."""

from django.urls import path

from vinhdanh.workspace.views import movement_reports, movements, pledges, registrations

urlpatterns: list = [
    path("movements/", movements.movement_list, name="movement-list"),
    path("movements/new/", movements.movement_create, name="movement-create"),
    path("movements/<int:pk>/", movements.movement_detail, name="movement-detail"),
    path("movements/<int:pk>/edit/", movements.movement_edit, name="movement-edit"),
    path("movements/<int:pk>/reports/new/", movement_reports.report_create,
         name="movement-report-create"),
    path("movement-reports/<int:pk>/", movement_reports.report_detail,
         name="movement-report-detail"),
    path("movement-reports/<int:pk>/edit/", movement_reports.report_edit,
         name="movement-report-edit"),
    path("movement-evidence/<int:pk>/", movement_reports.evidence_file,
         name="movement-evidence"),
    path("directives/", movements.directive_list, name="directive-list"),
    path("directives/new/", movements.directive_create, name="directive-create"),
    path("directives/<int:pk>/", movements.directive_detail, name="directive-detail"),
    path("directives/<int:pk>/edit/", movements.directive_edit, name="directive-edit"),
    path("directives/<int:pk>/file/", movements.directive_file, name="directive-file"),
    path("registrations/", registrations.registration_list, name="registration-list"),
    path("registrations/export/", registrations.registration_export,
         name="registration-export"),
    path("registrations/new/", registrations.registration_create, name="registration-create"),
    path("registrations/bulk/", registrations.registration_bulk, name="registration-bulk"),
    path("registrations/<int:pk>/withdraw/", registrations.registration_withdraw,
         name="registration-withdraw"),
    path("registration-periods/", registrations.registration_periods,
         name="registration-periods"),
    path("groups/<int:pk>/pledge/", pledges.pledge_edit, name="pledge-edit"),
    path("groups/<int:pk>/pledge/file/", pledges.pledge_file, name="pledge-file"),
]
