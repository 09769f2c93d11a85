import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext

from tests.movements.support import PNG, docx_bytes, movement_for, pdf
from vinhdanh.core.audit import history_of
from vinhdanh.core.errors import DomainError
from vinhdanh.movements.enums import DirectiveKind, MovementKind, ReportPeriod
from vinhdanh.movements.models import Campaign, ProgressReport
from vinhdanh.movements.queries import participates
from vinhdanh.movements.services.directives import create_directive, update_directive
from vinhdanh.movements.services.movements import set_targets, update_movement
from vinhdanh.movements.services.reports import remove_evidence, submit_report, update_report


def _directive(province, personas, **changes):
    data = {"number": "12/KH-UBND", "issued_on": dt.date(2024, 1, 5),
            "issuer": "UBND tỉnh", "kind": DirectiveKind.PLAN,
            "summary": "Kế hoạch phát động phong trào thi đua năm 2024",
            "issuer_unit": province.root, "file": pdf(), **changes}
    return create_directive(actor=personas.board_officer, **data)


def _message(error: DomainError, field: str) -> str:
    return error.value.message_dict[field][0]


def test_create_directive_stores_file_and_logs(province, personas):
    directive = _directive(province, personas)

    assert directive.file.name.endswith(".pdf")
    assert history_of(directive).get().action == "directive.created"


@pytest.mark.parametrize(("name", "content"), [("van-ban.docx", docx_bytes()),
                                             ("anh-chup.png", PNG)])
def test_create_directive_accepts_word_and_images(province, personas, name, content):
    upload = SimpleUploadedFile(name, content)

    assert _directive(province, personas, file=upload).file


def test_create_directive_refuses_a_name_that_does_not_fit_the_content(province, personas):
    with pytest.raises(DomainError) as error:
        _directive(province, personas, file=SimpleUploadedFile("van-ban.exe", PNG))

    assert _message(error, "file") == gettext(
        "The file must be a PDF, a Word document (DOCX) or an image (JPEG, PNG).")


@pytest.mark.parametrize("content", [b"MZ\x90\x00 not a document", b"PK\x03\x04 broken zip"])
def test_create_directive_refuses_other_content(province, personas, content):
    with pytest.raises(DomainError) as error:
        _directive(province, personas, file=SimpleUploadedFile("gia-mao.pdf", content))

    assert "PDF" in _message(error, "file")


