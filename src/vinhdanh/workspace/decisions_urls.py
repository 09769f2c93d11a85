"""The decision pages (views/decisions/): the list, drafting, one decision with its actions
and files, certificates and their printing jobs, revocation, and the issuers' settings."""

from django.urls import path

from vinhdanh.workspace.views.decisions import (
    actions,
    create,
    detail,
    files,
    issuers,
    lists,
)

urlpatterns: list = [
    path("decisions/", lists.decision_list, name="decision-list"),
    path("decisions/new/", create.decision_create, name="decision-create"),
    path("decisions/<int:pk>/", detail.decision_detail, name="decision-detail"),
    path("decisions/<int:pk>/edit/", actions.decision_edit, name="decision-edit"),
    path("decisions/<int:pk>/add/", actions.decision_add, name="decision-add"),
    path("decisions/<int:pk>/send/", actions.decision_send, name="decision-send"),
    path("decisions/<int:pk>/return/", actions.decision_return, name="decision-return"),
    path("decisions/<int:pk>/issue/", actions.decision_issue, name="decision-issue"),
    path("decisions/<int:pk>/word/", files.decision_word, name="decision-word"),
    path("decisions/<int:pk>/pdf/", files.decision_pdf, name="decision-pdf"),
    path("decisions/<int:pk>/signed-pdf/", files.decision_signed_pdf,
         name="decision-signed-pdf"),
    path("decisions/<int:pk>/print/", files.decision_print, name="decision-print"),
    path("decisions/<int:pk>/job/", files.decision_job, name="decision-job"),
    path("decisions/lines/<int:pk>/edit/", actions.entry_edit, name="decision-entry-edit"),
    path("decisions/lines/<int:pk>/remove/", actions.entry_remove,
         name="decision-entry-remove"),
    path("decisions/lines/<int:pk>/revoke/", create.decision_revoke, name="decision-revoke"),
    path("decisions/certificates/<int:pk>/pdf/", files.certificate_pdf,
         name="decision-certificate-pdf"),
    path("decisions/jobs/<int:pk>/archive/", files.job_archive, name="decision-job-archive"),
    path("decisions/jobs/<int:pk>/print-file/", files.job_print_file,
         name="decision-job-print-file"),
    path("decisions/issuers/", issuers.issuer_list, name="issuer-list"),
    path("decisions/issuers/new/", issuers.issuer_create, name="issuer-create"),
    path("decisions/issuers/<int:pk>/edit/", issuers.issuer_edit, name="issuer-edit"),
]
