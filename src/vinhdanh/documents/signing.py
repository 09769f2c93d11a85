"""PAdES signatures on PDF files (pyHanko): sign with a PKCS#12 identity, verify against roots.

Signatures are PAdES baseline B-B: no timestamp authority is reachable from a province's
network, so the signing time is the one the signer's computer reports, and verification runs
at the current time. Once the signer's certificate expires, its signatures therefore verify
as "untrusted": keeping them verifiable needs a timestamp (B-T) or our own record of what was
signed. Revocation (OCSP/CRL) is neither fetched nor required; a province whose CA publishes
revocation data online would add it to the validation context later.

"Covers the whole file" is strict: any byte after the last signature, even a harmless
incremental update, makes the verdict "modified"; ``Verification.modifications`` carries
pyHanko's own judgement of those bytes for a caller who wants to be more lenient.

pyHanko and cryptography are imported inside the functions that use them: start-up stays fast.
"""

import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

DEMO_VALIDITY = timedelta(days=3 * 365)


class SigningError(Exception):
    """The identity could not be loaded or the PDF could not be signed."""


@dataclass(frozen=True)
class SigningIdentity:
    """A private key with its certificate and chain, ready to sign."""

    signer: object  # pyhanko.sign.signers.SimpleSigner
    subject: str  # the certificate's subject common name, for display


@dataclass(frozen=True)
class Verification:
    """What a verifier learns about a PDF's signature; ``problem`` is a short machine code."""

    signed: bool
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_file: bool
    signer: str
    signed_at: datetime | None
    problem: str
    # pyHanko's modification level of the bytes after the signature: "none", "lta_updates",
    # "form_filling", "other"; "" when unknown (unsigned or unreadable file).
    modifications: str = ""

    @property
    def ok(self) -> bool:
        """True when the file is signed, untouched since, and by a trusted certificate."""
        return (self.signed and self.intact and self.valid and self.trusted
                and self.covers_whole_file)


@dataclass(frozen=True)
class DemoAuthority:
    """A throw-away certification authority for demos and tests (never for real decisions)."""

    key: object  # a cryptography private key
    certificate: object  # a cryptography x509.Certificate

    @property
    def pem(self) -> bytes:
        """The CA certificate in PEM: the trust root to pass to ``verify_pdf``."""
        from cryptography.hazmat.primitives.serialization import Encoding

        return self.certificate.public_bytes(Encoding.PEM)


# --- Signing ---------------------------------------------------------------------------------


def load_identity(pkcs12: bytes, passphrase: bytes | None) -> SigningIdentity:
    """The signing identity in a PKCS#12 (.p12/.pfx) file's bytes; SigningError if unreadable."""
    from pyhanko.sign.signers import SimpleSigner

    try:
        signer = SimpleSigner.load_pkcs12_data(pkcs12, other_certs=(), passphrase=passphrase)
    except ValueError as error:
        raise SigningError(
            "The PKCS#12 file could not be opened: wrong passphrase or not a PKCS#12 file."
        ) from error
    return SigningIdentity(signer=signer, subject=_common_name(signer.signing_cert))


def sign_pdf(pdf: bytes, identity: SigningIdentity, *, reason: str, location: str,
             field_name: str = "Signature1") -> bytes:
    """The PDF with an invisible PAdES B-B signature appended as an incremental update."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner

    metadata = PdfSignatureMetadata(
        field_name=field_name, reason=reason, location=location,
        subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256",
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        signed = PdfSigner(metadata, signer=identity.signer).sign_pdf(writer)
    except Exception as error:  # pyHanko's parser raises many types on a broken file
        raise SigningError(f"The PDF could not be signed: {error}") from error
    return signed.getvalue()


# --- Verification ----------------------------------------------------------------------------


def verify_pdf(pdf: bytes, *, trust_roots: list[bytes]) -> Verification:
    """Check every signature in ``pdf`` against ``trust_roots`` (PEM or DER certificates).

    Never raises on a bad file: it reports ``problem="unreadable"``; a root that is not a
    certificate is a configuration error and raises ValueError. Validation happens at the
    current time without revocation data (see the module docstring). The verdict is the last
    signature's (the only one that can cover the whole file), unless an earlier one fails.
    """
    roots = [_certificate(root) for root in trust_roots]
    try:
        statuses = _validate_all(pdf, roots)
    except Exception:  # any parse failure of a hostile or broken upload means "unreadable"
        return _unsigned("unreadable")
    if not statuses:
        return _unsigned("unsigned")
    for status in statuses[:-1]:
        verification = _verification(status, final=False)
        if verification.problem:
            return verification
    return _verification(statuses[-1], final=True)


def _validate_all(pdf: bytes, roots: list) -> list:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    # Either usage will do, as in Adobe Reader: pyHanko alone would insist on non-repudiation,
    # which some CAs leave out of signing certificates.
    usage = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"})
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    return [
        validate_pdf_signature(embedded, _validation_context(roots),
                               key_usage_settings=usage)
        for embedded in reader.embedded_signatures
    ]


def _validation_context(roots: list):
    from pyhanko_certvalidator import ValidationContext

    # An explicit list, even empty: None would fall back to the operating system's TLS roots.
    # A fresh context per signature: it caches validated paths and must not leak between them.
    return ValidationContext(trust_roots=roots, allow_fetching=False,
                             revocation_mode="soft-fail")


def _certificate(data: bytes):
    """An asn1crypto certificate from PEM or DER bytes; ValueError when it is neither."""
    from asn1crypto import pem, x509

    try:
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        certificate = x509.Certificate.load(data)
        _ = certificate.native  # asn1crypto parses lazily: force it, so errors surface here
    except Exception as error:  # asn1crypto raises several types on malformed input
        raise ValueError("A trust root is not a PEM or DER certificate.") from error
    return certificate


def _verification(status, *, final: bool) -> Verification:
    whole = _covers_whole_file(status)
    level = status.modification_level
    checks = (
        ("tampered", status.intact),
        ("invalid", status.valid),
        ("untrusted", status.trusted),
        # Earlier signatures are followed by later signers' revisions: those must only be
        # what pyHanko accepts as signing and form filling, not edits to the content.
        ("modified", whole if final else bool(status.docmdp_ok)),
    )
    return Verification(
        signed=True, intact=status.intact, valid=status.valid, trusted=status.trusted,
        covers_whole_file=whole, signer=_common_name(status.signing_cert),
        signed_at=status.signer_reported_dt,
        problem=next((code for code, passed in checks if not passed), ""),
        modifications=level.name.lower() if level is not None else "",
    )


def _covers_whole_file(status) -> bool:
    from pyhanko.sign.validation import SignatureCoverageLevel

    return status.coverage == SignatureCoverageLevel.ENTIRE_FILE


def _unsigned(problem: str) -> Verification:
    return Verification(signed=False, intact=False, valid=False, trusted=False,
                        covers_whole_file=False, signer="", signed_at=None, problem=problem)


def _common_name(certificate) -> str:
    """An asn1crypto certificate's subject CN, or the whole subject when it has none."""
    subject = certificate.subject
    return subject.native.get("common_name") or subject.human_friendly


