"""Decisions, their annex lines, certificate jobs and issuers in the API.

A decision is read with its annex nested (read only); each write serializer carries the
input of one service call (decisions/services/drafting.py, issuing.py, certificates.py).
States and kinds show as plain strings with their labels: an enum named "state" or "kind"
would collide with other apps' in the schema.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from vinhdanh.api.serializers.council import ActiveUserField
from vinhdanh.api.serializers.fields import IdField
from vinhdanh.api.serializers.nominations import PlainChoiceField, VisibleNominationField
from vinhdanh.council.models import CouncilSession
from vinhdanh.decisions.enums import DecisionKind, DecisionState, JobState, RevocationGround
from vinhdanh.decisions.models import CertificateJob, Decision, DecisionEntry, Issuer
from vinhdanh.decisions.services.certificates import verify_url

YEAR = {"min_value": 1900, "max_value": 2999}
STATES_HELP = format_lazy(_("One of: {values}."), values=", ".join(DecisionState.values))
KINDS_HELP = format_lazy(_("One of: {values}."), values=", ".join(DecisionKind.values))
JOB_STATES_HELP = format_lazy(_("One of: {values}."), values=", ".join(JobState.values))
VERSION_HELP = _("The version you saw; a decision changed since is refused with 409.")


class IssuerField(serializers.PrimaryKeyRelatedField):
    queryset = Issuer.objects.all()


class VisibleSessionField(serializers.PrimaryKeyRelatedField):
    queryset = CouncilSession.objects.all()

    def get_queryset(self):
        return CouncilSession.objects.visible_to(self.context["request"].user)


# -- issuers -------------------------------------------------------------------------------

class IssuerSerializer(serializers.ModelSerializer):
    symbol = serializers.CharField(read_only=True, help_text=_("The document symbol, e.g. "
                                                               "QĐ-UBND."))

    class Meta:
        model = Issuer
        fields = ["id", "name", "parent_heading", "heading", "authority", "abbreviation",
                  "symbol", "place", "unit", "default_legal_bases", "default_copies_to"]
        read_only_fields = fields


# -- decisions -----------------------------------------------------------------------------

class CertificateRefSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    verify_url = serializers.URLField(help_text=_("The public verification page (the QR "
                                                  "code's target)."))
    generated = serializers.BooleanField(help_text=_("Its PDF has been printed."))
    signed = serializers.BooleanField()


def certificate_data(certificate) -> dict:
    return {"public_id": certificate.public_id, "verify_url": verify_url(certificate),
            "generated": bool(certificate.file), "signed": certificate.signed}


class DecisionEntrySerializer(serializers.ModelSerializer):
    """A line of the annex; in a revocation, the line it revokes and the ground."""

    honor = serializers.CharField(source="honor.code")
    honor_name = serializers.CharField(source="honor.name")
    # Declared: DRF drops allow_blank from read-only model fields, and an award line has no
    # ground, so the schema must allow "".
    ground = serializers.ChoiceField(choices=RevocationGround.choices, allow_blank=True,
                                     read_only=True)
    ground_label = serializers.CharField(source="get_ground_display")
    revoked_on = serializers.SerializerMethodField()
    certificate = serializers.SerializerMethodField()

    class Meta:
        model = DecisionEntry
        fields = ["id", "position", "nomination", "honor", "honor_name", "year",
                  "recipient_name", "recipient_detail", "achievement", "bonus_amount",
                  "bonus_paid", "bonus_confirmed", "bonus_explanation", "golden_book_number",
                  "revokes", "ground", "ground_label", "revoked_on", "certificate"]
        read_only_fields = fields

    @extend_schema_field(serializers.DateField(
        allow_null=True, help_text=_("Set once a revocation decision revoked this honour.")))
    def get_revoked_on(self, entry):
        record = entry.honor_record
        return record.revoked_on if record else None

    @extend_schema_field(CertificateRefSerializer(
        allow_null=True, help_text=_("Null until the decision is issued.")))
    def get_certificate(self, entry):
        certificate = getattr(entry, "certificate", None)
        return certificate_data(certificate) if certificate else None


class DecisionSerializer(serializers.ModelSerializer):
    """A decision as read, with its annex and total bonus."""

    issuer_name = serializers.CharField(source="issuer.name")
    kind = serializers.CharField(help_text=KINDS_HELP)
    kind_label = serializers.CharField(source="get_kind_display")
    state = serializers.CharField(help_text=STATES_HELP)
    state_label = serializers.CharField(source="get_state_display")
    reference = serializers.CharField(help_text=_("12/QĐ-UBND once issued; empty for a "
                                                  "draft."))
    total_bonus = serializers.SerializerMethodField()
    entries = DecisionEntrySerializer(many=True)

    class Meta:
        model = Decision
        fields = ["id", "issuer", "issuer_name", "kind", "kind_label", "state",
                  "state_label", "version", "number", "year", "reference", "decided_on",
                  "subject", "legal_bases", "proposal", "citation", "copies_to",
                  "council_session", "signer", "signer_authority", "signer_title",
                  "signer_name", "return_reason", "created_at", "issued_at", "pdf_signed",
                  "pdf_sha256", "total_bonus", "entries"]
        read_only_fields = fields

    def get_total_bonus(self, decision) -> int:
        """Of the prefetched lines: no query per decision."""
        return sum(entry.bonus_amount for entry in decision.entries.all())


class DecisionCreateSerializer(serializers.Serializer):
    """A draft from approved dossiers (drafting.create_decision); texts left out take the
    defaults: subject from the honours, the issuer's and the law's legal bases, the
    citation of the year."""

    issuer = IssuerField()
    nominations = serializers.ListField(child=VisibleNominationField(), allow_empty=False,
                                        help_text=_("Dossiers approved by the council, in "
                                                    "the order of the annex."))
    decided_on = serializers.DateField(help_text=_("The planned signing date; bonuses are "
                                                   "computed for it."))
    signer = ActiveUserField(required=False, allow_null=True,
                             help_text=_("Set: only this signer may sign."))
    signer_title = serializers.CharField(max_length=100)
    signer_name = serializers.CharField(max_length=200)
    council_session = VisibleSessionField(required=False, allow_null=True)
    subject = serializers.CharField(max_length=500, required=False)
    legal_bases = serializers.CharField(required=False, help_text=_("One per line."))
    proposal = serializers.CharField(required=False, allow_blank=True)
    citation = serializers.CharField(max_length=500, required=False, allow_blank=True)
    copies_to = serializers.CharField(required=False, allow_blank=True,
                                      help_text=_("One per line."))
    signer_authority = serializers.CharField(max_length=100, required=False,
                                             allow_blank=True)


class DecisionChangeSerializer(serializers.Serializer):
    """What PATCH may change on a draft (drafting.update_decision); a new date recomputes
    every bonus."""

    version = serializers.IntegerField(min_value=1, help_text=VERSION_HELP)
    decided_on = serializers.DateField(required=False)
    signer = ActiveUserField(required=False, allow_null=True)
    signer_title = serializers.CharField(max_length=100, required=False)
    signer_name = serializers.CharField(max_length=200, required=False)
    council_session = VisibleSessionField(required=False, allow_null=True)
    subject = serializers.CharField(max_length=500, required=False)
    legal_bases = serializers.CharField(required=False)
    proposal = serializers.CharField(required=False, allow_blank=True)
    citation = serializers.CharField(max_length=500, required=False, allow_blank=True)
    copies_to = serializers.CharField(required=False, allow_blank=True)
    signer_authority = serializers.CharField(max_length=100, required=False,
                                             allow_blank=True)


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, help_text=VERSION_HELP)


class ReturnSerializer(VersionSerializer):
    reason = serializers.CharField(allow_blank=True, help_text=_("What the board should "
                                                                 "change."))


class IssueSerializer(VersionSerializer):
    decided_on = serializers.DateField(required=False, allow_null=True, default=None,
                                       help_text=_("The signing date; today if left out."))


class StartJobSerializer(serializers.Serializer):
    preprinted = serializers.BooleanField(
        default=False, help_text=_("Print only the variable text, onto pre-printed forms."))


class DecisionFilter(serializers.Serializer):
    state = PlainChoiceField(DecisionState.choices, required=False, help_text=STATES_HELP)
    kind = PlainChoiceField(DecisionKind.choices, required=False, help_text=KINDS_HELP)
    year = serializers.IntegerField(required=False, **YEAR,
                                    help_text=_("Year of the number (issued decisions)."))
    issuer = IdField(required=False)

    def apply(self, queryset, params):
        names = {"state": "state", "kind": "kind", "year": "year", "issuer": "issuer_id"}
        return queryset.filter(**{names[k]: params[k] for k in names if k in params})


# -- certificate jobs ----------------------------------------------------------------------

class CertificateJobSerializer(serializers.ModelSerializer):
    """A printing job; the file links are null until it is done."""

    state = serializers.CharField(help_text=JOB_STATES_HELP)
    state_label = serializers.CharField(source="get_state_display")
    percent = serializers.IntegerField()
    is_finished = serializers.BooleanField()
    archive = serializers.SerializerMethodField()
    print_file = serializers.SerializerMethodField()

    class Meta:
        model = CertificateJob
        fields = ["id", "decision", "state", "state_label", "preprinted", "total", "done",
                  "percent", "is_finished", "error", "created_at", "finished_at", "archive",
                  "print_file"]
        read_only_fields = fields

    def _link(self, job, field: str, view_name: str):
        if job.state != JobState.DONE or not getattr(job, field):
            return None
        return reverse(view_name, args=[job.pk], request=self.context.get("request"))

    @extend_schema_field(serializers.URLField(
        allow_null=True, help_text=_("The zip of separate PDFs, once done.")))
    def get_archive(self, job):
        return self._link(job, "archive", "certificate-job-archive")

    @extend_schema_field(serializers.URLField(
        allow_null=True, help_text=_("The combined print file, once done.")))
    def get_print_file(self, job):
        return self._link(job, "print_file", "certificate-job-print-file")


class JobFilter(serializers.Serializer):
    decision = IdField(required=False, help_text=_("Jobs of this decision."))

    def apply(self, queryset, params):
        if "decision" in params:
            queryset = queryset.filter(decision_id=params["decision"])
        return queryset
