"""The issuers' settings pages (the board): list, new, edit with print offsets, logged."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.decisions.support import issuer
from tests.workspace.ui_support import html
from vinhdanh.core.audit import history_of
from vinhdanh.decisions.models import Issuer

pytestmark = pytest.mark.django_db

LIST = reverse("workspace:issuer-list")
CREATE = reverse("workspace:issuer-create")


def _edit(issuer_):
    return reverse("workspace:issuer-edit", args=[issuer_.pk])


def _data(**changes) -> dict:
    return {"name": "Ủy ban nhân dân tỉnh Sơn Thủy", "parent_heading": "",
            "heading": "ỦY BAN NHÂN DÂN\nTỈNH SƠN THỦY",
            "authority": "Chủ tịch Ủy ban nhân dân tỉnh Sơn Thủy", "abbreviation": "UBND",
            "place": "Sơn Thủy", "unit": "", "default_legal_bases": "",
            "default_copies_to": "Lưu: VT.", "print_offset_x_mm": "1,5",
            "print_offset_y_mm": "-2", "print_page": "A4"} | changes


def test_issuer_pages_are_for_the_board_only(province, personas, client_for):
    existing = issuer()
    for user in (personas.signer, personas.unit_clerk, personas.viewer,
                 personas.council_member):
        client = client_for(user)
        for url in (LIST, CREATE, _edit(existing)):
            assert client.get(url).status_code == 403, (user, url)
        assert client.post(_edit(existing), _data()).status_code == 403
    assert Issuer.objects.get().name == existing.name


def test_issuer_list_shows_the_symbol(province, personas, client_for):
    issuer()

    page = html(client_for(personas.admin).get(LIST))

    assert "QĐ-UBND" in page


def test_issuer_create_saves_and_logs(province, personas, client_for):
    response = client_for(personas.board_officer).post(CREATE, _data())

    created = Issuer.objects.get()
    assert response["Location"] == LIST
    assert (created.print_offset_x_mm, created.print_offset_y_mm) == (Decimal("1.5"),
                                                                      Decimal("-2"))
    assert list(history_of(created).values_list("action", flat=True)) == [
        "decisions.issuer_saved"]


def test_issuer_edit_changes_the_offsets(province, personas, client_for):
    existing = issuer()
    client = client_for(personas.board_officer)

    client.post(_edit(existing), _data(name=existing.name, print_offset_y_mm="3,2",
                                       print_page="A3"))

    existing.refresh_from_db()
    assert (existing.print_offset_y_mm, existing.print_page) == (Decimal("3.2"), "A3")


def test_issuer_edit_with_a_bad_value_saves_nothing(province, personas, client_for):
    existing = issuer()

    response = client_for(personas.board_officer).post(
        _edit(existing), _data(name=existing.name, abbreviation=""))

    assert response.status_code == 200
    assert response.context["form"].errors["abbreviation"]
    assert Issuer.objects.get().place == existing.place
