"""Helpers of the API fuzzing test (test_fuzz.py): the schema, the roles and the in-process app.

The demo province is loaded once per test process inside a transaction that is rolled back at
the end; every request the fuzzer sends runs in a savepoint of its own that is rolled back too,
so each generated case meets the same data, whatever the cases before it wrote.
"""

import contextlib

import schemathesis
from django.apps import apps
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections, transaction
from drf_spectacular.generators import SchemaGenerator
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from vinhdanh.api.urls import SchemaView

# Role -> demo log-in (vinhdanh/demo/accounts.py). The clerk and the group leader see part of
# the province only: the other units' data the demo holds must come back as 403/404, never 500.
ROLES = {
    "board_officer": "bantdkt",
    "unit_clerk": "vanthu.hnd",
    "group_leader": "khoitruong",
    "council_member": "hoidong",
    "signer": "chutich",
    "viewer": "xem",
}

# The model behind the path parameter of each collection, so that generated ids name real
# rows (of every unit, visible or not) rather than almost always missing ones.
PATH_MODELS = {
    "units": "organisations.Unit",
    "people": "organisations.Person",
    "groups": "organisations.EmulationGroup",
    "reviews": "organisations.EmulationGroup",
    "council-members": "council.CouncilMember",
    "council-sessions": "council.CouncilSession",
    "council-items": "council.AgendaItem",
    "decisions": "decisions.Decision",
    "certificate-jobs": "decisions.CertificateJob",
    "issuers": "decisions.Issuer",
    "directives": "movements.Directive",
    "movements": "movements.Movement",
    "movement-reports": "movements.ProgressReport",
    "registrations": "movements.Registration",
    "batches": "nominations.NominationBatch",
    "nominations": "nominations.Nomination",
    "dossier-documents": "nominations.NominationDocument",
    "notices": "nominations.PublicNotice",
    "comments": "nominations.PublicComment",
    "scoring-templates": "scoring.ScoringTemplate",
    "scoring-criteria": "scoring.Criterion",
    "scoring-rounds": "scoring.ScoringRound",
    "proposals": "scoring.Proposal",
}

# The model a body field of this name refers to (single ids and lists of ids alike), so that
# writes get past "no such object" and reach the services.
BODY_MODELS = {
    **dict.fromkeys(["unit", "units", "parent", "proposing_unit", "issuer_unit", "organiser",
                     "leader", "deputy", "incoming_leader", "incoming_deputy", "subject"],
                    "organisations.Unit"),
    **dict.fromkeys(["person", "people"], "organisations.Person"),
    **dict.fromkeys(["group", "next_group", "copy_from"], "organisations.EmulationGroup"),
    **dict.fromkeys(["user", "signer", "secretary", "scorer", "launched_by"],
                    "organisations.User"),
    **dict.fromkeys(["member", "members", "participants"], "council.CouncilMember"),
    "council_session": "council.CouncilSession",
    "issuer": "decisions.Issuer",
    "directive": "movements.Directive",
    "movement": "movements.Movement",
    **dict.fromkeys(["nomination", "nominations"], "nominations.Nomination"),
    "criterion": "scoring.Criterion",
    "template": "scoring.ScoringTemplate",
    **dict.fromkeys(["proposal", "proposals"], "scoring.Proposal"),
}

# One in this many generated ids is kept as drawn, so missing rows are fuzzed too.
KEEP_DRAWN_ID = 5

CONFIG = {
    "seed": 20240808,
    "generation": {"mode": "all", "max-examples": 6, "deterministic": True, "database": "none"},
    # The coverage phase walks every boundary of every field: hundreds of cases per operation.
    "phases": {"coverage": {"enabled": False}},
    "checks": {
        "enabled": False,
        "not_a_server_error": {"enabled": True},
        "status_code_conformance": {"enabled": True},
        "content_type_conformance": {"enabled": True},
        "response_schema_conformance": {"enabled": True},
    },
}


def served_document() -> dict:
    """The OpenAPI document GET /api/v1/schema/ serves, built without a request or a database."""
    view = SchemaView()
    generator = view.generator_class(api_version="v1", urlconf=view.urlconf)
    assert isinstance(generator, SchemaGenerator)
    return generator.get_schema(request=None, public=view.serve_public)


def load_schema():
    return schemathesis.openapi.from_dict(
        served_document(), config=schemathesis.Config.from_dict(CONFIG))


def path_collection(path: str) -> str:
    """``/api/v1/council-items/{id}/vote/`` -> ``council-items``."""
    return path.removeprefix("/api/v1/").split("/", 1)[0]


def id_pools(names: dict[str, str]) -> dict[str, list[int]]:
    """Every row id of the model of each name, oldest first."""
    rows = {}
    for label in set(names.values()):
        ids = apps.get_model(label).objects.order_by("pk").values_list("pk", flat=True)
        rows[label] = list(ids)
    return {name: rows[label] for name, label in names.items()}


def real_id(drawn, pool: list[int]):
    """A real row for most drawn integers; the rest, and non-integers, stay as drawn."""
    if isinstance(drawn, list):
        return [real_id(item, pool) for item in drawn]
    if not pool or not isinstance(drawn, int) or isinstance(drawn, bool):
        return drawn
    if drawn % KEEP_DRAWN_ID == 0:
        return drawn
    return pool[drawn % len(pool)]


class RollbackApp:
    """Django's WSGI application, each request in a savepoint that is rolled back.

    Django closes the connection after each request; inside the test's transaction that would
    lose it, so the closing signal is off while a request runs (as in django.test.Client).
    """

    def __init__(self):
        self.handler = WSGIHandler()

    def __call__(self, environ, start_response):
        with self._connection_kept(), transaction.atomic():
            result = self.handler(environ, start_response)
            # Streamed files are read here, while the savepoint still holds their rows.
            body = b"".join(result)
            result.close()
            transaction.set_rollback(True)
        return [body]

    @staticmethod
    @contextlib.contextmanager
    def _connection_kept():
        signals.request_started.disconnect(close_old_connections)
        signals.request_finished.disconnect(close_old_connections)
        try:
            yield
        finally:
            signals.request_started.connect(close_old_connections)
            signals.request_finished.connect(close_old_connections)


class FuzzWorld:
    """The loaded demo: each role's token and the real ids of each collection."""

    def __init__(self, tokens: dict[str, str]):
        self.tokens = tokens
        self.path_pools = id_pools(PATH_MODELS)
        self.body_pools = id_pools(BODY_MODELS)
        self.app = RollbackApp()

    @classmethod
    def load(cls) -> "FuzzWorld":
        from vinhdanh.demo import loader
        from vinhdanh.organisations.models import User

        loader.load()
        users = User.objects.filter(username__in=ROLES.values())
        keys = {user.username: Token.objects.get_or_create(user=user)[0].key for user in users}
        return cls({role: keys[name] for role, name in ROLES.items()})

    def client(self, role: str) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {self.tokens[role]}")
        return client

    def call(self, case, role: str):
        """Sends ``case`` as ``role``, its ids (in the path and the body) pointed at real rows."""
        pool = self.path_pools.get(path_collection(case.path), [])
        for name, value in (case.path_parameters or {}).items():
            case.path_parameters[name] = real_id(value, pool)
        if isinstance(case.body, dict):
            for name in case.body.keys() & self.body_pools.keys():
                case.body[name] = real_id(case.body[name], self.body_pools[name])
        headers = {"Authorization": f"Token {self.tokens[role]}"}
        return case.call(app=self.app, headers=headers)
