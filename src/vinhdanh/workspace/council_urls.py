"""The council's staff pages (views/council/): members, sessions, the ballot."""

from django.urls import path

from vinhdanh.workspace.views.council import items, members, sessions, vote

urlpatterns: list = [
    path("council/members/", members.member_list, name="council-members"),
    path("council/members/<int:pk>/end/", members.member_end, name="council-member-end"),
    path("council/sessions/", sessions.session_list, name="council-session-list"),
    path("council/sessions/new/", sessions.session_create, name="council-session-create"),
    path("council/sessions/<int:pk>/", sessions.session_detail, name="council-session-detail"),
    path("council/sessions/<int:pk>/attendance/", sessions.session_attendance,
         name="council-session-attendance"),
    path("council/sessions/<int:pk>/open/", sessions.session_open, name="council-session-open"),
    path("council/sessions/<int:pk>/minutes/", sessions.session_minutes,
         name="council-session-minutes"),
    path("council/sessions/<int:pk>/agenda/", sessions.session_agenda,
         name="council-session-agenda"),
    path("council/items/<int:pk>/open/", items.item_open, name="council-item-open"),
    path("council/items/<int:pk>/close/", items.item_close, name="council-item-close"),
    path("council/items/<int:pk>/recusal/", items.item_recusal, name="council-item-recusal"),
    path("council/items/<int:pk>/written/", items.item_written_vote,
         name="council-item-written"),
    path("council/vote/", vote.vote_page, name="council-vote"),
    path("council/vote/<int:pk>/", vote.vote_cast, name="council-vote-cast"),
]
