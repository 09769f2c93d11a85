"""The honour catalogue, rule packs, eligibility, bonuses and honour history."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from vinhdanh.api.serializers.fields import (
    IdField,
    VisibleGroupField,
    VisibleUnitField,
    honor_field,
)
from vinhdanh.honors.enums import PackStatus, SubjectKind, Verdict
from vinhdanh.honors.models import (
    DisciplinePeriod,
    Honor,
    HonorRecord,
    Initiative,
    TaskRatingRecord,
)
from vinhdanh.honors.services.history import not_for_subject_message
from vinhdanh.honors.services.sweeps import OUTCOME_LABELS, candidate_type, unit_of

FIRST_YEAR, LAST_YEAR = 1945, 2100
MAX_SWEEP_PAGE = 1000
LINE_FIELDS = ("label", "outcome", "detail", "article", "confirmed")
CANDIDATE_TYPES = [("person", _("Person")), ("unit", _("Unit (collective)")),
                   ("household", _("Household"))]


def _year(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=FIRST_YEAR, max_value=LAST_YEAR, **kwargs)


# Catalogue and packs


class HonorSerializer(serializers.ModelSerializer):
    subjects = serializers.SerializerMethodField()

    class Meta:
        model = Honor
        fields = ["code", "name", "short_name", "kind", "level", "subjects", "awarded_by",
                  "legal_basis"]

    # Plain strings: the same choices under a second name would be a second schema enum.
    @extend_schema_field(serializers.ListField(
        child=serializers.CharField(), help_text=_("individual, collective or household")))
    def get_subjects(self, honor) -> list[str]:
        return [kind for kind in SubjectKind.values if honor.accepts(kind)]


class RulePackSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    valid_from = serializers.DateField()
    valid_until = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(
        PackStatus.choices, help_text=_("With the province's confirmation, if it gave one."))
    legal_texts = serializers.ListField(child=serializers.CharField())


# Eligibility


class CandidateSerializer(serializers.Serializer):
    type = serializers.ChoiceField(CANDIDATE_TYPES)
    id = serializers.IntegerField()
    name = serializers.CharField()
    unit = serializers.IntegerField(
        allow_null=True, help_text=_("A person's or household's unit; a collective's parent."))
    unit_name = serializers.CharField(allow_blank=True)


def candidate_data(candidate) -> dict:
    unit = unit_of(candidate)
    return {"type": candidate_type(candidate), "id": candidate.pk, "name": str(candidate),
            "unit": unit.pk if unit else None, "unit_name": unit.name if unit else ""}


class LineSerializer(serializers.Serializer):
    label = serializers.CharField(help_text=_("What was checked."))
    outcome = serializers.ChoiceField(list(OUTCOME_LABELS.items()))
    detail = serializers.CharField(help_text=_("On what data."))
    article = serializers.CharField(allow_blank=True, help_text=_("Under which article."))
    confirmed = serializers.BooleanField(help_text=_("False while a source does not confirm "
                                                     "the rule."))


def line_data(line) -> dict:
    return {name: getattr(line, name) for name in LINE_FIELDS}


class EvaluationSerializer(serializers.Serializer):
    candidate = serializers.SerializerMethodField()
    honor = serializers.CharField(source="honor.code")
    year = serializers.IntegerField()
    verdict = serializers.ChoiceField(Verdict.choices)
    pack_code = serializers.CharField()
    pack_confirmed = serializers.BooleanField()
    lines = LineSerializer(many=True)
    hints = serializers.ListField(child=serializers.CharField(),
                                  help_text=_("What the candidate still lacks."))

    @extend_schema_field(CandidateSerializer)
    def get_candidate(self, evaluation) -> dict:
        return candidate_data(evaluation.candidate)


class EvaluateSerializer(serializers.Serializer):
    person = IdField(required=False)
    unit = IdField(required=False, help_text=_("A unit as a collective candidate."))
    household = IdField(required=False)
    honor = honor_field()
    year = _year()
    received_on = serializers.DateField(required=False, allow_null=True, default=None)

    def validate(self, data):
        given = [kind for kind in ("person", "unit", "household") if kind in data]
        if len(given) != 1:
            raise serializers.ValidationError(
                _("Give exactly one of person, unit or household."))
        data["kind"], data["id"] = given[0], data[given[0]]
        return data


class SweepSerializer(serializers.Serializer):
    honor = honor_field()
    year = _year()
    subject = serializers.ChoiceField(
        SubjectKind.choices, required=False, allow_null=True, default=None,
        help_text=_("Kind of candidate; by default the first the honour takes."))
    unit = VisibleUnitField(required=False, allow_null=True, default=None,
                            help_text=_("Candidates of this unit and its sub-units."))
    group = VisibleGroupField(required=False, allow_null=True, default=None,
                              help_text=_("Candidates of the group's member units."))
    verdict = serializers.ChoiceField(Verdict.choices, required=False, allow_null=True,
                                      default=None)
    received_on = serializers.DateField(required=False, allow_null=True, default=None)
    limit = serializers.IntegerField(
        min_value=1, max_value=MAX_SWEEP_PAGE, default=100,
        help_text=_("Results per response, at most 1000."))
    offset = serializers.IntegerField(min_value=0, default=0)


class CountsSerializer(serializers.Serializer):
    eligible = serializers.IntegerField()
    not_eligible = serializers.IntegerField()
    missing = serializers.IntegerField()


class QuotaSerializer(LineSerializer):
    unit = serializers.IntegerField(help_text=_("The unit whose quota this is."))


class SweepResultSerializer(serializers.Serializer):
    honor = serializers.CharField()
    year = serializers.IntegerField()
    subject = serializers.ChoiceField(SubjectKind.choices)
    pack_code = serializers.CharField()
    pack_confirmed = serializers.BooleanField()
    counts = CountsSerializer(help_text=_("Of every candidate, whatever the verdict filter."))
    quota = QuotaSerializer(many=True)
    count = serializers.IntegerField(help_text=_("Candidates of the requested verdict."))
    limit = serializers.IntegerField()
    offset = serializers.IntegerField()
    results = EvaluationSerializer(many=True)


def sweep_data(result, limit: int, offset: int) -> dict:
    quota = [{**line_data(q.line), "unit": q.unit.pk} for q in result.quota_lines]
    return {
        "honor": result.honor.code, "year": result.year, "subject": result.subject,
        "pack_code": result.pack_code, "pack_confirmed": result.pack_confirmed,
        "counts": result.counts_by_verdict, "quota": quota,
        "count": len(result.evaluations), "limit": limit, "offset": offset,
        "results": result.evaluations[offset:offset + limit],
    }


# Bonuses


class BonusItemSerializer(serializers.Serializer):
    key = serializers.CharField(max_length=100,
                                help_text=_("Your name for the line, returned as given."))
    honor = honor_field()
    subject = serializers.ChoiceField(SubjectKind.choices)
    year = _year()
    first_year = _year(required=False, allow_null=True, default=None)

    def validate(self, data):
        if not data["honor"].accepts(data["subject"]):
            raise serializers.ValidationError(
                {"subject": not_for_subject_message(data["honor"], data["subject"])})
        if data["first_year"] and data["first_year"] > data["year"]:
            raise serializers.ValidationError({"first_year": _("The first year is after "
                                                               "the year.")})
        return data


class BonusRequestSerializer(serializers.Serializer):
    decision_date = serializers.DateField()
    items = BonusItemSerializer(many=True, allow_empty=False, max_length=1000)


class BonusLineSerializer(serializers.Serializer):
    key = serializers.CharField()
    honor = serializers.CharField()
    subject = serializers.ChoiceField(SubjectKind.choices)
    amount = serializers.IntegerField(help_text=_("VND, 0 when not paid."))
    paid = serializers.BooleanField()
    coefficient = serializers.DecimalField(max_digits=8, decimal_places=4)
    coefficient_confirmed = serializers.BooleanField()
    base_salary = serializers.IntegerField()
    base_salary_confirmed = serializers.BooleanField()
    pack_code = serializers.CharField()
    pack_confirmed = serializers.BooleanField()
    article = serializers.CharField(allow_blank=True)
    province_setting = serializers.BooleanField(
        help_text=_("The coefficient is the province's setting, not the pack's figure."))
    explanation = serializers.CharField()


class BonusSheetSerializer(serializers.Serializer):
    decision_date = serializers.DateField()
    total = serializers.IntegerField()
    lines = BonusLineSerializer(many=True)


def bonus_line_data(item, bonus) -> dict:
    return {"key": item.key, "honor": item.honor_code, "subject": item.subject,
            **{name: getattr(bonus, name) for name in (
                "amount", "paid", "coefficient", "coefficient_confirmed", "base_salary",
                "base_salary_confirmed", "pack_code", "pack_confirmed", "article",
                "province_setting", "explanation")}}


# History


class HonorRecordSerializer(serializers.ModelSerializer):
    honor = serializers.CharField(source="honor.code")
    honor_name = serializers.CharField(source="honor.name")

    class Meta:
        model = HonorRecord
        fields = ["id", "honor", "honor_name", "year", "first_year", "decision_number",
                  "decision_date", "issuer", "source"]


class TaskRatingSerializer(serializers.ModelSerializer):
    class Meta:
        model = TaskRatingRecord
        fields = ["year", "rating", "source"]


class InitiativeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Initiative
        fields = ["id", "title", "kind", "level", "year", "recognised_by", "source"]


class RestrictionSerializer(serializers.ModelSerializer):
    class Meta:
        model = DisciplinePeriod
        fields = ["id", "kind", "level", "starts_on", "ends_on", "notes", "source"]


class HistorySerializer(serializers.Serializer):
    candidate = CandidateSerializer()
    honors = HonorRecordSerializer(many=True)
    ratings = TaskRatingSerializer(many=True)
    initiatives = InitiativeSerializer(many=True)
    restrictions = RestrictionSerializer(many=True)
