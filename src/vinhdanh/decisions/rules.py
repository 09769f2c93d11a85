"""Who drafts, signs and prints decisions.

The board drafts decisions, sends them for signature and prints the certificates; a signer
(the chairman or a deputy, role "signer" over the province) signs and issues, or returns a
draft; when a draft names its signer, only that signer may sign it.
"""

import rules

from vinhdanh.nominations.rules import is_board, is_signer
from vinhdanh.organisations.rules import in_visible_list

sees_decision = in_visible_list("decisions.Decision")


@rules.predicate
def is_named_signer(user, decision):
    return decision is None or decision.signer_id in (None, user.pk)


rules.add_perm("decisions.view_decision", sees_decision)
rules.add_perm("decisions.draft_decision", is_board)
rules.add_perm("decisions.sign_decision", is_signer & is_named_signer)
rules.add_perm("decisions.print_certificates", is_board)
