"""The group's scoring table: its tree of criteria, its settings, and Excel in and out."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vinhdanh.scoring import queries
from vinhdanh.scoring.enums import CriterionKind, TieBreak
from vinhdanh.scoring.models import Criterion
from vinhdanh.scoring.services import excel
from vinhdanh.scoring.services import templates as services
from vinhdanh.workspace.forms.scoring import (
    CriterionForm,
    TemplateCreateForm,
    TemplateSettingsForm,
    WorkbookForm,
)
from vinhdanh.workspace.views.common import posted, posted_files, recent_history, save_form
from vinhdanh.workspace.views.scoring.access import (
    attempt,
    group_for,
    require,
    template_for,
    xlsx_response,
)


def _previous_template(request, group):
    """Last year's table when the user sees it: the default to copy from."""
    if group.copied_from_id is None:
        return None
    return queries.templates_visible_to(request.user).filter(group=group.copied_from_id).first()


def _create_form(request, group):
    templates = queries.templates_visible_to(request.user).exclude(group=group)
    previous = _previous_template(request, group)
    return TemplateCreateForm(posted(request), templates=templates.order_by("-group__year"),
                              previous=previous)


@login_required
@require_GET
def scoring_table(request, pk):
    """The group's table, or the form that starts it."""
    group = group_for(request, pk)
    template = queries.templates_visible_to(request.user).filter(group=group).first()
    if template is None:
        return render(request, "workspace/scoring/template_missing.html", {
            "group": group, "can_add": request.user.has_perm("scoring.add_template", group),
            "form": _create_form(request, group)})
    return render(request, "workspace/scoring/template.html", _table_context(request, template))


def _table_context(request, template) -> dict:
    user = request.user
    return {
        "template": template, "group": template.group,
        "tree": services.criteria_tree(template),
        "max_total": services.max_total(template),
        "locked": services.template_locked(template),
        "tie_breaks": [TieBreak(rule).label for rule in template.tie_breaks
                       if rule in TieBreak.values],
        "can_change": user.has_perm("scoring.change_template", template),
        "can_manage": user.has_perm("scoring.manage_round", template),
        "rounds": template.rounds.all(),
        "history": recent_history(template),
    }


@login_required
@require_POST
def template_create(request, pk):
    group = group_for(request, pk)
    require(request.user, "add_template", group)
    form = _create_form(request, group)
    template = save_form(request, form, lambda data: services.create_template(
        group, actor=request.user, copy_from=data["copy_from"],
        blank=data["copy_from"] is None))
    if template is None:
        return render(request, "workspace/scoring/template_missing.html",
                      {"group": group, "can_add": True, "form": form})
    messages.success(request, _("The scoring table was created."))
    return redirect("workspace:scoring-table", group.pk)


@login_required
def template_settings(request, pk):
    template = template_for(request, pk, "change_template")
    form = TemplateSettingsForm(posted(request),
                                initial=TemplateSettingsForm.initial_for(template))
    if save_form(request, form, lambda data: services.update_template(
            template, actor=request.user, **data)):
        messages.success(request, _("The settings were saved."))
        return redirect("workspace:scoring-table", template.group_id)
    return render(request, "workspace/scoring/template_settings.html",
                  {"form": form, "template": template})


def _sections(template):
    return template.criteria.filter(kind=CriterionKind.SECTION)


@login_required
def criterion_create(request, pk):
    template = template_for(request, pk, "change_template")
    form = CriterionForm(posted(request), sections=_sections(template),
                         initial={"parent": request.GET.get("parent")})
    if save_form(request, form, lambda data: services.add_criterion(
            template, actor=request.user, **data)):
        messages.success(request, _("The criterion was added."))
        return redirect("workspace:scoring-table", template.group_id)
    return render(request, "workspace/scoring/criterion_form.html",
                  {"form": form, "template": template})


def _criterion(request, pk):
    templates = queries.templates_visible_to(request.user)
    criterion = get_object_or_404(Criterion.objects.filter(template__in=templates)
                                  .select_related("template__group"), pk=pk)
    require(request.user, "change_template", criterion.template)
    return criterion


def _criterion_initial(criterion) -> dict:
    names = ("parent", "kind", "code", "title", "max_points", "evidence_required", "guidance")
    return {name: getattr(criterion, name) for name in names}


@login_required
def criterion_edit(request, pk):
    criterion = _criterion(request, pk)
    template = criterion.template
    form = CriterionForm(posted(request), sections=_sections(template).exclude(pk=pk),
                         initial=_criterion_initial(criterion))
    if save_form(request, form, lambda data: services.update_criterion(
            criterion, actor=request.user, **data)):
        messages.success(request, _("The criterion was saved."))
        return redirect("workspace:scoring-table", template.group_id)
    return render(request, "workspace/scoring/criterion_form.html",
                  {"form": form, "template": template, "criterion": criterion})


def _held_by(criterion) -> list:
    """The nodes deleted with ``criterion``: those below it in the tree, in reading order."""
    tree = services.criteria_tree(criterion.template)
    start = next(i for i, (node, _depth) in enumerate(tree) if node.pk == criterion.pk)
    depth = tree[start][1]
    held = []
    for node, node_depth in tree[start + 1:]:
        if node_depth <= depth:
            break
        held.append(node)
    return held


@login_required
@require_http_methods(["GET", "POST"])
def criterion_delete(request, pk):
    """GET asks to confirm (naming what the section holds, deleted with it); POST deletes."""
    criterion = _criterion(request, pk)
    group_id = criterion.template.group_id
    if request.method == "GET":
        return render(request, "workspace/scoring/criterion_delete.html", {
            "criterion": criterion, "template": criterion.template,
            "held": _held_by(criterion)})
    attempt(request, lambda: services.delete_criterion(criterion, actor=request.user),
            _("The criterion was deleted."))
    return redirect("workspace:scoring-table", group_id)


@login_required
@require_GET
def template_export(request, pk):
    template = template_for(request, pk)
    group = template.group
    filename = f"bang-diem-{group.code}-{group.year}.xlsx"
    return xlsx_response(excel.export_template(template), filename)


@login_required
def template_import(request, pk):
    template = template_for(request, pk, "change_template")
    form = WorkbookForm(posted(request), posted_files(request))
    count = save_form(request, form, lambda data: excel.import_template(
        template, data["file"].read(), actor=request.user))
    if count is not None:
        messages.success(request, _("%(count)s criteria were imported.") % {"count": count})
        return redirect("workspace:scoring-table", template.group_id)
    return render(request, "workspace/scoring/template_import.html",
                  {"form": form, "template": template})

