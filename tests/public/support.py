"""A published notice built through the services, as the board would (see the shared brief)."""

from tests.factories import UserFactory
from tests.movements.support import pdf
from vinhdanh.honors.models import Honor
from vinhdanh.nominations.services import batches, comments, documents, workflow
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import RoleAssignment


def clerk_of(unit):
    clerk = UserFactory()
    RoleAssignment.objects.create(user=clerk, role=Role.UNIT_CLERK, unit=unit)
    return clerk


def published_notice(province, personas, candidates=None, *, proposer=None,
                     title="Lấy ý kiến đề nghị Bằng khen", days=7,
                     summary="Hoàn thành xuất sắc nhiệm vụ năm 2025."):
    """A notice of ``candidates`` (default: the farmers' two people) of ``proposer`` (default:
    the Farmers' Union) proposed for the province's certificate of merit, received by the
    board and published."""
    proposer = proposer or province.farmers
    clerk = personas.unit_clerk if proposer == province.farmers else clerk_of(proposer)
    merit = Honor.objects.get(code="bang_khen_tinh")
    batch = batches.create_batch(actor=clerk, proposing_unit=proposer, year=2025,
                                 title="Tờ trình đề nghị Bằng khen năm 2025")
    documents.attach(batch, "submission_letter", pdf(), actor=clerk)
    documents.attach(batch, "review_minutes", pdf(), actor=clerk)
    nominations = [batches.add_candidate(batch, candidate, merit, actor=clerk, summary=summary)
                   for candidate in candidates or province.farmer_people]
    for nomination in nominations:
        documents.attach(batch, "achievement_report", pdf(), actor=clerk, nomination=nomination)
    for nomination in nominations:
        workflow.submit(nomination, actor=clerk, justification="Có thành tích đột xuất.")
        workflow.receive(nomination, actor=personas.board_officer)
    return comments.publish_notice(nominations, actor=personas.board_officer, title=title,
                                   days=days)
