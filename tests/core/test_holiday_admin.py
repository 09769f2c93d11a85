"""Superusers correct the holiday calendar in Django's admin."""

import pytest

from tests.factories import UserFactory
from vinhdanh.core.public_holidays import fill_statutory_holidays

pytestmark = pytest.mark.django_db


def test_holiday_admin_lists_the_filled_year(client):
    fill_statutory_holidays(2026)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get("/admin/core/holiday/", {"day__year": 2026})

    assert response.status_code == 200
    assert "Tết Nguyên đán (mùng 1)" in response.content.decode()


def test_holiday_admin_is_closed_to_staff_without_superuser(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get("/admin/core/holiday/").status_code == 403
