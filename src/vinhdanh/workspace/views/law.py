"""The law's figures per rule pack and the province's settings on them, the base salaries,
and the bonus calculator. Every officer reads them; administrators change them."""

from io import BytesIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vinhdanh.core.errors import DomainError
from vinhdanh.core.models import ActivityLog
from vinhdanh.core.text import nfc
from vinhdanh.honors.enums import PackStatus, SubjectKind
from vinhdanh.honors.models import BaseSalary, RuleSetting, RuleSettingChange
from vinhdanh.honors.services import settings as services
from vinhdanh.honors.services.bonuses import BonusItem, compute_bonuses
from vinhdanh.workspace.forms.fields import add_errors
from vinhdanh.workspace.forms.law import (
    BaseSalaryForm,
    BonusLineFormSet,
    CalculatorForm,
    ReasonForm,
    SettingForm,
)
from vinhdanh.workspace.law_figures import (
    SUBJECTS,
    Figure,
    all_packs,
    coefficient_figures,
    figure_label,
    figure_sections,
    honour_name,
    status_figure,
)
from vinhdanh.workspace.views.common import HISTORY_LIMIT, posted, save_form

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHANGED_BY = Prefetch("changes", queryset=RuleSettingChange.objects.select_related("changed_by"))


def _require(user, perm: str) -> None:
    if not user.has_perm(f"honors.{perm}"):
        raise PermissionDenied


def _pack_or_404(code: str):
    try:
        return services.get_pack(code)
    except DomainError:
        raise Http404 from None


@login_required
@require_GET
def pack_list(request):
    _require(request.user, "view_rulesetting")
    statuses = dict(RuleSetting.objects.filter(key="status").values_list("pack_code", "value"))
    today = timezone.localdate()
    packs = [{"pack": pack, "status": statuses.get(pack.code, pack.status),
              "in_force": pack.in_force_on(today)} for pack in all_packs()]
    return render(request, "workspace/law/packs.html",
                  {"packs": packs, "confirmed": PackStatus.CONFIRMED})


def _settings_of(code: str) -> dict:
    return {s.key: s for s in RuleSetting.objects.filter(pack_code=code)}


@login_required
@require_GET
def pack_detail(request, code):
    _require(request.user, "view_rulesetting")
    pack = _pack_or_404(code)
    settings = _settings_of(code)
    status = status_figure(pack, settings)
    return render(request, "workspace/law/pack.html", {
        "pack": pack, "status": status, "probable": status.value != PackStatus.CONFIRMED,
        "subjects": [SubjectKind(subject).label for subject in SUBJECTS],
        "coefficients": coefficient_figures(pack, settings),
        "sections": figure_sections(pack, settings),
        "changes": RuleSettingChange.objects.filter(setting__pack_code=code)
        .select_related("setting", "changed_by")[:HISTORY_LIMIT],
        "can_change": request.user.has_perm("honors.change_rulesetting"),
    })


@login_required
@require_http_methods(["GET", "POST"])
def pack_confirm(request, code):
    _require(request.user, "change_rulesetting")
    pack = _pack_or_404(code)
    form = ReasonForm(posted(request))
    if save_form(request, form, lambda data: services.confirm_pack(
            code, actor=request.user, reason=data["reason"])):
        messages.success(request, _("The rule pack is now confirmed."))
        return redirect("workspace:law-pack", code=code)
    return render(request, "workspace/law/confirm.html", {"form": form, "pack": pack})


def _figure(pack, key: str) -> Figure:
    try:
        default = services.default_param(pack, key)
    except DomainError:
        raise Http404 from None
    setting = (RuleSetting.objects.filter(pack_code=pack.code, key=key)
               .prefetch_related(CHANGED_BY).first())
    return Figure(pack.code, key, figure_label(pack, key), default, setting)


def _setting_form(request, figure: Figure):
    initial = {"confirmed": figure.confirmed}
    return SettingForm(posted(request) if "reset" not in request.POST else None, key=figure.key,
                       default=figure.default.value, current=figure.value, initial=initial)


def _reset_form(request):
    return ReasonForm(posted(request) if "reset" in request.POST else None, prefix="reset")


@login_required
@require_http_methods(["GET", "POST"])
def setting_detail(request, code, key):
    """One figure: the pack's value, the province's, its history and (admins) the forms."""
    _require(request.user, "view_rulesetting")
    if request.method == "POST":
        _require(request.user, "change_rulesetting")
    pack = _pack_or_404(code)
    figure = _figure(pack, key)
    form, reset = _setting_form(request, figure), _reset_form(request)
    if _save_setting(request, figure, form) or _reset_setting(request, figure, reset):
        return redirect("workspace:law-pack", code=code)
    return render(request, "workspace/law/setting.html", {
        "pack": pack, "figure": figure, "form": form, "reset_form": reset,
        "changes": figure.setting.changes.all() if figure.setting else [],
        "can_change": request.user.has_perm("honors.change_rulesetting"),
    })


def _save_setting(request, figure, form) -> bool:
    saved = save_form(request, form, lambda data: services.set_rule_setting(
        figure.pack_code, figure.key, actor=request.user, value=form.value(),
        confirmed=data["confirmed"], reason=data["reason"]))
    if saved:
        messages.success(request, _("The figure was saved."))
    return bool(saved)


