"""Score entry: the sheets a user fills in the open pass, one sheet, its Excel, evidence.

A sheet is what one scorer unit gives one subject unit in the open pass. Values come
through ``queries.scores_visible_to``, so a page never shows a peer value the user may not
read (the peer pass is blind until it closes).
"""

from decimal import Decimal
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Avg
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.scoring import queries
from vinhdanh.scoring.enums import CriterionKind, PassKind
from vinhdanh.scoring.models import Score
from vinhdanh.scoring.ranking import Totals
from vinhdanh.scoring.services import excel
from vinhdanh.scoring.services import scores as services
from vinhdanh.scoring.services.templates import criteria_tree
from vinhdanh.workspace.forms.scoring import SheetForm, WorkbookForm
from vinhdanh.workspace.views.common import (
    posted,
    posted_files,
    save_form,
    vary_on_htmx,
    wants_fragment,
)
from vinhdanh.workspace.views.scoring.access import round_for, xlsx_response


def _subjects(scoring_pass, scorer, members) -> list:
    """``queries.subjects_for`` with the members read once for all the user's scorers."""
    if scoring_pass.kind == PassKind.SELF:
        return [scorer]
    if scoring_pass.kind == PassKind.PEER:
        return [unit for unit in members if unit.pk != scorer.pk]
    return members


def sheets_for(user, scoring_pass, missing) -> list[dict]:
    """The sheets the user fills in this pass, per scorer unit, with what each lacks."""
    lacking = {(row.scorer.pk, row.subject.pk): row for row in missing}
    members = queries.members_of(scoring_pass.round.template.group)
    return [{"scorer": scorer, "sheets": [
        {"subject": subject, "missing": lacking.get((scorer.pk, subject.pk))}
        for subject in _subjects(scoring_pass, scorer, members)]}
        for scorer in queries.scoring_units(user, scoring_pass)]


def _open_pass(scoring_round):
    scoring_pass = queries.current_pass(scoring_round)
    if scoring_pass is None:
        raise Http404(_("No scoring pass of this round is open."))
    return scoring_pass


def _scorer(user, scoring_pass, pk):
    scorer = next((u for u in queries.scoring_units(user, scoring_pass) if u.pk == pk), None)
    if scorer is None:
        raise PermissionDenied
    return scorer


def _subject(scoring_pass, scorer, pk):
    subject = next((u for u in queries.subjects_for(scoring_pass, scorer) if u.pk == pk), None)
    if subject is None:
        raise Http404
    return subject


def totals_of(scores: dict, criteria) -> Totals:
    sums = {kind: Decimal(0) for kind in CriterionKind.values}
    for criterion in criteria:
        score = scores.get(criterion.pk)
        if score is not None and score.points is not None:
            sums[criterion.kind] += score.points
    return Totals(standard=sums[CriterionKind.STANDARD], bonus=sums[CriterionKind.BONUS],
                  penalty=sums[CriterionKind.PENALTY])


class _Sheet:
    """What one sheet page reads: the tree, the scores given, the subject's other scores."""

    def __init__(self, user, scoring_pass, scorer, subject):
        self.scoring_pass, self.scorer, self.subject = scoring_pass, scorer, subject
        self.tree = criteria_tree(scoring_pass.round.template)
        self.visible = queries.scores_visible_to(user, scoring_pass.round)
        self.mine = self._by_criterion(self.visible.filter(
            scoring_pass=scoring_pass, scorer=scorer, subject=subject))
        self.own = self._by_criterion(self.visible.filter(kind=PassKind.SELF, subject=subject))
        self.peer_means = self._peer_means() if scoring_pass.kind == PassKind.LEADER else {}

    @staticmethod
    def _by_criterion(scores) -> dict:
        return {score.criterion_id: score for score in scores}

    def _peer_means(self) -> dict:
        rows = (self.visible.filter(kind=PassKind.PEER, subject=self.subject,
                                    points__isnull=False)
                .values("criterion").annotate(mean=Avg("points")))
        return {row["criterion"]: row["mean"] for row in rows}

    def form(self, request, *, bound=True):
        criteria = [criterion for criterion, _depth in self.tree]
        data, files = (posted(request), posted_files(request)) if bound else (None, None)
        return SheetForm(data, files, criteria=criteria,
                         kind=self.scoring_pass.kind, initial=SheetForm.initial_for(self.mine))

    def rows(self, form) -> list[dict]:
        return [{"criterion": c, "depth": depth, "score": self.mine.get(c.pk),
                 "own": self.own.get(c.pk), "peer_mean": self.peer_means.get(c.pk),
                 "fields": form.bound_row(c) if c.is_scored else {}}
                for c, depth in self.tree]

    def totals(self) -> Totals:
        return totals_of(self.mine, [criterion for criterion, _depth in self.tree])


