"""The scoring, ranking, proposal and review operations of the OpenAPI document."""

SCORING_PATHS: dict[str, set[str]] = {
    "/api/v1/scoring-templates/": {"get", "post"},
    "/api/v1/scoring-templates/{id}/": {"get", "patch"},
    "/api/v1/scoring-criteria/": {"post"},
    "/api/v1/scoring-criteria/{id}/": {"patch", "delete"},
    "/api/v1/scoring-rounds/": {"get", "post"},
    "/api/v1/scoring-rounds/{id}/": {"get"},
    "/api/v1/scoring-rounds/{id}/advance/": {"post"},
    "/api/v1/scoring-rounds/{id}/publish/": {"post"},
    "/api/v1/scoring-rounds/{id}/correction/": {"post"},
    "/api/v1/scoring-rounds/{id}/reminders/": {"post"},
    "/api/v1/scoring-rounds/{id}/sheet/": {"post"},
    "/api/v1/scoring-rounds/{id}/evidence/": {"post"},
    "/api/v1/scoring-rounds/{id}/ranking/": {"get"},
    "/api/v1/scoring-rounds/{id}/revisions/": {"get"},
    "/api/v1/scores/": {"get"},
    "/api/v1/proposals/": {"get"},
    "/api/v1/proposals/{id}/withdraw/": {"post"},
    "/api/v1/reviews/{group}/": {"get", "put"},
    "/api/v1/reviews/{group}/votes/": {"post"},
    "/api/v1/reviews/{group}/minutes/": {"post"},
}
