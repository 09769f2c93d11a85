"""Public decision search and a decision's page: issued decisions only (commendations and
revocations), newest first, search without diacritics, by year and issuer; the page shows
the reference, date, authority, subject, signer and recipients by honour, or for a
revocation the revoked honours and their ground; never bonuses, drafts or return reasons."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.decisions.support import DECIDED_ON, draft, issuer
from tests.factories import PersonFactory
from tests.public.honours_support import issued_to
from vinhdanh.decisions.enums import GROUND_TEXT, RevocationGround
from vinhdanh.decisions.services import issuing, revocation
from vinhdanh.organisations.enums import Gender

LIST = reverse("public:decision-list")


def page(decision):
    return reverse("public:decision", args=[decision.public_id])


def references(response):
    return [d.reference for d in response.context["decisions"]]


def farmer(province, name=None, gender=Gender.FEMALE):
    fields = {"full_name": name} if name else {}
    return PersonFactory(unit=province.farmers, gender=gender, **fields)


def revoke(entry, personas, day=dt.date(2027, 2, 1), reason="Kê khai sai thành tích"):
    decision = revocation.create_revocation(
        issuer(), actor=personas.board_officer, decided_on=day,
        lines=[(entry, RevocationGround.DISHONEST, reason)], signer_title="Chủ tịch",
        signer_name="Lê Văn Chủ")
    issuing.send_for_signature(decision, actor=personas.board_officer)
    return issuing.issue(decision, actor=personas.signer, decided_on=day)


def test_list_shows_issued_decisions_newest_first(province, personas, client):
    issued_to(province, personas, [farmer(province)], decided_on=dt.date(2026, 3, 2))
    issued_to(province, personas, [farmer(province)], decided_on=dt.date(2026, 9, 1))

    assert references(client.get(LIST)) == ["2/QĐ-UBND", "1/QĐ-UBND"]


def test_list_leaves_out_drafts_and_decisions_awaiting_signature(province, personas,
                                                                  client):
    draft(province, personas, subject="Về việc khen dự thảo bí mật")
    waiting = draft(province, personas, subject="Về việc khen chờ ký bí mật")
    issuing.send_for_signature(waiting, actor=personas.board_officer)

    response = client.get(LIST)

    assert references(response) == []
    assert "bí mật" not in response.content.decode()
    assert client.get(page(waiting)).status_code == 404


@pytest.mark.parametrize("query", ["tran thi thuy", "Trần Thị Thủy", "1/qđ-ubnd"])
def test_search_ignores_diacritics_and_tone_placement(province, personas, client, query):
    issued_to(province, personas, [farmer(province, "Trần Thị Thuỷ")])
    issued_to(province, personas, [farmer(province, "Hoàng Văn Nam")])

    assert references(client.get(LIST, {"q": query})) == ["1/QĐ-UBND"]


def test_list_filters_by_year_and_issuer(province, personas, client):
    issued_to(province, personas, [farmer(province)], decided_on=dt.date(2025, 12, 1))
    issued_to(province, personas, [farmer(province)])
    other = issuer(name="Sở Nội vụ tỉnh Hòa Bình Xanh", abbreviation="SNV",
                   authority="Giám đốc Sở Nội vụ")
    department = draft(province, personas)
    department.issuer = other
    department.save(update_fields=["issuer"])
    issuing.send_for_signature(department, actor=personas.board_officer)
    issuing.issue(department, actor=personas.signer, decided_on=DECIDED_ON)

    assert references(client.get(LIST, {"nam": 2025})) == ["1/QĐ-UBND"]
    assert references(client.get(LIST, {"co_quan": other.pk})) == ["1/QĐ-SNV"]


def test_decision_page_shows_the_published_parts(province, personas, client):
    people = [farmer(province, "Đỗ Thị Hồng Nhung"), farmer(province, "Lò Văn Páo", Gender.MALE)]
    decision = issued_to(province, personas, people)
    entries = list(decision.entries.order_by("position"))

    response = client.get(page(decision))

    html = response.content.decode()
    assert "1/QĐ-UBND" in html and "15/12/2026" in html
    assert decision.issuer.authority in html and decision.subject in html
    assert "KT. CHỦ TỊCH" in html and "Phó Chủ tịch Trần Văn Ký" in html
    [group] = response.context["decision"].groups
    assert group.honour == "Bằng khen của Chủ tịch UBND tỉnh"
    assert [line.name for line in group.lines] == ["Bà Đỗ Thị Hồng Nhung", "Ông Lò Văn Páo"]
    assert [line.golden_book_number for line in group.lines] == [1, 2]
    for entry in entries:
        assert entry.certificate.get_absolute_url() in html
        assert entry.recipient_detail in html


def test_decision_page_shows_no_bonus_nor_return_reason(province, personas, client):
    decision = draft(province, personas)
    issuing.send_for_signature(decision, actor=personas.board_officer)
    issuing.return_to_drafting(decision, actor=personas.signer, reason="Sửa trích yếu QWE")
    issuing.send_for_signature(decision, actor=personas.board_officer)
    issuing.issue(decision, actor=personas.signer, decided_on=DECIDED_ON)
    amount = decision.entries.get().bonus_amount
    assert amount > 0

    html = client.get(page(decision)).content.decode()

    assert "Sửa trích yếu QWE" not in html
    for shown in (f"{amount}", f"{amount:,}", f"{amount:,}".replace(",", ".")):
        assert shown not in html


def test_revocation_page_shows_the_revoked_honour_and_ground(province, personas, client):
    entry = issued_to(province, personas, [farmer(province, "Vi Thị Mai")]).entries.get()
    decision = revoke(entry, personas)

    response = client.get(page(decision))

    [line] = response.context["decision"].revoked
    assert (line.name, line.granted_by, line.ground) == (
        "Bà Vi Thị Mai", "1/QĐ-UBND", GROUND_TEXT[RevocationGround.DISHONEST])
    html = response.content.decode()
    assert "Kê khai sai thành tích" not in html
    listed = client.get(LIST).context["decisions"]
    assert [(d.reference, d.is_revocation) for d in listed] == [
        ("1/QĐ-UBND", True), ("1/QĐ-UBND", False)]  # the revocation numbers 2027's series


def test_award_page_marks_a_revoked_line(province, personas, client):
    decision = issued_to(province, personas, [farmer(province)])
    revoke(decision.entries.get(), personas)

    [group] = client.get(page(decision)).context["decision"].groups

    assert [line.revoked for line in group.lines] == [True]


@pytest.mark.parametrize("count", [1, 5])
def test_list_queries_do_not_grow_with_rows(province, personas, client, count,
                                            django_assert_num_queries):
    for _ in range(count):
        issued_to(province, personas, [farmer(province)])

    with django_assert_num_queries(4):
        response = client.get(LIST)

    assert len(response.context["decisions"]) == count


@pytest.mark.parametrize("count", [1, 5])
def test_decision_page_queries_do_not_grow_with_rows(province, personas, client, count,
                                                     django_assert_num_queries):
    decision = issued_to(province, personas, [farmer(province) for _ in range(count)])

    with django_assert_num_queries(2):
        response = client.get(page(decision))

    assert len(response.context["decision"].groups[0].lines) == count