def _reset_setting(request, figure, form) -> bool:
    if not figure.overridden:
        return False
    saved = save_form(request, form, lambda data: services.reset_rule_setting(
        figure.setting, actor=request.user, reason=data["reason"]))
    if saved:
        messages.success(request, _("The figure is back to the rule pack's value."))
    return bool(saved)


def _salary_history():
    content_type = ContentType.objects.get_for_model(BaseSalary)
    return (ActivityLog.objects.filter(content_type=content_type)
            .select_related("actor")[:HISTORY_LIMIT])


def _save_salary(request, form, valid_from=None):
    def action(data):
        return services.set_base_salary(
            valid_from or data["valid_from"], actor=request.user, amount=data["amount"],
            legal_basis=data["legal_basis"], confirmed=data["confirmed"], note=data["note"])

    saved = save_form(request, form, action)
    if saved:
        messages.success(request, _("The base salary was saved."))
    return saved


@login_required
@require_http_methods(["GET", "POST"])
def salary_list(request):
    _require(request.user, "view_basesalary")
    can_change = request.user.has_perm("honors.change_basesalary")
    if request.method == "POST" and not can_change:
        raise PermissionDenied
    form = BaseSalaryForm(posted(request)) if can_change else None
    if form is not None and _save_salary(request, form):
        return redirect("workspace:law-salaries")
    return render(request, "workspace/law/salaries.html", {
        "salaries": BaseSalary.objects.order_by("-valid_from"), "form": form,
        "can_change": can_change, "history": _salary_history(),
    })


@login_required
@require_http_methods(["GET", "POST"])
def salary_edit(request, pk):
    _require(request.user, "change_basesalary")
    row = get_object_or_404(BaseSalary, pk=pk)
    initial = {name: getattr(row, name)
               for name in ("valid_from", "amount", "legal_basis", "confirmed", "note")}
    form = BaseSalaryForm(posted(request), initial=initial, editing=True)
    if _save_salary(request, form, valid_from=row.valid_from):
        return redirect("workspace:law-salaries")
    return render(request, "workspace/law/salary_edit.html", {"form": form, "row": row})


def _items(lines) -> list[BonusItem]:
    filled = [form.cleaned_data for form in lines.forms if form.cleaned_data]
    return [BonusItem(nfc(data["candidate"]).strip() or f"line:{index}", data["honor"],
                      data["subject"], data["year"], data["first_year"])
            for index, data in enumerate(filled, start=1)]


def _calculate(form, lines):
    """The sheet for a valid form; errors (a refused honour, no line) land in ``form``."""
    if not (form.is_valid() and lines.is_valid()):
        return None
    items = _items(lines)
    if not items:
        form.add_error(None, _("Fill in at least one line."))
        return None
    try:
        return compute_bonuses(items, form.cleaned_data["decision_date"])
    except DomainError as error:
        add_errors(form, error)
        return None


def _rows(sheet) -> list[dict]:
    return [{"item": item, "bonus": bonus, "honour": honour_name(item.honor_code),
             "subject": SubjectKind(item.subject).label,
             "who": "" if item.key.startswith("line:") else item.key}
            for item, bonus in sheet.lines]


@login_required
@require_GET
def bonus_calculator(request):
    _require(request.user, "view_rulesetting")
    data = request.GET if "decision_date" in request.GET else None
    form, lines = CalculatorForm(data), BonusLineFormSet(data, prefix="lines")
    sheet = _calculate(form, lines) if data is not None else None
    if sheet is not None and request.GET.get("export") == "xlsx":
        return _xlsx_response(sheet)
    return render(request, "workspace/law/calculator.html", {
        "form": form, "lines": lines, "sheet": sheet,
        "rows": _rows(sheet) if sheet else [],
    })


def _sheet_headers() -> list[str]:
    return [_("Recipient"), _("Honour"), _("Subject"), _("Year"), _("Coefficient"),
            _("Base salary"), _("Amount (VND)"), _("Paid"), _("Unconfirmed figure"),
            _("Explanation")]


def _sheet_row(row) -> list:
    item, bonus = row["item"], row["bonus"]
    years = f"{item.first_year}–{item.year}" if item.first_year else item.year
    return [row["who"], row["honour"], str(row["subject"]), years, float(bonus.coefficient),
            bonus.base_salary, bonus.amount, _("Yes") if bonus.paid else _("No"),
            "" if bonus.confirmed else _("Yes"), bonus.explanation]


def sheet_workbook(sheet) -> bytes:
    """The calculator's sheet as an .xlsx file: one line per honour, then the total."""
    from openpyxl import Workbook

    book = Workbook()
    page = book.active
    page.title = _("Bonuses")[:31]
    page.append([_("Decision date"), f"{sheet.decision_date:%d/%m/%Y}"])
    page.append(_sheet_headers())
    for row in _rows(sheet):
        page.append(_sheet_row(row))
    page.append([_("Total"), "", "", "", "", "", sheet.total])
    for cells in page.iter_rows(min_row=3, min_col=6, max_col=7):
        for cell in cells:
            cell.number_format = "#,##0"
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_response(sheet) -> HttpResponse:
    response = HttpResponse(sheet_workbook(sheet), content_type=XLSX_TYPE)
    name = f"tien-thuong-{sheet.decision_date:%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
