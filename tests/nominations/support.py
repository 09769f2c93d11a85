"""Shared pieces of the nominations tests: honours, files, clerks and ready-made dossiers.

``dossier(province, clerk)`` is a draft nomination of a new person of the clerk's unit for
Bằng khen tỉnh, in a batch holding the documents the rule pack asks for (letter, minutes,
achievement report), so it can be submitted as it is. ``submitted`` and
``in_appraisal`` move it on; a group's batch (``group=``) goes through the group review.
"""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.factories import PersonFactory, UserFactory
from vinhdanh.honors.models import Honor
from vinhdanh.nominations.services import batches, documents, workflow
from vinhdanh.nominations.services.requirements import required_documents
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import RoleAssignment

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def honor(code: str) -> Honor:
    return Honor.objects.get(code=code)


def pdf(name: str = "to-trinh.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def clerk_for(unit, username: str, email: str = ""):
    """A new user holding the unit-clerk role for ``unit``."""
    user = UserFactory(username=username, email=email)
    RoleAssignment.objects.create(user=user, role=Role.UNIT_CLERK, unit=unit)
    return user


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    """An aware moment of ``day`` in the project's time zone (for ``now=`` arguments)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _unit_of(province, clerk):
    grant = RoleAssignment.objects.filter(user=clerk, unit__isnull=False).select_related(
        "unit").first()
    if grant is None or grant.unit.depth == 0:  # the board prepares for the Farmers' Union
        return province.farmers
    return grant.unit


def attach_required(batch, nomination, clerk) -> None:
    """Every file the rule pack asks of this dossier: for Bằng khen tỉnh the batch's letter
    and minutes and the candidate's achievement report; a CSTĐ title adds the initiative."""
    for requirement in required_documents(nomination):
        documents.attach(batch, requirement.kind, pdf(f"{requirement.kind}.pdf"), actor=clerk,
                         nomination=None if requirement.for_batch else nomination)


def dossier(province, clerk, *, honor_code: str = "bang_khen_tinh", year: int = 2025,
            candidate=None, group=None, unit=None, documents_attached: bool = True,
            **batch_fields):
    """A draft nomination in a new batch of the clerk's unit (``unit`` overrides it), with
    the required documents attached. ``candidate`` defaults to a new person of that unit;
    ``group`` makes the batch a group's proposal."""
    unit = unit or _unit_of(province, clerk)
    batch = batches.create_batch(actor=clerk, proposing_unit=unit, year=year,
                                 title=f"Tờ trình đề nghị khen thưởng năm {year}", group=group,
                                 **batch_fields)
    candidate = candidate if candidate is not None else PersonFactory(unit=unit)
    nomination = batches.add_candidate(batch, candidate, honor(honor_code), actor=clerk,
                                       summary="Hoàn thành xuất sắc nhiệm vụ")
    if documents_attached:
        attach_required(batch, nomination, clerk)
    return nomination


def submitted(province, clerk, *, now=None, justification: str = "", **kwargs):
    """A dossier (see ``dossier``) submitted by ``clerk``."""
    nomination = dossier(province, clerk, **kwargs)
    workflow.submit(nomination, actor=clerk, justification=justification, now=now)
    return nomination


def in_appraisal(province, clerk, officer, *, now=None, reviewer=None, **kwargs):
    """A submitted dossier with the board: received by ``officer``, or for a group's batch
    taken into the group review and forwarded by ``reviewer`` (default: ``officer``)."""
    nomination = submitted(province, clerk, now=now, **kwargs)
    if nomination.batch.group_id:
        reviewer = reviewer or officer
        workflow.start_group_review(nomination, actor=reviewer, now=now)
        workflow.forward(nomination, actor=reviewer, now=now)
    else:
        workflow.receive(nomination, actor=officer, now=now)
    return nomination
