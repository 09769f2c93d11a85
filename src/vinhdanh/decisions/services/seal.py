"""The configured signing certificate (settings.SIGNING_PKCS12) and the trust roots that
verification uses. Without a certificate, documents are issued unsigned and say so."""

from functools import cache
from pathlib import Path

from django.conf import settings


def enabled() -> bool:
    return bool(settings.SIGNING_PKCS12)


@cache
def _identity(path: str, passphrase: str):
    from vinhdanh.documents.signing import load_identity

    return load_identity(Path(path).read_bytes(), passphrase.encode() or None)


def identity():
    """The signing identity, loaded once per process; None when signing is not configured."""
    if not enabled():
        return None
    return _identity(settings.SIGNING_PKCS12, settings.SIGNING_PASSPHRASE)


def trust_roots() -> list[bytes]:
    return [Path(path).read_bytes() for path in settings.SIGNING_TRUST_ROOTS]


def sign(pdf: bytes, *, reason: str) -> tuple[bytes, bool]:
    """(the PDF signed, True), or (the PDF as it was, False) without a certificate."""
    signer = identity()
    if signer is None:
        return pdf, False
    from vinhdanh.documents.signing import sign_pdf

    return sign_pdf(pdf, signer, reason=reason, location=settings.SIGNING_LOCATION), True


def verify(pdf: bytes):
    from vinhdanh.documents.signing import verify_pdf

    return verify_pdf(pdf, trust_roots=trust_roots())
