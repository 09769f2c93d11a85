"""The summary report's Word document: the stored (or pre-filled) text with the figures
read now, handed to the builder of ``documents.summary_report``."""

from vinhdanh.documents.summary_content import Letter, Narrative, ReportContent
from vinhdanh.documents.summary_report import summary_docx
from vinhdanh.organisations.enums import GroupKind
from vinhdanh.reports.summary.data import figures_of
from vinhdanh.reports.summary.services import draft_for

NARRATIVE = ("situation", "results", "pledge", "limitations", "directions", "proposals")
LETTER = ("issuer_upper", "issuer", "number", "symbol", "place", "dated", "title",
          "signer_title", "signer_name")


def content_of(report, figures=None) -> ReportContent:
    """``report`` (a SummaryReport row, saved or not) and its group's figures as the
    document's content."""
    group = report.group
    recipients = tuple(line.strip() for line in report.recipients.splitlines() if line.strip())
    return ReportContent(
        group=group.name, cluster=group.kind == GroupKind.CLUSTER,
        letter=Letter(**{name: getattr(report, name) for name in LETTER},
                      recipients=recipients),
        narrative=Narrative(**{name: getattr(report, name) for name in NARRATIVE}),
        figures=figures or figures_of(group))


def word_file(group) -> bytes:
    return summary_docx(content_of(draft_for(group)))


def file_name(group) -> str:
    return f"bao-cao-tong-ket-{group.code.lower()}-{group.year}.docx"
