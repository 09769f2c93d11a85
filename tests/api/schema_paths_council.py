"""The council member, session and agenda item operations of the OpenAPI document, and the
router prefixes the API root links."""

COUNCIL_PATHS: dict[str, set[str]] = {
    "/api/v1/council-members/": {"get", "post"},
    "/api/v1/council-members/{id}/end-term/": {"post"},
    "/api/v1/council-sessions/": {"get", "post"},
    "/api/v1/council-sessions/{id}/": {"get"},
    "/api/v1/council-sessions/{id}/attendance/": {"post"},
    "/api/v1/council-sessions/{id}/agenda/": {"post"},
    "/api/v1/council-sessions/{id}/open/": {"post"},
    "/api/v1/council-sessions/{id}/quorum/": {"get"},
    "/api/v1/council-items/": {"get"},
    "/api/v1/council-items/{id}/": {"get"},
    "/api/v1/council-items/{id}/open-voting/": {"post"},
    "/api/v1/council-items/{id}/close-voting/": {"post"},
    "/api/v1/council-items/{id}/recusal/": {"post"},
    "/api/v1/council-items/{id}/written-vote/": {"post"},
    "/api/v1/council-items/{id}/vote/": {"post"},
    "/api/v1/council-items/{id}/tally/": {"get"},
}

COUNCIL_ROOT_LINKS = {"council-members", "council-sessions", "council-items"}
