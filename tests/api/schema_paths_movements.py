"""The movement, registration and pledge operations of the OpenAPI document."""

MOVEMENT_PATHS: dict[str, set[str]] = {
    "/api/v1/directives/": {"get", "post"},
    "/api/v1/directives/{id}/": {"get"},
    "/api/v1/directives/{id}/file/": {"get", "post"},
    "/api/v1/movements/": {"get", "post"},
    "/api/v1/movements/{id}/": {"get", "patch"},
    "/api/v1/movement-reports/": {"get", "post"},
    "/api/v1/movement-reports/{id}/": {"get"},
    "/api/v1/movement-reports/{id}/evidence/": {"post"},
    "/api/v1/registrations/": {"get", "post"},
    "/api/v1/registrations/{id}/": {"delete"},
    "/api/v1/registration-periods/": {"get", "post"},
    "/api/v1/groups/{id}/pledge/": {"get", "put"},
    "/api/v1/groups/{id}/pledge/file/": {"post"},
}
