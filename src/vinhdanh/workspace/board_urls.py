"""The staff pages where the board and group leaders move dossiers (views/board/)."""

from django.urls import path

from vinhdanh.workspace.views.board import inbox, notices, timeliness

urlpatterns: list = [
    path("board/", inbox.inbox, name="board-inbox"),
    path("board/act/", inbox.bulk_act, name="board-bulk-act"),
    path("board/notices/", notices.notice_list, name="notice-list"),
    path("board/notices/new/", notices.notice_create, name="notice-create"),
    path("board/notices/<int:pk>/", notices.notice_detail, name="notice-detail"),
    path("board/comments/<int:pk>/moderate/", notices.comment_moderate,
         name="comment-moderate"),
    path("board/comments/<int:pk>/answer/", notices.comment_answer, name="comment-answer"),
    path("board/timeliness/", timeliness.timeliness_page, name="timeliness"),
    path("board/timeliness/export/", timeliness.timeliness_export, name="timeliness-export"),
]
