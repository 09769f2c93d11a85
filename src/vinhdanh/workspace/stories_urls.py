"""The story pages (views/stories/): the list, the publishing calendar, writing a story,
its photos and the review actions."""

from django.urls import path

from vinhdanh.workspace.views.stories import actions, detail, edit, lists, photos

urlpatterns: list = [
    path("stories/", lists.story_list, name="story-list"),
    path("stories/calendar/", lists.story_calendar, name="story-calendar"),
    path("stories/new/", edit.story_create, name="story-create"),
    path("stories/records/", edit.record_search, name="story-record-search"),
    path("stories/<int:pk>/", detail.story_detail, name="story-detail"),
    path("stories/<int:pk>/edit/", edit.story_edit, name="story-edit"),
    path("stories/<int:pk>/submit/", actions.story_submit, name="story-submit"),
    path("stories/<int:pk>/return/", actions.story_return, name="story-return"),
    path("stories/<int:pk>/publish/", actions.story_publish, name="story-publish"),
    path("stories/<int:pk>/archive/", actions.story_archive, name="story-archive"),
    path("stories/<int:pk>/photos/", photos.photos_add, name="story-photos-add"),
    path("stories/<int:pk>/photos/arrange/", photos.photos_arrange,
         name="story-photos-arrange"),
    path("stories/photos/<uuid:public_id>/", photos.photo_file, name="story-photo"),
    path("stories/photos/<uuid:public_id>/thumb/", photos.photo_thumb, name="story-thumb"),
    path("stories/photos/<uuid:public_id>/remove/", photos.photo_remove,
         name="story-photo-remove"),
]
