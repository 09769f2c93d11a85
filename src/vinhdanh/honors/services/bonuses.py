"""Bonus money (tiền thưởng): coefficient × base salary on the decision date, rounded up.

The coefficient comes from the rule pack in force on the decision date, with the
province's settings on top (EffectivePack); the base salary from the BaseSalary row in
force that day. Every figure that no source confirms is flagged on the result, so the
staff see which amounts may still change.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, Decimal

from django.utils.translation import gettext as _

from vinhdanh.core.errors import DomainError
from vinhdanh.honors.effective import EffectivePack
from vinhdanh.honors.enums import HonorKind, SubjectKind
from vinhdanh.honors.law.catalogue import BY_CODE
from vinhdanh.honors.law.packs import effective_pack_for
from vinhdanh.honors.models import BaseSalary
from vinhdanh.honors.services.settings import is_override


@dataclass
class Bonus:
    honor_code: str
    subject: str
    decision_date: dt.date
    pack_code: str
    coefficient: Decimal
    coefficient_confirmed: bool
    base_salary: int
    base_salary_confirmed: bool
    amount: int  # VND after rounding; 0 when not paid
    paid: bool
    explanation: str  # "1,5 × 2.340.000 = 3.510.000 đ (…) → rounded up to 3.510.000 đ"
    article: str = ""
    province_setting: bool = False  # the coefficient is the province's, not the pack's
    pack_confirmed: bool = True  # False while the pack in force is only probable

    @property
    def confirmed(self) -> bool:
        return self.coefficient_confirmed and self.base_salary_confirmed


@dataclass
class BonusItem:
    key: str  # who, e.g. "person:12": the same-period rule compares one candidate's titles
    honor_code: str
    subject: str
    year: int
    first_year: int | None = None

    @property
    def period(self) -> tuple[int, int]:
        return (self.first_year or self.year, self.year)


@dataclass
class BonusSheet:
    decision_date: dt.date
    lines: list[tuple[BonusItem, Bonus]]
    total: int


def format_vnd(amount) -> str:
    """3510000 → "3.510.000" (Vietnamese thousands separator)."""
    return f"{int(amount):,}".replace(",", ".")


def format_decimal(value) -> str:
    """Decimal("1.50") → "1,5"; Decimal("12") → "12" (Vietnamese decimal comma)."""
    whole, _sep, fraction = format(Decimal(str(value)).normalize(), "f").partition(".")
    return format_vnd(whole) + (f",{fraction}" if fraction else "")


def _day(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def base_salary_on(day: dt.date) -> BaseSalary:
    """The base salary in force on ``day``: the row with the latest valid_from <= day."""
    row = BaseSalary.objects.filter(valid_from__lte=day).order_by("-valid_from").first()
    if row is None:
        raise DomainError(_("No base salary is recorded for %(date)s.") % {"date": _day(day)})
    return row


def pack_on(day: dt.date) -> EffectivePack:
    """The rule pack in force on ``day`` with this province's settings."""
    try:
        pack = effective_pack_for(day)
    except LookupError:
        pack = None
    if pack is None:
        raise DomainError(_("No rule pack covers %(date)s.") % {"date": _day(day)})
    return pack


def _honour_name(honor_code: str) -> str:
    spec = BY_CODE.get(honor_code)
    if spec is None:
        raise DomainError(_("Unknown honour: %(code)s.") % {"code": honor_code})
    return spec.name


def _subject_label(subject: str) -> str:
    if subject not in SubjectKind.values:
        raise DomainError(_("Unknown subject: %(subject)s.") % {"subject": subject})
    return str(SubjectKind(subject).label).lower()


def _coefficient(pack: EffectivePack, honor_code: str, subject: str):
    """(coefficient, its Param) for ``subject``; a DomainError when the pack has none."""
    names = {"honour": _honour_name(honor_code), "pack": pack.code,
             "subject": _subject_label(subject)}
    param = pack.coefficient(honor_code)
    if param is None:
        raise DomainError(_("No bonus coefficient is known for %(honour)s under rule pack "
                            "%(pack)s; no bonus can be computed.") % names)
    value = param.value.get(subject) if isinstance(param.value, dict) else None
    if value is None:
        raise DomainError(_("%(honour)s carries no bonus for a %(subject)s under rule pack "
                            "%(pack)s.") % names)
    return Decimal(str(value)), param


def _rounded(raw: Decimal, multiple: int) -> int:
    """Up to the next multiple (ND 98; ND 152 Art 49: "làm tròn lên")."""
    return int((raw / multiple).to_integral_value(rounding=ROUND_CEILING) * multiple)


def _explanation(coefficient, salary, raw, article, amount) -> str:
    return _("%(coefficient)s × %(salary)s = %(raw)s đ (%(article)s) → rounded up to "
             "%(amount)s đ") % {
        "coefficient": format_decimal(coefficient), "salary": format_vnd(salary),
        "raw": format_decimal(raw), "article": article, "amount": format_vnd(amount)}


