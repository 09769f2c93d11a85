"""Certificate verification on the public site: the QR code's page (genuine, revoked, what the
signature proves), the PDF, finding a certificate by its address, and checking a file."""

import datetime as dt
import hashlib

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext

from tests.decisions.support import DECIDED_ON, approved, draft, issued, issuer
from tests.documents.ca import authority, minimal_pdf, signer
from tests.factories import PersonFactory
from vinhdanh.decisions.enums import GROUND_TEXT, RevocationGround
from vinhdanh.decisions.models import Certificate
from vinhdanh.decisions.services import issuing, revocation, seal
from vinhdanh.documents.signing import sign_pdf
from vinhdanh.organisations.enums import Gender
from vinhdanh.public import certificate_forms
from vinhdanh.public.views import certificates as views

LOOKUP = reverse("public:certificate-lookup")
CHECK = reverse("public:certificate-check")
REVOKED_ON = dt.date(2026, 12, 28)


def page(certificate):
    return reverse("public:certificate", args=[certificate.public_id])


def signed_pdf(text="Bang khen") -> bytes:
    return sign_pdf(minimal_pdf(text), signer(), reason="Bằng khen", location="Hòa Bình Xanh")


def store(certificate, data: bytes, *, signed=False):
    certificate.file.save(f"{certificate.public_id}.pdf", ContentFile(data), save=False)
    certificate.sha256 = hashlib.sha256(data).hexdigest()
    certificate.signed = signed
    certificate.save()
    return certificate


@pytest.fixture(autouse=True)
def trusted_roots(settings, tmp_path):
    """The province's test CA is the trust root of verification."""
    root = tmp_path / "ca.pem"
    root.write_bytes(authority().pem)
    settings.SIGNING_TRUST_ROOTS = [str(root)]


@pytest.fixture
def farmer(province):
    """A recipient whose private data must never reach the public site."""
    return PersonFactory(unit=province.farmers, full_name="Đỗ Thị Hồng Nhung",
                         gender=Gender.FEMALE, position="Phó Chủ tịch",
                         date_of_birth=dt.date(1984, 7, 19))


@pytest.fixture
def certificate(province, personas, farmer):
    decision = issued(province, personas, nominations=[
        approved(province, personas, candidate=farmer)])
    return decision.entries.get().certificate


def revoke(certificate, personas):
    decision = revocation.create_revocation(
        issuer(), actor=personas.board_officer, decided_on=REVOKED_ON,
        lines=[(certificate.entry, RevocationGround.DISHONEST, "Kê khai sai thành tích")],
        signer_title="Chủ tịch", signer_name="Lê Văn Chủ")
    issuing.send_for_signature(decision, actor=personas.board_officer)
    return issuing.issue(decision, actor=personas.signer,
                         decided_on=REVOKED_ON)


# -- the certificate's page ----------------------------------------------------------------

def test_certificate_page_shows_the_holder_and_the_decision(certificate, client):
    response = client.get(page(certificate))

    assert response.status_code == 200
    html = response.content.decode()
    entry = certificate.entry
    assert "Bà Đỗ Thị Hồng Nhung" in html
    assert entry.recipient_detail in html
    assert entry.honor.name in html
    assert "1/QĐ-UBND" in html and f"{DECIDED_ON:%d/%m/%Y}" in html
    assert issuer().authority in html
    assert f"{entry.golden_book_number}/{DECIDED_ON.year}" in html
    assert 'data-status="valid"' in html
    assert response["Cache-Control"] == "max-age=60, public"


def test_certificate_page_shows_no_private_data(certificate, farmer, client):
    entry = certificate.entry
    assert entry.bonus_amount > 0

    html = client.get(page(certificate)).content.decode()

    assert farmer.citizen_id not in html
    assert f"{farmer.date_of_birth:%d/%m/%Y}" not in html
    assert farmer.date_of_birth.isoformat() not in html
    for amount in (f"{entry.bonus_amount}", f"{entry.bonus_amount:,}",
                   f"{entry.bonus_amount:,}".replace(",", ".")):
        assert amount not in html
    assert entry.nomination.justification not in html


