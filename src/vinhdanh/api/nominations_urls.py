"""API routes of batches, nominations, documents, notices and comments."""

from vinhdanh.api.views.nominations import (
    BatchViewSet,
    DossierDocumentViewSet,
    NominationViewSet,
    PublicCommentViewSet,
    PublicNoticeViewSet,
    TimelinessViewSet,
)


def register(router) -> None:
    """Adds the nominations viewsets to the v1 router."""
    router.register("batches", BatchViewSet, basename="batch")
    router.register("nominations", NominationViewSet, basename="nomination")
    router.register("dossier-documents", DossierDocumentViewSet, basename="dossier-document")
    router.register("notices", PublicNoticeViewSet, basename="notice")
    router.register("comments", PublicCommentViewSet, basename="comment")
    router.register("timeliness", TimelinessViewSet, basename="timeliness")


# Everything sits on the router (api/urls.py does not include this list yet).
paths: list = []
