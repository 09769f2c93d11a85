"""The batch, nomination, dossier file, public comment and timeliness operations of the
OpenAPI document, and the router prefixes the API root links."""

NOMINATION_PATHS: dict[str, set[str]] = {
    "/api/v1/batches/": {"get", "post"},
    "/api/v1/batches/{id}/": {"get", "patch"},
    "/api/v1/batches/{id}/submit/": {"post"},
    "/api/v1/batches/{id}/candidates/": {"post"},
    "/api/v1/batches/{id}/from-proposals/": {"post"},
    "/api/v1/batches/{id}/documents/": {"get", "post"},
    "/api/v1/batches/{id}/generate/": {"post"},
    "/api/v1/nominations/": {"get"},
    "/api/v1/nominations/{id}/": {"get", "patch"},
    "/api/v1/nominations/{id}/transition/": {"post"},
    "/api/v1/nominations/{id}/journey/": {"get"},
    "/api/v1/nominations/{id}/history/": {"get"},
    "/api/v1/nominations/{id}/evaluate/": {"post"},
    "/api/v1/dossier-documents/{id}/": {"get"},
    "/api/v1/dossier-documents/{id}/download/": {"get"},
    "/api/v1/notices/": {"get", "post"},
    "/api/v1/notices/{id}/": {"get"},
    "/api/v1/comments/": {"get"},
    "/api/v1/comments/{id}/": {"get"},
    "/api/v1/comments/{id}/moderate/": {"post"},
    "/api/v1/comments/{id}/answer/": {"post"},
    "/api/v1/timeliness/": {"get"},
}

# dossier-documents has no list, so the root does not link it.
NOMINATION_ROOT_LINKS = {"batches", "nominations", "notices", "comments", "timeliness"}