def test_certificate_of_a_decision_not_issued_is_not_found(province, personas, client):
    decision = draft(province, personas)
    certificate = Certificate.objects.create(entry=decision.entries.get())
    store(certificate, minimal_pdf())

    assert client.get(page(certificate)).status_code == 404
    assert client.get(reverse("public:certificate-pdf",
                              args=[certificate.public_id])).status_code == 404


def test_unknown_certificate_is_not_found(db, client):
    url = reverse("public:certificate", args=["6f1c1d2e-0000-4000-8000-000000000000"])

    assert client.get(url).status_code == 404


def test_revoked_certificate_says_so_with_the_revocation(certificate, personas, client):
    revoke(certificate, personas)

    html = client.get(page(certificate)).content.decode()

    assert 'data-status="revoked"' in html
    assert 'data-status="valid"' not in html
    assert "2/QĐ-UBND" in html
    assert f"{REVOKED_ON:%d/%m/%Y}" in html
    assert GROUND_TEXT[RevocationGround.DISHONEST] in html
    assert "Kê khai sai thành tích" not in html  # the detailed reason stays internal


def test_certificate_page_queries_stay_the_same_when_revoked(certificate, personas,
                                                           client):
    store(certificate, minimal_pdf())
    client.get(page(certificate))  # the signature's check is now cached
    with CaptureQueriesContext(connection) as valid:
        client.get(page(certificate))
    revoke(certificate, personas)

    with CaptureQueriesContext(connection) as revoked:
        response = client.get(page(certificate))

    assert 'data-status="revoked"' in response.content.decode()
    assert len(valid) == len(revoked) == 2


def test_certificate_not_yet_printed_says_so(certificate, client):
    html = client.get(page(certificate)).content.decode()

    assert 'data-signature="no-file"' in html
    assert reverse("public:certificate-pdf", args=[certificate.public_id]) not in html


def test_unsigned_certificate_says_it_is_not_digitally_signed(certificate, client):
    store(certificate, minimal_pdf())

    html = client.get(page(certificate)).content.decode()

    assert 'data-signature="unsigned"' in html
    assert gettext("The PDF file is not digitally signed.") in html


def test_signed_certificate_shows_its_signer_and_that_it_is_trusted(certificate, client):
    store(certificate, signed_pdf(), signed=True)

    html = client.get(page(certificate)).content.decode()

    assert 'data-signature="ok"' in html
    assert "Nguyễn Văn Hoà" in html
    assert gettext("The file has not been changed since it was signed.") in html
    assert gettext("The signer's certificate comes from an authority we trust.") in html


def test_signed_by_an_unknown_authority_is_not_trusted(certificate, client, settings):
    settings.SIGNING_TRUST_ROOTS = []
    store(certificate, signed_pdf(), signed=True)

    html = client.get(page(certificate)).content.decode()

    assert 'data-signature="untrusted"' in html
    assert gettext("The signer's certificate does not come from an authority we "
                   "trust.") in html


def test_signature_check_is_cached_by_the_file_hash(certificate, client, monkeypatch):
    store(certificate, signed_pdf(), signed=True)
    calls = []
    verify = seal.verify
    monkeypatch.setattr(seal, "verify", lambda data: calls.append(1) or verify(data))

    client.get(page(certificate))
    client.get(page(certificate))
    store(certificate, signed_pdf("Bang khen moi"), signed=True)
    client.get(page(certificate))

    assert len(calls) == 2


