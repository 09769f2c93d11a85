"""Who may do what with exemplary stories.

Board officers and administrators over the whole province write, review, publish and
archive every story. A unit clerk (or an administrator or officer over a subtree) drafts
stories about subjects of its subtree, a group leader about its member units; they edit a
story while it is a draft and submit it for review, but never publish. Everyone holding a
role reads the stories of the units he sees. The state a transition needs is checked by the
service; editing is tied to the state here because it decides whether a form is offered.
"""

import rules

from vinhdanh.nominations.rules import is_board
from vinhdanh.organisations.queries import scope_of
from vinhdanh.organisations.rules import in_visible_list
from vinhdanh.stories.enums import StoryState
from vinhdanh.stories.queries import DRAFTER_ROLES, led_group_ids

sees_story = in_visible_list("stories.ExemplaryStory")


def drafts_for_unit(user, unit) -> bool:
    """Whether ``user`` may draft a story whose subject belongs to ``unit``."""
    if unit is None:
        return False
    scope = scope_of(user)
    if scope.covers_unit(unit, DRAFTER_ROLES):
        return True
    groups = led_group_ids(scope)
    return bool(groups) and unit.memberships.filter(group_id__in=groups).exists()


@rules.predicate
def drafts_story(user, story):
    return story is not None and drafts_for_unit(user, story.unit)


@rules.predicate
def is_draft(user, story):
    return story is not None and story.state == StoryState.DRAFT


@rules.predicate
def is_open(user, story):
    return story is not None and story.state != StoryState.ARCHIVED


@rules.predicate
def drafts_somewhere(user):
    scope = scope_of(user)
    return scope.everything or bool(scope.roles() & DRAFTER_ROLES) or bool(
        led_group_ids(scope))


rules.add_perm("stories.view_story", sees_story)
rules.add_perm("stories.add_story", drafts_somewhere)
rules.add_perm("stories.change_story", is_board & is_open | drafts_story & is_draft)
rules.add_perm("stories.submit_story", is_board | drafts_story)
rules.add_perm("stories.review_story", is_board)
rules.add_perm("stories.publish_story", is_board)
