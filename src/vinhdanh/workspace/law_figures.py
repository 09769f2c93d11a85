"""Every figure of a rule pack as the law pages show it: the pack's value with its article,
and the province's value where it overrides it."""

import json
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from vinhdanh.honors.enums import PackStatus, SubjectKind
from vinhdanh.honors.law.catalogue import BY_CODE, CATALOGUE
from vinhdanh.honors.law.model import Pack, Param
from vinhdanh.honors.law.packs import PACKS
from vinhdanh.honors.models import RuleSetting
from vinhdanh.honors.services.bonuses import format_decimal, format_vnd
from vinhdanh.honors.services.settings import criterion_rules, default_param, is_override
from vinhdanh.nominations.enums import DocumentKind, Procedure

SUBJECTS = SubjectKind.values
STEP_LABELS = {
    "commune_appraisal": gettext_lazy("Commune appraisal of grassroots titles"),
    "cstdcs_appraisal": gettext_lazy("Appraisal of Chiến sĩ thi đua cơ sở"),
    "board_appraisal": gettext_lazy("Commendation board's appraisal"),
    "return_ineligible": gettext_lazy("Return of an ineligible dossier"),
    "central_submission": gettext_lazy("Submission to the Prime Minister"),
    "central_after_consultation": gettext_lazy("Submission after the last agency opinion"),
    "forward_decision": gettext_lazy("Forwarding of the decision"),
    "issue_insignia": gettext_lazy("Issue of insignia and certificates"),
    "receipt": gettext_lazy("Receipt of a submitted dossier"),
    "group_review": gettext_lazy("Group leader's review of a group's proposal"),
    "council": gettext_lazy("From ready for council to the council's result"),
    "resubmission": gettext_lazy("Resubmission of a returned dossier"),
}

EMULATION_LABELS = {
    "group_flags": gettext_lazy("Units a group proposes for the Cờ thi đua"),
    "group_merit_certificates": gettext_lazy("Units a group proposes for the Bằng khen"),
}


def all_packs() -> list[Pack]:
    packs = PACKS.values() if isinstance(PACKS, dict) else PACKS
    return sorted(packs, key=lambda pack: pack.valid_from)


def honour_name(code: str) -> str:
    """The honour's name; a criteria key "<code>:collective" names the subject too."""
    code, _colon, subject = code.partition(":")
    spec = BY_CODE.get(code)
    name = spec.name if spec else code
    if subject in SubjectKind.values:
        return f"{name} ({SubjectKind(subject).label.lower()})"
    return name


def _vote(value: dict) -> str:
    share = format_decimal(round(value["share"] * 100, 2))
    if "of" not in value:
        return _("%(share)s%% of the members") % {"share": share}
    text = (_("%(share)s%% of all members") if value["of"] == "all_members"
            else _("%(share)s%% of the members present")) % {"share": share}
    # Outside the f-string: xgettext does not look inside one.
    secret = _("secret ballot")
    return f"{text}, {secret}" if value.get("secret") else text


def _coefficients(value: dict) -> str:
    return "; ".join(f"{SubjectKind(subject).label}: {format_decimal(number)}"
                     for subject, number in value.items())


def describe(key: str, value) -> str:
    """A figure's value as a sentence fragment: "20 working days", "90% of all members"."""
    prefix = key.partition(".")[0]
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if key == "status":
        return str(PackStatus(value).label) if value in PackStatus.values else str(value)
    if prefix == "time_limit":
        return ngettext("%(days)s working day", "%(days)s working days", value) % {
            "days": value}
    if key == "rounding":
        return f"{format_vnd(value)} đ"
    if key.startswith("dossier.public_comment."):
        return ngettext("%(days)s day", "%(days)s days", value) % {"days": value}
    if key.startswith("dossier.documents.") and isinstance(value, str):
        return str(DocumentKind(value).label) if value in DocumentKind.values else value
    if prefix == "vote" and isinstance(value, dict):
        return _vote(value)
    if prefix == "coefficient" and isinstance(value, dict):
        return _coefficients(value)
    if isinstance(value, int | float):
        return format_decimal(value)
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(describe(key, item) for item in value)
    return json.dumps(value, ensure_ascii=False)


