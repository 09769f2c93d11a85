import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext

from tests.movements.support import PDF, movement_for, pdf
from tests.workspace.ui_support import count_queries, html
from vinhdanh.movements.enums import DirectiveKind, MovementKind, ReportPeriod
from vinhdanh.movements.models import Directive, Movement, ProgressReport
from vinhdanh.movements.services.directives import create_directive
from vinhdanh.movements.services.reports import submit_report

MOVEMENT_LIST = reverse("workspace:movement-list")
DIRECTIVE_LIST = reverse("workspace:directive-list")


def _report(movement, unit, period=ReportPeriod.YEAR_END, **fields):
    return submit_report(movement, actor=None, unit=unit, year=2024, period=period,
                         summary=fields.pop("summary", "Kết quả năm"), **fields)


def _directive(province, n):
    return create_directive(actor=None, number=f"{n}/KH-UBND", issued_on=dt.date(2024, 1, n),
                            issuer="UBND tỉnh", kind=DirectiveKind.PLAN, summary="Kế hoạch",
                            issuer_unit=province.root, file=pdf())


def test_movement_pages_render_for_board_officer(province, personas, client_for):
    movement = movement_for(province)
    report = _report(movement, province.farmers)
    directive = _directive(province, 1)
    client = client_for(personas.board_officer)

    urls = [MOVEMENT_LIST, reverse("workspace:movement-create"), movement.get_absolute_url(),
            reverse("workspace:movement-edit", args=[movement.pk]),
            reverse("workspace:movement-report-create", args=[movement.pk]),
            report.get_absolute_url(), reverse("workspace:movement-report-edit", args=[report.pk]),
            DIRECTIVE_LIST, reverse("workspace:directive-create"), directive.get_absolute_url(),
            reverse("workspace:directive-edit", args=[directive.pk])]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_movement_list_has_no_n_plus_one(province, personas, client_for):
    client = client_for(personas.board_officer)
    movement_for(province)
    one = count_queries(client, MOVEMENT_LIST)
    movement_for(province, participants=[province.women, province.farmers])
    movement_for(province, kind=MovementKind.CAMPAIGN)

    assert count_queries(client, MOVEMENT_LIST) == one


def test_movement_list_search_ignores_diacritics(province, personas, client_for):
    movement_for(province, name="Vì người nghèo")
    movement_for(province, name="Phát huy sáng kiến")

    page = html(client_for(personas.board_officer).get(MOVEMENT_LIST, {"q": "nguoi ngheo"}))

    assert "Vì người nghèo" in page
    assert "Phát huy sáng kiến" not in page


def test_movement_list_filters_by_year_and_kind(province, personas, client_for):
    movement_for(province, name="Phong trào cũ", starts_on=dt.date(2020, 1, 1),
                 ends_on=dt.date(2020, 12, 31))
    movement_for(province, name="Cuộc vận động mới", kind=MovementKind.CAMPAIGN)
    client = client_for(personas.board_officer)

    assert "Phong trào cũ" not in html(client.get(MOVEMENT_LIST, {"year": 2024}))
    assert "Phong trào cũ" not in html(client.get(MOVEMENT_LIST, {"kind": "campaign"}))


def test_directive_list_has_no_n_plus_one(province, personas, client_for):
    client = client_for(personas.board_officer)
    _directive(province, 1)
    one = count_queries(client, DIRECTIVE_LIST)
    _directive(province, 2)
    _directive(province, 3)

    assert count_queries(client, DIRECTIVE_LIST) == one


def test_movement_page_shows_who_did_not_report(province, personas, client_for):
    movement = movement_for(province, participants=[province.farmers, province.women])
    _report(movement, province.farmers, figures={movement.targets.first(): 7})

    page = html(client_for(personas.board_officer).get(
        movement.get_absolute_url(), {"year": 2024, "period": ReportPeriod.YEAR_END}))

    assert gettext("Not reported") in page
    assert province.women.name in page
    assert ">7" in page


def test_movement_page_hides_other_units_reports_from_the_clerk(province, personas,
                                                                 client_for):
    movement = movement_for(province, participants=[province.farmers, province.women])
    _report(movement, province.women, summary="Báo cáo riêng của phụ nữ")
    women_report = ProgressReport.objects.get()
    client = client_for(personas.unit_clerk)

    page = html(client.get(movement.get_absolute_url(), {"year": 2024}))

    assert province.women.name not in page.split("movement-progress")[1]
    assert client.get(women_report.get_absolute_url()).status_code == 404


