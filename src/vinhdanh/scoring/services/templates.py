"""Scoring templates: a group's table of sections and criteria, and how its ranking is computed.

The tree: sections (which may nest) hold criteria, bonus items and penalty items. Every item
is inside a section, and a section holds either items or sections, not both: so the flat
Excel layout offices use (a section row, then its items) says unambiguously where each row
belongs (see excel.py). ``Criterion.position`` is the node's place in the whole tree read top
to bottom (1, 2, 3 …); every change here renumbers, so ``template.criteria.all()`` is already
in reading order.

Maximum points (the engineer's reading, as no source fixes it): an item's maximum is above 0
(for a penalty item: the most it deducts). A section's maximum is optional: 0 means "the sum
of what it holds"; above 0 it is a cap, and the maxima of what the section holds (penalty items
left out, as they deduct; a sub-section counts with its own cap or sum) may not add up to more.
A section may hold less than its cap: offices leave room for points given by the leader.

Once a round of the template has left DRAFT the table is locked: scores refer to its criteria.
"""

from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.scoring.enums import CriterionKind, FinalFormula, RoundState, TieBreak
from vinhdanh.scoring.models import Criterion, ScoringTemplate

SETTINGS_FIELDS = ("formula", "weight_self", "weight_peer", "weight_leader", "normalise_peers",
                   "tie_breaks", "deviation_threshold", "self_gap_threshold", "flag_count",
                   "merit_count", "notes")
# What may still change once scoring has started: nothing that alters scores or ranks.
LOCKED_SETTINGS = {"notes"}
CRITERION_FIELDS = {"code", "title", "kind", "max_points", "evidence_required", "guidance",
                    "parent", "position"}
ADDING = (CriterionKind.STANDARD, CriterionKind.BONUS)


# --- reading -------------------------------------------------------------------------------

def template_locked(template: ScoringTemplate) -> bool:
    """Whether any round of ``template`` has left DRAFT (its criteria can no longer change)."""
    return template.rounds.exclude(state=RoundState.DRAFT).exists()


def criteria_tree(template: ScoringTemplate) -> list[tuple[Criterion, int]]:
    """Every node with its depth (0 at the top), in reading order, in one query."""
    return _walk(_children(template.criteria.all()))


def max_total(template: ScoringTemplate) -> Decimal:
    """The most a unit can reach: criteria plus bonus items (penalty items only deduct)."""
    total = template.criteria.filter(kind__in=ADDING).aggregate(total=Sum("max_points"))["total"]
    return total or Decimal(0)


def _children(nodes) -> dict[int | None, list[Criterion]]:
    children = defaultdict(list)
    for node in sorted(nodes, key=lambda n: (n.position, n.pk or 0)):
        children[node.parent_id].append(node)
    return children


def _walk(children, parent_id=None, depth=0) -> list[tuple[Criterion, int]]:
    found = []
    for node in children.get(parent_id, ()):
        found.append((node, depth))
        found.extend(_walk(children, node.pk, depth + 1))
    return found


# --- templates -----------------------------------------------------------------------------

@transaction.atomic
def create_template(group, *, actor, copy_from: ScoringTemplate | None = None,
                    blank: bool = False) -> ScoringTemplate:
    """Creates ``group``'s scoring table, copying the settings and the criteria tree of
    ``copy_from`` (by default last year's table: that of ``group.copied_from``), or an empty
    one when ``blank``."""
    if ScoringTemplate.objects.filter(group=group).exists():
        raise DomainError(_("This group already has a scoring table."))
    source = None if blank else (
        copy_from or ScoringTemplate.objects.filter(group_id=group.copied_from_id).first())
    template = ScoringTemplate(group=group, copied_from=source)
    for name in SETTINGS_FIELDS if source else ():
        setattr(template, name, getattr(source, name))
    _clean(template)
    template.save()
    count = copy_tree(source, template) if source else 0
    log_action(template, actor=actor, action="scoring.template_created",
               message=_created_message(template, source), criteria=count)
    return template


def _created_message(template, source) -> str:
    if source is None:
        return _("Created the scoring table of %(group)s") % {"group": template.group}
    return _("Created the scoring table of %(group)s from that of %(source)s") % {
        "group": template.group, "source": source.group}


def copy_tree(source: ScoringTemplate, target: ScoringTemplate) -> int:
    """Copies every node of ``source`` into ``target`` (one insert per tree level)."""
    levels = defaultdict(list)
    for node, depth in criteria_tree(source):
        levels[depth].append(node)
    copies = {}
    for depth in sorted(levels):
        made = [_copy_of(node, target, copies) for node in levels[depth]]
        for node, copy in zip(levels[depth], Criterion.objects.bulk_create(made), strict=True):
            copies[node.pk] = copy
    return len(copies)