def _sheet_page(request, pk, scorer_pk, subject_pk) -> _Sheet:
    scoring_round = round_for(request, pk, "enter_scores")
    scoring_pass = _open_pass(scoring_round)
    scorer = _scorer(request.user, scoring_pass, scorer_pk)
    return _Sheet(request.user, scoring_pass, scorer,
                  _subject(scoring_pass, scorer, subject_pk))


@login_required
def sheet(request, pk, scorer, subject):
    page = _sheet_page(request, pk, scorer, subject)
    form = page.form(request)
    saved = save_form(request, form, lambda data: services.record_sheet(
        page.scoring_pass, actor=request.user, scorer=page.scorer, subject=page.subject,
        rows=form.rows()))
    if saved is not None and not wants_fragment(request):
        messages.success(request, _("The scores were saved."))
        return redirect(request.path)
    if saved is not None:  # htmx: the sheet again, saying so itself, with the saved totals
        page = _sheet_page(request, pk, scorer, subject)
        form = page.form(request, bound=False)
    context = {"page": page, "form": form, "rows": page.rows(form), "totals": page.totals(),
               "round": page.scoring_pass.round, "saved": saved is not None}
    name = "_sheet.html" if wants_fragment(request) else "sheet.html"
    return vary_on_htmx(render(request, f"workspace/scoring/{name}", context))


def _export_blind(user, scoring_pass, unit) -> bool:
    """Whether the workbook must leave out the values: while a pass is open, the self pass's
    export holds every unit's self-scores and the peer pass's is read by the unit's own
    clerks only (see queries.scores_visible_to)."""
    group = scoring_pass.round.template.group
    if scoring_pass.kind == PassKind.SELF:
        return not queries.is_group_editor(user, group)
    if scoring_pass.kind == PassKind.PEER:
        return unit not in queries.own_units(user, group)
    return False


@login_required
@require_GET
def sheet_export(request, pk, scorer):
    """The open pass's workbook for ``scorer``; in the leader pass, the consolidated values
    of every unit (the self-scores until the leader changes them)."""
    scoring_round = round_for(request, pk, "enter_scores")
    scoring_pass = _open_pass(scoring_round)
    unit = _scorer(request.user, scoring_pass, scorer)
    template = scoring_round.template
    data = (excel.export_template(template) if _export_blind(request.user, scoring_pass, unit)
            else excel.export_template(template, scoring_pass=scoring_pass, scorer=unit))
    return xlsx_response(data, f"phieu-cham-{unit.code}-{scoring_pass.kind}.xlsx")


@login_required
def sheet_import(request, pk, scorer):
    """A workbook of the open pass's scores, ``scorer``'s. In the leader pass (group editors,
    as the leader unit) the file has no reason column: it may confirm self-scores or values
    already consolidated; a changed value is refused at its cell, nothing is saved, and the
    change is made with its reason on the unit's consolidation sheet (excel.import_scores).
    """
    scoring_round = round_for(request, pk, "enter_scores")
    scoring_pass = _open_pass(scoring_round)
    unit = _scorer(request.user, scoring_pass, scorer)
    form = WorkbookForm(posted(request), posted_files(request))
    count = save_form(request, form, lambda data: excel.import_scores(
        scoring_pass, data["file"].read(), actor=request.user, scorer=unit))
    if count is not None:
        messages.success(request, _("%(count)s scores were imported.") % {"count": count})
        return redirect("workspace:scoring-round", scoring_round.pk)
    return render(request, "workspace/scoring/sheet_import.html", {
        "form": form, "round": scoring_round, "pass": scoring_pass, "scorer": unit})


@login_required
@require_GET
def evidence(request, pk):
    """A score's evidence file, to those who may read the score (media is not public)."""
    rounds = queries.rounds_visible_to(request.user)
    score = get_object_or_404(Score.objects.filter(scoring_pass__round__in=rounds)
                              .select_related("scoring_pass__round__template__group"), pk=pk)
    scoring_round = score.scoring_pass.round
    visible = queries.scores_visible_to(request.user, scoring_round).filter(pk=pk).exists()
    if not visible or not score.evidence:
        raise Http404
    name = Path(score.evidence.name).name
    return FileResponse(score.evidence.open("rb"), as_attachment=True, filename=name)
