"""Public stories pages: the list, a story, and the photos of published stories."""

from django.urls import path

from vinhdanh.public.views import stories

urlpatterns: list = [
    path("cau-chuyen/", stories.story_list, name="story-list"),
    path("cau-chuyen/anh/<uuid:public_id>/", stories.story_photo, name="story-photo"),
    path("cau-chuyen/anh/<uuid:public_id>/nho/", stories.story_thumb, name="story-thumb"),
    path("cau-chuyen/<str:key>/", stories.story_detail, name="story"),
]