def _copy_of(node: Criterion, target, copies) -> Criterion:
    return Criterion(template=target, parent=copies.get(node.parent_id), position=node.position,
                     code=node.code, title=node.title, kind=node.kind, max_points=node.max_points,
                     evidence_required=node.evidence_required, guidance=node.guidance)


@transaction.atomic
def update_template(template: ScoringTemplate, *, actor, **fields) -> ScoringTemplate:
    """Changes the ranking settings (formula, weights, peer normalisation, tie-break order,
    flag thresholds, proposal counts) and notes; only the notes once the table is locked."""
    _known(fields, set(SETTINGS_FIELDS))
    if set(fields) - LOCKED_SETTINGS and template_locked(template):
        raise DomainError(_("Scoring has started with this table: its settings can no longer "
                            "change."))
    changed = [name for name, value in fields.items() if getattr(template, name) != value]
    for name, value in fields.items():
        setattr(template, name, value)
    _check_settings(template)
    _clean(template)
    template.save()
    log_action(template, actor=actor, action="scoring.template_updated",
               message=_("Changed the settings of the scoring table of %(group)s")
               % {"group": template.group}, fields=sorted(changed))
    return template


def _check_settings(template: ScoringTemplate) -> None:
    _check_tie_breaks(template.tie_breaks)
    weights = [template.weight_self, template.weight_peer, template.weight_leader]
    if any(Decimal(str(w)) < 0 for w in weights):
        raise DomainError({"weight_self": [_("Weights cannot be negative.")]})
    if template.formula == FinalFormula.WEIGHTED and not any(weights):
        raise DomainError({"formula": [_("A weighted final score needs at least one weight "
                                         "above zero.")]})
    if min(Decimal(str(template.deviation_threshold)),
           Decimal(str(template.self_gap_threshold))) <= 0:
        raise DomainError({"deviation_threshold": [_("Flag thresholds must be above zero.")]})


def _check_tie_breaks(value) -> None:
    allowed = set(TieBreak.values)
    if not isinstance(value, list | tuple) or not set(value) <= allowed:
        raise DomainError({"tie_breaks": [_("Choose tie-break rules from the list.")]})
    if len(set(value)) != len(value):
        raise DomainError({"tie_breaks": [_("Each tie-break rule may appear only once.")]})


# --- criteria ------------------------------------------------------------------------------

@transaction.atomic
def add_criterion(template: ScoringTemplate, *, actor, kind, title, max_points, parent=None,
                  code="", evidence_required=False, guidance="") -> Criterion:
    """Adds a section, criterion, bonus or penalty item as the last one in ``parent``."""
    check_unlocked(template)
    node = Criterion(template=template, parent=parent, code=code, title=title, kind=kind,
                     max_points=_points(max_points), evidence_required=evidence_required,
                     guidance=guidance)
    _check_node(node)
    _clean(node)
    node.save()
    renumber(template, node=node)
    check_caps(template)
    log_action(template, actor=actor, action="scoring.criterion_added",
               message=_("Added “%(criterion)s” to the scoring table") % {"criterion": node},
               criterion=node.pk)
    return node


@transaction.atomic
def update_criterion(criterion: Criterion, *, actor, **fields) -> Criterion:
    """Changes a node; ``parent`` moves it (with what it holds) and ``position`` (1, 2 …)
    is its place among its siblings."""
    _known(fields, CRITERION_FIELDS)
    check_unlocked(criterion.template)
    index = fields.pop("position", None)
    if "max_points" in fields:
        fields["max_points"] = _points(fields["max_points"])
    changed = [name for name, value in fields.items() if getattr(criterion, name) != value]
    for name, value in fields.items():
        setattr(criterion, name, value)
    _check_node(criterion)
    _clean(criterion)
    criterion.save()
    moved = "parent" in changed or index is not None
    renumber(criterion.template, node=criterion if moved else None, index=_index(index))
    check_caps(criterion.template)
    log_action(criterion.template, actor=actor, action="scoring.criterion_updated",
               message=_("Changed “%(criterion)s” in the scoring table") % {"criterion": criterion},
               criterion=criterion.pk, fields=sorted(changed + (["position"] if index else [])))
    return criterion


def _index(position) -> int | None:
    if position is None:
        return None
    try:
        return max(int(position) - 1, 0)
    except (TypeError, ValueError):
        raise DomainError({"position": [_("The order must be a whole number.")]}) from None


@transaction.atomic
def delete_criterion(criterion: Criterion, *, actor) -> None:
    """Deletes a node and, for a section, everything it holds."""
    template = criterion.template
    check_unlocked(template)
    name, pk = str(criterion), criterion.pk
    criterion.delete()
    renumber(template)
    log_action(template, actor=actor, action="scoring.criterion_deleted",
               message=_("Deleted “%(criterion)s” from the scoring table") % {"criterion": name},
               criterion=pk)


