"""Query-count guards on the public pages not covered by their own files (the honour board,
decisions and home page guard themselves): the notices list and a certificate's page cost
the same number of queries with one row as with five."""

import pytest
from django.urls import reverse

from tests.factories import PersonFactory
from tests.public.honours_support import issued_to
from tests.public.support import published_notice


@pytest.mark.parametrize("count", [1, 5])
def test_notice_list_queries_do_not_grow_with_notices(province, personas, client, count,
                                                      django_assert_num_queries):
    for index in range(count):
        published_notice(province, personas, [PersonFactory(unit=province.farmers)],
                         title=f"Lấy ý kiến đợt {index}")

    with django_assert_num_queries(1):
        response = client.get(reverse("public:notice-list"))

    assert len(response.context["notices"]) == count


@pytest.mark.parametrize("count", [1, 5])
def test_certificate_page_queries_do_not_grow_with_the_decision(province, personas, client,
                                                                count,
                                                                django_assert_num_queries):
    people = [PersonFactory(unit=province.farmers) for _ in range(count)]
    certificate = issued_to(province, personas, people).entries.last().certificate

    with django_assert_num_queries(2):
        response = client.get(certificate.get_absolute_url())

    assert response.status_code == 200