# --- Throw-away identities for the demo, the tests and the benchmarks ------------------------


def make_test_ca(common_name: str = "Vinh Danh demo CA") -> DemoAuthority:
    """A self-signed throw-away CA (EC P-256: the fastest key to make and to sign with)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    builder = _certificate_builder(common_name, key.public_key(), now, now + DEMO_VALIDITY)
    builder = builder.issuer_name(_name(common_name)).add_extension(
        x509.BasicConstraints(ca=True, path_length=0), critical=True
    ).add_extension(_key_usage(ca=True), critical=True)
    return DemoAuthority(key=key, certificate=_sign_certificate(builder, key))


def make_test_pkcs12(common_name: str = "Vinh Danh demo signer", *,
                     ca: DemoAuthority | None = None, passphrase: bytes | None = b"demo",
                     valid: tuple[datetime, datetime] | None = None,
                     ) -> tuple[bytes, bytes | None, bytes]:
    """A PKCS#12 file with a new signing key and certificate issued by ``ca`` (made if None).

    Returns the file's bytes, its passphrase and the CA certificate PEM (the trust root).
    ``valid`` overrides the certificate's (not before, not after) window, e.g. to expire it.
    """
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import (
        BestAvailableEncryption,
        NoEncryption,
        pkcs12,
    )

    ca = ca or make_test_ca()
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = _issue(ca, common_name, key.public_key(), valid)
    protection = BestAvailableEncryption(passphrase) if passphrase else NoEncryption()
    data = pkcs12.serialize_key_and_certificates(
        b"signer", key, certificate, [ca.certificate], protection
    )
    return data, passphrase, ca.pem


def make_test_identity(common_name: str = "Vinh Danh demo signer", *,
                       ca: DemoAuthority | None = None,
                       valid: tuple[datetime, datetime] | None = None,
                       ) -> tuple[SigningIdentity, bytes]:
    """A throw-away signing identity issued by ``ca`` (made if None) and the CA's PEM."""
    data, passphrase, ca_pem = make_test_pkcs12(common_name, ca=ca, passphrase=None,
                                                valid=valid)
    return load_identity(data, passphrase), ca_pem


def _issue(ca: DemoAuthority, common_name: str, public_key, valid):
    from cryptography import x509

    not_before, not_after = valid or (datetime.now(UTC), datetime.now(UTC) + DEMO_VALIDITY)
    builder = _certificate_builder(common_name, public_key, not_before, not_after)
    builder = builder.issuer_name(ca.certificate.subject).add_extension(
        x509.BasicConstraints(ca=False, path_length=None), critical=True
    ).add_extension(_key_usage(ca=False), critical=True)
    return _sign_certificate(builder, ca.key)


def _certificate_builder(common_name: str, public_key, not_before, not_after):
    from cryptography import x509

    # Backdated a minute: a verifier whose clock lags slightly still sees a valid certificate.
    return (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before - timedelta(minutes=1))
        .not_valid_after(not_after)
    )


def _key_usage(*, ca: bool):
    from cryptography import x509

    # Both usages a signing certificate normally carries (content commitment = non-repudiation).
    return x509.KeyUsage(
        digital_signature=not ca, content_commitment=not ca, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
        encipher_only=False, decipher_only=False,
    )


def _name(common_name: str):
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _sign_certificate(builder, key):
    from cryptography.hazmat.primitives import hashes

    return builder.sign(key, hashes.SHA256())