def check_unlocked(template: ScoringTemplate) -> None:
    if template_locked(template):
        raise DomainError(_("Scoring has started with this table: its criteria can no longer "
                            "change."))


def _points(value) -> Decimal:
    try:
        return Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise DomainError({"max_points": [_("The maximum points must be a number.")]}) from None


def _check_node(node: Criterion) -> None:
    """The rules of the tree that the database does not hold."""
    if node.kind != CriterionKind.SECTION and node.max_points <= 0:
        raise DomainError({"max_points": [_("The maximum points must be above zero.")]})
    if node.max_points < 0:
        raise DomainError({"max_points": [_("The maximum points cannot be negative.")]})
    if node.pk and node.kind != CriterionKind.SECTION and node.children.exists():
        raise DomainError({"kind": [_("Only a section can hold other items; move or delete "
                                      "its items first.")]})
    if node.parent is not None:
        _check_parent(node)
    elif node.kind != CriterionKind.SECTION:
        raise DomainError({"parent": [_("Place the item in a section.")]})


def _check_parent(node: Criterion) -> None:
    parent = node.parent
    if parent.template_id != node.template_id or parent.kind != CriterionKind.SECTION:
        raise DomainError({"parent": [_("Choose a section of the same table.")]})
    if node.pk and node.pk in _ancestry(parent):
        raise DomainError({"parent": [_("A section cannot be placed inside itself.")]})
    kinds = set(parent.children.exclude(pk=node.pk).values_list("kind", flat=True))
    if kinds and (CriterionKind.SECTION in kinds) != (node.kind == CriterionKind.SECTION):
        raise DomainError({"parent": [_("A section holds either items or sections, not both.")]})


def _ancestry(node: Criterion) -> set[int]:
    parents = dict(node.template.criteria.values_list("pk", "parent_id"))
    found, current = set(), node.pk
    while current is not None and current not in found:
        found.add(current)
        current = parents.get(current)
    return found


def renumber(template: ScoringTemplate, *, node: Criterion | None = None,
             index: int | None = None) -> None:
    """Positions 1..n in reading order; ``node`` (saved under its parent) is placed at
    ``index`` among its siblings (None: last)."""
    rows = list(template.criteria.only("id", "parent_id", "position"))
    children = _children(row for row in rows if node is None or row.pk != node.pk)
    if node is not None:
        moved = next(row for row in rows if row.pk == node.pk)
        siblings = children[node.parent_id]
        siblings.insert(len(siblings) if index is None else min(index, len(siblings)), moved)
    changed = []
    for position, (row, _depth) in enumerate(_walk(children), start=1):
        if row.position != position:
            row.position = position
            changed.append(row)
    Criterion.objects.bulk_update(changed, ["position"])
    if node is not None:
        node.position = moved.position


def check_caps(template: ScoringTemplate) -> None:
    """Refuses when a section's items can reach more points than its maximum."""
    children = _children(template.criteria.all())
    problems = [cap_message(node, total) for node, total
                in overflowing_sections(children.get(None, ()), lambda n: children.get(n.pk, ()))]
    if problems:
        raise DomainError({"max_points": problems})


def overflowing_sections(roots, children_of) -> list[tuple]:
    """(section, reach) for each section whose items can reach more than its maximum;
    nodes need ``kind`` and ``max_points`` (saved criteria, or rows of an import)."""
    found = []
    for root in roots:
        _reach(root, children_of, found)
    return found


def _reach(node, children_of, found: list) -> Decimal:
    """The points ``node`` can add to a unit's total; notes each section over its cap."""
    if node.kind == CriterionKind.PENALTY:
        return Decimal(0)
    if node.kind != CriterionKind.SECTION:
        return node.max_points
    total = sum((_reach(child, children_of, found) for child in children_of(node)), Decimal(0))
    if node.max_points and total > node.max_points:
        found.append((node, total))
    return node.max_points or total


def cap_message(section, total: Decimal) -> str:
    return _("The items of “%(section)s” add up to %(total)s points, more than its maximum "
             "of %(max)s.") % {"section": section, "total": plain_number(total),
                               "max": plain_number(section.max_points)}


def plain_number(number: Decimal) -> str:
    """10.00 → "10", 2.50 → "2,5" (as Vietnamese write decimals)."""
    text = f"{number:f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text.replace(".", ",")


def _known(fields: dict, allowed: set[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")


def _clean(obj) -> None:
    """Model validation, reported as a refusal like the rules above."""
    try:
        obj.full_clean()
    except ValidationError as error:
        raise DomainError(error.message_dict) from None
