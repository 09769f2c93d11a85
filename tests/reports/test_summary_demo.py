"""The demo's Front bloc 2023 report reproduces the review the project starts from."""

import io

import pytest
from django.core.management import call_command
from docx import Document

from vinhdanh.demo.province import MTTQ_BLOC
from vinhdanh.organisations.models import EmulationGroup
from vinhdanh.reports.models import SummaryReport
from vinhdanh.reports.summary.data import figures_of
from vinhdanh.reports.summary.document import word_file


@pytest.fixture
def bloc(db):
    call_command("load_demo", stdout=io.StringIO())
    return EmulationGroup.objects.get(code=MTTQ_BLOC, year=2023)


def test_demo_front_bloc_2023_report_holds_the_year_and_the_handover(bloc):
    figures = figures_of(bloc)
    doc = Document(io.BytesIO(word_file(bloc)))
    text = "\n".join(p.text for p in doc.paragraphs)

    assert SummaryReport.objects.get().group == bloc
    assert len(figures.movements) == 5 and figures.movements[-1].campaign
    assert figures.ranking.rows[0].unit == "Hội Cựu chiến binh tỉnh"
    assert [p.vote.approved for p in figures.commendation.proposals] == [True, True, True]
    assert figures.commendation.granted and figures.commendation.recipients
    assert (figures.handover.outgoing_leader, figures.handover.incoming_leader) == (
        "Hội Cựu chiến binh tỉnh", "Hội Nông dân tỉnh")
    assert doc.tables[0].rows[1].cells[0].text == "Số: 18/BC-KTĐ"
    assert "bàn giao nhiệm vụ Khối trưởng năm 2024 cho Hội Nông dân tỉnh" in text
    assert "“Giải phóng mặt bằng”" in text  # the direction the article gives for 2024

