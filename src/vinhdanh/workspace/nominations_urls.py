"""The staff pages where a unit prepares and submits its batches (views/nominations/)."""

from django.urls import path

from vinhdanh.workspace.views.nominations import batch_actions, batches, documents, dossiers

urlpatterns: list = [
    path("batches/", batches.batch_list, name="batch-list"),
    path("batches/new/", batches.batch_create, name="batch-create"),
    path("batches/<int:pk>/", batches.batch_detail, name="batch-detail"),
    path("batches/<int:pk>/edit/", batches.batch_edit, name="batch-edit"),
    path("batches/<int:pk>/candidates/", batch_actions.batch_add_candidates,
         name="batch-add-candidates"),
    path("batches/<int:pk>/proposals/", batch_actions.batch_add_proposals,
         name="batch-add-proposals"),
    path("batches/<int:pk>/check/", batch_actions.batch_check, name="batch-check"),
    path("batches/<int:pk>/submit/", batch_actions.batch_submit, name="batch-submit"),
    path("batches/<int:pk>/documents/", documents.batch_document_upload,
         name="batch-document-upload"),
    path("batches/<int:pk>/generate/", documents.batch_document_generate,
         name="batch-document-generate"),
    path("nominations/<int:pk>/", dossiers.nomination_detail, name="nomination-detail"),
    path("nominations/<int:pk>/act/", dossiers.nomination_act, name="nomination-act"),
    path("nominations/<int:pk>/check/", dossiers.nomination_check, name="nomination-check"),
    path("nominations/<int:pk>/documents/", documents.nomination_document_upload,
         name="nomination-document-upload"),
    path("nominations/<int:pk>/generate/", documents.nomination_document_generate,
         name="nomination-document-generate"),
    path("dossier-documents/<int:pk>/", documents.document_download,
         name="nomination-document"),
]
