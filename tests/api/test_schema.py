import yaml
from django.core.management import call_command
from django.utils.translation import gettext
from rest_framework.test import APIClient

from tests.api.schema_paths_council import COUNCIL_PATHS, COUNCIL_ROOT_LINKS
from tests.api.schema_paths_decisions import DECISION_PATHS, DECISION_ROOT_LINKS
from tests.api.schema_paths_movements import MOVEMENT_PATHS
from tests.api.schema_paths_nominations import NOMINATION_PATHS, NOMINATION_ROOT_LINKS
from tests.api.schema_paths_scoring import SCORING_PATHS
from vinhdanh.api.urls import router
from vinhdanh.api.views.base import ServiceViewSet

PATHS = {
    "/api/v1/auth/token/": {"post"},
    "/api/v1/units/": {"get", "post"},
    "/api/v1/units/{id}/": {"get", "patch"},
    "/api/v1/people/": {"get", "post"},
    "/api/v1/people/{id}/": {"get", "patch"},
    "/api/v1/groups/": {"get", "post"},
    "/api/v1/groups/{id}/": {"get", "patch"},
    "/api/v1/groups/{id}/leadership/": {"post"},
    "/api/v1/groups/{id}/members/": {"post"},
    "/api/v1/groups/{id}/copy-to-next-year/": {"post"},
    "/api/v1/groups/{id}/handover/": {"post"},
    "/api/v1/honors/": {"get"},
    "/api/v1/rule-packs/": {"get"},
    "/api/v1/eligibility/evaluate/": {"post"},
    "/api/v1/eligibility/sweep/": {"post"},
    "/api/v1/bonuses/": {"post"},
    "/api/v1/people/{id}/history/": {"get"},
    "/api/v1/units/{id}/history/": {"get"},
    **MOVEMENT_PATHS,
    **SCORING_PATHS,
    **NOMINATION_PATHS,
    **COUNCIL_PATHS,
    **DECISION_PATHS,
}


def _operations(schema) -> dict:
    return {path: set(item) for path, item in schema["paths"].items()}


def test_schema_endpoint_returns_every_path_as_yaml(db):
    response = APIClient().get("/api/v1/schema/")

    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert _operations(schema) == PATHS


def test_schema_endpoint_returns_json_on_request(db):
    response = APIClient().get("/api/v1/schema/", {"format": "json"})

    assert response.status_code == 200
    assert _operations(response.json()) == PATHS


def test_schema_documents_the_private_fields_of_people(db):
    schema = APIClient().get("/api/v1/schema/", {"format": "json"}).json()

    person = schema["components"]["schemas"]["Person"]["properties"]
    assert person["citizen_id"]["nullable"] is True
    assert gettext("Null unless you may change this person.") in person["citizen_id"]["description"]


def test_schema_generation_is_valid_and_has_no_warnings(db, tmp_path):
    target = tmp_path / "schema.yaml"

    # raises CommandError on any warning or on an invalid document
    call_command("spectacular", "--validate", "--fail-on-warn", "--lang", "en",
                 "--file", str(target))

    assert _operations(yaml.safe_load(target.read_text())) == PATHS


def test_api_root_links_the_schema(personas, api_for):
    response = api_for(personas.viewer).get("/api/v1/")

    assert response.status_code == 200
    assert response.json()["schema"] == "http://testserver/api/v1/schema/"
    assert set(response.json()) == {
        "units", "people", "groups", "honors", "rule-packs", "schema",
        "directives", "movements", "movement-reports", "registrations", "registration-periods",
        "scoring-templates", "scoring-criteria", "scoring-rounds", "scores", "proposals",
        *NOMINATION_ROOT_LINKS,
        *COUNCIL_ROOT_LINKS,
        *DECISION_ROOT_LINKS,
    }


def test_api_views_all_share_the_base_viewset():
    assert all(issubclass(viewset, ServiceViewSet) for _, viewset, _ in router.registry)
