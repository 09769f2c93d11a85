"""Decisions (drafting, signing, issuing), their Word document, the certificate printing jobs
and the issuers.

Decisions are read through ``Decision.objects.visible_to(user)``: the board and the signers
see drafts, anyone else with a role the issued ones; others get 404. Each write is one
service call, which checks its rule again (403): the board drafts, sends and prints, the
signer returns or issues. A decision changed since the ``version`` the client read is
refused with 409; other refusals are 400 with the translated message.
"""

from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from vinhdanh.api.serializers import decisions as s
from vinhdanh.api.views.base import ServiceViewSet
from vinhdanh.api.views.uploads import download
from vinhdanh.core.errors import DomainError
from vinhdanh.decisions.models import CertificateJob, Decision, DecisionEntry, Issuer
from vinhdanh.decisions.services import certificates, drafting, files, issuing
from vinhdanh.organisations.queries import scope_of

DRAFT = "decisions.draft_decision"
SIGN = "decisions.sign_decision"
PRINT = "decisions.print_certificates"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOWNLOADS = {"word", "archive", "print_file"}
REFUSED = OpenApiResponse(description=_("Refused by the rules of decisions; "
                                        "``non_field_errors`` says why."))
STALE = OpenApiResponse(description=_("The decision was changed since the version you "
                                      "sent: reload it."))
NO_FILE = OpenApiResponse(description=_("No such job, or its file is not made yet."))