def test_certificate_pdf_is_downloadable(certificate, client):
    data = signed_pdf()
    store(certificate, data, signed=True)

    response = client.get(reverse("public:certificate-pdf", args=[certificate.public_id]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == data


# -- finding a certificate -----------------------------------------------------------------

def test_lookup_form_is_shown(db, client):
    response = client.get(LOOKUP)

    assert response.status_code == 200
    assert 'name="ma"' in response.content.decode()
    assert response["Cache-Control"] == "max-age=60, public"


@pytest.mark.parametrize("pasted", [
    "http://127.0.0.1:8000/cong-khai/xac-thuc/{id}/", "{id}", "  {hex}  "])
def test_lookup_by_address_or_code_redirects_to_the_certificate(certificate, client, pasted):
    code = pasted.format(id=certificate.public_id, hex=certificate.public_id.hex)

    response = client.get(LOOKUP, {"ma": code})

    assert response.status_code == 302
    assert response["Location"] == page(certificate)


def test_lookup_of_an_unknown_code_says_so(certificate, client):
    response = client.get(LOOKUP, {"ma": "6f1c1d2e-0000-4000-8000-000000000000"})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "ma": [gettext("No issued certificate has this code.")]}


def test_lookup_of_something_else_says_so(db, client):
    response = client.get(LOOKUP, {"ma": "bằng khen của tôi"})

    assert response.context["form"].errors == {"ma": [gettext(
        "This is not a certificate's verification address or code.")]}


# -- checking a file -----------------------------------------------------------------------

def upload(client, data: bytes, name="bang-khen.pdf"):
    return client.post(CHECK, {"file": ContentFile(data, name=name)})


def test_check_page_is_private(db, client):
    response = client.get(CHECK)

    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert response["Cache-Control"] == "max-age=60, private"


def test_check_of_an_issued_certificate_links_to_it(certificate, client):
    data = signed_pdf()
    store(certificate, data, signed=True)

    response = upload(client, data)

    html = response.content.decode()
    assert 'data-match="certificate"' in html
    assert f'href="{page(certificate)}"' in html
    assert 'data-signature="ok"' in html
    assert response["Cache-Control"] == "max-age=60, private"


def test_check_of_an_issued_decision_names_it(certificate, client):
    decision = certificate.entry.decision
    data = signed_pdf("Quyet dinh")
    decision.pdf_sha256 = hashlib.sha256(data).hexdigest()
    decision.save(update_fields=["pdf_sha256"])

    html = upload(client, data).content.decode()

    assert 'data-match="decision"' in html
    assert "1/QĐ-UBND" in html


def test_check_of_a_tampered_file_reports_it_changed(certificate, client):
    data = signed_pdf()
    store(certificate, data, signed=True)
    tampered = data.replace(b"Bang khen", b"Bang khan", 1)
    assert tampered != data

    html = upload(client, tampered).content.decode()

    assert 'data-match="none"' in html
    assert 'data-signature="ok"' not in html
    assert gettext("The file was changed after it was signed.") in html


def test_check_of_a_file_with_an_addition_after_signing_reports_it_changed(certificate,
                                                                          client):
    data = signed_pdf()
    store(certificate, data, signed=True)

    html = upload(client, data + b"\n% added later\n").content.decode()

    assert 'data-match="none"' in html
    assert gettext("The file was changed after it was signed.") in html


def test_check_refuses_a_file_that_is_not_a_pdf(db, client):
    response = upload(client, b"PK\x03\x04 a Word file", name="bang-khen.pdf")

    assert response.context["form"].errors == {"file": [gettext("This file is not a PDF.")]}
    assert response.context["result"] is None


def test_check_refuses_a_file_too_large(db, client, monkeypatch):
    monkeypatch.setattr(certificate_forms, "MAX_UPLOAD", 100)

    response = upload(client, minimal_pdf())

    assert response.context["form"].errors == {"file": [gettext(
        "The file is larger than 10 MB.")]}


def test_check_needs_the_csrf_token(db):
    client = Client(enforce_csrf_checks=True)

    assert upload(client, minimal_pdf()).status_code == 403


def test_check_is_limited_per_address(db, client, monkeypatch):
    monkeypatch.setattr(views, "CHECKS_PER_MINUTE", 1)
    upload(client, minimal_pdf())

    response = upload(client, minimal_pdf())

    assert response.context["result"] is None
    assert response.context["form"].non_field_errors() == [gettext(
        "Too many files checked from your address; please wait a minute.")]
