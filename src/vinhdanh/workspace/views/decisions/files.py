"""A decision's files: its Word document (a draft's made on the fly), its PDF and the
signer's signed PDF, each certificate's PDF, and the certificate printing jobs with their
progress (polled by htmx), zip and combined print file."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vinhdanh.decisions.models import Certificate, CertificateJob, Decision
from vinhdanh.decisions.services import certificates, files
from vinhdanh.workspace.forms.decisions import PrintForm, SignedPdfForm
from vinhdanh.workspace.views.common import run
from vinhdanh.workspace.views.decisions.actions import form_problem
from vinhdanh.workspace.views.decisions.common import require, require_role, visible_decision

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ZIP_TYPE = "application/zip"
PDF_TYPE = "application/pdf"


def _stored(field, filename: str, content_type: str) -> FileResponse:
    """A stored file as a download; 404 when it was never written."""
    if not field:
        raise Http404
    return FileResponse(field.open("rb"), as_attachment=True, filename=filename,
                        content_type=content_type)


@login_required
@require_GET
def decision_word(request, pk):
    """The issued decision's stored Word file; a draft's (or one not yet written) made now."""
    decision = visible_decision(request, pk)
    filename = f"{files.file_stem(decision)}.docx"
    if decision.is_issued and decision.word_file:
        return _stored(decision.word_file, filename, DOCX_TYPE)
    response = HttpResponse(files.word(decision), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def decision_pdf(request, pk):
    decision = visible_decision(request, pk)
    if not decision.is_issued:
        raise Http404
    return _stored(decision.pdf_file, f"{files.file_stem(decision)}.pdf", PDF_TYPE)


@login_required
@require_POST
def decision_signed_pdf(request, pk):
    """The signer uploads the PDF he signed with his own token; its signature is checked."""
    decision = visible_decision(request, pk)
    require(request.user, "sign_decision", decision)
    form = SignedPdfForm(request.POST, request.FILES)
    if not form.is_valid():
        form_problem(request, form)
    else:
        data = form.cleaned_data["file"].read()
        run(request, lambda: files.attach_signed_pdf(decision, actor=request.user, data=data),
            _("The signed PDF was attached."))
    return redirect(decision)


def _visible_certificates(user):
    require_role(user)
    return Certificate.objects.filter(entry__decision__in=Decision.objects.visible_to(user))


@login_required
@require_GET
def certificate_pdf(request, pk):
    certificate = get_object_or_404(
        _visible_certificates(request.user).select_related("entry__decision"), pk=pk)
    filename = f"bang-{certificate.public_id}.pdf"
    return _stored(certificate.file, filename, PDF_TYPE)


@login_required
@require_POST
def decision_print(request, pk):
    """A new printing job: the electronic certificates, or only the text for forms."""
    decision = visible_decision(request, pk)
    require(request.user, "print_certificates", decision)
    form = PrintForm(request.POST)
    preprinted = form.is_valid() and form.cleaned_data["preprinted"]
    run(request, lambda: certificates.start_job(decision, actor=request.user,
                                                preprinted=preprinted),
        _("The certificates are being printed."))
    return redirect(decision.get_absolute_url() + "#certificates")


@login_required
@require_GET
def decision_job(request, pk):
    """The progress of the decision's latest printing job (polled every 2 s by htmx)."""
    decision = visible_decision(request, pk)
    return render(request, "workspace/decisions/_job.html", {
        "decision": decision, "job": decision.certificate_jobs.first()})


def _visible_job(request, pk) -> CertificateJob:
    require_role(request.user)
    jobs = CertificateJob.objects.filter(decision__in=Decision.objects.visible_to(request.user))
    return get_object_or_404(jobs.select_related("decision"), pk=pk)


@login_required
@require_GET
def job_archive(request, pk):
    job = _visible_job(request, pk)
    return _stored(job.archive, job.archive.name.rsplit("/", 1)[-1], ZIP_TYPE)


@login_required
@require_GET
def job_print_file(request, pk):
    job = _visible_job(request, pk)
    return _stored(job.print_file, job.print_file.name.rsplit("/", 1)[-1], PDF_TYPE)
