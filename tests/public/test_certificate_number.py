"""Finding a certificate by what it prints: its golden-book number and year, and its issuer
when several issuers have numbered a certificate the same."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from tests.decisions.support import DECIDED_ON, draft, issuer
from tests.factories import PersonFactory
from tests.public.honours_support import issued_to
from vinhdanh.decisions.services import issuing

LOOKUP = reverse("public:certificate-lookup")


@pytest.fixture
def entries(province, personas):
    people = [PersonFactory(unit=province.farmers) for _ in range(2)]
    return list(issued_to(province, personas, people).entries.order_by("position"))


def lookup(client, **params):
    return client.get(LOOKUP, params)


def test_lookup_by_number_and_year_redirects_to_the_certificate(entries, client):
    second = entries[1]

    response = lookup(client, so=second.golden_book_number, nam=DECIDED_ON.year)

    assert response.status_code == 302
    assert response["Location"] == second.certificate.get_absolute_url()


def test_lookup_by_a_number_not_given_says_so(entries, client):
    response = lookup(client, so=99, nam=DECIDED_ON.year)

    assert response.status_code == 200
    assert response.context["by_number"].errors == {"so": [gettext(
        "No issued certificate has this golden-book number in this year.")]}


def test_lookup_in_another_year_finds_nothing(entries, client):
    response = lookup(client, so=1, nam=DECIDED_ON.year - 1)

    assert "so" in response.context["by_number"].errors


def test_lookup_of_a_draft_decisions_line_finds_nothing(province, personas, client):
    decision = draft(province, personas)
    decision.entries.update(golden_book_number=1)

    assert "so" in lookup(client, so=1, nam=DECIDED_ON.year).context["by_number"].errors


def test_lookup_asks_for_the_issuer_when_several_have_the_number(entries, province,
                                                                 personas, client):
    other = issuer(name="Sở Nội vụ", abbreviation="SNV", authority="Giám đốc Sở Nội vụ")
    decision = draft(province, personas)
    decision.issuer = other
    decision.save(update_fields=["issuer"])
    issuing.send_for_signature(decision, actor=personas.board_officer)
    issuing.issue(decision, actor=personas.signer, decided_on=DECIDED_ON)
    theirs = decision.entries.get()

    ambiguous = lookup(client, so=1, nam=DECIDED_ON.year)
    chosen = lookup(client, so=1, nam=DECIDED_ON.year, co_quan=other.pk)

    form = ambiguous.context["by_number"]
    assert form.errors == {"co_quan": [gettext(
        "Several issuers have a certificate with this number in this year: choose the "
        "issuer.")]}
    assert 'name="co_quan"' in ambiguous.content.decode()
    assert chosen["Location"] == theirs.certificate.get_absolute_url()


def test_issuer_choice_is_hidden_with_one_issuer(entries, client):
    html = client.get(LOOKUP).content.decode()

    assert 'name="so"' in html and 'name="nam"' in html
    assert 'name="co_quan"' not in html
