"""Throw-away certification authorities and signers for the signing tests, and small files
to sign. Keys are made once per test run (cached): each costs a few milliseconds, but the
suite asks for them dozens of times."""

import functools
import io
from datetime import UTC, datetime, timedelta

from vinhdanh.documents.signing import (
    DemoAuthority,
    SigningIdentity,
    load_identity,
    make_test_ca,
    make_test_identity,
)

SIGNER_NAME = "Nguyễn Văn Hoà"


@functools.cache
def authority() -> DemoAuthority:
    """The province's CA: its certificate is the trust root in these tests."""
    return make_test_ca("Sở Nội vụ tỉnh Hòa Bình Xanh - CA thử nghiệm")


@functools.cache
def other_authority() -> DemoAuthority:
    """An unrelated CA whose name mimics the province's: its signers must not be trusted."""
    return make_test_ca("Sở Nội vụ tỉnh Hòa Bình Xanh - CA thử nghiệm")


@functools.cache
def signer() -> SigningIdentity:
    """A signer whose certificate the province's CA issued."""
    return make_test_identity(SIGNER_NAME, ca=authority())[0]


@functools.cache
def stranger() -> SigningIdentity:
    """A signer certified by the unrelated CA."""
    return make_test_identity("Kẻ giả mạo", ca=other_authority())[0]


@functools.cache
def expired_signer() -> SigningIdentity:
    """A signer from the province's CA whose certificate expired a year ago."""
    now = datetime.now(UTC)
    window = (now - timedelta(days=730), now - timedelta(days=365))
    return make_test_identity("Cán bộ đã nghỉ hưu", ca=authority(), valid=window)[0]


def roots() -> list[bytes]:
    """The trust roots a verifier of the province's documents uses."""
    return [authority().pem]


def minimal_pdf(text: str = "Giay khen") -> bytes:
    """A one-page PDF written by hand (uncompressed, ASCII text), with a correct xref table."""
    content = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
    ]
    return _assemble(objects)


def _assemble(objects: list[bytes]) -> bytes:
    out = io.BytesIO(b"%PDF-1.7\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def letter_docx(*paragraphs: str) -> bytes:
    """A small Word file with the given Vietnamese paragraphs."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def signer_with_usage(**usages: bool) -> SigningIdentity:
    """A signer from the province's CA whose certificate has only the key usages given."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import NoEncryption, pkcs12

    key = ec.generate_private_key(ec.SECP256R1())
    flags = dict.fromkeys(_USAGES, False) | usages
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(_name("Cán bộ thử")).public_key(key.public_key())
        .issuer_name(authority().certificate.subject).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=1)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.KeyUsage(**flags), critical=True)
        .sign(authority().key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(b"x", key, certificate, None, NoEncryption())
    return load_identity(data, None)


_USAGES = ("digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
           "key_agreement", "key_cert_sign", "crl_sign", "encipher_only", "decipher_only")


def _name(common_name: str):
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
