"""The staff pages of scoring (views/scoring/). The menu entry is ``scoring-round-list``."""

from django.urls import path

from vinhdanh.workspace.views.scoring import ranking, review, rounds, scores, templates

urlpatterns = [
    # The group's scoring table (templates.py).
    path("groups/<int:pk>/scoring/", templates.scoring_table, name="scoring-table"),
    path("groups/<int:pk>/scoring/create/", templates.template_create,
         name="scoring-table-create"),
    path("scoring/tables/<int:pk>/settings/", templates.template_settings,
         name="scoring-table-settings"),
    path("scoring/tables/<int:pk>/criteria/new/", templates.criterion_create,
         name="scoring-criterion-create"),
    path("scoring/criteria/<int:pk>/edit/", templates.criterion_edit,
         name="scoring-criterion-edit"),
    path("scoring/criteria/<int:pk>/delete/", templates.criterion_delete,
         name="scoring-criterion-delete"),
    path("scoring/tables/<int:pk>/export/", templates.template_export,
         name="scoring-table-export"),
    path("scoring/tables/<int:pk>/import/", templates.template_import,
         name="scoring-table-import"),
    # Rounds and their passes (rounds.py).
    path("scoring/", rounds.round_list, name="scoring-round-list"),
    path("scoring/tables/<int:pk>/rounds/new/", rounds.round_open, name="scoring-round-open"),
    path("scoring/rounds/<int:pk>/", rounds.round_detail, name="scoring-round"),
    path("scoring/rounds/<int:pk>/advance/", rounds.round_advance,
         name="scoring-round-advance"),
    path("scoring/passes/<int:pk>/deadline/", rounds.pass_deadline,
         name="scoring-pass-deadline"),
    path("scoring/passes/<int:pk>/remind/", rounds.pass_remind, name="scoring-pass-remind"),
    # Score sheets (scores.py).
    path("scoring/rounds/<int:pk>/sheets/<int:scorer>/<int:subject>/", scores.sheet,
         name="scoring-sheet"),
    path("scoring/rounds/<int:pk>/sheets/<int:scorer>/export/", scores.sheet_export,
         name="scoring-sheet-export"),
    path("scoring/rounds/<int:pk>/sheets/<int:scorer>/import/", scores.sheet_import,
         name="scoring-sheet-import"),
    path("scoring/scores/<int:pk>/evidence/", scores.evidence, name="scoring-evidence"),
    # Ranking and publication (ranking.py).
    path("scoring/rounds/<int:pk>/ranking/", ranking.ranking, name="scoring-ranking"),
    path("scoring/rounds/<int:pk>/publish/", ranking.publish, name="scoring-publish"),
    path("scoring/rounds/<int:pk>/correct/", ranking.correct, name="scoring-correct"),
    # Proposals and the year-end review (review.py).
    path("groups/<int:pk>/scoring/proposals/", review.proposal_list,
         name="scoring-proposals"),
    path("groups/<int:pk>/scoring/proposals/export/", review.proposal_export,
         name="scoring-proposals-export"),
    path("scoring/proposals/<int:pk>/withdraw/", review.proposal_withdraw,
         name="scoring-proposal-withdraw"),
    path("scoring/proposals/<int:pk>/vote/", review.vote, name="scoring-proposal-vote"),
    path("groups/<int:pk>/review/", review.review, name="scoring-review"),
    path("groups/<int:pk>/review/minutes/", review.review_minutes,
         name="scoring-review-minutes"),
]
