"""The movement, registration and pledge operations of the OpenAPI document."""

MOVEMENT_PATHS: dict[str, set[str]] = {}
