"""Who reads and who edits a group's summary report (the group is the object).

Everyone who sees the group reads the report and downloads its Word file: its officers,
the board and the administrators, and the clerks and viewers whose scope reaches a member
unit. Group editors write it: the group-leader role of that group, and administrators and
board officers over the group's organiser (``organisations.rules.edits_group``).
"""

import rules

from vinhdanh.organisations.queries import scope_of
from vinhdanh.organisations.rules import edits_group, sees_group


@rules.predicate
def reads_summary(user, group):
    return group is not None and bool(sees_group(user, group))


@rules.predicate
def edits_summary(user, group):
    return group is not None and (scope_of(user).everything or bool(edits_group(user, group)))


rules.add_perm("reports.view_summary", reads_summary)
rules.add_perm("reports.change_summary", edits_summary)
