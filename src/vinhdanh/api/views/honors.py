"""The honour catalogue, rule packs, eligibility (one candidate or a sweep), bonus sheets and
a candidate's honour history. Candidates come from ``visible_to(user)``: others are 404."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.response import Response

from vinhdanh.api.serializers.honors import (
    BonusRequestSerializer,
    BonusSheetSerializer,
    EvaluateSerializer,
    EvaluationSerializer,
    HistorySerializer,
    HonorSerializer,
    RulePackSerializer,
    SweepResultSerializer,
    SweepSerializer,
    bonus_line_data,
    candidate_data,
    sweep_data,
)
from vinhdanh.api.views.base import ServiceViewSet
from vinhdanh.honors.effective import EffectivePack
from vinhdanh.honors.law.packs import PACKS
from vinhdanh.honors.models import (
    DisciplinePeriod,
    Honor,
    HonorRecord,
    Initiative,
    TaskRatingRecord,
)
from vinhdanh.honors.services.bonuses import BonusItem, compute_bonuses
from vinhdanh.honors.services.eligibility import evaluate
from vinhdanh.honors.services.history import subject_of
from vinhdanh.honors.services.sweeps import run_sweep, subject_for
from vinhdanh.organisations.models import Household, Person, Unit

NOT_VISIBLE = OpenApiResponse(description=_("No such candidate, or not one you can see."))
# kind -> (model, its unit for select_related, the rule for reading it)
CANDIDATES = {
    "person": (Person, "unit", "organisations.view_person"),
    "unit": (Unit, "parent", "organisations.view_unit"),
    "household": (Household, "unit", None),  # visibility is the whole rule for households
}


class HonorViewSet(mixins.ListModelMixin, ServiceViewSet):
    """The honour catalogue: emulation titles and award forms, with their stable codes."""

    serializer_class = HonorSerializer
    queryset = Honor.objects.all()
    filter_backends = []
    pagination_class = None  # the catalogue is short: one list


class RulePackViewSet(ServiceViewSet):
    """The rule packs (the law in force between two dates), with the province's status."""

    serializer_class = RulePackSerializer
    filter_backends = []
    pagination_class = None

    def list(self, request):
        rows = [_pack_data(EffectivePack(pack)) for pack in PACKS]
        return Response(RulePackSerializer(rows, many=True).data)


def _pack_data(effective: EffectivePack) -> dict:
    pack = effective.pack
    return {"code": pack.code, "title": pack.title, "valid_from": pack.valid_from,
            "valid_until": pack.valid_until, "status": effective.status,
            "legal_texts": list(pack.legal_texts)}


class EligibilityViewSet(ServiceViewSet):
    """Checks the criteria of an honour for one candidate, or for all it sees (a sweep)."""

    def get_serializer_class(self):
        return SweepSerializer if self.action == "sweep" else EvaluateSerializer

    @extend_schema(request=EvaluateSerializer,
                   responses={200: EvaluationSerializer, 404: NOT_VISIBLE})
    def evaluate(self, request):
        """The verdict for one person, unit (collective) or household, criterion by
        criterion, with what it still lacks."""
        data = self.validated_input()
        candidate = self._candidate(data["kind"], data["id"])
        subject_for(data["honor"], subject_of(candidate))  # 400 when the honour does not fit
        evaluation = evaluate(candidate, data["honor"].code, data["year"],
                              received_on=data["received_on"])
        return Response(EvaluationSerializer(evaluation).data)

    def _candidate(self, kind: str, pk: int):
        """The candidate if the user may see it; 404 otherwise, 403 if a rule refuses it."""
        model, unit_field, perm = CANDIDATES[kind]
        queryset = model.objects.visible_to(self.request.user).select_related(unit_field)
        candidate = get_object_or_404(queryset, pk=pk)
        if perm:
            self.require(perm, candidate)
        return candidate

    @extend_schema(request=SweepSerializer, responses=SweepResultSerializer)
    def sweep(self, request):
        """Every candidate you see for an honour and a year. `limit` and `offset` page
        through the results (at most 1000 at a time); `counts` cover them all."""
        data = self.validated_input()
        limit, offset = data.pop("limit"), data.pop("offset")
        result = run_sweep(request.user, data.pop("honor").code, data.pop("year"), **data)
        return Response(SweepResultSerializer(sweep_data(result, limit, offset)).data)


class BonusViewSet(ServiceViewSet):
    """Bonus sheets: coefficient × the base salary in force on the decision date."""

    serializer_class = BonusRequestSerializer

    @extend_schema(request=BonusRequestSerializer, responses=BonusSheetSerializer)
    def calculate(self, request):
        """The amount of each line and the total; several titles for one period of one
        candidate (same ``key``) are paid as the rule pack says."""
        data = self.validated_input()
        items = [BonusItem(item["key"], item["honor"].code, item["subject"], item["year"],
                           item["first_year"]) for item in data["items"]]
        sheet = compute_bonuses(items, data["decision_date"])
        lines = [bonus_line_data(item, bonus) for item, bonus in sheet.lines]
        body = {"decision_date": sheet.decision_date, "total": sheet.total, "lines": lines}
        return Response(BonusSheetSerializer(body).data)


class HistoryMixin:
    """``GET …/{id}/history/`` on a viewset of people or units: what eligibility reads of
    the candidate (honours, task ratings, initiatives, discipline or pending cases).

    The viewset names ``history_perm``, the rule for reading the candidate.
    """

    history_perm: str

    @extend_schema(responses={200: HistorySerializer, 404: NOT_VISIBLE})
    @action(detail=True, methods=["get"], serializer_class=HistorySerializer)
    def history(self, request, pk=None):
        """The candidate's honour history."""
        candidate = self.get_object()
        self.require(self.history_perm, candidate)
        return Response(HistorySerializer(history_data(candidate)).data)


def history_data(candidate) -> dict:
    return {
        "candidate": candidate_data(candidate),
        "honors": HonorRecord.objects.of(candidate).select_related("honor"),
        "ratings": TaskRatingRecord.objects.of(candidate),
        "initiatives": Initiative.objects.of(candidate),
        "restrictions": DisciplinePeriod.objects.of(candidate),
    }


# Until the lead mixes HistoryMixin into PersonViewSet and UnitViewSet, these serve the
# same URLs (api/urls.py routes them).
class PersonHistoryViewSet(HistoryMixin, ServiceViewSet):
    queryset = Person.objects.all()  # names the model (and the {id} parameter) for the schema
    history_perm = "organisations.view_person"

    def get_queryset(self):
        return Person.objects.visible_to(self.request.user).select_related("unit")


class UnitHistoryViewSet(HistoryMixin, ServiceViewSet):
    queryset = Unit.objects.all()
    history_perm = "organisations.view_unit"

    def get_queryset(self):
        return Unit.objects.visible_to(self.request.user).select_related("parent")
