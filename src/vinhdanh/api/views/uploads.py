"""File uploads through the API, mixed into the viewsets of movements.py and scoring.py.

Each action calls the service the staff UI's form calls; the service judges the file by its
content and size and refuses with a DomainError (a 400). An upload changes only the file: the
action passes the record's other fields back unchanged.
"""

from pathlib import Path

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from vinhdanh.api.serializers import uploads as u
from vinhdanh.api.serializers.movements import (
    DirectiveSerializer,
    PledgeSerializer,
    ReportSerializer,
)
from vinhdanh.api.serializers.scoring import ReviewSerializer, ScoreSerializer
from vinhdanh.core.errors import DomainError
from vinhdanh.movements.services import directives, pledges, reports
from vinhdanh.scoring import queries
from vinhdanh.scoring.models import Score, YearEndReview
from vinhdanh.scoring.services import reviews, scores

NO_FILE = OpenApiResponse(description=_("No such directive, or no file recorded for it."))
NO_PLEDGE = OpenApiResponse(description=_("No such group, or no pledge recorded for it."))
NO_REVIEW = OpenApiResponse(description=_("No such group, or no review recorded for it."))
UPLOAD = {"parser_classes": [MultiPartParser]}


# A stored file's type by its extension (core.uploads makes the extension fit the content).
# Named here rather than guessed: the guess depends on the host's mime.types.
MEDIA_TYPES = {
    ".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".doc": "application/msword", ".xls": "application/vnd.ms-excel", ".zip": "application/zip",
}
OTHER_FILE = "application/octet-stream"
# The documented answers of a download: any of the types above.
STORED_FILE = {(200, media): OpenApiTypes.BINARY
               for media in dict.fromkeys([*MEDIA_TYPES.values(), OTHER_FILE])}


def file_response(file, filename: str) -> FileResponse:
    """``file`` as an attachment named ``filename``, with the type its extension names."""
    media = MEDIA_TYPES.get(Path(filename).suffix.lower(), OTHER_FILE)
    return FileResponse(file.open("rb"), as_attachment=True, filename=filename,
                        content_type=media)


def download(field) -> FileResponse:
    """A stored file as an attachment (media is not served publicly)."""
    if not field:
        raise Http404
    return file_response(field, Path(field.name).name)


class DirectiveFileActions:
    """``/directives/{id}/file/``: the directive's document, read and replaced."""

    def perform_content_negotiation(self, request, force=False):
        # A download may be asked for with the file's own type, which no renderer offers.
        return super().perform_content_negotiation(request, force=force or self.action == "file")

    @extend_schema(methods=["GET"], request=None, responses={**STORED_FILE, 404: NO_FILE})
    @extend_schema(methods=["POST"], responses=DirectiveSerializer)
    @action(detail=True, methods=["get", "post"], serializer_class=u.DocumentUploadSerializer,
            **UPLOAD)
    def file(self, request, pk=None):
        """GET downloads the directive's document; POST records it, replacing the old one."""
        directive = self.get_object()
        if request.method == "GET":
            return download(directive.file)
        self.require("movements.change_directive", directive)
        directives.update_directive(directive, actor=request.user, **self.validated_input())
        return Response(DirectiveSerializer(directive, context=self.get_serializer_context()).data)


class ReportEvidenceActions:
    """``/movement-reports/{id}/evidence/``: adds an evidence file to a report."""

    @extend_schema(responses=ReportSerializer)
    @action(detail=True, methods=["post"], serializer_class=u.ReportEvidenceSerializer, **UPLOAD)
    def evidence(self, request, pk=None):
        """Adds an evidence file to the report (titled with the file's name)."""
        report = self.get_object()
        self.require("movements.change_progressreport", report)
        reports.update_report(report, actor=request.user,
                              evidence=[self.validated_input()["evidence"]])
        report = self.get_queryset().get(pk=report.pk)
        return Response(ReportSerializer(report, context=self.get_serializer_context()).data)


class PledgeFileActions:
    """``/groups/{id}/pledge/file/`` (movements_urls.py): the signed pledge document. Uses the
    host viewset's ``_group`` and ``_pledge``."""

    @extend_schema(responses={200: PledgeSerializer, 404: NO_PLEDGE})
    def upload_file(self, request, pk=None):
        """Records the signed pledge document, replacing the old one; the pledge's text, date
        and signatories stay as recorded."""
        group = self._group("movements.change_pledge")
        pledge = self._pledge(group)
        pledges.save_pledge(group, actor=request.user, text=pledge.text,
                            signed_on=pledge.signed_on, **self.validated_input())
        pledge = self._pledge(group)
        return Response(PledgeSerializer(pledge, context=self.get_serializer_context()).data)


KEPT_SCORE = ("points", "abstained", "reason", "note")


def _kept_score(user, scoring_pass, data) -> dict:
    """The values of the score the file supports, as the user reads them; none when the user
    may not read it (the service then refuses to touch it)."""
    pair = {name: data[name] for name in ("scorer", "subject", "criterion")}
    if not Score.objects.filter(scoring_pass=scoring_pass, **pair).exists():
        raise DomainError(gettext("Enter the score before attaching its evidence."))
    seen = queries.scores_visible_to(user, scoring_pass.round).filter(
        scoring_pass=scoring_pass, **pair).first()
    return {name: getattr(seen, name) for name in KEPT_SCORE} if seen else {}


class ScoreEvidenceActions:
    """``/scoring-rounds/{id}/evidence/``: a file supporting a score already entered."""

    @extend_schema(responses=ScoreSerializer)
    @action(detail=True, methods=["post"], serializer_class=u.ScoreEvidenceSerializer, **UPLOAD)
    def evidence(self, request, pk=None):
        """Attaches an evidence file to a score, replacing the old one; the points stay."""
        scoring_round = self.get_object()
        self.require("scoring.enter_scores", scoring_round)
        upload = u.ScoreEvidenceSerializer(data=request.data, context={
            **self.get_serializer_context(), "template": scoring_round.template})
        upload.is_valid(raise_exception=True)
        data = dict(upload.validated_data)
        scoring_pass = queries.pass_of(scoring_round, data.pop("pass_kind"))
        kept = _kept_score(request.user, scoring_pass, data)
        score = scores.record_score(scoring_pass, actor=request.user, **data, **kept)
        return Response(ScoreSerializer(score).data)


def _kept_review(review: YearEndReview) -> dict:
    return {"held_on": review.held_on, "venue": review.venue, "chaired_by": review.chaired_by,
            "participants": list(review.participants.all()), "guests": review.guests,
            "results": review.results, "directions": review.directions,
            "handover": review.handover}


class ReviewMinutesActions:
    """``/reviews/{group}/minutes/``: the signed minutes of the recorded review. Uses the host
    viewset's ``_group`` and ``_review``."""

    @extend_schema(responses={200: ReviewSerializer, 404: NO_REVIEW})
    @action(detail=True, methods=["post"], serializer_class=u.MinutesUploadSerializer, **UPLOAD)
    def minutes(self, request, group=None):
        """Attaches the minutes to the recorded review, replacing the old file; what the
        review records stays."""
        group = self._group("scoring.record_review")
        review = get_object_or_404(YearEndReview, group=group)
        reviews.record_review(group, actor=request.user, **_kept_review(review),
                              **self.validated_input())
        return self._review(group)
