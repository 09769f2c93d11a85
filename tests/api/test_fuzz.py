"""schemathesis over the whole OpenAPI document, as each role, with the demo province loaded.

Checks: no 5xx, every status code documented, the content type and the body as documented.
The number of examples per operation is bounded and the seed fixed (fuzz_support.CONFIG), so
a run is repeatable and takes about a minute or two on 2 cores.
"""

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from tests.api import fuzz_support
from tests.api.fuzz_support import ROLES, FuzzWorld

# The marker makes pytest-django create the test database; each test runs in a savepoint.
pytestmark = pytest.mark.django_db

schema = fuzz_support.load_schema()


@pytest.fixture(scope="module")
def fuzz_world(django_db_setup, django_db_blocker):
    """The demo province, loaded once per process and rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield FuzzWorld.load()
        transaction.set_rollback(True)


@pytest.mark.parametrize("role", ROLES)
@schema.parametrize()
def test_api_operation_conforms_to_schema(case, role, fuzz_world):
    response = fuzz_world.call(case, role)

    case.validate_response(response)


# -- the harness itself, and the API fixes the fuzzing led to --------------------------------

def test_fuzzed_document_is_the_served_one():
    served = APIClient().get("/api/v1/schema/", {"format": "json"}).json()

    assert fuzz_support.served_document() == served


def test_every_path_parameter_names_a_known_collection():
    document = fuzz_support.served_document()
    with_ids = {fuzz_support.path_collection(path) for path in document["paths"] if "{" in path}

    assert with_ids - fuzz_support.PATH_MODELS.keys() == set()


def test_schema_documents_refusals_of_an_object_operation():
    responses = fuzz_support.served_document()["paths"]["/api/v1/units/{id}/"]["patch"][
        "responses"]

    assert {"200", "400", "401", "403", "404"} <= responses.keys()


def test_address_matching_no_route_answers_json_404(fuzz_world):
    response = fuzz_world.client("board_officer").get("/api/v1/units/1.5/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_review_of_group_id_not_a_number_is_404(fuzz_world):
    response = fuzz_world.client("board_officer").get("/api/v1/reviews/abc/")

    assert response.status_code == 404


def test_filter_id_beyond_64_bits_is_400(fuzz_world):
    response = fuzz_world.client("board_officer").get(
        "/api/v1/certificate-jobs/", {"decision": 2**70})

    assert response.status_code == 400
    assert set(response.json()) == {"decision"}
