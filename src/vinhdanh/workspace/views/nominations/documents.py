"""The files of a dossier: upload (a new file of a kind replaces the current one, which is
kept), generate from the Word templates, download as an attachment."""

from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vinhdanh.nominations.models import NominationBatch, NominationDocument
from vinhdanh.nominations.services import documents as services
from vinhdanh.workspace.access import visible_or_404
from vinhdanh.workspace.forms.nominations import DocumentForm, GenerateForm
from vinhdanh.workspace.views.common import run
from vinhdanh.workspace.views.nominations.support import (
    form_problems,
    require,
    visible_batch,
    visible_nomination,
)


def _upload(request, batch, nomination=None):
    form = DocumentForm(request.POST, request.FILES, for_batch=nomination is None)
    if not form.is_valid():
        form_problems(request, form)
        return
    data = form.cleaned_data
    run(request, lambda: services.attach(batch, data["kind"], data["file"], actor=request.user,
                                         nomination=nomination, note=data["note"]),
        _("The file was saved."))


def _generate(request, batch, nomination=None):
    from vinhdanh.nominations.services.generation import generate_and_attach

    form = GenerateForm(request.POST, for_batch=nomination is None)
    if not form.is_valid():
        form_problems(request, form)
        return
    run(request, lambda: generate_and_attach(form.cleaned_data["kind"], batch=batch,
                                             nomination=nomination, actor=request.user),
        _("The document was generated from its template."))


@login_required
@require_POST
def batch_document_upload(request, pk):
    batch = visible_batch(request, pk, "change_nominationbatch")
    _upload(request, batch)
    return redirect(batch)


@login_required
@require_POST
def batch_document_generate(request, pk):
    batch = visible_batch(request, pk, "change_nominationbatch")
    _generate(request, batch)
    return redirect(batch)


def _changeable(request, pk):
    nomination = visible_nomination(request, pk)
    require(request.user, "change_nominationbatch", nomination.batch)
    return nomination


@login_required
@require_POST
def nomination_document_upload(request, pk):
    nomination = _changeable(request, pk)
    _upload(request, nomination.batch, nomination)
    return redirect(nomination)


@login_required
@require_POST
def nomination_document_generate(request, pk):
    nomination = _changeable(request, pk)
    _generate(request, nomination.batch, nomination)
    return redirect(nomination)


@login_required
@require_GET
def document_download(request, pk):
    """The stored file as an attachment, to those who see its batch."""
    document = get_object_or_404(NominationDocument, pk=pk)
    batch = visible_or_404(NominationBatch.objects, request.user, document.batch_id)
    require(request.user, "view_nominationbatch", batch)
    return FileResponse(document.file.open("rb"), as_attachment=True,
                        filename=document.name or Path(document.file.name).name)