class StaleDecision(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Someone else changed this decision; reload it.")
    default_code = "stale_version"


def guarded(decision: Decision, version: int, call):
    """Runs a service call; a refusal while the decision is no longer at ``version`` is a
    conflict (409), whatever the service's check that noticed it first."""
    try:
        return call()
    except DomainError as error:
        if not Decision.objects.filter(pk=decision.pk, version=version).exists():
            raise StaleDecision(" ".join(error.messages)) from error
        raise


def decision_rows(user):
    """The decisions ``user`` sees, with their annex lines (two queries for a page)."""
    entries = (DecisionEntry.objects.select_related("honor", "honor_record", "certificate")
               .order_by("honor__position", "position", "id"))
    return (Decision.objects.visible_to(user).select_related("issuer")
            .prefetch_related(Prefetch("entries", entries)))


class FileDownloads:
    """Actions in ``DOWNLOADS`` answer with a file's own type, which no renderer offers."""

    def perform_content_negotiation(self, request, force=False):
        return super().perform_content_negotiation(
            request, force=force or self.action in DOWNLOADS)


# -- decisions -----------------------------------------------------------------------------

@extend_schema_view(list=extend_schema(parameters=[s.DecisionFilter]))
class DecisionViewSet(FileDownloads, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                      ServiceViewSet):
    """Decisions the user sees, with their annex: drafts for the board and the signers,
    issued ones for everyone with a role."""

    serializer_class = s.DecisionSerializer
    filter_class = s.DecisionFilter
    action_perms = {"create": DRAFT}
    object_perms = {"partial_update": DRAFT, "send": DRAFT, "return_to_drafting": SIGN,
                    "issue": SIGN, "certificates": PRINT}

    def get_queryset(self):
        return decision_rows(self.request.user)

    def respond(self, decision, status_code=status.HTTP_200_OK) -> Response:
        decision = self.get_queryset().get(pk=decision.pk)
        return Response(s.DecisionSerializer(decision, context=self.get_serializer_context())
                        .data, status=status_code)

    @extend_schema(request=s.DecisionCreateSerializer,
                   responses={201: s.DecisionSerializer, 400: REFUSED})
    def create(self, request):
        """Drafts a decision from dossiers the council approved, with its annex and
        bonuses."""
        data = s.DecisionCreateSerializer(data=request.data,
                                          context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        decision = drafting.create_decision(fields.pop("issuer"), actor=request.user, **fields)
        return self.respond(decision, status.HTTP_201_CREATED)

    @extend_schema(request=s.DecisionChangeSerializer,
                   responses={200: s.DecisionSerializer, 400: REFUSED, 409: STALE})
    def partial_update(self, request, pk=None):
        """Changes a draft's text, date or signer; ``version`` is the one the client read."""
        decision = self.get_object()
        change = s.DecisionChangeSerializer(data=request.data,
                                            context=self.get_serializer_context())
        change.is_valid(raise_exception=True)
        fields = dict(change.validated_data)
        version = fields.pop("version")
        guarded(decision, version, lambda: drafting.update_decision(
            decision, actor=request.user, expected_version=version, **fields))
        return self.respond(decision)

    @extend_schema(responses={200: s.DecisionSerializer, 400: REFUSED, 409: STALE})
    @action(detail=True, methods=["post"], serializer_class=s.VersionSerializer)
    def send(self, request, pk=None):
        """The board sends the draft to its signer."""
        decision, version = self.get_object(), self.validated_input()["version"]
        guarded(decision, version, lambda: issuing.send_for_signature(
            decision, actor=request.user, expected_version=version))
        return self.respond(decision)

    @extend_schema(responses={200: s.DecisionSerializer, 400: REFUSED, 409: STALE})
    @action(detail=True, methods=["post"], url_path="return",
            serializer_class=s.ReturnSerializer)
    def return_to_drafting(self, request, pk=None):
        """The signer returns the draft to the board, saying what to change."""
        decision, data = self.get_object(), self.validated_input()
        guarded(decision, data["version"], lambda: issuing.return_to_drafting(
            decision, actor=request.user, reason=data["reason"],
            expected_version=data["version"]))
        return self.respond(decision)

    @extend_schema(responses={200: s.DecisionSerializer, 400: REFUSED, 409: STALE})
    @action(detail=True, methods=["post"], serializer_class=s.IssueSerializer)
    def issue(self, request, pk=None):
        """The signer issues the decision: its number, the honour records, the
        certificates; the files are written in the background."""
        decision, data = self.get_object(), self.validated_input()
        guarded(decision, data["version"], lambda: issuing.issue(
            decision, actor=request.user, decided_on=data["decided_on"],
            expected_version=data["version"]))
        return self.respond(decision)

    @extend_schema(responses={201: s.CertificateJobSerializer, 400: REFUSED})
    @action(detail=True, methods=["post"], serializer_class=s.StartJobSerializer)
    def certificates(self, request, pk=None):
        """Starts printing the certificates of an issued decision; poll the job."""
        job = certificates.start_job(self.get_object(), actor=request.user,
                                     **self.validated_input())
        return Response(s.CertificateJobSerializer(job, context=self.get_serializer_context())
                        .data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={(200, DOCX): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def word(self, request, pk=None):
        """The Word document: as issued once written, else drawn from the current draft."""
        decision = self.get_object()
        if decision.word_file:
            return download(decision.word_file)
        response = HttpResponse(files.word(decision), content_type=DOCX)
        response["Content-Disposition"] = (
            f'attachment; filename="{files.file_stem(decision)}.docx"')
        return response


# -- certificate jobs ----------------------------------------------------------------------

@extend_schema_view(list=extend_schema(parameters=[s.JobFilter]))
class CertificateJobViewSet(FileDownloads, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                            ServiceViewSet):
    """Certificate printing jobs of the decisions the user sees, newest first."""

    serializer_class = s.CertificateJobSerializer
    filter_class = s.JobFilter

    def get_queryset(self):
        visible = Decision.objects.visible_to(self.request.user)
        return CertificateJob.objects.filter(decision__in=visible)

    @extend_schema(request=None, responses={
        (200, "application/zip"): OpenApiTypes.BINARY, 404: NO_FILE})
    @action(detail=True, methods=["get"])
    def archive(self, request, pk=None):
        """The zip of one PDF per certificate."""
        return download(self.get_object().archive)

    @extend_schema(request=None, responses={
        (200, "application/pdf"): OpenApiTypes.BINARY, 404: NO_FILE})
    @action(detail=True, methods=["get"], url_path="print-file")
    def print_file(self, request, pk=None):
        """All the certificates in one PDF, for the printer."""
        return download(self.get_object().print_file)


# -- issuers -------------------------------------------------------------------------------

class IssuerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ServiceViewSet):
    """The authorities that issue decisions, for everyone with a role."""

    serializer_class = s.IssuerSerializer
    filter_backends: list = []

    def get_queryset(self):
        issuers = Issuer.objects.order_by("name", "id")
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return issuers
        return issuers if scope_of(self.request.user).holds_a_role() else issuers.none()
