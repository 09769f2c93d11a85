"""Who may read the reports.

The statutory forms count the honour records and movements of a unit's subtree, so they
need a unit-scoped role (any role: viewers too) reaching that unit; a role held only for an
emulation group sees the group's member units but not their records, so it has no subtree
to report on. Whatever the rule lets through, the figures only count ``visible_to(user)``.
"""

import rules

from vinhdanh.organisations.queries import scope_of


@rules.predicate
def reports_on_unit(user, unit=None):
    """Any unit-scoped grant (without ``unit``), or one that reaches ``unit``."""
    scope = scope_of(user)
    if unit is None:
        return scope.everything or bool(scope.paths())
    return scope.covers_unit(unit)


rules.add_perm("reports.view_statutory_forms", reports_on_unit)

# The year-end summary report's permissions live beside it; importing registers them.
from vinhdanh.reports.summary import rules as summary_rules  # noqa: E402, F401
