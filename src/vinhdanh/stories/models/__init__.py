from vinhdanh.stories.models.photo import StoryPhoto
from vinhdanh.stories.models.read import StoryRead
from vinhdanh.stories.models.story import ExemplaryStory

__all__ = ["ExemplaryStory", "StoryPhoto", "StoryRead"]
