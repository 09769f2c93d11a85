"""One counted read: a story, a day and a keyed hash standing for the visitor.

The hash (``services.reads.visitor_hash``) mixes the address, the browser and the day with
the secret key: it tells two visits of one visitor on one day apart from two visitors, and
nothing else. No cookie is set and nothing personal is kept. Rows older than today are
no longer needed (``prune_story_reads``).
"""

from django.db import models


class StoryRead(models.Model):
    story = models.ForeignKey("stories.ExemplaryStory", on_delete=models.CASCADE,
                              related_name="+")
    day = models.DateField()
    visitor = models.CharField(max_length=32)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["story", "day", "visitor"],
                                               name="story_read_once_a_day")]
        indexes = [models.Index(fields=["day"])]
