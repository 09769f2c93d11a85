"""The public home page: what the site offers, one search box over the honour board, the
five latest issued decisions and the honours counted this year and last year."""

import datetime as dt

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tests.decisions.support import draft
from tests.factories import PersonFactory
from tests.public.honours_support import entered, issued_to

HOME = reverse("public:home")


def test_home_links_what_the_site_offers(db, client):
    html = client.get(HOME).content.decode()

    for name in ("certificate-lookup", "honour-board", "decision-list", "notice-list"):
        assert f'href="{reverse(f"public:{name}")}"' in html
    assert f'action="{reverse("public:honour-board")}"' in html and 'name="q"' in html


def test_home_links_stories_when_they_exist(db, client):
    try:
        stories = reverse("public:story-list")
    except NoReverseMatch:
        pytest.skip("the stories pages are not there yet")

    assert f'href="{stories}"' in client.get(HOME).content.decode()


def test_brand_leads_home(db, client):
    html = client.get(reverse("public:notice-list")).content.decode()

    assert f'class="pub-brand" href="{HOME}"' in html


def test_home_counts_honours_of_this_year_and_last(province, client):
    year = timezone.localdate().year
    for person_year in (year, year, year - 1, year - 2):
        entered(PersonFactory(unit=province.farmers), year=person_year)
    entered(PersonFactory(unit=province.women), year=year, number="")  # not public

    response = client.get(HOME)

    assert (response.context["this_year"], response.context["last_year"]) == (2, 1)


def test_home_lists_the_five_latest_issued_decisions(province, personas, client):
    for month in range(1, 7):
        issued_to(province, personas, [PersonFactory(unit=province.farmers)],
                  decided_on=dt.date(2026, month, 10))
    draft(province, personas, subject="Về việc khen dự thảo chưa ký")

    response = client.get(HOME)

    assert [d.reference for d in response.context["latest"]] == [
        "6/QĐ-UBND", "5/QĐ-UBND", "4/QĐ-UBND", "3/QĐ-UBND", "2/QĐ-UBND"]
    assert "dự thảo chưa ký" not in response.content.decode()


@pytest.mark.parametrize("count", [1, 5])
def test_home_queries_do_not_grow_with_rows(province, personas, client, count,
                                            django_assert_num_queries):
    for _ in range(count):
        issued_to(province, personas, [PersonFactory(unit=province.farmers)])

    with django_assert_num_queries(2):
        response = client.get(HOME)

    assert len(response.context["latest"]) == count
