"""API routes of decisions: decisions with their annex, certificate jobs and issuers."""

from vinhdanh.api.views.decisions import CertificateJobViewSet, DecisionViewSet, IssuerViewSet


def register(router) -> None:
    """Adds the decisions viewsets to the v1 router."""
    router.register("decisions", DecisionViewSet, basename="decision")
    router.register("certificate-jobs", CertificateJobViewSet, basename="certificate-job")
    router.register("issuers", IssuerViewSet, basename="issuer")


# Everything sits on the router.
paths: list = []