@dataclass
class Figure:
    pack_code: str
    key: str
    label: str
    default: Param
    setting: RuleSetting | None = None

    @property
    def overridden(self) -> bool:
        return is_override(self.setting, self.default)

    @property
    def value(self):
        return self.setting.value if self.setting else self.default.value

    @property
    def confirmed(self) -> bool:
        return self.setting.confirmed if self.setting else self.default.confirmed

    @property
    def shown(self) -> str:
        return describe(self.key, self.value)

    @property
    def default_shown(self) -> str:
        return describe(self.key, self.default.value)

    @property
    def cells(self) -> list:
        """A coefficient per subject, in the order of the table's columns."""
        return [self.value.get(subject) for subject in SUBJECTS]

    def get_absolute_url(self) -> str:
        return reverse("workspace:law-setting", args=[self.pack_code, self.key])


def _catalogue_order(table: dict) -> list[str]:
    known = [spec.code for spec in CATALOGUE if spec.code in table]
    return known + sorted(code for code in table if code not in known)


def coefficient_figures(pack: Pack, settings: dict) -> list[Figure]:
    return [Figure(pack.code, f"coefficient.{code}", honour_name(code),
                   pack.coefficients[code], settings.get(f"coefficient.{code}"))
            for code in _catalogue_order(pack.coefficients)]


def _table(pack, settings, prefix, table, label) -> list[Figure]:
    return [Figure(pack.code, f"{prefix}.{name}", label(name), param,
                   settings.get(f"{prefix}.{name}")) for name, param in table.items()]


def _vote_label(name: str) -> str:
    return _("Quorum") if name == "quorum" else honour_name(name)


def _emulation_label(name: str) -> str:
    if name.startswith("registration."):
        return _("Registration expected for %(honour)s") % {
            "honour": honour_name(name.removeprefix("registration."))}
    return str(EMULATION_LABELS.get(name, name))


def _dossier_label(name: str) -> str:
    kind, _dot, rest = name.partition(".")
    if kind == "documents" and rest.startswith("initiative."):
        return _("Proof of an initiative needed for %(honour)s") % {
            "honour": honour_name(rest.removeprefix("initiative."))}
    if kind == "documents":
        return _("Documents of the %(procedure)s") % {
            "procedure": str(Procedure(rest).label).lower() if rest in Procedure.values
            else rest}
    if kind == "simplified":
        return _("Simplified procedure allowed for %(honour)s") % {"honour": honour_name(rest)}
    return _("Days of public comment for %(honour)s") % {"honour": honour_name(rest)}


def _criteria(pack: Pack, settings: dict) -> list[Figure]:
    figures = []
    for code in _catalogue_order(pack.criteria):
        for rule in criterion_rules(pack, code):
            for name, value in rule.params.items():
                key = f"criterion.{code}.{rule.name}.{name}"
                figures.append(Figure(pack.code, key, f"{honour_name(code)} · {rule.name} · "
                                      f"{name}", Param(value, rule.article, rule.confirmed),
                                      settings.get(key)))
    return figures


def _rules(pack: Pack, settings: dict) -> list[Figure]:
    return [
        Figure(pack.code, "rounding", _("Bonuses are rounded up to a multiple of"),
               pack.rounding, settings.get("rounding")),
        Figure(pack.code, "same_period_highest_only",
               _("For one period, only the highest title is paid"),
               pack.same_period_highest_only, settings.get("same_period_highest_only")),
    ]


def figure_sections(pack: Pack, settings: dict) -> list[tuple[str, list[Figure]]]:
    """The pack's figures other than coefficients, by section; empty sections left out."""
    sections = [
        (_("Bonus rules"), _rules(pack, settings)),
        (_("Time limits"), _table(pack, settings, "time_limit", pack.time_limits,
                                  lambda step: str(STEP_LABELS.get(step, step)))),
        (_("Council votes"), _table(pack, settings, "vote", pack.vote_thresholds,
                                    _vote_label)),
        (_("Quotas"), _table(pack, settings, "quota", pack.quotas, honour_name)),
        (_("Emulation"), _table(pack, settings, "emulation", pack.emulation, _emulation_label)),
        (_("Dossiers"), _table(pack, settings, "dossier", pack.dossier, _dossier_label)),
        (_("Criteria"), _criteria(pack, settings)),
    ]
    return [(title, figures) for title, figures in sections if figures]


def status_figure(pack: Pack, settings: dict) -> Figure:
    return Figure(pack.code, "status", _("Status"), default_param(pack, "status"),
                  settings.get("status"))


def figure_label(pack: Pack, key: str) -> str:
    """The label the pack page gives ``key`` (the key itself if it has none)."""
    figures = [status_figure(pack, {}), *coefficient_figures(pack, {})]
    figures += [figure for _title, group in figure_sections(pack, {}) for figure in group]
    return next((figure.label for figure in figures if figure.key == key), key)
