"""What the story pages share: finding a story the user sees, and permission checks."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from vinhdanh.organisations.queries import scope_of
from vinhdanh.stories.models import ExemplaryStory, StoryPhoto

STORY_RELATED = ("unit", "author")


def require(user, perm: str, story=None) -> None:
    """403 unless ``user`` holds ``stories.<perm>`` (on ``story`` when given)."""
    if not user.has_perm(f"stories.{perm}", story):
        raise PermissionDenied


def require_role(user) -> None:
    if not scope_of(user).holds_a_role():
        raise PermissionDenied


def visible_stories(user):
    require_role(user)
    return ExemplaryStory.objects.visible_to(user)


def visible_story(request, pk) -> ExemplaryStory:
    return get_object_or_404(visible_stories(request.user).select_related(*STORY_RELATED),
                             pk=pk)


def visible_photo(request, public_id) -> StoryPhoto:
    photos = StoryPhoto.objects.filter(story__in=visible_stories(request.user))
    return get_object_or_404(photos.select_related("story__unit"), public_id=public_id)
