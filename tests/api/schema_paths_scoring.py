"""The scoring, ranking, proposal and review operations of the OpenAPI document."""

SCORING_PATHS: dict[str, set[str]] = {}
