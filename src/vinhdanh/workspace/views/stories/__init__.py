"""The story pages of the staff UI: the list, the publishing calendar, writing a story, its
photos, its page with the actions of its state, and the board's review.

Every story is found through ``ExemplaryStory.objects.visible_to(user)`` (404 outside it);
every change goes through a service of ``vinhdanh.stories.services``, which checks the
permission again.
"""