def test_movement_detail_n_plus_one_over_reports(province, personas, client_for):
    units = [province.farmers, province.women, province.farmers_sub]
    movement = movement_for(province, participants=units)
    client = client_for(personas.board_officer)
    url = f"{movement.get_absolute_url()}?year=2024"
    _report(movement, units[0], figures={t: 1 for t in movement.targets.all()})
    one = count_queries(client, url)
    _report(movement, units[1], figures={t: 2 for t in movement.targets.all()})
    _report(movement, units[2], figures={t: 3 for t in movement.targets.all()})

    assert count_queries(client, url) == one


def test_launch_movement_form_creates_it(province, personas, client_for):
    data = {"kind": MovementKind.REGULAR, "name": "Giải phóng mặt bằng",
            "launched_by": province.root.pk, "starts_on": "01/01/2025", "ends_on": "",
            "goals": "", "criteria": "", "cascade": "on",
            "targets": "Diện tích bàn giao | ha | 120,5\nHộ di dời | hộ |",
            "participants": "HND\nHLHPN"}

    response = client_for(personas.board_officer).post(reverse("workspace:movement-create"),
                                                       data)

    movement = Movement.objects.get()
    assert response.status_code == 302
    assert [str(t.target_value) for t in movement.targets.all()] == ["120.50", "None"]
    assert movement.participants.count() == 2


def test_launch_movement_form_shows_errors_in_vietnamese(province, personas, client_for):
    data = {"kind": MovementKind.REGULAR, "name": "Phong trào", "launched_by": province.root.pk,
            "starts_on": "01/06/2025", "ends_on": "01/01/2025", "targets": "", "participants": ""}

    response = client_for(personas.board_officer).post(reverse("workspace:movement-create"),
                                                       data)

    assert gettext("The end date must not be before the start date.") in html(response)
    assert not Movement.objects.exists()


def test_clerk_may_not_launch_movements(province, personas, client_for):
    response = client_for(personas.unit_clerk).get(reverse("workspace:movement-create"))

    assert response.status_code == 403


def test_clerk_reports_with_figures_and_evidence(province, personas, client_for):
    movement = movement_for(province)
    houses = movement.targets.first()
    data = {"unit": province.farmers.pk, "year": 2024, "period": ReportPeriod.MID_YEAR,
            "summary": "Đã xây 3 căn", f"target_{houses.pk}": "3",
            "evidence": SimpleUploadedFile("anh.pdf", PDF)}

    response = client_for(personas.unit_clerk).post(
        reverse("workspace:movement-report-create", args=[movement.pk]), data)

    report = ProgressReport.objects.get()
    assert response.status_code == 302
    assert report.figures.get().value == 3
    assert report.evidence.count() == 1


def test_report_form_refuses_bad_evidence_in_vietnamese(province, personas, client_for):
    movement = movement_for(province)
    data = {"unit": province.farmers.pk, "year": 2024, "period": ReportPeriod.MID_YEAR,
            "summary": "Kết quả", "evidence": SimpleUploadedFile("anh.pdf", b"not a pdf")}

    response = client_for(personas.unit_clerk).post(
        reverse("workspace:movement-report-create", args=[movement.pk]), data)

    assert gettext("The file is larger than 20 MB.") not in html(response)
    assert "PDF" in html(response)
    assert not ProgressReport.objects.exists()


def test_clerk_cannot_edit_other_units_report(province, personas, client_for):
    movement = movement_for(province, launched_by=province.farmers,
                            participants=[province.farmers, province.women])
    theirs = _report(movement, province.women)

    response = client_for(personas.unit_clerk).get(
        reverse("workspace:movement-report-edit", args=[theirs.pk]))

    assert response.status_code == 403


def test_directive_form_saves_the_file(province, personas, client_for):
    data = {"number": "15/CT-UBND", "issued_on": "10/01/2024", "issuer": "UBND tỉnh",
            "issuer_unit": province.root.pk, "kind": DirectiveKind.INSTRUCTION,
            "summary": "Chỉ thị", "file": SimpleUploadedFile("ct.pdf", PDF)}

    client = client_for(personas.board_officer)
    response = client.post(reverse("workspace:directive-create"), data)

    directive = Directive.objects.get()
    download = client.get(reverse("workspace:directive-file", args=[directive.pk]))
    download.close()
    assert response.status_code == 302
    assert download.status_code == 200
