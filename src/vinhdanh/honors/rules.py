"""Who may read and change the law's figures (rules.apps.AutodiscoverRulesConfig loads this).

The figures decide every bonus and every eligibility verdict of the province, so only its
administrators change them; every officer reads them.
"""

import rules

from vinhdanh.organisations.queries import scope_of
from vinhdanh.organisations.rules import administers


@rules.predicate
def holds_a_role(user):
    scope = scope_of(user)
    return scope.everything or bool(scope.grants)


rules.add_perm("honors.view_rulesetting", holds_a_role)
rules.add_perm("honors.change_rulesetting", administers)
rules.add_perm("honors.view_basesalary", holds_a_role)
rules.add_perm("honors.change_basesalary", administers)