def _bonus(pack: EffectivePack, salary: BaseSalary, honor_code, subject, day) -> Bonus:
    coefficient, param = _coefficient(pack, honor_code, subject)
    raw = coefficient * salary.amount
    amount = _rounded(raw, pack.param("rounding", pack.pack.rounding).value)
    return Bonus(
        honor_code=honor_code, subject=subject, decision_date=day, pack_code=pack.code,
        coefficient=coefficient, coefficient_confirmed=param.confirmed,
        base_salary=salary.amount, base_salary_confirmed=salary.confirmed, amount=amount,
        paid=True, explanation=_explanation(coefficient, salary.amount, raw, param.article,
                                            amount),
        article=param.article, pack_confirmed=pack.confirmed,
        province_setting=is_override(pack.settings.get(f"coefficient.{honor_code}"),
                                     pack.pack.coefficients[honor_code]),
    )


def compute_bonus(honor_code: str, subject: str, decision_date: dt.date) -> Bonus:
    """The bonus for one honour given to ``subject`` by a decision of ``decision_date``."""
    pack = pack_on(decision_date)
    return _bonus(pack, base_salary_on(decision_date), honor_code, subject, decision_date)


def _is_title(honor_code: str) -> bool:
    return BY_CODE[honor_code].kind == HonorKind.TITLE


def _highest_titles(lines) -> set[int]:
    """Per candidate and period, the index of the title with the highest coefficient."""
    best: dict[tuple, int] = {}
    for index, (item, bonus) in enumerate(lines):
        slot = (item.key, item.period)
        if _is_title(item.honor_code) and (
                slot not in best or bonus.coefficient > lines[best[slot]][1].coefficient):
            best[slot] = index
    return set(best.values())


def _not_paid(bonus: Bonus, article: str) -> Bonus:
    reason = _("Not paid: for one period only the highest title is paid (%(article)s).")
    return replace(bonus, amount=0, paid=False, explanation=reason % {"article": article})


def _pay_highest_only(lines, article: str):
    keep = _highest_titles(lines)
    return [(item, bonus if index in keep or not _is_title(item.honor_code)
             else _not_paid(bonus, article)) for index, (item, bonus) in enumerate(lines)]


def _sheet(pack, salary, items, day) -> BonusSheet:
    lines = [(item, _bonus(pack, salary, item.honor_code, item.subject, day))
             for item in items]
    rule = pack.param("same_period_highest_only", pack.pack.same_period_highest_only)
    if rule.value:
        lines = _pay_highest_only(lines, rule.article)
    return BonusSheet(day, lines, sum(bonus.amount for _item, bonus in lines))


def compute_bonuses(items: list[BonusItem], decision_date: dt.date) -> BonusSheet:
    """The bonuses of one decision. Where the pack pays only the highest title of a period
    (ND 152 Art 49), a candidate's lower titles for the same period are not paid; award
    forms are always paid."""
    pack = pack_on(decision_date)
    return _sheet(pack, base_salary_on(decision_date), items, decision_date)


def _candidate_key(record) -> str:
    for field in ("person", "unit", "household"):
        if getattr(record, f"{field}_id"):
            return f"{field}:{getattr(record, f'{field}_id')}"
    return f"record:{record.pk}"


def _item(record) -> BonusItem:
    return BonusItem(_candidate_key(record), record.honor.code, record.subject, record.year,
                     record.first_year)


def _payable(pack: EffectivePack, item: BonusItem) -> bool:
    param = pack.coefficient(item.honor_code)
    return param is not None and item.subject in param.value


def fund_year_totals(records) -> dict[int, int]:
    """Bonus totals per fund year (the year of the decision date) of HonorRecords.

    Records without a decision date, and honours whose bonus no source gives (Gia đình
    văn hóa), are left out. One sheet per decision date applies the same-period rule.
    """
    if hasattr(records, "select_related"):
        records = records.select_related("honor")
    by_date: dict[dt.date, list[BonusItem]] = defaultdict(list)
    for record in records:
        if record.decision_date:
            by_date[record.decision_date].append(_item(record))
    totals: dict[int, int] = defaultdict(int)
    for day, items in sorted(by_date.items()):
        pack = pack_on(day)
        payable = [item for item in items if _payable(pack, item)]
        totals[day.year] += _sheet(pack, base_salary_on(day), payable, day).total
    return dict(totals)


def _none_due(pack: EffectivePack, item: BonusItem, day: dt.date) -> Bonus:
    return Bonus(honor_code=item.honor_code, subject=item.subject, decision_date=day,
                 pack_code=pack.code, coefficient=Decimal(0), coefficient_confirmed=True,
                 base_salary=0, base_salary_confirmed=True, amount=0, paid=False,
                 explanation=_("No bonus: the rules in force set none for this honour."),
                 pack_confirmed=pack.confirmed)


def decision_bonuses(items: list[BonusItem], decision_date: dt.date) -> BonusSheet:
    """The annex of a decision: like ``compute_bonuses``, but an honour that carries no
    bonus under the pack in force (Gia đình văn hóa) gets a line of 0 instead of an error."""
    pack = pack_on(decision_date)
    payable = [item for item in items if _payable(pack, item)]
    paid = iter(_sheet(pack, base_salary_on(decision_date), payable, decision_date).lines)
    lines = [next(paid) if _payable(pack, item) else (item, _none_due(pack, item,
                                                                       decision_date))
             for item in items]
    return BonusSheet(decision_date, lines, sum(bonus.amount for _item, bonus in lines))
