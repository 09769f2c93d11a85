"""The shape of a statutory report form, as data: columns and rows, each with a selector
over the facts the form counts (honour records or movements, see ``facts.py``).

A selector is a small predicate on one fact, built from the fact's attributes
(``where(subject=COLLECTIVE)``, ``starts("honour", "huan_chuong_")``) and combined with
``&``, ``|`` and ``~``. A column or row whose selector is ``None`` holds figures Vinh Danh
does not know: its cells stay empty for the preparer to type in.
"""

from dataclasses import dataclass


class Selector:
    def __call__(self, fact) -> bool:
        raise NotImplementedError

    def __and__(self, other):
        return Both(self, other)

    def __or__(self, other):
        return Either(self, other)

    def __invert__(self):
        return Not(self)


@dataclass(frozen=True)
class Where(Selector):
    """Facts whose ``attribute`` holds one of ``values``."""

    attribute: str
    values: frozenset

    def __call__(self, fact) -> bool:
        return getattr(fact, self.attribute) in self.values


@dataclass(frozen=True)
class Starts(Selector):
    """Facts whose ``attribute`` (a code) starts with one of ``prefixes``."""

    attribute: str
    prefixes: tuple[str, ...]

    def __call__(self, fact) -> bool:
        return str(getattr(fact, self.attribute) or "").startswith(self.prefixes)


@dataclass(frozen=True)
class Both(Selector):
    left: Selector
    right: Selector

    def __call__(self, fact) -> bool:
        return self.left(fact) and self.right(fact)


@dataclass(frozen=True)
class Either(Selector):
    left: Selector
    right: Selector

    def __call__(self, fact) -> bool:
        return self.left(fact) or self.right(fact)


@dataclass(frozen=True)
class Not(Selector):
    inner: Selector

    def __call__(self, fact) -> bool:
        return not self.inner(fact)


@dataclass(frozen=True)
class Everything(Selector):
    def __call__(self, fact) -> bool:
        return True


EVERYTHING = Everything()


def where(**conditions) -> Selector:
    """All ``attribute=value`` (or ``attribute=(value, …)``) conditions hold."""
    selector = EVERYTHING
    for attribute, wanted in conditions.items():
        values = wanted if isinstance(wanted, tuple | list | set | frozenset) else (wanted,)
        selector = selector & Where(attribute, frozenset(values))
    return selector


def starts(attribute: str, *prefixes: str) -> Selector:
    return Starts(attribute, prefixes)


def codes(*honour_codes: str) -> Selector:
    return where(honour=honour_codes)


# -- the form's layout -----------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    label: str
    selector: Selector | None = EVERYTHING  # None: typed in by hand


@dataclass(frozen=True)
class ColumnGroup:
    """A header cell spanning its ``columns`` ("Huân chương" over "Tập thể", "Cá nhân");
    ``selector`` narrows every column under it."""

    label: str
    columns: tuple[Column, ...]
    selector: Selector = EVERYTHING


@dataclass(frozen=True)
class Row:
    label: str
    selector: Selector | None = EVERYTHING  # None: typed in by hand
    indent: int = 0
    strong: bool = False


@dataclass(frozen=True)
class Section:
    """A heading line between rows ("1. Phân theo đối tượng"), without figures."""

    label: str


@dataclass(frozen=True)
class PerValue:
    """One row per value of ``attribute`` among the facts, in the order ``facts.py`` gives
    them (e.g. one row per proposing unit); each value is a ``(sort key, label)`` pair."""

    attribute: str
    indent: int = 1


@dataclass(frozen=True)
class StatForm:
    code: str  # "0602.N/BNV-TĐKT"
    sheet: str  # "0602.N": the worksheet's name
    title: str
    source: str  # "honours", "movements" or "typed" (nothing in Vinh Danh)
    columns: tuple[Column | ColumnGroup, ...]
    rows: tuple[Row | Section | PerValue, ...]
    scope: Selector = EVERYTHING  # which facts the form counts at all
    notes: tuple[str, ...] = ()  # printed under the table
    label_header: str = "Chỉ tiêu"


@dataclass(frozen=True)
class FormSet:
    """The forms of one circular, and its status (whether the layouts are confirmed)."""

    basis: str  # "Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ trưởng Bộ Nội vụ"
    short_basis: str  # "TT 02/2023/TT-BNV"
    status: str  # printed on every sheet and shown on the page
    due: str  # "15/12"
    receiver: str
    forms: tuple[StatForm, ...]

    def get(self, code: str) -> StatForm | None:
        return next((f for f in self.forms if f.sheet == code), None)
