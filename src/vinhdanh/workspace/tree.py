"""Units as a tree in memory: one query for the rows, the shape built here."""

from dataclasses import dataclass, field


@dataclass
class Node:
    unit: object
    depth: int = 0
    children: list["Node"] = field(default_factory=list)
    matched: bool = False


def build_tree(units) -> list[Node]:
    """Roots (units whose parent is not in ``units``), children in Vietnamese order."""
    nodes = {unit.pk: Node(unit) for unit in units}
    roots = []
    for node in sorted(nodes.values(), key=lambda n: n.unit.sort_key):
        parent = nodes.get(node.unit.parent_id)
        (parent.children if parent else roots).append(node)
    _set_depths(roots, 0)
    return roots


def _set_depths(nodes, depth) -> None:
    for node in nodes:
        node.depth = depth
        _set_depths(node.children, depth + 1)


def flatten(nodes):
    """Depth-first: each node followed by its subtree."""
    for node in nodes:
        yield node
        yield from flatten(node.children)


def prune(roots, keep_ids) -> list[Node]:
    """The subtrees that hold a unit of ``keep_ids``, those units marked as matches."""
    kept = []
    for node in roots:
        node.children = prune(node.children, keep_ids)
        node.matched = node.unit.pk in keep_ids
        if node.matched or node.children:
            kept.append(node)
    return kept
