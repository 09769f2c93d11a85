"""The public honour board: what it lists (issued here, or history with a decision number;
never revoked), what it shows of a recipient, search with or without diacritics, browsing
by year, unit (with its subtree) and honour, counts, order, pages, and one query count
whatever the number of rows."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import PersonFactory
from tests.public.honours_support import entered, issued_to
from vinhdanh.honors.models import Honor
from vinhdanh.honors.services.history import revoke_honor_record
from vinhdanh.organisations.models import Household
from vinhdanh.public.views import honours as views

BOARD = reverse("public:honour-board")


def lines(response):
    return response.context["lines"]


def names(response):
    return [line.recipient for line in lines(response)]


@pytest.fixture
def an(province):
    return PersonFactory(unit=province.farmers_sub, full_name="Nguyễn Văn An",
                         position="Trưởng phòng", date_of_birth=dt.date(1981, 3, 9))


def test_board_lists_entered_history_with_a_decision_number(an, client):
    entered(an, year=2024, number="45/QĐ-UBND", day=dt.date(2025, 1, 20))

    response = client.get(BOARD)

    [line] = lines(response)
    assert (line.recipient, line.honour, line.year) == (
        "Nguyễn Văn An", "Bằng khen của Chủ tịch UBND tỉnh", 2024)
    assert line.detail == "Trưởng phòng, Văn phòng Hội Nông dân"
    html = response.content.decode()
    assert "45/QĐ-UBND" in html and "20/01/2025" in html


def test_board_leaves_out_history_without_a_decision_number(an, client):
    entered(an, number="")

    assert lines(client.get(BOARD)) == []


def test_board_leaves_out_revoked_honours(an, client):
    record = entered(an)
    revoke_honor_record(record, actor=None, revoked_on=dt.date(2026, 5, 1),
                        revocation="Quyết định số 9/QĐ-UBND")

    assert lines(client.get(BOARD)) == []


def test_board_shows_no_private_data(an, client):
    entered(an, notes="Ghi chú nội bộ XYZ")

    html = client.get(BOARD).content.decode()

    assert an.citizen_id not in html
    assert "09/03/1981" not in html and "1981-03-09" not in html
    assert "Ghi chú nội bộ XYZ" not in html


def test_issued_honour_links_its_certificate_and_decision(province, personas, an, client):
    decision = issued_to(province, personas, [an])
    entry = decision.entries.get()

    [line] = lines(client.get(BOARD))

    assert line.certificate_url == entry.certificate.get_absolute_url()
    assert line.decision_url == reverse("public:decision", args=[decision.public_id])
    assert line.decision_number == "1/QĐ-UBND"
    assert line.detail == entry.recipient_detail


@pytest.mark.parametrize("query", ["nguyen van an", "NGUYỄN VĂN AN", "Nguyễn Văn An", "van an"])
def test_search_ignores_case_and_diacritics(an, province, client, query):
    entered(an)
    entered(PersonFactory(unit=province.women, full_name="Nguyễn Thị Ánh"))

    assert names(client.get(BOARD, {"q": query})) == ["Nguyễn Văn An"]


def test_search_treats_old_and_new_tone_placement_alike(province, client):
    entered(PersonFactory(unit=province.farmers, full_name="Lê Thị Hoà"))
    entered(PersonFactory(unit=province.women, full_name="Trần Văn Thuỷ"))

    assert names(client.get(BOARD, {"q": "Hòa"})) == ["Lê Thị Hoà"]
    assert names(client.get(BOARD, {"q": "thủy"})) == ["Trần Văn Thuỷ"]


def test_search_finds_collectives_and_households(province, client):
    entered(province.women_sub, honor_code="tap_the_lao_dong_xuat_sac")
    household = Household.objects.create(head_name="Đinh Văn Hải", unit=province.farmers_sub)
    entered(household, honor_code="gia_dinh_van_hoa")

    assert names(client.get(BOARD, {"q": "van phong hoi phu nu"})) == ["Văn phòng Hội Phụ nữ"]
    assert names(client.get(BOARD, {"q": "dinh van hai"})) == ["Đinh Văn Hải"]


def test_board_filters_by_year(an, province, client):
    entered(an, year=2023)
    entered(PersonFactory(unit=province.women, full_name="Bùi Thu Yến"), year=2024)

    response = client.get(BOARD, {"nam": "2023"})

    assert names(response) == ["Nguyễn Văn An"]
    assert response.context["form"].fields["nam"].choices[1:] == [(2024, 2024), (2023, 2023)]


def test_unit_filter_includes_the_subtree(an, province, client):
    entered(an)  # works in a sub-unit of the Farmers' Union
    entered(province.farmers_sub, honor_code="tap_the_lao_dong_xuat_sac")
    entered(PersonFactory(unit=province.women, full_name="Bùi Thu Yến"))

    response = client.get(BOARD, {"don_vi": province.farmers.pk})

    assert sorted(names(response)) == ["Nguyễn Văn An", "Văn phòng Hội Nông dân"]


def test_board_filters_by_honour_and_counts_each_honour(an, province, client):
    merit = Honor.objects.get(code="bang_khen_tinh")
    entered(an)
    entered(PersonFactory(unit=province.women), honor_code="chien_si_thi_dua_co_so")
    entered(PersonFactory(unit=province.women))

    everything = client.get(BOARD)
    response = client.get(BOARD, {"danh_hieu": merit.pk})

    assert [(c.honour, c.count) for c in everything.context["counts"]] == [
        ("Chiến sĩ thi đua cơ sở", 1), ("Bằng khen của Chủ tịch UBND tỉnh", 2)]
    assert len(lines(response)) == 2
    assert response.context["total"] == 2


def test_board_ignores_values_not_among_the_choices(an, client):
    entered(an)

    response = client.get(BOARD, {"nam": "abc", "don_vi": "999999", "danh_hieu": "x"})

    assert response.status_code == 200
    assert names(response) == ["Nguyễn Văn An"]


def test_board_orders_by_year_then_honour_then_vietnamese_name(province, client):
    for name in ("Đỗ Văn Bình", "Lê Thị Ánh", "Trần Văn An"):
        entered(PersonFactory(unit=province.farmers, full_name=name), year=2024)
    entered(PersonFactory(unit=province.women, full_name="Vũ Thu Yến"), year=2025)
    entered(PersonFactory(unit=province.women, full_name="Phạm Văn Dũng"), year=2024,
            honor_code="chien_si_thi_dua_co_so")

    assert names(client.get(BOARD)) == [
        "Vũ Thu Yến", "Phạm Văn Dũng", "Trần Văn An", "Lê Thị Ánh", "Đỗ Văn Bình"]


def test_board_is_paginated(province, client, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for _ in range(3):
        entered(PersonFactory(unit=province.farmers))

    first = client.get(BOARD)
    second = client.get(BOARD, {"trang": 2})

    assert len(lines(first)) == 2 and len(lines(second)) == 1
    assert 'href="?trang=2"' in first.content.decode()


def test_board_description_names_the_selection(an, province, client):
    merit = Honor.objects.get(code="bang_khen_tinh")
    entered(an, year=2025)
    entered(PersonFactory(unit=province.women), year=2025)

    response = client.get(BOARD, {"nam": 2025, "danh_hieu": merit.pk})

    description = response.context["page_description"]
    assert merit.name in description and "2025" in description and ": 2 " in description
    assert f'<meta name="description" content="{description}">' in response.content.decode()


def _rows(province, personas, count):
    issued_to(province, personas, [PersonFactory(unit=province.farmers)])
    extra = [PersonFactory(unit=province.women) for _ in range(max(0, count - 3))]
    if count > 1:
        entered(province.women_sub, honor_code="tap_the_lao_dong_xuat_sac")
        entered(Household.objects.create(head_name="Hà Văn Tư", unit=province.women_sub),
                honor_code="gia_dinh_van_hoa")
    for person in extra:
        entered(person)


@pytest.mark.parametrize("count", [1, 5])
def test_board_queries_do_not_grow_with_rows(province, personas, client, count,
                                             django_assert_num_queries):
    _rows(province, personas, count)

    # years, units, honours (the facets), the counts per honour, the page: the paginator
    # takes its total from the counts.
    with django_assert_num_queries(5):
        response = client.get(BOARD)

    assert len(lines(response)) == count


def test_board_facets_are_cached_across_searches(province, personas, client,
                                                django_assert_num_queries):
    _rows(province, personas, 3)
    client.get(BOARD)

    # Another address of the board: only its counts and its page are new.
    with django_assert_num_queries(2):
        response = client.get(BOARD, {"q": "ha van tu"})

    assert [line.recipient for line in lines(response)] == ["Hà Văn Tư"]
