"""Multipart bodies of the upload actions (views/uploads.py): one file each.

Each file field is named as its service names it in a refusal (``file``, ``evidence``,
``minutes``), so a 400 points at the field the client sent. The services judge the content
and the size; the help texts are their own refusal messages.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from vinhdanh.api.serializers.scoring import MemberUnitField, TemplateCriterionField
from vinhdanh.scoring.enums import PassKind

DOCUMENT = _("The file must be a PDF, a Word document (DOCX) or an image (JPEG, PNG).")


class DocumentUploadSerializer(serializers.Serializer):
    """A directive's document or a group's signed pledge."""

    file = serializers.FileField(help_text=DOCUMENT)


class ReportEvidenceSerializer(serializers.Serializer):
    evidence = serializers.FileField(help_text=DOCUMENT)


class MinutesUploadSerializer(serializers.Serializer):
    minutes = serializers.FileField(
        help_text=_("The minutes must be a PDF, a DOCX or a scanned image (PNG, JPEG)."))


class ScoreEvidenceSerializer(serializers.Serializer):
    """The score a file supports: one criterion of one scorer's sheet of one unit."""

    scoring_pass = serializers.ChoiceField(PassKind.choices, source="pass_kind")
    scorer = MemberUnitField()
    subject = MemberUnitField()
    criterion = TemplateCriterionField()
    evidence = serializers.FileField(
        help_text=_("The evidence must be a PDF, an image (PNG, JPEG), a DOCX or an XLSX file."))

    def get_fields(self):
        fields = super().get_fields()
        fields["pass"] = fields.pop("scoring_pass")  # "pass" is a Python keyword
        return fields
