"""Printing a decision's certificates: one PDF per recipient (signed when a certificate is
configured), a zip of them and one combined print file, made by a background job that
reports its progress; or, for pre-printed forms, only the variable text at the issuer's
calibrated positions."""

import hashlib
import io
import zipfile

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from vinhdanh.core import wordlayout
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import fold
from vinhdanh.decisions.enums import DecisionKind, JobState
from vinhdanh.decisions.models import Certificate, CertificateJob, Decision
from vinhdanh.decisions.services import seal
from vinhdanh.decisions.services.drafting import require
from vinhdanh.honors.enums import HonorKind

PROGRESS_EVERY = 10  # certificates between two progress writes


def verify_url(certificate: Certificate) -> str:
    return settings.PUBLIC_BASE_URL + reverse("public:certificate",
                                              args=[certificate.public_id])


def _kind_and_words(honor) -> tuple[str, str, str]:
    """(layout kind, the verb line, the honour as printed)."""
    name = honor.name
    if name.startswith("Cờ"):
        return "flag", "Tặng", name.upper()
    if honor.kind == HonorKind.TITLE:
        return "title", "Tặng danh hiệu", name.upper()
    return ("giay_khen" if name.startswith("Giấy khen") else "bang_khen"), "Tặng", \
        name.split(" của ")[0].upper()


def certificate_text(certificate: Certificate):
    """What one certificate prints, from its decision line."""
    from vinhdanh.documents.certificates import CertificateText

    entry = certificate.entry
    decision = entry.decision
    kind, gives, honour = _kind_and_words(entry.honor)
    return CertificateText(
        kind=kind, gives=gives, issuer_line=decision.issuer.authority.upper(), honour=honour,
        recipient=entry.recipient_name, recipient_detail=entry.recipient_detail,
        achievement=entry.achievement or decision.citation,
        decision_line=f"Quyết định số {decision.reference} ngày {decision.decided_on:%d/%m/%Y}",
        golden_book_line=f"Số sổ vàng: {entry.golden_book_number}/{decision.year}",
        place_date=wordlayout.vietnamese_date(decision.decided_on, decision.issuer.place),
        signer_authority=decision.signer_authority, signer_title=decision.signer_title.upper(),
        signer_name=decision.signer_name, verify_url=verify_url(certificate))


def certificates_of(decision: Decision):
    return (Certificate.objects.filter(entry__decision=decision)
            .select_related("entry__honor", "entry__decision__issuer")
            .order_by("entry__honor__position", "entry__position", "entry__id"))


def start_job(decision: Decision, *, actor, preprinted: bool = False) -> CertificateJob:
    """Queues the printing of every certificate of an issued decision."""
    require(actor, "decisions.print_certificates", decision)
    if not decision.is_issued or decision.kind != DecisionKind.AWARD:
        raise DomainError(_("Certificates are printed for issued commendation decisions only."))
    job = CertificateJob.objects.create(decision=decision, preprinted=preprinted,
                                        created_by=actor,
                                        total=certificates_of(decision).count())
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: int) -> None:
    from vinhdanh.decisions.tasks import print_certificates

    print_certificates.enqueue(job_id)


def _calibration(issuer):
    from vinhdanh.documents.certificates import Calibration

    return Calibration(offset_x_mm=float(issuer.print_offset_x_mm),
                       offset_y_mm=float(issuer.print_offset_y_mm), page=issuer.print_page)


def run_job(job_id: int) -> CertificateJob:
    """Runs a queued job (the task worker calls it); a failure is recorded on the job."""
    job = CertificateJob.objects.select_related("decision__issuer").get(pk=job_id)
    if job.state != JobState.QUEUED:
        return job
    job.state = JobState.RUNNING
    job.save(update_fields=["state"])
    try:
        _print(job)
    except Exception as error:  # recorded for the officer; the job page shows it
        job.state, job.error = JobState.FAILED, str(error)[:2000]
        job.finished_at = timezone.now()
        job.save(update_fields=["state", "error", "finished_at"])
        raise
    return job


def _print(job: CertificateJob) -> None:
    from vinhdanh.documents.certificates import render, render_combined

    certificates = list(certificates_of(job.decision))
    texts = [certificate_text(c) for c in certificates]
    calibration = _calibration(job.decision.issuer)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for index, (certificate, text) in enumerate(zip(certificates, texts, strict=True), 1):
            pdf = render(text, preprinted=job.preprinted, calibration=calibration)
            if not job.preprinted:
                pdf = _keep(certificate, pdf)
            zipped.writestr(_file_name(index, certificate), pdf)
            if index % PROGRESS_EVERY == 0:
                CertificateJob.objects.filter(pk=job.pk).update(done=index)
    combined = render_combined(texts, preprinted=job.preprinted, calibration=calibration)
    stem = _stem(job)
    job.archive.save(f"{stem}.zip", ContentFile(archive.getvalue()), save=False)
    job.print_file.save(f"{stem}-in.pdf", ContentFile(combined), save=False)
    job.done, job.state, job.finished_at = len(certificates), JobState.DONE, timezone.now()
    job.save()


def _keep(certificate: Certificate, pdf: bytes) -> bytes:
    """Signs (when configured) and stores the electronic certificate; returns its bytes."""
    pdf, signed = seal.sign(pdf, reason="Bằng chứng nhận khen thưởng")
    if certificate.file:
        certificate.file.delete(save=False)
    certificate.file.save(f"{certificate.public_id}.pdf", ContentFile(pdf), save=False)
    certificate.sha256 = hashlib.sha256(pdf).hexdigest()
    certificate.signed, certificate.generated_at = signed, timezone.now()
    certificate.save(update_fields=["file", "sha256", "signed", "generated_at"])
    return pdf


def _file_name(index: int, certificate: Certificate) -> str:
    name = slugify(fold(certificate.entry.recipient_name))[:60]
    return f"{index:04d}-{name}.pdf"


def _stem(job: CertificateJob) -> str:
    decision = job.decision
    return f"bang-{decision.number}-{decision.year}" + ("-phoi" if job.preprinted else "")
