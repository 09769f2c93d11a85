"""Who may see and move dossiers.

The proposing unit's clerks (and the board officers and administrators over it) prepare,
submit and withdraw; the group's editors (the group-leader role, or the board over the
group's organiser) review a group's proposals; the board — editors reaching the whole
province — receives, appraises, returns, rejects, publishes for comment and passes dossiers
to the council. The state a transition needs is checked by the service, not here.
"""

import rules

from vinhdanh.organisations.enums import EDITOR_ROLES, PEOPLE_EDITOR_ROLES, Role
from vinhdanh.organisations.queries import scope_of
from vinhdanh.organisations.rules import adds_people_to, edits_group, in_visible_list

sees_batch = in_visible_list("nominations.NominationBatch")
sees_nomination = in_visible_list("nominations.Nomination")


def _batch_of(obj):
    return getattr(obj, "batch", obj)


@rules.predicate
def prepares(user, obj):
    """The user prepares dossiers for the batch's (or nomination's) proposing unit."""
    batch = _batch_of(obj)
    return batch is not None and scope_of(user).covers_unit(batch.proposing_unit,
                                                            PEOPLE_EDITOR_ROLES)


@rules.predicate
def is_board(user):
    return scope_of(user).reaches_all(EDITOR_ROLES)


@rules.predicate
def reviews_for_group(user, obj):
    batch = _batch_of(obj)
    return batch is not None and batch.group_id is not None and bool(
        edits_group(user, batch.group))


rules.add_perm("nominations.view_nominationbatch", sees_batch)
rules.add_perm("nominations.view_nomination", sees_nomination)
rules.add_perm("nominations.add_nominationbatch", adds_people_to)
rules.add_perm("nominations.change_nominationbatch", prepares)
rules.add_perm("nominations.submit_nomination", prepares)
rules.add_perm("nominations.withdraw_nomination", prepares | is_board)
rules.add_perm("nominations.review_nomination", reviews_for_group)
rules.add_perm("nominations.appraise_nomination", is_board)
rules.add_perm("nominations.moderate_comment", is_board)
# The council's secretary (a board officer) records the ballot's result on the dossier.
rules.add_perm("nominations.record_council_result", is_board)


@rules.predicate
def is_signer(user):
    return scope_of(user).reaches_all({Role.SIGNER})


# The signer issues the decision that moves the dossier to "decided".
rules.add_perm("nominations.record_decision", is_board | is_signer)
# Statistics are filtered by visibility; any user with a role may read those he sees.
rules.add_perm("nominations.view_timeliness", rules.is_authenticated)
