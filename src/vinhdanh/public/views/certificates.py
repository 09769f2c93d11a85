"""Certificate verification (xác thực): the page a certificate's QR code leads to, finding a
certificate by its address or code, and checking a PDF file someone received.

Only certificates of issued commendation decisions resolve; anything else is 404. The page
says whether the honour still stands (a revocation decision may have revoked it) and what
the digital signature of the stored PDF proves. Verifying a signature costs tens of
milliseconds, so its result is kept in the cache under the file's SHA-256: a new file is a
new key, and the page of a popular certificate does not re-verify on each view.

A certificate is also found by what it prints: its golden-book number ("Số vào sổ vàng"),
the year of that number and, when several issuers number certificates, the issuer.

Caching: the certificate page, its PDF and the lookup are the same for everyone (``public``,
a minute). The file check carries a CSRF token, so it is ``private``.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from vinhdanh.core.db import read_db
from vinhdanh.decisions.services import seal
from vinhdanh.nominations.services.comments import client_key
from vinhdanh.public.certificate_forms import LookupForm, NumberLookupForm, PdfCheckForm
from vinhdanh.public.honours import decision_issuers
from vinhdanh.public.queries import (
    certificate_or_404,
    issued_certificates,
    issued_match,
    public_certificate,
)

CACHE_SECONDS = 60
# A verification stays valid while the file is the same, but the signer's certificate may
# expire or the trust roots change: keep it an hour.
VERIFICATION_SECONDS = 60 * 60
# File checks per address and minute: each one parses and verifies an uploaded PDF.
CHECKS_PER_MINUTE = 10


@dataclass(frozen=True)
class StoredSignature:
    """What the stored PDF's signature proves; ``matches_record`` is False when the file on
    disk is no longer the one whose SHA-256 was recorded at printing."""

    verification: object  # vinhdanh.documents.signing.Verification
    matches_record: bool


def _cache_control(response, *, shared: bool):
    scope = {"public": True} if shared else {"private": True}
    patch_cache_control(response, max_age=CACHE_SECONDS, **scope)
    return response


def _read(field) -> bytes | None:
    try:
        with field.open("rb") as stored:
            return stored.read()
    except OSError:  # recorded but gone from the storage: shown as "no file"
        return None


def stored_signature(certificate) -> StoredSignature | None:
    """The signature check of the certificate's stored PDF, from the cache when known."""
    if not certificate.file or not certificate.sha256:
        return None
    key = f"public:certificate-signature:{certificate.sha256}"
    found = cache.get(key)
    if found is None:
        data = _read(certificate.file)
        if data is None:
            return None
        found = StoredSignature(verification=seal.verify(data),
                                matches_record=hashlib.sha256(data).hexdigest()
                                == certificate.sha256)
        cache.set(key, found, timeout=VERIFICATION_SECONDS)
    return found


@require_safe
def certificate_detail(request, public_id):
    certificate = certificate_or_404(public_id)
    shown = public_certificate(certificate)
    response = render(request, "public/certificates/detail.html", {
        "certificate": shown, "signature": stored_signature(certificate), "nav": "verify",
        "page_title": _("Certificate verification: %(holder)s") % {"holder": shown.holder},
        "page_description": _("%(honour)s, decision %(reference)s") % {
            "honour": shown.honour, "reference": shown.reference},
    })
    return _cache_control(response, shared=True)


@require_safe
def certificate_pdf(request, public_id):
    certificate = certificate_or_404(public_id)
    if not certificate.file:
        raise Http404
    try:
        stored = certificate.file.open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(stored, content_type="application/pdf",
                            filename=f"bang-khen-{certificate.public_id}.pdf")
    return _cache_control(response, shared=True)


@require_safe
def certificate_lookup(request):
    form = LookupForm(request.GET) if "ma" in request.GET else LookupForm()
    by_number = NumberLookupForm(request.GET if "so" in request.GET else None,
                                 issuers=decision_issuers())
    found = _by_code(form) or _by_number(by_number)
    if found is not None:
        return _cache_control(redirect(found), shared=True)
    response = render(request, "public/certificates/lookup.html", {
        "form": form, "by_number": by_number, "nav": "verify",
        "page_title": _("Verify a certificate"),
        "page_description": _("Check that a certificate of merit was really issued, and "
                              "that it still stands."),
    })
    return _cache_control(response, shared=True)


def _by_code(form: LookupForm):
    """The certificate of the code or address asked for; None with the reason on ``form``."""
    if not form.is_bound or not form.is_valid():
        return None
    found = (issued_certificates().using(read_db())
             .filter(public_id=form.cleaned_data["ma"]).first())
    if found is None:
        form.add_error("ma", _("No issued certificate has this code."))
    return found


def _by_number(form: NumberLookupForm):
    """The certificate with this golden-book number, year (and issuer); None with the
    reason on ``form`` when there is none, or several issuers have one."""
    if not form.is_bound or not form.is_valid():
        return None
    found = issued_certificates().using(read_db()).filter(
        entry__golden_book_number=form.cleaned_data["so"],
        entry__decision__year=form.cleaned_data["nam"])
    if form.cleaned_data["co_quan"]:
        found = found.filter(entry__decision__issuer_id=form.cleaned_data["co_quan"])
    matches = list(found.order_by("id")[:2])
    if len(matches) == 1:
        return matches[0]
    if matches:
        form.add_error("co_quan", _("Several issuers have a certificate with this number in "
                                    "this year: choose the issuer."))
    else:
        form.add_error("so", _("No issued certificate has this golden-book number in this "
                               "year."))
    return None


@require_http_methods(["GET", "HEAD", "POST"])
def certificate_check(request):
    form = PdfCheckForm()
    result = None
    if request.method == "POST":
        form = PdfCheckForm(request.POST, request.FILES)
        if _throttled(request.META.get("REMOTE_ADDR", "")):
            form.add_error(None, _("Too many files checked from your address; please wait "
                                   "a minute."))
        elif form.is_valid():
            result = _check(form.cleaned_data["file"].read())
    response = render(request, "public/certificates/check.html", {
        "form": form, "result": result, "nav": "verify",
        "page_title": _("Check a PDF file"),
        "page_description": _("Check the digital signature of a certificate or decision "
                              "file, and whether we issued it."),
    })
    return _cache_control(response, shared=False)


def _check(data: bytes) -> dict:
    sha256 = hashlib.sha256(data).hexdigest()
    return {"verification": seal.verify(data), "sha256": sha256,
            "match": issued_match(sha256)}


def _throttled(address: str) -> bool:
    """True past CHECKS_PER_MINUTE checks from this address (keyed by its hash)."""
    key = f"public:certificate-check:{client_key(address)}"
    cache.add(key, 0, timeout=60)
    try:
        return cache.incr(key) > CHECKS_PER_MINUTE
    except ValueError:  # expired between add and incr: this is the first check again
        return False
