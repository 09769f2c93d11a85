"""The decision, certificate job and issuer operations of the OpenAPI document, and the
router prefixes the API root links."""

DECISION_PATHS: dict[str, set[str]] = {
    "/api/v1/decisions/": {"get", "post"},
    "/api/v1/decisions/{id}/": {"get", "patch"},
    "/api/v1/decisions/{id}/send/": {"post"},
    "/api/v1/decisions/{id}/return/": {"post"},
    "/api/v1/decisions/{id}/issue/": {"post"},
    "/api/v1/decisions/{id}/certificates/": {"post"},
    "/api/v1/decisions/{id}/word/": {"get"},
    "/api/v1/certificate-jobs/": {"get"},
    "/api/v1/certificate-jobs/{id}/": {"get"},
    "/api/v1/certificate-jobs/{id}/archive/": {"get"},
    "/api/v1/certificate-jobs/{id}/print-file/": {"get"},
    "/api/v1/issuers/": {"get"},
    "/api/v1/issuers/{id}/": {"get"},
}

DECISION_ROOT_LINKS = {"decisions", "certificate-jobs", "issuers"}