def test_create_directive_refuses_files_over_20_mb(province, personas):
    upload = SimpleUploadedFile("lon.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024))

    with pytest.raises(DomainError) as error:
        _directive(province, personas, file=upload)

    assert _message(error, "file") == gettext("The file is larger than 20 MB.")


def test_create_directive_refuses_a_duplicate(province, personas):
    _directive(province, personas)

    with pytest.raises(DomainError) as error:
        _directive(province, personas)

    assert _message(error, "number") == gettext("This directive has already been recorded.")


def test_update_directive_logs_changed_fields(province, personas):
    directive = _directive(province, personas)

    update_directive(directive, actor=personas.admin, summary="Kế hoạch mới", number="12/KH-UBND")

    assert history_of(directive).filter(action="directive.updated").get().data == {
        "fields": ["summary"]}


def test_launch_movement_sets_participants_targets_and_logs(province):
    movement = movement_for(province)

    assert list(movement.participants.all()) == [province.farmers]
    assert [t.name for t in movement.targets.all()] == ["Nhà đại đoàn kết", "Kinh phí vận động"]
    assert history_of(movement).get().action == "movement.launched"


def test_launch_campaign_is_a_campaign(province):
    movement = movement_for(province, kind=MovementKind.CAMPAIGN)

    assert Campaign.objects.get() == movement


def test_launch_movement_refuses_end_before_start(province):
    with pytest.raises(DomainError) as error:
        movement_for(province, ends_on=dt.date(2023, 1, 1))

    assert _message(error, "ends_on") == gettext(
        "The end date must not be before the start date.")


def test_launch_movement_refuses_repeated_targets(province):
    with pytest.raises(DomainError):
        movement_for(province, targets=[{"name": "A"}, {"name": "A"}])


def test_update_movement_logs_changed_fields(province):
    movement = movement_for(province)

    update_movement(movement, actor=None, name="Tên mới", cascade=True)

    assert history_of(movement).filter(action="movement.updated").get().data == {
        "fields": ["name"]}


def test_participates_through_cascade_only_when_on(province):
    cascading = movement_for(province)
    direct_only = movement_for(province, cascade=False)

    assert participates(cascading, province.farmers_sub)
    assert not participates(direct_only, province.farmers_sub)
    assert not participates(cascading, province.women)


def _report(movement, unit, **changes):
    data = {"year": 2024, "period": ReportPeriod.MID_YEAR, "summary": "Đã xây 5 căn nhà"}
    return submit_report(movement, actor=None, unit=unit, **{**data, **changes})


def test_submit_report_records_figures_and_evidence(province):
    movement = movement_for(province)
    houses = movement.targets.first()

    report = _report(movement, province.farmers_sub, figures={houses: 5},
                     evidence=[pdf("anh.pdf")])

    assert [f.value for f in report.figures.all()] == [5]
    assert report.evidence.count() == 1
    assert history_of(report).get().action == "movement_report.submitted"


def test_submit_report_refuses_a_unit_that_does_not_take_part(province):
    movement = movement_for(province)

    with pytest.raises(DomainError) as error:
        _report(movement, province.women)

    assert error.value.messages == [gettext("%(unit)s does not take part in this movement.")
                                    % {"unit": province.women}]


def test_submit_report_refuses_a_year_outside_the_movement(province):
    with pytest.raises(DomainError):
        _report(movement_for(province), province.farmers, year=2023)


def test_submit_report_refuses_a_second_report_for_the_period(province):
    movement = movement_for(province)
    _report(movement, province.farmers)

    with pytest.raises(DomainError):
        _report(movement, province.farmers)


def test_submit_report_refuses_a_target_of_another_movement(province):
    movement, other = movement_for(province), movement_for(province)

    with pytest.raises(DomainError):
        _report(movement, province.farmers, figures={other.targets.first(): 1})


def test_submit_report_refuses_bad_evidence(province):
    movement = movement_for(province)

    with pytest.raises(DomainError):
        _report(movement, province.farmers, evidence=[SimpleUploadedFile("x.pdf", b"nope")])
    assert not ProgressReport.objects.exists()


def test_update_report_changes_figures_and_logs(province):
    movement = movement_for(province)
    houses = movement.targets.first()
    report = _report(movement, province.farmers, figures={houses: 5})

    update_report(report, actor=None, summary="Đã xây 8 căn", figures={houses: 8})

    assert report.figures.get().value == 8
    assert history_of(report).filter(action="movement_report.updated").exists()


def test_set_targets_keeps_figures_of_renamed_targets(province):
    movement = movement_for(province)
    houses = movement.targets.first()
    _report(movement, province.farmers, figures={houses: 5})

    set_targets(movement, actor=None, targets=[{"name": "Nhà tình nghĩa", "target_value": 10},
                                               {"name": "Kinh phí"}])

    assert houses.figures.get().value == 5


def test_set_targets_refuses_removing_a_reported_target(province):
    movement = movement_for(province)
    _report(movement, province.farmers, figures={t: 1 for t in movement.targets.all()})

    with pytest.raises(DomainError):
        set_targets(movement, actor=None, targets=[{"name": "Chỉ một"}])


def test_remove_evidence_deletes_the_row_and_logs(province, django_capture_on_commit_callbacks):
    movement = movement_for(province)
    report = _report(movement, province.farmers, evidence=[pdf("anh.pdf")])
    evidence = report.evidence.get()
    storage, name = evidence.file.storage, evidence.file.name

    with django_capture_on_commit_callbacks(execute=True):
        remove_evidence(evidence, actor=None)

    assert not report.evidence.exists()
    assert not storage.exists(name)
    assert history_of(report).filter(action="movement_report.evidence_removed").exists()
