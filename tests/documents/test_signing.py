"""PAdES signing and verification: a signed file verifies, and every way of breaking it is
reported with its own problem code."""

import io
import shutil
import subprocess
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest

from tests.documents import ca
from vinhdanh.documents import certificates, convert
from vinhdanh.documents.signing import (
    SigningError,
    load_identity,
    make_test_identity,
    make_test_pkcs12,
    sign_pdf,
    verify_pdf,
)

REASON = "Ký Quyết định khen thưởng số 12/QĐ-UBND"
LOCATION = "Tỉnh Hòa Bình Xanh"


def _signed(pdf: bytes | None = None, identity=None, **options) -> bytes:
    return sign_pdf(pdf or ca.minimal_pdf(), identity or ca.signer(), reason=REASON,
                    location=LOCATION, **options)


def _embedded(pdf: bytes):
    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures


def _change_text(pdf: bytes, text: bytes) -> bytes:
    """A later incremental update replacing the first page's content, as an editor would."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    page = writer.root["/Pages"]["/Kids"][0]
    content = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 720 Td (%s) Tj ET" % text)
    page["/Contents"] = writer.add_object(content)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _flip_byte(pdf: bytes, marker: bytes) -> bytes:
    at = pdf.index(marker)
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1:]


def test_sign_pdf_verifies_ok():
    result = verify_pdf(_signed(), trust_roots=ca.roots())

    assert result.ok
    assert (result.problem, result.modifications) == ("", "none")


def test_sign_pdf_is_an_incremental_invisible_pades_signature():
    original = ca.minimal_pdf()

    signed = _signed(original)

    signature = _embedded(signed)[0]
    assert signed.startswith(original)
    assert signature.field_name == "Signature1"
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert [float(x) for x in signature.sig_field["/Rect"]] == [0, 0, 0, 0]


def test_sign_pdf_records_reason_and_location():
    signature = _embedded(_signed())[0]

    assert (signature.sig_object["/Reason"], signature.sig_object["/Location"]) == (
        REASON, LOCATION
    )


def test_sign_pdf_uses_the_given_field_name():
    signature = _embedded(_signed(field_name="ChuKyGiamDoc"))[0]

    assert signature.field_name == "ChuKyGiamDoc"


def test_verify_pdf_reads_back_signer_and_time():
    before = datetime.now(UTC).replace(microsecond=0)

    result = verify_pdf(_signed(), trust_roots=ca.roots())

    assert result.signer == unicodedata.normalize("NFC", ca.SIGNER_NAME)
    assert before <= result.signed_at <= datetime.now(UTC)


def test_verify_pdf_changed_byte_is_tampered():
    tampered = _flip_byte(_signed(), b"Giay khen")

    result = verify_pdf(tampered, trust_roots=ca.roots())

    assert (result.signed, result.intact, result.ok) == (True, False, False)
    assert result.problem == "tampered"


def test_verify_pdf_broken_signature_value_is_invalid():
    signed = _signed()
    start = signed.index(b"/Contents <") + len(b"/Contents <")
    end = signed.index(b">", start)
    last = start + len(signed[start:end].rstrip(b"0")) - 2  # inside the ECDSA value, at the end
    broken = signed[:last] + (b"1" if signed[last:last + 1] != b"1" else b"2") + signed[last + 1:]

    result = verify_pdf(broken, trust_roots=ca.roots())

    assert (result.intact, result.valid, result.problem) == (True, False, "invalid")


def test_verify_pdf_bad_trust_root_raises():
    with pytest.raises(ValueError, match="trust root"):
        verify_pdf(_signed(), trust_roots=[b"-----BEGIN CERTIFICATE-----\nAAAA\n"])


def test_verify_pdf_later_text_change_is_modified():
    edited = _change_text(_signed(), b"Giay khen gia")

    result = verify_pdf(edited, trust_roots=ca.roots())

    assert (result.intact, result.valid, result.trusted) == (True, True, True)
    assert (result.covers_whole_file, result.problem) == (False, "modified")
    assert result.modifications == "other"


def test_verify_pdf_appended_bytes_are_modified():
    result = verify_pdf(_signed() + b"\n% a note added later\n", trust_roots=ca.roots())

    assert (result.covers_whole_file, result.problem, result.ok) == (False, "modified", False)


def test_verify_pdf_other_authority_is_untrusted():
    result = verify_pdf(_signed(identity=ca.stranger()), trust_roots=ca.roots())

    assert (result.intact, result.valid, result.trusted) == (True, True, False)
    assert result.problem == "untrusted"


def test_verify_pdf_without_roots_is_untrusted():
    result = verify_pdf(_signed(), trust_roots=[])

    assert result.problem == "untrusted"


def test_verify_pdf_accepts_a_der_root():
    from cryptography.hazmat.primitives.serialization import Encoding

    der = ca.authority().certificate.public_bytes(Encoding.DER)

    assert verify_pdf(_signed(), trust_roots=[der]).ok


def test_verify_pdf_expired_certificate_is_untrusted():
    result = verify_pdf(_signed(identity=ca.expired_signer()), trust_roots=ca.roots())

    assert (result.valid, result.trusted, result.problem) == (True, False, "untrusted")


@pytest.mark.parametrize("usage", ["digital_signature", "content_commitment"])
def test_verify_pdf_either_signing_key_usage_is_trusted(usage):
    identity = ca.signer_with_usage(**{usage: True})

    assert verify_pdf(_signed(identity=identity), trust_roots=ca.roots()).ok


def test_verify_pdf_encryption_only_key_is_untrusted():
    identity = ca.signer_with_usage(key_encipherment=True)

    assert verify_pdf(_signed(identity=identity), trust_roots=ca.roots()).problem == "untrusted"


def test_verify_pdf_unsigned_file():
    result = verify_pdf(ca.minimal_pdf(), trust_roots=ca.roots())

    assert (result.signed, result.problem, result.signer) == (False, "unsigned", "")


@pytest.mark.parametrize("content", [b"", b"garbage", b"%PDF-1.7\nnot really\n%%EOF\n"])
def test_verify_pdf_garbage_is_unreadable(content):
    result = verify_pdf(content, trust_roots=ca.roots())

    assert (result.signed, result.problem, result.ok) == (False, "unreadable", False)


def test_verify_pdf_second_signature_keeps_the_file_ok():
    countersigned = _signed(_signed(), make_test_identity("Phó Chủ tịch", ca=ca.authority())[0],
                            field_name="Signature2")

    result = verify_pdf(countersigned, trust_roots=ca.roots())

    assert (result.ok, result.signer) == (True, "Phó Chủ tịch")


def test_verify_pdf_edit_between_signatures_is_modified():
    edited = _change_text(_signed(), b"Giay khen gia")
    countersigned = _signed(edited, field_name="Signature2")

    result = verify_pdf(countersigned, trust_roots=ca.roots())

    assert result.problem == "modified"


def test_sign_pdf_garbage_raises_signing_error():
    with pytest.raises(SigningError):
        _signed(b"%PDF-1.7\nnot a real file")


def test_load_identity_reads_pkcs12():
    data, passphrase, root = make_test_pkcs12("Trần Thị Lan", ca=ca.authority())

    identity = load_identity(data, passphrase)

    assert identity.subject == "Trần Thị Lan"
    assert root == ca.authority().pem
    assert verify_pdf(_signed(identity=identity), trust_roots=[root]).ok


def test_load_identity_wrong_passphrase_raises_signing_error():
    data, _, _ = make_test_pkcs12(ca=ca.authority(), passphrase=b"dung")

    with pytest.raises(SigningError, match="passphrase"):
        load_identity(data, b"sai")


def test_load_identity_not_pkcs12_raises_signing_error():
    with pytest.raises(SigningError):
        load_identity(b"not a pkcs12 file", None)


def test_make_test_identity_returns_its_own_root():
    identity, root = make_test_identity()

    assert identity.subject == "Vinh Danh demo signer"
    assert verify_pdf(_signed(identity=identity), trust_roots=[root]).ok
    assert verify_pdf(_signed(identity=identity), trust_roots=ca.roots()).problem == "untrusted"


def test_make_test_pkcs12_certificate_window_is_respected():
    start = datetime.now(UTC) + timedelta(days=1)
    identity = make_test_identity(ca=ca.authority(), valid=(start, start + timedelta(days=9)))[0]

    assert verify_pdf(_signed(identity=identity), trust_roots=ca.roots()).problem == "untrusted"


@pytest.mark.slow
@pytest.mark.skipif(not convert.available(), reason="LibreOffice is not installed")
def test_sign_pdf_libreoffice_output_verifies():
    pdf = convert.docx_to_pdf(ca.letter_docx("QUYẾT ĐỊNH", "Tặng Giấy khen cho ông Nguyễn Văn Hoà"))

    result = verify_pdf(_signed(pdf), trust_roots=ca.roots())

    assert result.ok


def test_sign_pdf_rendered_certificate_verifies():
    text = certificates.CertificateText(
        kind="bang_khen", issuer_line="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", honour="BẰNG KHEN",
        recipient="Ông Nguyễn Văn Hoà", recipient_detail="Trưởng phòng Tổ chức",
        achievement="Đã có thành tích xuất sắc trong phong trào thi đua năm 2025",
        decision_line="Quyết định số 12/QĐ-UBND", golden_book_line="Số vào sổ: 1",
        place_date="Hòa Bình Xanh, ngày 05 tháng 02 năm 2026", signer_authority="TM. UBND",
        signer_title="CHỦ TỊCH", signer_name="Trần Văn Bình", verify_url="https://vd.example/v/1",
    )

    result = verify_pdf(_signed(certificates.render(text)), trust_roots=ca.roots())

    assert result.ok


@pytest.mark.skipif(not shutil.which("pdfsig"), reason="poppler's pdfsig is not installed")
def test_sign_pdf_poppler_agrees(tmp_path):
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(_signed())

    report = subprocess.run(  # noqa: S603 - fixed arguments
        [shutil.which("pdfsig"), "-nocert", str(signed)], capture_output=True, timeout=60)

    assert "Signature is Valid." in report.stdout.decode()
