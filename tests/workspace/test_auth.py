from django.urls import reverse

from tests.conftest import PASSWORD

# Fixtures shared by the staff-UI tests.

LOGIN = "workspace:login"


def _log_in(client, username, password):
    return client.post(reverse(LOGIN), {"username": username, "password": password})


def test_login_page_renders_for_anonymous(client, db):
    response = client.get(reverse(LOGIN))

    assert response.status_code == 200
    assert b'name="username"' in response.content


def test_dashboard_redirects_to_login_when_anonymous(client, db):
    response = client.get(reverse("workspace:dashboard"))

    assert response.status_code == 302
    assert response.url.startswith(reverse(LOGIN))


def test_login_with_right_password_logs_in(client, personas):
    response = _log_in(client, "clerk", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("workspace:dashboard")
    assert client.session["_auth_user_id"] == str(personas.unit_clerk.pk)


def test_login_with_wrong_password_shows_error(client, personas):
    response = _log_in(client, "clerk", "sai-mat-khau")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_login_locks_out_after_five_failures(client, personas):
    for _attempt in range(5):
        _log_in(client, "clerk", "sai-mat-khau")

    response = _log_in(client, "clerk", PASSWORD)

    assert response.status_code == 429
    assert "workspace/locked_out.html" in [t.name for t in response.templates]
    assert "_auth_user_id" not in client.session


def test_login_four_failures_still_allow_login(client, personas):
    for _attempt in range(4):
        _log_in(client, "clerk", "sai-mat-khau")

    response = _log_in(client, "clerk", PASSWORD)

    assert response.status_code == 302


def test_logout_by_post_ends_session(personas, client_for):
    client = client_for(personas.unit_clerk)

    response = client.post(reverse("workspace:logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_change_sets_new_password(personas, client_for):
    client = client_for(personas.unit_clerk)
    new = "mot-mat-khau-moi-dai-2"

    response = client.post(reverse("workspace:password-change"), {
        "old_password": PASSWORD, "new_password1": new, "new_password2": new,
    })

    assert response.status_code == 302
    personas.unit_clerk.refresh_from_db()
    assert personas.unit_clerk.check_password(new)


def test_password_change_with_wrong_old_password_shows_error(personas, client_for):
    client = client_for(personas.unit_clerk)
    new = "mot-mat-khau-moi-dai-2"

    response = client.post(reverse("workspace:password-change"), {
        "old_password": "sai", "new_password1": new, "new_password2": new,
    })

    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors
