"""Query parameters of the scoring list endpoints, validated like any input (see
api/filters.py): each filter is a serializer of the query string whose ``apply`` narrows a
visible queryset."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from vinhdanh.api.serializers.fields import IdField
from vinhdanh.scoring.enums import PassKind, ProposalState, RoundPeriod, RoundState
from vinhdanh.scoring.models import ScoringRound
from vinhdanh.scoring.queries import rounds_visible_to


class VisibleRoundField(serializers.PrimaryKeyRelatedField):
    queryset = ScoringRound.objects.all()

    def get_queryset(self):
        return rounds_visible_to(self.context["request"].user)


class TemplateFilter(serializers.Serializer):
    group = IdField(required=False)
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2999)

    def apply(self, queryset, params):
        names = {"group": "group_id", "year": "group__year"}
        return queryset.filter(**{names[key]: value for key, value in params.items()})


class RoundFilter(serializers.Serializer):
    group = IdField(required=False)
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2999)
    period = serializers.ChoiceField(RoundPeriod.choices, required=False)
    state = serializers.ChoiceField(RoundState.choices, required=False)

    def apply(self, queryset, params):
        names = {"group": "template__group_id", "year": "template__group__year"}
        return queryset.filter(**{names.get(key, key): value for key, value in params.items()})


class ScoreFilter(serializers.Serializer):
    round = VisibleRoundField(help_text=_("The round (required)."))
    scoring_pass = serializers.ChoiceField(PassKind.choices, required=False, source="kind")
    scorer = IdField(required=False)
    subject = IdField(required=False)

    def get_fields(self):
        fields = super().get_fields()
        fields["pass"] = fields.pop("scoring_pass")  # "pass" is a Python keyword
        return fields

    def apply(self, queryset, params):
        names = {"kind": "kind", "scorer": "scorer_id", "subject": "subject_id"}
        return queryset.filter(**{names[key]: params[key] for key in names if key in params})


class ProposalFilter(serializers.Serializer):
    group = IdField(required=False)
    round = IdField(required=False)
    revision = IdField(required=False)
    state = serializers.ChoiceField(ProposalState.choices, required=False)

    def apply(self, queryset, params):
        names = {"group": "revision__round__template__group_id", "round": "revision__round_id",
                 "revision": "revision_id", "state": "state"}
        return queryset.filter(**{names[key]: value for key, value in params.items()})
