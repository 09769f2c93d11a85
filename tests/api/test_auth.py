import pytest
from axes.models import AccessAttempt
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.conftest import PASSWORD

TOKEN_URL = "/api/v1/auth/token/"


@pytest.fixture(autouse=True)
def _saved_passwords(personas):
    # UserFactory sets the password after saving and skips the second save; keep it here.
    for user in vars(personas).values():
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])


def _obtain(username, password):
    return APIClient().post(TOKEN_URL, {"username": username, "password": password}, format="json")


def test_token_obtain_returns_a_token_that_authenticates(personas):
    response = _obtain("clerk", PASSWORD)

    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=personas.unit_clerk).key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert client.get("/api/v1/units/").status_code == 200


def test_token_obtain_twice_returns_the_same_token(personas):
    first, second = _obtain("clerk", PASSWORD), _obtain("clerk", PASSWORD)

    assert first.json()["token"] == second.json()["token"]


def test_token_obtain_wrong_password_is_400(personas):
    response = _obtain("clerk", "sai-mat-khau")

    assert response.status_code == 400
    assert "token" not in response.json()
    assert not Token.objects.filter(user=personas.unit_clerk).exists()


def test_token_obtain_inactive_user_is_400(personas):
    personas.unit_clerk.is_active = False
    personas.unit_clerk.save()

    assert _obtain("clerk", PASSWORD).status_code == 400


def test_token_obtain_locks_out_after_five_failures(personas):
    statuses = [_obtain("clerk", "sai-mat-khau").status_code for _ in range(5)]

    response = _obtain("clerk", PASSWORD)

    assert statuses == [400, 400, 400, 400, 429]
    assert response.status_code == 429
    assert "token" not in response.json()
    assert AccessAttempt.objects.get(username="clerk").failures_since_start >= 5


def test_token_obtain_lockout_is_per_username(personas):
    for _ in range(5):
        _obtain("clerk", "sai-mat-khau")

    assert _obtain("officer", PASSWORD).status_code == 200


def test_token_obtain_success_resets_the_failure_count(personas):
    for _ in range(4):
        _obtain("clerk", "sai-mat-khau")

    _obtain("clerk", PASSWORD)

    assert _obtain("clerk", "sai-mat-khau").status_code == 400


@pytest.mark.parametrize(
    "url", ["/api/v1/", "/api/v1/units/", "/api/v1/people/", "/api/v1/groups/"]
)
def test_api_unauthenticated_is_401(province, url):
    response = APIClient().get(url)

    assert response.status_code == 401


def test_api_wrong_token_is_401(province):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")

    assert client.get("/api/v1/people/").status_code == 401


def test_api_session_login_works(personas, client_for):
    response = client_for(personas.unit_clerk).get("/api/v1/units/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
