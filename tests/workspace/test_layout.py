import re

import pytest
from django.urls import reverse

from tests.workspace.ui_support import html

# Fixtures shared by the staff-UI tests.

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def _pages(province):
    person, bloc = province.farmer_people[0], province.bloc
    return [
        reverse("workspace:dashboard"),
        reverse("workspace:password-change"),
        reverse("workspace:unit-list"),
        reverse("workspace:unit-list") + "?q=hoi",
        reverse("workspace:unit-create"),
        reverse("workspace:unit-detail", args=[province.farmers.pk]),
        reverse("workspace:unit-edit", args=[province.farmers.pk]),
        reverse("workspace:person-list"),
        reverse("workspace:person-create"),
        reverse("workspace:person-detail", args=[person.pk]),
        reverse("workspace:person-edit", args=[person.pk]),
        reverse("workspace:group-list"),
        reverse("workspace:group-create"),
    ] + [reverse(f"workspace:group-{name}", args=[bloc.pk])
         for name in ("detail", "members", "leadership", "handover", "copy")]


def _assert_csp_clean(page: str) -> None:
    assert "style=" not in page
    assert not INLINE_SCRIPT.search(page)
    assert not INLINE_HANDLER.search(page)
    assert '<html lang="vi">' in page


def test_every_page_has_no_inline_style_or_script(personas, client_for, province):
    client = client_for(personas.board_officer)

    for url in _pages(province):
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_csp_clean(html(response))


def test_login_and_lockout_pages_have_no_inline_style_or_script(client, personas):
    login = reverse("workspace:login")
    _assert_csp_clean(html(client.get(login)))

    for _attempt in range(5):
        response = client.post(login, {"username": "clerk", "password": "sai"})

    _assert_csp_clean(html(response))


def test_pages_send_a_content_security_policy(personas, client_for):
    response = client_for(personas.board_officer).get(reverse("workspace:dashboard"))

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy


def test_layout_shows_menu_and_post_logout(personas, client_for):
    page = html(client_for(personas.unit_clerk).get(reverse("workspace:person-list")))

    assert 'name="htmx-config"' in page
    assert f'action="{reverse("workspace:logout")}"' in page
    assert f'href="{reverse("workspace:person-list")}" aria-current="page"' in page


@pytest.mark.parametrize("url_name", ["unit-list", "person-list", "group-list"])
def test_list_pages_render_for_each_persona(personas, client_for, url_name):
    for user in vars(personas).values():
        response = client_for(user).get(reverse(f"workspace:{url_name}"))
        assert response.status_code == 200, user.username


def test_dates_render_day_first(personas, client_for, province):
    person = province.farmer_people[0]

    page = html(client_for(personas.board_officer).get(
        reverse("workspace:person-detail", args=[person.pk])))

    assert person.date_of_birth.strftime("%d/%m/%Y") in page
